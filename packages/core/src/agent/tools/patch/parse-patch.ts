/**
 * The patch format Codex models are trained to write (apply_patch):
 *
 *     *** Begin Patch
 *     *** Add File: src/new.ts
 *     +export const x = 1;
 *     *** Update File: src/old.ts
 *     *** Move to: src/renamed.ts        (optional)
 *     @@ function handler                 (optional: a line to find first)
 *      context line
 *     -removed line
 *     +added line
 *     *** End of File                     (optional: the hunk ends at the end of the file)
 *     *** Delete File: src/gone.ts
 *     *** End Patch
 *
 * Parsing is pure: text in, operations out, or a PatchSyntaxError naming the patch line.
 */
export type PatchOperation =
  | { kind: 'add'; path: string; lines: string[] }
  | { kind: 'delete'; path: string }
  | { kind: 'update'; path: string; moveTo?: string; hunks: Hunk[] };

export interface Hunk {
  /** Lines given after `@@`: each is found in order before the hunk's own lines are searched. */
  anchors: string[];
  /** Context and removed lines: what the file must contain. */
  before: string[];
  /** Context and added lines: what replaces it. */
  after: string[];
  /** Context lines as [index in before, index in after]: they keep the file's own text (its whitespace). */
  context: Array<[number, number]>;
  /** `*** End of File`: the hunk must match the last lines of the file. */
  atEnd: boolean;
  /** 1-based line of the hunk in the patch, for messages. */
  patchLine: number;
}

export class PatchSyntaxError extends Error {
  override name = 'PatchSyntaxError';
}

const BEGIN = '*** Begin Patch';
const END = '*** End Patch';
const ADD = '*** Add File: ';
const DELETE = '*** Delete File: ';
const UPDATE = '*** Update File: ';
const MOVE = '*** Move to: ';
const END_OF_FILE = '*** End of File';

export function parsePatch(text: string): PatchOperation[] {
  const lines = unwrapHeredoc(text.replace(/\r\n/g, '\n').split('\n'));
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  if (lines[start]?.trim() !== BEGIN) throw new PatchSyntaxError(`the patch must start with \`${BEGIN}\``);
  if (lines.length - 1 <= start || lines.at(-1)!.trim() !== END) throw new PatchSyntaxError(`the patch must end with \`${END}\``);

  const operations: PatchOperation[] = [];
  let i = start + 1;
  const last = lines.length - 1;
  const fail = (line: number, message: string): never => {
    throw new PatchSyntaxError(`patch line ${line + 1}: ${message}`);
  };
  const isHeader = (line: string) => line.startsWith(ADD) || line.startsWith(DELETE) || line.startsWith(UPDATE) || line.trim() === END;

  while (i < last) {
    const line = lines[i]!;
    if (line.startsWith(ADD)) {
      const path = pathOf(line, ADD, i, fail);
      const content: string[] = [];
      i++;
      while (i < last && !isHeader(lines[i]!)) {
        const body = lines[i]!;
        if (!body.startsWith('+')) fail(i, `every line of an added file starts with \`+\`, got ${JSON.stringify(body)}`);
        content.push(body.slice(1));
        i++;
      }
      operations.push({ kind: 'add', path, lines: content });
    } else if (line.startsWith(DELETE)) {
      operations.push({ kind: 'delete', path: pathOf(line, DELETE, i, fail) });
      i++;
    } else if (line.startsWith(UPDATE)) {
      const path = pathOf(line, UPDATE, i, fail);
      i++;
      let moveTo: string | undefined;
      if (i < last && lines[i]!.startsWith(MOVE)) {
        moveTo = pathOf(lines[i]!, MOVE, i, fail);
        i++;
      }
      const hunks: Hunk[] = [];
      while (i < last && !isHeader(lines[i]!)) {
        const hunk: Hunk = { anchors: [], before: [], after: [], context: [], atEnd: false, patchLine: i + 1 };
        while (i < last && lines[i]!.startsWith('@@')) {
          const anchor = lines[i]!.slice(2).trim();
          if (anchor) hunk.anchors.push(anchor);
          i++;
        }
        let changed = false;
        while (i < last && !isHeader(lines[i]!) && !lines[i]!.startsWith('@@')) {
          const body = lines[i]!;
          if (body.trim() === END_OF_FILE) {
            hunk.atEnd = true;
            i++;
            break;
          }
          if (body === '' && trailingBlanks(lines, i, last)) {
            while (i < last && lines[i] === '') i++;
            break;
          }
          const mark = body[0];
          if (mark === '-' || mark === '+') changed = true;
          if (mark === ' ' || mark === undefined) {
            hunk.context.push([hunk.before.length, hunk.after.length]);
            hunk.before.push(body.slice(1));
            hunk.after.push(body.slice(1));
          } else if (mark === '-') hunk.before.push(body.slice(1));
          else if (mark === '+') hunk.after.push(body.slice(1));
          else fail(i, `a hunk line starts with \` \` (context), \`-\` (remove) or \`+\` (add), got ${JSON.stringify(body)}`);
          i++;
        }
        if (!changed) fail(hunk.patchLine - 1, `hunk ${hunks.length + 1} of ${path} changes nothing: give \`-\` and \`+\` lines`);
        hunks.push(hunk);
      }
      if (hunks.length === 0 && moveTo === undefined) fail(i - 1, `\`${UPDATE}${path}\` has no hunks: add \`@@\` hunks, or use \`*** Move to:\` to rename`);
      operations.push({ kind: 'update', path, ...(moveTo !== undefined ? { moveTo } : {}), hunks });
    } else if (line.trim() === '') {
      i++;
    } else {
      fail(i, `expected \`${ADD}<path>\`, \`${UPDATE}<path>\` or \`${DELETE}<path>\`, got ${JSON.stringify(line)}`);
    }
  }
  if (operations.length === 0) throw new PatchSyntaxError('the patch has no file operations between Begin Patch and End Patch');
  return operations;
}

/** Unprefixed blank lines that only separate this hunk from the next one are not context. */
function trailingBlanks(lines: string[], from: number, last: number): boolean {
  let i = from;
  while (i < last && lines[i] === '') i++;
  return i >= last || lines[i]!.startsWith('*** ') || lines[i]!.startsWith('@@');
}

function pathOf(line: string, prefix: string, index: number, fail: (line: number, message: string) => never): string {
  const path = line.slice(prefix.length).trim();
  if (path === '') fail(index, `\`${prefix.trim()}\` needs a path`);
  return path;
}

/** Models sometimes send the shell form `apply_patch <<'EOF' ... EOF`; accept the patch inside it. */
function unwrapHeredoc(lines: string[]): string[] {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0 || !/^(apply_patch\s+)?<<-?\s*['"]?EOF['"]?\s*$/.test(lines[first]!.trim())) return lines;
  let last = lines.length - 1;
  while (last > first && lines[last]!.trim() === '') last--;
  return lines[last]!.trim() === 'EOF' ? lines.slice(first + 1, last) : lines;
}
