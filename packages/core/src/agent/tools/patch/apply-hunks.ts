import type { Hunk } from './parse-patch';

/** A hunk whose lines are not in the file: which one, and the lines of the file that come closest. */
export class HunkMismatchError extends Error {
  override name = 'HunkMismatchError';
}

/** How close a line must be: exact first, then ignoring trailing, then surrounding whitespace (as Codex does). */
const COMPARISONS: ReadonlyArray<(line: string) => string> = [(line) => line, (line) => line.trimEnd(), (line) => line.trim()];

interface FileLines {
  lines: string[];
  eol: '\n' | '\r\n';
  finalNewline: boolean;
}

export function splitLines(text: string): FileLines {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const finalNewline = text.length > 0 && lines.at(-1) === '';
  if (finalNewline || text.length === 0) lines.pop();
  return { lines, eol, finalNewline };
}

export function joinLines(file: FileLines): string {
  if (file.lines.length === 0) return '';
  return file.lines.join(file.eol) + (file.finalNewline ? file.eol : '');
}

/**
 * Applies an update's hunks, in order, to a file's text and returns the new text. Each hunk is
 * searched from where the previous one ended; nothing is written here, so a caller can check every
 * file of a patch before changing any.
 */
export function applyHunks(path: string, text: string, hunks: readonly Hunk[]): string {
  const file = splitLines(text);
  const lines = file.lines;
  let cursor = 0;
  const replacements: Array<{ at: number; remove: number; insert: string[] }> = [];
  for (const [index, hunk] of hunks.entries()) {
    const label = `hunk ${index + 1} of ${hunks.length} (patch line ${hunk.patchLine})`;
    for (const anchor of hunk.anchors) {
      const found = seek(lines, [anchor], cursor, false);
      if (found < 0) {
        throw new HunkMismatchError(`${path}: ${label}: the \`@@ ${anchor}\` line was not found${cursor > 0 ? ` after line ${cursor}` : ''}.${nearest(lines, [anchor])}`);
      }
      cursor = found + 1;
    }
    if (hunk.before.length === 0) {
      // Only additions: after the anchor if there was one, else at the end of the file.
      const at = hunk.anchors.length > 0 && !hunk.atEnd ? cursor : lines.length;
      replacements.push({ at, remove: 0, insert: hunk.after });
      cursor = at;
      continue;
    }
    const found = seek(lines, hunk.before, cursor, hunk.atEnd);
    if (found < 0) {
      throw new HunkMismatchError(
        `${path}: ${label}: its context and \`-\` lines were not found${cursor > 0 ? ` after line ${cursor}` : ''}${hunk.atEnd ? ' at the end of the file' : ''}. It expected:\n${hunk.before.map((line) => `  |${line}`).join('\n')}${nearest(lines, hunk.before)}`,
      );
    }
    const insert = [...hunk.after];
    for (const [inBefore, inAfter] of hunk.context) insert[inAfter] = lines[found + inBefore]!;
    replacements.push({ at: found, remove: hunk.before.length, insert });
    cursor = found + hunk.before.length;
  }
  for (const { at, remove, insert } of replacements.reverse()) lines.splice(at, remove, ...insert);
  return joinLines({ ...file, finalNewline: file.finalNewline || text.length === 0 });
}

/** Where `wanted` starts in `lines` at or after `from`, trying each comparison in turn; -1 when nowhere. */
function seek(lines: readonly string[], wanted: readonly string[], from: number, atEnd: boolean): number {
  if (wanted.length > lines.length) return -1;
  for (const compare of COMPARISONS) {
    const want = wanted.map(compare);
    const matchesAt = (start: number) => want.every((line, offset) => compare(lines[start + offset]!) === line);
    if (atEnd) {
      const start = lines.length - wanted.length;
      if (start >= from && matchesAt(start)) return start;
      continue;
    }
    for (let start = from; start + wanted.length <= lines.length; start++) if (matchesAt(start)) return start;
  }
  return -1;
}

/** The window of the file that shares the most lines (ignoring whitespace) with what the hunk expected. */
function nearest(lines: readonly string[], wanted: readonly string[]): string {
  if (lines.length === 0) return ' The file is empty.';
  const want = wanted.map((line) => line.trim());
  let best = 0;
  let bestScore = 0;
  for (let start = 0; start < lines.length; start++) {
    let score = 0;
    for (let offset = 0; offset < want.length && start + offset < lines.length; offset++) {
      if (want[offset] !== '' && lines[start + offset]!.trim() === want[offset]) score++;
    }
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  if (bestScore === 0) return ' No line of the file resembles it: read the file again before patching.';
  const from = Math.max(0, best - 2);
  const to = Math.min(lines.length, best + want.length + 2);
  const shown = lines.slice(from, to).map((line, i) => `  ${String(from + i + 1).padStart(5)}|${line}`);
  return `\nThe nearest lines in the file (${bestScore} of ${want.length} lines alike):\n${shown.join('\n')}\nRead the file again and copy its lines exactly.`;
}
