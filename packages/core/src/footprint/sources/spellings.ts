import { execGit } from '../../git';

/** Past this many spellings, a sprint's later new files go without their listings (and a note says so). */
const MAX_SPELLINGS = 4000;

/**
 * Which of `spellings` each tracked text file spells, as whole words: one fixed-string `git grep`
 * for all of them, the spellings read from stdin. Binary files are skipped.
 */
export async function findSpellings(root: string, spellings: readonly string[]): Promise<{ spellings: Map<string, Set<string>>; notes: string[] }> {
  const out = new Map<string, Set<string>>();
  const wanted = [...new Set(spellings.filter((spelling) => spelling.length > 0 && !spelling.includes('\n')))];
  if (wanted.length === 0) return { spellings: out, notes: [] };
  const notes = wanted.length > MAX_SPELLINGS ? [`${wanted.length} names of new files' siblings: only the first ${MAX_SPELLINGS} were looked for in the files that list them`] : [];
  const grep = await execGit(root, ['grep', '-z', '-o', '-w', '-I', '-F', '-f', '-'], { input: `${wanted.slice(0, MAX_SPELLINGS).join('\n')}\n` });
  // exit 1: no file spells any of them
  if (grep.exitCode > 1) return { spellings: out, notes: [...notes, `could not look for the files that list new files' siblings: ${grep.stderr.trim()}`] };
  for (const line of grep.stdout.split('\n')) {
    const nul = line.indexOf('\0');
    if (nul <= 0) continue;
    const file = line.slice(0, nul);
    const set = out.get(file) ?? new Set<string>();
    set.add(line.slice(nul + 1));
    out.set(file, set);
  }
  return { spellings: out, notes };
}
