import { execGit } from '../../git';

/** Past this many names (over a whole sprint), the rest go unsearched: each is one `git grep`. */
const MAX_NAMES = 48;
const CONCURRENT_GREPS = 4;
const CODE = ['*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'];

/**
 * The code files that mention each name as a whole word. Used for the names a task removes or
 * renames, whose every user has to change with it; a word-boundary `git grep` per name is fast on
 * any size, and finding a use needs no parse.
 */
export async function findUsages(root: string, names: readonly string[]): Promise<Map<string, string[]>> {
  const usages = new Map<string, string[]>();
  const wanted = [...new Set(names)].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)).slice(0, MAX_NAMES);
  // A few at a time: each `git grep` already uses every core.
  const queue = [...wanted];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const grep = await execGit(root, ['grep', '-l', '-w', '-F', '-I', '-e', name, '--', ...CODE]);
      usages.set(name, grep.stdout.split('\n').filter((file) => file !== '' && !file.endsWith('.d.ts')));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_GREPS, wanted.length) }, worker));
  return usages;
}
