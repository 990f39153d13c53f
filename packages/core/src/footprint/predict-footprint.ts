import { minimatch } from 'minimatch';
import type { Task } from '../tasks';
import type { Project } from '../workspace';
import type { Footprint, FootprintEntry } from './footprint';
import { mentionedPaths } from './mentioned-paths';

export interface FootprintContext {
  files: readonly string[];
  projects: readonly Project[];
}

const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * The first footprint: declared `touches` globs, paths mentioned in the prompt, and the owning
 * project as a low-confidence fallback when neither says anything. Pure: data in, data out.
 */
export function predictFootprint(task: Task, context: FootprintContext): Footprint {
  const writes = new Map<string, FootprintEntry>();
  const add = (entry: FootprintEntry) => {
    const existing = writes.get(entry.path);
    if (existing) {
      existing.confidence = Math.max(existing.confidence, entry.confidence);
      existing.reasons.push(...entry.reasons.filter((reason) => !existing.reasons.includes(reason)));
    } else writes.set(entry.path, { ...entry, reasons: [...entry.reasons] });
  };

  for (const glob of task.touches) {
    const normalised = glob.replace(/^\.\//, '');
    const matches = context.files.filter((file) => minimatch(file, normalised, { dot: true }));
    for (const file of matches) add({ path: file, confidence: 0.9, reasons: [`declared in touches: "${glob}"`] });
    if (GLOB_CHARS.test(normalised)) {
      // Keep the pattern too: it stands for files the task may create, which no listing can show.
      add({ path: normalised, pattern: true, confidence: 0.9, reasons: [`declared in touches: "${glob}"`] });
    } else if (matches.length === 0) {
      add({ path: normalised, confidence: 0.9, reasons: [`declared in touches: "${glob}" (a new file)`] });
    }
  }

  const projectRoot = context.projects.find((project) => project.name === task.project)?.root;
  for (const token of mentionedPaths(`${task.title}\n${task.prompt}`)) {
    for (const file of resolveMention(token, context.files, projectRoot)) {
      add({ path: file, confidence: file === token ? 0.8 : 0.6, reasons: [`mentioned in the prompt as "${token}"`] });
    }
  }

  let fallback = false;
  if (writes.size === 0) {
    fallback = true;
    const root = projectRoot ?? '';
    add({
      path: root === '' ? '**' : `${root}/**`,
      pattern: true,
      confidence: 0.2,
      reasons: [task.project ? `no file named: any file of project ${task.project}` : 'no file named: any file of the workspace'],
    });
  }

  return { taskId: task.id, writes: sortEntries([...writes.values()]), reads: [], fallback };
}

function resolveMention(token: string, files: readonly string[], projectRoot: string | undefined): string[] {
  if (files.includes(token)) return [token];
  if (projectRoot && files.includes(`${projectRoot}/${token}`)) return [`${projectRoot}/${token}`];
  const suffix = files.filter((file) => file.endsWith(`/${token}`));
  if (suffix.length > 0 && suffix.length <= 3) return suffix;
  return [];
}

function sortEntries(entries: FootprintEntry[]): FootprintEntry[] {
  return entries.sort((a, b) => b.confidence - a.confidence || a.path.localeCompare(b.path));
}
