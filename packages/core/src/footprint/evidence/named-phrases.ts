import type { Candidate } from './candidate';

/** A phrase that many files bear (`index-spec`) names none of them. */
const MAX_FILES = 3;

/**
 * Source files named by a phrase of the prompt: "during CLI init ... init command" -> `InitCommand.ts`,
 * "Update/SoftDelete query builders" -> `UpdateQueryBuilder.ts`, `SoftDeleteQueryBuilder.ts`.
 * `stems` holds source files by stem and by its kebab-case spelling.
 */
export function namedPhrases(phrases: readonly string[], stems: ReadonlyMap<string, string[]>): Candidate[] {
  const out: Candidate[] = [];
  for (const phrase of phrases) {
    const named = stems.get(phrase) ?? [];
    if (named.length === 0 || named.length > MAX_FILES) continue;
    // Two words alone named the right file once in seven ("join column" in a fix about join
    // columns): enough to back other evidence. Three ("soft delete query builder") name it.
    const score = (phrase.split('-').length >= 3 ? 0.6 : 0.3) / Math.sqrt(named.length);
    for (const file of named) out.push({ path: file, score, reason: `file named after "${phrase.replace(/-/g, ' ')}" in the task` });
  }
  return out;
}
