export * from './parse-sprint-list';
export * from './sprint-task-ids';
export * from './choose-project';
export * from './place-sprint-tasks';
