import { isInside } from '../../workspace';
import { singular, splitIdentifier } from '../prompt/read-prompt';
import type { Candidate } from './candidate';
import { isUnspellable } from './file-roles';

const MAX_MATCHES = 6;
const NAMED_FOR = 1.4;
const LONE_WORD = 0.6;

/**
 * Files whose path spells the task's words: "fix the migration script to v18" finds
 * `migrations/18_0_0/index.ts`. Words are compared loosely (plural `s`, a leading `v` before a
 * version), rarer words count more, and only the few best-matching files are kept.
 */
export function pathWords(promptWords: readonly string[], files: readonly string[], within: readonly string[]): Candidate[] {
  const query = [...new Set(promptWords.map(normalise).filter((word) => word.length >= 2))];
  if (query.length === 0) return [];
  // Reasons quote the task's own word ("alias"), not the compared form ("alia").
  const written = new Map<string, string>();
  for (const word of promptWords) if (!written.has(normalise(word))) written.set(normalise(word), word);
  const pool = within.length > 0 ? files.filter((file) => within.some((root) => isInside(root, file))) : files;
  const tokensOf = (file: string) => {
    const root = within.find((candidate) => isInside(candidate, file)) ?? '';
    return new Set(splitIdentifier(file.slice(root.length)).map(normalise));
  };
  const tokenized = pool.map((file) => ({ file, tokens: tokensOf(file) }));
  const df = new Map<string, number>();
  for (const { tokens } of tokenized) for (const token of tokens) if (query.includes(token)) df.set(token, (df.get(token) ?? 0) + 1);
  const idf = (word: string) => Math.log(1 + pool.length / (1 + (df.get(word) ?? pool.length)));
  const total = query.reduce((sum, word) => sum + idf(word), 0) || 1;

  const rare = (word: string) => (df.get(word) ?? 0) <= Math.max(3, pool.length * 0.05);
  const distinctive = (word: string) => (df.get(word) ?? 0) <= 3;
  const scored = tokenized
    .map(({ file, tokens }) => {
      // A common word ("migration" among eleven migration files) cannot pick a file, but it backs
      // a distinctive one: "migration ... v18" is the v18 migration, not any file spelling 18.
      // It must not choose among a rare word's many files: "install ... component" is not the
      // install pages of the two guides whose folders spell "component".
      const rareMatches = query.filter((word) => tokens.has(word) && rare(word));
      const backed = rareMatches.some(distinctive);
      const matched = backed ? query.filter((word) => tokens.has(word)) : rareMatches;
      // A file named for a distinctive word (`footer.component.ts` for "footer") is about it; one
      // that only spells it among other words (`guide-footer.component.ts`) may be about something
      // else. A word that names many files (twelve `install.md` pages) cannot pick among them.
      const head = normalise(splitIdentifier(file.slice(file.lastIndexOf('/') + 1))[0] ?? '');
      const share = matched.reduce((sum, word) => sum + idf(word), 0) / total;
      // One word that neither the file nor its folder is named for is a weak sign: "remove unused
      // dependencies" is not about `no-unused-vars.ts`, nor "support link" about
      // `symbol-link.component.ts`; "update sponsors" is about `sponsors/script.pull.ts`.
      if (matched.length === 1 && !matched.includes(head) && !matched.includes(folderHead(file))) return { file, matched, share: share * LONE_WORD };
      return { file, matched, share: matched.includes(head) && distinctive(head) ? share * NAMED_FOR : share };
    })
    .filter((entry) => entry.matched.length > 0 && entry.share >= 0.3 && !isUnspellable(entry.file))
    .sort((a, b) => b.share - a.share || a.file.localeCompare(b.file))
    .slice(0, MAX_MATCHES);
  return scored.map((entry) => ({ path: entry.file, score: Math.min(0.5, 0.6 * entry.share), reason: `its path spells ${entry.matched.map((w) => `"${written.get(w) ?? w}"`).join(', ')} from the task` }));
}

/** The first word of the file's folder's name: `sponsors` for `www/sponsors/script.pull.ts`. */
function folderHead(file: string): string {
  const folder = file.slice(0, Math.max(0, file.lastIndexOf('/')));
  return normalise(splitIdentifier(folder.slice(folder.lastIndexOf('/') + 1))[0] ?? '');
}

function normalise(word: string): string {
  const lower = word.toLowerCase();
  return /^v\d+$/.test(lower) ? lower.slice(1) : singular(lower);
}
