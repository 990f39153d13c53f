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
  rerunConflicts?: boolean;
  outputStyle?: 'text' | 'jsonl';
}
