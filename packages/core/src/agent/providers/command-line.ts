import { CodewavesError } from '../../errors';

/** The placeholder an argument of an agent command may hold; without it the prompt goes on stdin. */
export const PROMPT_PLACEHOLDER = '{prompt}';

/**
 * Splits a command line into argv the way a POSIX shell splits words, and does nothing else: no
 * variables, no globs, no command substitution, no operators. `'…'` is literal, `"…"` honours
 * `\"` and `\\`, a backslash outside quotes escapes the next character. The result is never given
 * to a shell, so `;`, `|`, `$(…)` and backticks are ordinary characters of an argument.
 */
export function parseCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) {
    throw new CodewavesError('PROVIDER_CONFIG', `the agent command has an unclosed ${quote === '"' ? 'double' : 'single'} quote: ${line}`, {
      hint: 'close the quote, or give the command as a list of arguments (agent.command: [codex, exec, --json, "{prompt}"])',
    });
  }
  if (inWord) words.push(word);
  return words;
}

/** The agent command as argv: a list is taken as it is, a string is split by `parseCommandLine`. */
export function commandArgv(command: string | readonly string[]): string[] {
  const argv = typeof command === 'string' ? parseCommandLine(command) : [...command];
  if (argv.length === 0 || argv[0] === '') {
    throw new CodewavesError('PROVIDER_CONFIG', 'the agent command is empty', {
      hint: 'name the agent CLI and its arguments, e.g. agent.command: [codex, exec, --json, "{prompt}"]',
    });
  }
  return argv;
}

/**
 * The argv to start, with the prompt in place of each `{prompt}` (inside a single argument, so it
 * can never become more than one), and whether the prompt goes on stdin instead.
 */
export function substitutePrompt(argv: readonly string[], prompt: string): { argv: string[]; stdin: string | undefined } {
  const usesPlaceholder = argv.some((arg) => arg.includes(PROMPT_PLACEHOLDER));
  return {
    argv: argv.map((arg) => arg.split(PROMPT_PLACEHOLDER).join(prompt)),
    stdin: usesPlaceholder ? undefined : prompt,
  };
}
