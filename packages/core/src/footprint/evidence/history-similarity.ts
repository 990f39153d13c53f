import { singular, words } from '../prompt/read-prompt';
import type { CommitRecord } from '../sources/history';
import type { Candidate } from './candidate';

const TOP_COMMITS = 12;
/**
 * Votes are shares of the similar commits' total likeness, but never of less than one full match:
 * a lone commit that shares one word with the task ("fix alert styling" for "update pre tag
 * styling") would otherwise vote as if it were the task done before.
 */
const MIN_MASS = 1;

/**
 * Past commits whose messages resemble the task vote for the files they changed, weighted by how
 * alike they are (shared words, rarer words count more). Terse tasks ("fix(store): ...") name few
 * files, but the project's own history says where such changes usually land.
 */
export function historySimilarity(promptWords: readonly string[], history: readonly CommitRecord[], existing: ReadonlySet<string>): Candidate[] {
  const top = similarCommits(promptWords, history).slice(0, TOP_COMMITS);
  const mass = top.reduce((sum, entry) => sum + entry.similarity, 0);
  if (mass === 0) return [];

  const votes = new Map<string, { weight: number; example: string }>();
  for (const entry of top) {
    // A commit that changed many files says less about each of them.
    const spread = Math.sqrt(Math.min(1, 3 / entry.commit.files.length));
    for (const file of entry.commit.files) {
      if (!existing.has(file)) continue;
      const vote = votes.get(file) ?? { weight: 0, example: entry.commit.subject };
      vote.weight += (entry.similarity / Math.max(mass, MIN_MASS)) * spread;
      votes.set(file, vote);
    }
  }
  return [...votes].map(([path, vote]) => ({
    path,
    score: Math.min(0.6, 0.8 * vote.weight),
    reason: `changed by similar past commits (${Math.round(vote.weight * 100)}% of the weight), e.g. "${vote.example.slice(0, 80)}"`,
  }));
}

/** Past commits this alike in wording are the same task done again: a routine. */
const ROUTINE_SIMILARITY = 0.8;
const ROUTINE_COMMITS = 3;

/**
 * The files a routine task changes ("sync sponsors", "update the changelog"): everything commits
 * worded almost as the task changed, when at least three such commits exist and half of them
 * changed one file. Undefined when the task is no routine.
 */
export function routineFiles(promptWords: readonly string[], history: readonly CommitRecord[]): { files: Set<string>; commits: number } | undefined {
  // A routine is reworded from run to run: "sponsor sync", "sponsors sync".
  const alike = similarCommits(promptWords.map(singular), history, (commit) => words(commit.subject).map(singular).join(' ')).filter((entry) => entry.similarity >= ROUTINE_SIMILARITY);
  if (alike.length < ROUTINE_COMMITS) return undefined;
  // A routine returns to the same files. "Remove duplicate test 176", "... 182": alike in wording,
  // but each in its own folder, is a kind of task, not a routine.
  const changes = new Map<string, number>();
  for (const entry of alike) for (const file of entry.commit.files) changes.set(file, (changes.get(file) ?? 0) + 1);
  if (![...changes.values()].some((count) => count >= Math.max(2, alike.length / 2))) return undefined;
  return { files: new Set(changes.keys()), commits: alike.length };
}

/** Commits ranked by how alike their subjects are to the task's words: cosine over tf-idf, rarer words count more. */
export function similarCommits(promptWords: readonly string[], history: readonly CommitRecord[], subjectOf: (commit: CommitRecord) => string = (commit) => commit.subject): Array<{ commit: CommitRecord; similarity: number }> {
  if (history.length === 0 || promptWords.length === 0) return [];
  const query = new Set(promptWords);
  const documents = history.map((commit) => new Set(words(subjectOf(commit))));
  const df = new Map<string, number>();
  for (const document of documents) for (const word of document) df.set(word, (df.get(word) ?? 0) + 1);
  const idf = (word: string) => Math.log(1 + history.length / (1 + (df.get(word) ?? 0)));
  const norm = (document: Iterable<string>) => Math.sqrt([...document].reduce((sum, word) => sum + idf(word) ** 2, 0)) || 1;
  const queryNorm = norm(query);

  const scored: Array<{ commit: CommitRecord; similarity: number }> = [];
  documents.forEach((document, index) => {
    const shared = [...query].filter((word) => document.has(word));
    if (shared.length === 0) return;
    const dot = shared.reduce((sum, word) => sum + idf(word) ** 2, 0);
    scored.push({ commit: history[index]!, similarity: dot / (queryNorm * norm(document)) });
  });
  return scored.sort((a, b) => b.similarity - a.similarity);
}
