export interface CodexPlanExecutorOptions {
  format?: 'text' | 'json' | 'markdown' | 'mermaid' | 'matrix';
  json?: boolean;
  output?: string;
  hotspots?: 'serialise' | 'merge';
  vague?: 'isolate' | 'share';
  guard?: number;
  concurrency?: number;
  check?: boolean;
  maxWaves?: number;
  maxFootprint?: number;
  expect?: string;
  assist?: boolean;
  assistModel?: string;
  cache?: boolean;
}
