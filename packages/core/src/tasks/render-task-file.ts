import { stringify } from 'yaml';
import type { TaskFrontMatter } from './task';

/** Writes a task file in the format parseTaskFile reads: front matter, blank line, prompt. */
export function renderTaskFile(frontMatter: TaskFrontMatter, prompt: string): string {
  const data: Record<string, unknown> = {};
  if (frontMatter.id) data.id = frontMatter.id;
  data.title = frontMatter.title;
  if (frontMatter.touches?.length) data.touches = frontMatter.touches;
  if (frontMatter.dependsOn?.length) data.dependsOn = frontMatter.dependsOn;
  if (frontMatter.agent && Object.keys(frontMatter.agent).length > 0) data.agent = frontMatter.agent;
  const yaml = stringify(data, { flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
  return `---\n${yaml}\n---\n\n${prompt.trim() || frontMatter.title}\n`;
}

/** Ids are file-name safe: letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const TASK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A task id from a title: `Add input validation to POST /api/users` -> `add-input-validation-to-post-api-users`. */
export function taskIdFromTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'task';
}
