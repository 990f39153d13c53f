import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { isCodewavesError } from '../../errors';
import { resolveInside, type SandboxRoots } from '../../sandbox';
import { applyHunks, HunkMismatchError } from './patch/apply-hunks';
import { parsePatch, PatchSyntaxError, type PatchOperation } from './patch/parse-patch';
import { ToolArgumentError, type AgentTool, type ToolResult } from './tool';

const FORMAT = `The patch format:
*** Begin Patch
*** Add File: <path>            then every line of the new file, each starting with +
*** Delete File: <path>
*** Update File: <path>
*** Move to: <new path>         (optional: rename the file)
@@ <a line near the change, such as a function signature>   (optional)
 <context line, starting with a space>
-<line to remove>
+<line to add>
*** End Patch
Give about 3 lines of context before and after each change, copied exactly from the file; start each further hunk with @@. Paths are relative to the workspace root.`;

/** What a patch will do to one real path: its new text, or undefined to delete it; `shown` is its line in the result. */
type Change = { path: string; shown: string; text: string | undefined };

export const applyPatchTool: AgentTool = {
  spec: {
    name: 'apply_patch',
    description: `Edit files with a patch: add, update (with context hunks), rename and delete files in one call. The whole patch is checked before anything is written: if one hunk does not fit, no file changes and the error says which hunk and shows the nearest lines.\n${FORMAT}`,
    parameters: {
      type: 'object',
      properties: { patch: { type: 'string', description: 'The whole patch, from `*** Begin Patch` to `*** End Patch`.' } },
      required: ['patch'],
      additionalProperties: false,
    },
  },
  async run(args, { roots }) {
    // Codex's own tool calls the argument `input`; accept it so a model trained on it is not refused.
    const patch = typeof args.patch === 'string' ? args.patch : typeof args.input === 'string' ? args.input : undefined;
    if (patch === undefined) throw new ToolArgumentError('missing required argument `patch` (a string)');
    let changes: Change[];
    try {
      changes = await planPatch(roots, parsePatch(patch));
    } catch (error) {
      return refusal(error);
    }
    await writeAll(changes);
    return {
      output: `applied the patch:\n${changes.flatMap((change) => (change.shown ? [change.shown] : [])).join('\n')}`,
      wrote: [...new Set(changes.map((change) => relative(roots.worktree, change.path)))].sort(),
    };
  },
};

/** Every path checked, every hunk fitted, in memory: the list of writes, or an error before any. */
async function planPatch(roots: SandboxRoots, operations: readonly PatchOperation[]): Promise<Change[]> {
  const changes: Change[] = [];
  const seen = new Map<string, string>();
  const claim = (requested: string): string => {
    const path = resolveInside(roots, requested, 'write');
    const earlier = seen.get(path);
    if (earlier !== undefined) throw new PatchPlanError(`${requested}: the patch touches this file twice (also as ${earlier}); put all its changes under one \`*** Update File:\``);
    seen.set(path, requested);
    return path;
  };
  for (const operation of operations) {
    const path = claim(operation.path);
    if (operation.kind === 'add') {
      if (existsSync(path)) throw new PatchPlanError(`${operation.path} already exists: use \`*** Update File: ${operation.path}\` to change it`);
      changes.push({ path, shown: `A ${operation.path}`, text: operation.lines.length > 0 ? `${operation.lines.join('\n')}\n` : '' });
      continue;
    }
    const current = await readText(path, operation.path);
    if (operation.kind === 'delete') {
      changes.push({ path, shown: `D ${operation.path}`, text: undefined });
      continue;
    }
    const text = operation.hunks.length > 0 ? applyHunks(operation.path, current, operation.hunks) : current;
    if (operation.moveTo === undefined) {
      changes.push({ path, shown: `M ${operation.path}`, text });
      continue;
    }
    const target = claim(operation.moveTo);
    if (existsSync(target)) throw new PatchPlanError(`cannot move ${operation.path} to ${operation.moveTo}: that file already exists`);
    changes.push({ path, shown: `R ${operation.path} -> ${operation.moveTo}`, text: undefined }, { path: target, shown: '', text });
  }
  return changes;
}

async function readText(path: string, shown: string): Promise<string> {
  if (!existsSync(path)) throw new PatchPlanError(`${shown} does not exist: use \`*** Add File: ${shown}\` to create it`);
  if (statSync(path).isDirectory()) throw new PatchPlanError(`${shown} is a folder, not a file`);
  const buffer = await readFile(path);
  if (buffer.includes(0)) throw new PatchPlanError(`${shown} is a binary file; apply_patch edits text files`);
  return buffer.toString('utf8');
}

/** Writes every change; if one fails, puts back what was written before it. */
async function writeAll(changes: readonly Change[]): Promise<void> {
  const undo: Array<() => Promise<void>> = [];
  try {
    for (const change of changes) {
      const before = existsSync(change.path) ? await readFile(change.path) : undefined;
      undo.push(async () => (before === undefined ? rm(change.path, { force: true }) : writeFile(change.path, before)));
      if (change.text === undefined) await rm(change.path);
      else {
        await mkdir(dirname(change.path), { recursive: true });
        await writeFile(change.path, change.text);
      }
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
}

class PatchPlanError extends Error {
  override name = 'PatchPlanError';
}

function refusal(error: unknown): ToolResult {
  const nothing = 'The patch was not applied: no file was changed.';
  if (error instanceof PatchSyntaxError) return { output: `${error.message}\n${nothing}\n${FORMAT}`, isError: true };
  if (error instanceof HunkMismatchError || error instanceof PatchPlanError) return { output: `${error.message}\n${nothing}`, isError: true };
  if (isCodewavesError(error)) return { output: `${error.message}${error.hint ? `: ${error.hint}` : ''}.\n${nothing}`, isError: true };
  throw error;
}
