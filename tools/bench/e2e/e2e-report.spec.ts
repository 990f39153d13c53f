import { join } from 'node:path';
import { evaluateModule } from '../../testing/evaluate-module';

const evaluate = <T>(module: string, expression: string): T => evaluateModule<T>(join(__dirname, module), expression);

describe('lostChange', () => {
  const diff = '--- a/f\n+++ b/f\n@@ -1,0 +2,2 @@\n+export const a = 1;\n+\n';
  it('keeps a change whose added lines are in the final file', () => {
    expect(evaluate('lost-changes.mjs', `m.lostChange({ status: 'M', diff: ${JSON.stringify(diff)}, tip: 'x\\nexport const a = 1;\\n', final: 'y\\nexport const a = 1;\\n' })`)).toEqual({ lost: false, missingLines: 0 });
  });
  it('loses a change whose added line is missing, or whose file is gone', () => {
    expect(evaluate('lost-changes.mjs', `m.lostChange({ status: 'M', diff: ${JSON.stringify(diff)}, tip: 'export const a = 1;\\n', final: 'x\\n' })`)).toEqual({ lost: true, missingLines: 1 });
    expect(evaluate('lost-changes.mjs', `m.lostChange({ status: 'A', diff: ${JSON.stringify(diff)}, tip: 'export const a = 1;\\n' })`)).toEqual({ lost: true, missingLines: 1 });
  });
  it('does not expect lines a later commit of the window rewrote, nor blank lines', () => {
    expect(evaluate('lost-changes.mjs', `m.lostChange({ status: 'M', diff: ${JSON.stringify(diff)}, tip: 'export const a = 2;\\n', final: '' })`)).toEqual({ lost: false, missingLines: 0 });
  });
  it('does not expect a line a later task removed, even when a commit outside the tasks put it back', () => {
    const later = '@@ -2 +1,0 @@\n-export const a = 1;\n';
    expect(evaluate('lost-changes.mjs', `m.lostChange({ status: 'M', diff: ${JSON.stringify(diff)}, tip: 'export const a = 1;\\n', final: '', laterDiffs: [${JSON.stringify(later)}] })`)).toEqual({ lost: false, missingLines: 0 });
  });
  it('loses a deletion when the file is back in the result', () => {
    expect(evaluate('lost-changes.mjs', `m.lostChange({ status: 'D', diff: '', final: 'still here' })`)).toEqual({ lost: true, missingLines: 1 });
    expect(evaluate('lost-changes.mjs', `m.lostChange({ status: 'D', diff: '' })`)).toEqual({ lost: false, missingLines: 0 });
  });
});

describe('the report', () => {
  const run = (strategy: string, wallMs: number, extra: Record<string, unknown> = {}) => ({
    strategy,
    k: 8,
    wallMs,
    unresolvedConflicts: 0,
    reruns: 0,
    lostChanges: 0,
    lostLines: 0,
    conflictsDetected: 0,
    failed: [],
    filesDifferFromSequential: 0,
    waves: 1,
    planningMs: 0,
    maxRssMB: 100,
    waveTimings: [{ wave: 1, tasks: 8, ms: wallMs, mergeMs: 100, hadRerun: false, sandboxReadyMs: [10, 30, 20] }],
    ...extra,
  });
  const runs = [run('sequential', 8000), run('all-at-once', 2000, { unresolvedConflicts: 2 }), run('codewaves', 3000), run('codewaves', 2200)];

  it('takes medians and ratios against sequential and all-at-once', () => {
    const summary = evaluate<Record<string, Record<string, { wallMs: number; vsSequential: number; vsAllAtOnce: number; sandboxReadyMsMedian: number; repeats: number }>>>('report.mjs', `m.summarise(${JSON.stringify(runs)})`);
    expect(summary['8']!['codewaves']).toMatchObject({ wallMs: 2600, vsSequential: 0.33, vsAllAtOnce: 1.3, sandboxReadyMsMedian: 20, repeats: 2 });
    expect(summary['8']!['all-at-once']).toMatchObject({ unresolvedConflicts: 2, vsSequential: 0.25 });
  });

  it('renders one table row and three bars per strategy and K', () => {
    const { markdown, svg } = evaluate<{ markdown: string; svg: string }>(
      'report.mjs',
      `(() => { const s = m.summarise(${JSON.stringify(runs)}); return { markdown: m.renderMarkdown(s, { repoName: 'r', head: 'abcdef1234567', repeats: 1, latency: { baseMs: 1, perLineMs: 1, maxMs: 2 }, concurrency: 8 }), svg: m.renderSvg(s, { title: 'a < b' }) }; })()`,
    );
    expect(markdown.split('\n').filter((line) => line.startsWith('| 8 |'))).toHaveLength(3);
    expect(markdown).toContain('| 8 | codewaves | 2.6 s | 0.33x | 1.30x |');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('a &lt; b');
    // two panels of 3 bars, plus the background and 3 legend swatches
    expect(svg.match(/<rect /g)).toHaveLength(2 * 3 + 1 + 3);
  });
});
