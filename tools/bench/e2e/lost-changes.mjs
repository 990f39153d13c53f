// When is a task's change lost? Pure: text in, verdict out (the bench reads the texts from git).
//
// For each file a task's commit changed:
// - added or modified: the lines the commit added (the `+` lines of `git diff -U0 parent commit`)
//   that are not blank and that the window's last commit still has in that file (a later task may
//   legitimately rewrite them) must all be lines of the file in the final result;
// - deleted: if the file is also absent at the window's last commit, it must be absent from the
//   final result.
// A task lost its change when any of its files fails this. Lenient on purpose (a line counts as
// present wherever it is in the file), so a loss it reports is a real one.

/** Lines a unified diff (`-U0`) adds. */
export function addedLines(diff) {
  return diff
    .split('\n')
    .filter((line) => line.startsWith('+') && !line.startsWith('+++'))
    .map((line) => line.slice(1));
}

const lineSet = (text) => new Set((text ?? '').split('\n').map((line) => line.replace(/\r$/, '')));

/**
 * @param {{ status: 'A' | 'M' | 'D' | string, diff: string, tip?: string, final?: string }} file
 *   `tip` and `final`: the file's text at the window's last commit and in the result (undefined: absent).
 * @returns {{ lost: boolean, missingLines: number }}
 */
export function lostChange({ status, diff, tip, final }) {
  if (status === 'D') {
    const lost = tip === undefined && final !== undefined;
    return { lost, missingLines: lost ? 1 : 0 };
  }
  if (tip === undefined) return { lost: false, missingLines: 0 };
  const atTip = lineSet(tip);
  const inFinal = lineSet(final);
  const expected = [...new Set(addedLines(diff).map((line) => line.replace(/\r$/, '')))].filter((line) => line.trim() !== '' && atTip.has(line));
  const missing = final === undefined ? expected.length : expected.filter((line) => !inFinal.has(line)).length;
  return { lost: missing > 0, missingLines: missing };
}
