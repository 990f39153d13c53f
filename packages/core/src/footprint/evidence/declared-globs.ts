import { minimatch } from 'minimatch';
import type { Candidate } from './candidate';

const GLOB_CHARS = /[*?[\]{}!]/;

/** `touches` globs: the user said so. A glob also stays as a pattern for files the task will create. */
export function declaredGlobs(touches: readonly string[], files: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const glob of touches) {
    const normalised = glob.replace(/^\.\//, '');
    const reason = `declared in touches: "${glob}"`;
    const matches = files.filter((file) => minimatch(file, normalised, { dot: true }));
    for (const file of matches) out.push({ path: file, score: 0.9, reason, stated: 'touches' });
    if (GLOB_CHARS.test(normalised)) out.push({ path: normalised, pattern: true, score: 0.9, reason, stated: 'touches' });
    else if (matches.length === 0) out.push({ path: normalised, score: 0.9, reason: `${reason} (a new file)`, stated: 'touches' });
  }
  return out;
}
