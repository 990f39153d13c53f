import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const AGENTS_FILE_CAP = 32 * 1024;

const BASE_INSTRUCTIONS = `You are a coding agent working on one task in a git worktree of the user's repository.
Other agents work on other tasks in parallel, in other worktrees; your changes are merged after yours and theirs are done.
Use the tools to inspect and change files. Paths are relative to the repository root.
Change only what the task needs: stay within the files the task is about, keep the existing style, and do not reformat unrelated code.
Prefer edit_file or apply_patch for changes to existing files (apply_patch for several hunks or files at once) and write_file for new files.
When the task is done, call finish with a short summary of what you changed.`;

/**
 * The system instructions: our base text plus every AGENTS.md from the workspace root down to the
 * task's project, outermost first (as Codex reads them), capped so a large file cannot crowd out the task.
 */
export function buildInstructions(root: string, projectRoot: string | undefined): string {
  const parts = [BASE_INSTRUCTIONS];
  let budget = AGENTS_FILE_CAP;
  const folders = [''];
  if (projectRoot) {
    const segments = projectRoot.split('/');
    for (let i = 1; i <= segments.length; i++) folders.push(segments.slice(0, i).join('/'));
  }
  for (const folder of folders) {
    const file = join(root, folder, 'AGENTS.md');
    if (!existsSync(file) || budget <= 0) continue;
    let text = readFileSync(file, 'utf8');
    if (text.length > budget) text = `${text.slice(0, budget)}\n(AGENTS.md truncated)`;
    budget -= text.length;
    parts.push(`Instructions from ${folder ? `${folder}/` : ''}AGENTS.md:\n${text.trim()}`);
  }
  return parts.join('\n\n');
}

/** The user message: the task's title and its Markdown body. */
export function buildTaskPrompt(task: { id: string; title: string; prompt: string }): string {
  return task.prompt.trim() === task.title.trim() ? `# ${task.title}` : `# ${task.title}\n\n${task.prompt.trim()}`;
}
