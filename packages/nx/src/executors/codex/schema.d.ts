export interface CodexExecutorOptions {
  provider?: 'openai' | 'replay' | 'command' | 'record';
  agentCommand?: string;
  agentEnv?: string[];
  model?: string;
  baseUrl?: string;
  concurrency?: number;
  maxTurns?: number;
  allowDirty?: boolean;
  checkCommand?: string;
  setup?: string;
  vague?: 'isolate' | 'share';
  guard?: number;
  assist?: boolean;
  assistModel?: string;
  cache?: boolean;
  rerunConflicts?: boolean;
  outputStyle?: 'text' | 'jsonl';
  taskTimeout?: string;
  denyCommands?: string[];
  allowCommands?: string[];
  defaultDeny?: boolean;
  prices?: string;
}
