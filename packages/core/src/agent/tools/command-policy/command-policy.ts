import { shellPipelines } from './shell-commands';

/**
 * Which commands run_command may run: a guard-rail against an agent's accidents (pushing, rewriting
 * the repository's config, publishing), not a security boundary. A shell command can always hide
 * what it runs (a variable, a script it writes first, an alias), so this only stops what a command
 * says openly. Isolation needs an OS sandbox or a container.
 *
 * A pattern is words: the program (matched by its base name, so `/usr/bin/git` is `git`), then
 * optionally the sub-command (the first word after the program's global options), then words that
 * must appear anywhere after it. `*` matches any one word. `git push` matches `git -C . push -f`;
 * `git branch -D` matches `git branch x -D`; `gh` matches every `gh` command.
 */
export interface CommandPolicySettings {
  /** When given, every command of a command line must match one of these. */
  allow?: string[];
  /** Commands that are refused; deny wins over allow. */
  deny?: string[];
  /** false: drop the built-in deny list (DEFAULT_DENY). */
  defaultDeny?: boolean;
}

/** The policy a run_command call is checked against: serialisable, so it travels to agent workers. */
export interface CommandPolicy {
  deny: Array<{ pattern: string; source: string; why?: string }>;
  /** Each list must be satisfied: a task's allow list cannot widen the run's. */
  allow: Array<{ patterns: string[]; source: string }>;
  /** Refuse a download piped into an interpreter (`curl ... | sh`). Part of the defaults. */
  denyPipeToShell: boolean;
}

export type CommandVerdict = { allowed: true } | { allowed: false; reason: string };

/** Each entry says why it is there; together: nothing that reaches past this task's worktree and branch. */
export const DEFAULT_DENY: ReadonlyArray<{ pattern: string; why: string }> = [
  { pattern: 'git push', why: 'publishing is the user\'s decision after review' },
  { pattern: 'git remote', why: 'the remotes belong to the user\'s repository' },
  { pattern: 'git config', why: 'the repository config is shared by every worktree' },
  { pattern: 'git worktree', why: 'other tasks\' worktrees belong to the run' },
  { pattern: 'git update-ref', why: 'branches are moved by the run, not the agent' },
  { pattern: 'git switch', why: 'the task commits on the branch it was given' },
  { pattern: 'git checkout -b', why: 'the task commits on the branch it was given' },
  { pattern: 'git checkout -B', why: 'the task commits on the branch it was given' },
  { pattern: 'git branch -d', why: 'other branches belong to the run and the user' },
  { pattern: 'git branch -D', why: 'other branches belong to the run and the user' },
  { pattern: 'git branch --delete', why: 'other branches belong to the run and the user' },
  { pattern: 'git branch -m', why: 'other branches belong to the run and the user' },
  { pattern: 'git branch -M', why: 'other branches belong to the run and the user' },
  { pattern: 'npm publish', why: 'publishing is the user\'s decision after review' },
  { pattern: 'pnpm publish', why: 'publishing is the user\'s decision after review' },
  { pattern: 'yarn publish', why: 'publishing is the user\'s decision after review' },
  { pattern: 'yarn npm publish', why: 'publishing is the user\'s decision after review' },
  { pattern: 'docker push', why: 'publishing is the user\'s decision after review' },
  { pattern: 'gh', why: 'the GitHub CLI acts on the user\'s GitHub account' },
  { pattern: 'sudo', why: 'an agent needs no other user\'s rights' },
  { pattern: 'su', why: 'an agent needs no other user\'s rights' },
  { pattern: 'doas', why: 'an agent needs no other user\'s rights' },
];

/** Combines the levels (run options, then the task's front matter) into one policy. */
export function commandPolicy(levels: ReadonlyArray<CommandPolicySettings & { source: string }>): CommandPolicy {
  const defaults = levels.every((level) => level.defaultDeny !== false);
  return {
    deny: [
      ...(defaults ? DEFAULT_DENY.map((entry) => ({ ...entry, source: 'the default deny list' })) : []),
      ...levels.flatMap((level) => (level.deny ?? []).map((pattern) => ({ pattern, source: level.source }))),
    ],
    allow: levels.flatMap((level) => (level.allow && level.allow.length > 0 ? [{ patterns: level.allow, source: level.source }] : [])),
    denyPipeToShell: defaults,
  };
}

export const DEFAULT_COMMAND_POLICY: CommandPolicy = commandPolicy([]);

const DOWNLOADERS = new Set(['curl', 'wget']);
const INTERPRETERS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'python', 'python3', 'node', 'perl', 'ruby']);

/** Checks every simple command of a command line (each side of `&&`, `;`, `|`, inside `$(...)`, `sh -c`). */
export function commandVerdict(command: string, policy: CommandPolicy): CommandVerdict {
  for (const pipeline of shellPipelines(command)) {
    if (policy.denyPipeToShell) {
      const download = pipeline.findIndex((words) => DOWNLOADERS.has(programName(words)));
      if (download >= 0 && pipeline.slice(download + 1).some((words) => INTERPRETERS.has(programName(words)))) {
        return { allowed: false, reason: `\`${pipeline.map((words) => words.join(' ')).join(' | ')}\` pipes a download into an interpreter (the default deny list): download to a file and read it first` };
      }
    }
    for (const words of pipeline) {
      const shown = words.join(' ');
      const denied = policy.deny.find((entry) => matches(entry.pattern, words));
      if (denied) return { allowed: false, reason: `\`${shown}\` matches \`${denied.pattern}\` in ${denied.source}${denied.why ? ` (${denied.why})` : ''}` };
      for (const list of policy.allow) {
        if (!list.patterns.some((pattern) => matches(pattern, words))) {
          return { allowed: false, reason: `\`${shown}\` is not in the allow list of ${list.source} (${list.patterns.map((p) => `\`${p}\``).join(', ')})` };
        }
      }
    }
  }
  return { allowed: true };
}

/** Options that take the next word as their value, per program, so the sub-command is found after them. */
const VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  git: new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--super-prefix', '--config-env']),
  npm: new Set(['--prefix', '-w', '--workspace', '--userconfig']),
  pnpm: new Set(['-C', '--dir', '-F', '--filter', '-w']),
  yarn: new Set(['--cwd']),
  docker: new Set(['-H', '--host', '--config', '--context', '-c', '-l', '--log-level']),
};

export function matches(pattern: string, words: readonly string[]): boolean {
  const want = pattern.trim().split(/\s+/).filter(Boolean);
  if (want.length === 0 || words.length === 0) return false;
  const program = programName(words);
  if (!same(want[0]!, program)) return false;
  if (want.length === 1) return true;
  let rest = words.slice(1);
  if (!want[1]!.startsWith('-')) {
    const valued = VALUE_OPTIONS[program] ?? new Set<string>();
    let i = 0;
    while (i < rest.length && rest[i]!.startsWith('-')) i += valued.has(rest[i]!) ? 2 : 1;
    if (i >= rest.length || !same(want[1]!, rest[i]!)) return false;
    rest = rest.slice(i + 1);
    return want.slice(2).every((word) => rest.some((candidate) => same(word, candidate)));
  }
  return want.slice(1).every((word) => rest.some((candidate) => same(word, candidate)));
}

function programName(words: readonly string[]): string {
  const first = words[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}

function same(pattern: string, word: string): boolean {
  return pattern === '*' || pattern === word;
}
