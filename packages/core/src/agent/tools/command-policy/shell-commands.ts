/**
 * The simple commands a shell command line would run, as word lists, grouped into pipelines:
 * `a && b | c; d` is [[a], [b, c], [d]]. Quotes and escapes are honoured; the text of `$(...)`,
 * backticks, `<(...)`, `sh -c '...'` and `eval ...` is read as commands too. This is a reader for a
 * guard-rail, not a shell: it does not expand variables, aliases or functions.
 */
export type Pipeline = string[][];

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish']);
const KEYWORDS = new Set(['!', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until']);
const MAX_DEPTH = 8;

export function shellPipelines(command: string, depth = 0): Pipeline[] {
  const { pipelines, nested } = split(command);
  const out: Pipeline[] = [];
  for (const pipeline of pipelines) {
    const normalised = pipeline.map(programWords).filter((words) => words.length > 0);
    if (normalised.length > 0) out.push(normalised);
    for (const words of normalised) {
      const inner = innerScript(words);
      if (inner !== undefined && depth < MAX_DEPTH) out.push(...shellPipelines(inner, depth + 1));
    }
  }
  if (depth < MAX_DEPTH) for (const text of nested) out.push(...shellPipelines(text, depth + 1));
  return out;
}

/** `sh -c 'script'` and `eval words...`: the script they would run. */
function innerScript(words: readonly string[]): string | undefined {
  const program = basename(words[0]!);
  if (program === 'eval') return words.slice(1).join(' ');
  if (SHELLS.has(program)) {
    const flag = words.findIndex((word, index) => index > 0 && /^-[a-z]*c[a-z]*$/i.test(word));
    if (flag > 0 && words[flag + 1] !== undefined) return words[flag + 1];
  }
  return undefined;
}

/**
 * The words that name what runs: without leading `NAME=value` assignments, redirections, shell
 * keywords and wrappers that run their arguments (`env`, `nice`, `timeout`, `xargs`, `nohup` ...).
 */
export function programWords(words: readonly string[]): string[] {
  const rest = dropRedirections(words);
  let i = 0;
  for (;;) {
    while (i < rest.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[i]!) || KEYWORDS.has(rest[i]!))) i++;
    if (i >= rest.length) break;
    const skip = wrapperArguments(basename(rest[i]!), rest, i + 1);
    if (skip < 0) break;
    i += 1 + skip;
  }
  return rest.slice(i);
}

/** How many words after a wrapper belong to it (its options and settings); -1 when it is not a wrapper. */
function wrapperArguments(program: string, words: readonly string[], from: number): number {
  let i = from;
  const options = (withValue: RegExp) => {
    while (i < words.length && words[i]!.startsWith('-') && words[i] !== '--') {
      i += withValue.test(words[i]!) ? 2 : 1;
    }
    if (words[i] === '--') i++;
  };
  switch (program) {
    case 'env':
      options(/^-(u|C|S|-unset|-chdir)$/);
      while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) i++;
      return i - from;
    case 'nice':
    case 'ionice':
    case 'stdbuf':
    case 'chrt':
      options(/^-(n|c|p|i|o|e)$/);
      return i - from;
    case 'timeout':
      options(/^-(s|k|-signal|-kill-after)$/);
      return i - from + 1; // the duration
    case 'xargs':
      options(/^-(I|n|P|L|d|s|E|a)$/);
      return i - from;
    case 'time':
    case 'nohup':
    case 'exec':
    case 'command':
    case 'builtin':
      options(/^$/);
      return i - from;
    default:
      return -1;
  }
}

