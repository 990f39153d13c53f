export interface CodexPlanExecutorOptions {
  json?: boolean;
}
