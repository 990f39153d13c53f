/**
 * Path-like tokens in a prompt: `src/routes/users.ts`, "README.md", apps/api/src/server.ts.
 * Deliberately strict (a slash or a file extension) so prose words are not taken for files.
 */
const TOKEN = /[`'"(\[]?([A-Za-z0-9_@.\-][A-Za-z0-9_@.\-/]*\.[A-Za-z0-9]{1,8}|[A-Za-z0-9_@.\-]+\/[A-Za-z0-9_@.\-/]+)[`'")\],.:;]?/g;

/** Files a project names by convention, written in capitals with no extension: "fix typo in the README". */
const CONVENTIONAL_NAMES = 'README|CHANGELOG|CONTRIBUTING|LICENSE';
export const CONVENTIONAL_FILE = new RegExp(`^(${CONVENTIONAL_NAMES})$`);
// Not `README.md`, which the path tokens read, but "the README." at a sentence's end.
const CONVENTIONAL_MENTION = new RegExp(`\\b(${CONVENTIONAL_NAMES})\\b(?!\\.?\\w)`, 'g');

export function mentionedPaths(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(CONVENTIONAL_MENTION)) found.add(match[1]!);
  for (const match of text.matchAll(TOKEN)) {
    const token = match[1]!.replace(/[.,:;]+$/, '').replace(/^\.\//, '');
    if (token.length < 3 || /^\d+(\.\d+)*$/.test(token) || /^https?:/.test(token)) continue;
    found.add(token);
  }
  return [...found];
}