function dropRedirections(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const redirect = /^(\d*|&)(>>?|<<?<?|>&|<&|&>>?)(.*)$/.exec(word);
    if (redirect) {
      if (redirect[3] === '') i++; // the target is the next word
      continue;
    }
    out.push(word);
  }
  return out;
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** Splits on `;`, `&`, `&&`, `||`, newlines and parentheses (new pipeline) and `|`, `|&` (same pipeline). */
function split(command: string): { pipelines: string[][][]; nested: string[] } {
  const pipelines: string[][][] = [];
  const nested: string[] = [];
  let pipeline: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) pipeline.push(words);
    words = [];
  };
  const endPipeline = () => {
    endCommand();
    if (pipeline.length > 0) pipelines.push(pipeline);
    pipeline = [];
  };
  const append = (text: string) => (word = (word ?? '') + text);

  // Here-documents whose bodies start after the current line: their text is data, not commands.
  const heredocs: Array<{ delimiter: string; stripTabs: boolean }> = [];
  let i = 0;
  while (i < command.length) {
    const c = command[i]!;
    const next = command[i + 1];
    if (c === '<' && next === '<' && command[i + 2] !== '<' && word === undefined) {
      i += 2;
      const stripTabs = command[i] === '-';
      if (stripTabs) i++;
      while (command[i] === ' ' || command[i] === '\t') i++;
      const match = /^(['"]?)([^\s'";&|<>()]+)\1/.exec(command.slice(i));
      if (match) {
        heredocs.push({ delimiter: match[2]!, stripTabs });
        i += match[0].length;
      }
    } else if (c === '\n' && heredocs.length > 0) {
      i = skipHeredocBodies(command, i + 1, heredocs.splice(0));
      endPipeline();
    } else if (c === '\\') {
      if (next !== '\n' && next !== undefined) append(next);
      i += 2;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      append(command.slice(i + 1, end < 0 ? command.length : end));
      i = end < 0 ? command.length : end + 1;
    } else if (c === '"') {
      i++;
      let text = '';
      while (i < command.length && command[i] !== '"') {
        if (command[i] === '\\' && i + 1 < command.length) {
          text += command[i + 1];
          i += 2;
        } else if (command[i] === '$' && command[i + 1] === '(') {
          const end = closing(command, i + 1);
          nested.push(command.slice(i + 2, end));
          text += command.slice(i, end + 1);
          i = end + 1;
        } else if (command[i] === '`') {
          const end = command.indexOf('`', i + 1);
          nested.push(command.slice(i + 1, end < 0 ? command.length : end));
          i = end < 0 ? command.length : end + 1;
        } else text += command[i++];
      }
      append(text);
      i++;
    } else if ((c === '$' || c === '<' || c === '>') && next === '(') {
      const end = closing(command, i + 1);
      nested.push(command.slice(i + 2, end));
      append(command.slice(i, end + 1));
      i = end + 1;
    } else if (c === '`') {
      const end = command.indexOf('`', i + 1);
      nested.push(command.slice(i + 1, end < 0 ? command.length : end));
      append('`...`');
      i = end < 0 ? command.length : end + 1;
    } else if (c === '#' && word === undefined) {
      while (i < command.length && command[i] !== '\n') i++;
    } else if (c === '|' && next !== '|') {
      endCommand();
      i += next === '&' ? 2 : 1;
    } else if (c === ';' || c === '\n' || c === '(' || c === ')' || ((c === '&' || c === '|') && next === c)) {
      endPipeline();
      i += (c === '&' || c === '|') && next === c ? 2 : 1;
    } else if (c === '&' && next !== '>' && command[i - 1] !== '>' && command[i - 1] !== '<') {
      endPipeline();
      i++;
    } else if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else {
      append(c);
      i++;
    }
  }
  endPipeline();
  return { pipelines, nested };
}

/** Where the text after the here-document bodies starting at `from` resumes. */
function skipHeredocBodies(text: string, from: number, heredocs: ReadonlyArray<{ delimiter: string; stripTabs: boolean }>): number {
  let i = from;
  for (const { delimiter, stripTabs } of heredocs) {
    while (i < text.length) {
      const end = text.indexOf('\n', i);
      const line = text.slice(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
      if ((stripTabs ? line.replace(/^\t+/, '') : line) === delimiter) break;
    }
  }
  return i;
}

/** Index of the `)` that closes the `(` at `open`, skipping quoted text; the end of the text if none. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return text.length;
      i = end;
    } else if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length;
}
