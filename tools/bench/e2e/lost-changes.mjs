// When is a task's change lost? Pure: text in, verdict out (the bench reads the texts from git).
//
// For each file a task's commit changed:
// - added or modified: the lines the commit added (the `+` lines of `git diff -U0 parent commit`)
//   that are not blank, that the window's last commit still has in that file, and that no later
//   task of the window removes (a later task may legitimately rewrite them; a commit outside the
//   task set may put the same text back) must all be lines of the file in the final result;
// - deleted: if the file is also absent at the window's last commit, it must be absent from the
//   final result.
// A task lost its change when any of its files fails this. Lenient on purpose (a line counts as
// present wherever it is in the file), so a loss it reports is a real one.

/** Lines a unified diff (`-U0`) adds (`sign` '+') or removes ('-'). */
export function diffLines(diff, sign = '+') {
  return diff
    .split('\n')
    .filter((line) => line.startsWith(sign) && !line.startsWith(sign.repeat(3)))
    .map((line) => line.slice(1).replace(/\r$/, ''));
}

const lineSet = (text) => new Set((text ?? '').split('\n').map((line) => line.replace(/\r$/, '')));

/**
 * @param {{ status: 'A' | 'M' | 'D' | string, diff: string, tip?: string, final?: string, laterDiffs?: string[] }} file
 *   `tip` and `final`: the file's text at the window's last commit and in the result (undefined:
 *   absent); `laterDiffs`: the `-U0` diffs of the same file by the window's later tasks.
 * @returns {{ lost: boolean, missingLines: number }}
 */
export function lostChange({ status, diff, tip, final, laterDiffs = [] }) {
  if (status === 'D') {
    const lost = tip === undefined && final !== undefined;
    return { lost, missingLines: lost ? 1 : 0 };
  }
  if (tip === undefined) return { lost: false, missingLines: 0 };
  const atTip = lineSet(tip);
  const inFinal = lineSet(final);
  const removedLater = new Set(laterDiffs.flatMap((later) => diffLines(later, '-')));
  const expected = [...new Set(diffLines(diff))].filter((line) => line.trim() !== '' && atTip.has(line) && !removedLater.has(line));
  const missing = final === undefined ? expected.length : expected.filter((line) => !inFinal.has(line)).length;
  return { lost: missing > 0, missingLines: missing };
}
