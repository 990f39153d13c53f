import { CodewavesError } from '../errors';
import { TASK_ID_PATTERN, taskIdFromTitle } from '../tasks';

/** One open item of a sprint list: what becomes one task file. */
export interface SprintItem {
  title: string;
  /** The item's indented continuation lines, dedented: the task's prompt (empty: the title is the prompt). */
  body: string;
  /** 1-based line of the item in the sprint list, for messages. */
  line: number;
  /** From a trailing `(depends on: a, b)` or `(after: a)`: task ids, or titles turned into ids. */
  dependsOn?: string[];
}

// Top-level list markers may be indented up to three spaces (CommonMark); deeper lines belong to the item above.
const ITEM = /^( {0,3})(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const CHECKBOX = /^\[([ xX])\](?:[ \t]+(.*)|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const DEPENDS_ON = /\s*\((?:depends[\s-]+on|after)\s*:\s*([^)]*)\)\s*$/i;
const FENCE = /^ {0,3}(```|~~~)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

interface OpenItem {
  indent: number;
  line: number;
  text: string;
  done: boolean;
  body: string[];
  blankSeen: boolean;
}

/**
 * Reads a Markdown checklist: `- [ ]`, plain `-`/`*`/`+` bullets and numbered items are tasks,
 * checked `- [x]` items are done and skipped, headings, prose and fenced code are ignored. Lines
 * indented under an item (and lazy continuation lines right after it) are its body. Pure.
 */
export function parseSprintList(file: string, text: string): SprintItem[] {
  const open: SprintItem[] = [];
  const doneIds = new Set<string>();
  let current: OpenItem | undefined;
  let fence: string | undefined;
  let inComment = false;

  const close = () => {
    if (!current) return;
    const item = toItem(file, current);
    if (current.done) {
      if (item.title) doneIds.add(taskIdFromTitle(item.title));
    } else open.push(item);
    current = undefined;
  };

  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, index) => {
    const indent = indentOf(line);
    const blank = line.trim() === '';
    if (fence !== undefined) {
      if (line.trim().startsWith(fence)) fence = undefined;
      return;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      return;
    }
    const item = THEMATIC_BREAK.test(line) ? undefined : ITEM.exec(line);
    if (item && (!current || indent <= current.indent)) {
      close();
      const rest = item[2] ?? '';
      const box = CHECKBOX.exec(rest);
      current = { indent, line: index + 1, text: box ? (box[2] ?? '') : rest, done: box !== null && box[1] !== ' ', body: [], blankSeen: false };
      return;
    }
    if (current && (blank || indent > current.indent)) {
      current.body.push(line);
      current.blankSeen = blank;
      return;
    }
    // A line right under an item, without a blank line between, continues it (Markdown's lazy continuation).
    if (current && !current.blankSeen && !HEADING.test(line) && !FENCE.test(line) && !THEMATIC_BREAK.test(line) && !line.trimStart().startsWith('<!--')) {
      current.body.push(line.trim());
      return;
    }
    close();
    // Fences and comments are skipped whole, so an example checklist inside them is not read as tasks.
    const opening = FENCE.exec(line);
    if (opening) fence = opening[1];
    else if (line.trimStart().startsWith('<!--') && !line.includes('-->')) inComment = true;
  });
  close();

  if (open.length === 0) {
    throw new CodewavesError('SPRINT_PARSE', doneIds.size > 0 ? 'every item of the sprint list is checked (done): there is nothing to plan' : 'the sprint list has no items', {
      location: { file },
      hint: 'write one task per line as a Markdown list item, e.g. `- [ ] Add input validation to POST /api/users`; checked items (`- [x]`) are skipped',
    });
  }
  // A dependency on a checked item is already met: the work is done.
  for (const item of open) {
    if (!item.dependsOn) continue;
    const remaining = item.dependsOn.filter((id) => !doneIds.has(id));
    if (remaining.length > 0) item.dependsOn = remaining;
    else delete item.dependsOn;
  }
  return open;
}

function toItem(file: string, open: OpenItem): SprintItem {
  let title = open.text.trim();
  let dependsOn: string[] | undefined;
  const depends = DEPENDS_ON.exec(title);
  if (depends) {
    title = title.slice(0, depends.index).trim();
    dependsOn = dependencyIds(file, open.line, depends[1]!);
  }
  if (!title && !open.done) {
    throw new CodewavesError('SPRINT_PARSE', 'list item has no title', {
      location: { file, line: open.line },
      hint: 'write what the task does after the marker, e.g. `- [ ] Paginate GET /api/products`, or remove the empty item',
    });
  }
  return { title, body: dedent(open.body), line: open.line, ...(dependsOn ? { dependsOn } : {}) };
}

/** `a, b` are ids; an entry with spaces is a title (`after: Add validation`) and becomes that title's id. */
function dependencyIds(file: string, line: number, list: string): string[] {
  const entries = list.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0 || entries.some((entry) => !/[A-Za-z0-9]/.test(entry))) {
    throw new CodewavesError('SPRINT_PARSE', `\`(depends on: ${list.trim()})\` names no task`, {
      location: { file, line },
      hint: 'list task ids or titles separated by commas, e.g. `(depends on: create-validation-lib)`, or remove the parentheses',
    });
  }
  return [...new Set(entries.map((entry) => (TASK_ID_PATTERN.test(entry) ? entry : taskIdFromTitle(entry))))];
}

function indentOf(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Removes the indentation the body lines share (lazy lines, already trimmed, do not count) and the blank edges. */
function dedent(lines: readonly string[]): string {
  const indents = lines.filter((line) => line.trim() !== '' && /^\s/.test(line)).map(indentOf);
  const shared = indents.length > 0 ? Math.min(...indents) : 0;
  const out = lines.map((line) => (/^\s/.test(line) ? stripIndent(line, shared) : line).trimEnd());
  while (out.length > 0 && out[0] === '') out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

function stripIndent(line: string, width: number): string {
  let removed = 0;
  let index = 0;
  while (index < line.length && removed < width && (line[index] === ' ' || line[index] === '\t')) {
    removed += line[index] === '\t' ? 4 - (removed % 4) : 1;
    index += 1;
  }
  return line.slice(index);
}
