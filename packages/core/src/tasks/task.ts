/** Which agent runs a task; every field can also come from the run's options. */
export interface AgentSettings {
  provider?: 'openai' | 'replay' | 'command';
  model?: string;
  baseURL?: string;
  /** replay: transcript path relative to the task file. */
  transcript?: string;
  /** command: the agent CLI as argv, or one line split without a shell; `{prompt}` marks the prompt (else stdin). */
  command?: string | string[];
  /** command: secret-looking environment variables the agent CLI may see (its own API key), by name. */
  allowEnv?: string[];
}

/** What run_command may run for a task; see agent/tools/command-policy. */
export interface CommandSettings {
  allow?: string[];
  deny?: string[];
  defaultDeny?: boolean;
}

/** What a task file's front matter may say. task.schema.json is the source of truth for this. */
export interface TaskFrontMatter {
  id?: string;
  title: string;
  touches?: string[];
  dependsOn?: string[];
  agent?: AgentSettings;
  commands?: CommandSettings;
  /** `10m`, `90s`, `1h30m` or seconds. */
  timeout?: string | number;
}

/** A task as the rest of the engine sees it: parsed, validated, with where it came from. */
export interface Task {
  id: string;
  title: string;
  /** The Markdown body: the prompt the agent gets. */
  prompt: string;
  touches: string[];
  dependsOn: string[];
  agent: AgentSettings;
  commands?: CommandSettings;
  /** Wall-clock limit for the agent, from the front matter's `timeout`. */
  timeoutMs?: number;
  /** Workspace-relative path of the task file, with forward slashes. */
  file: string;
  /** The project that owns the task file, if any. */
  project?: string;
}
