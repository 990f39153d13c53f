export * from './task';
export * from './parse-task-file';
export * from './discover-tasks';
export * from './validate-task-set';
export * from './render-task-file';
export * from './duration';
