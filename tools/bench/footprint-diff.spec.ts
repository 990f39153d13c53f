import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// footprint-diff.mjs is a plain node script: run it on two small score.mjs results.
describe('footprint-diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-diff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const result = (f1: number, tp: number, missed: string[], predicted: boolean) => ({
    summary: { cases: { micro: { precision: 0.5, recall: 0.5, f1 }, macro: { f1 }, emptyPredictions: 0 }, pairs: { file: { conflictRecall: predicted ? 1 : 0, falseSerialisationRate: 0 }, pkg: { conflictRecall: 1 } }, waves: { meanWavesPredicted: 2 } },
    perCase: [{ id: 'c1', tp, npred: 2, missed, falsePositives: [] }],
    perPair: [{ id: 'p1', conflict: true, overlap: true, predicted }],
  });

  it('shows the metrics side by side, the true files found or lost, and the real conflicts that flipped', () => {
    const before = join(dir, 'before.json');
    const after = join(dir, 'after.json');
    writeFileSync(before, JSON.stringify(result(0.2, 1, ['src/a.ts', 'src/b.ts'], true)));
    writeFileSync(after, JSON.stringify(result(0.3, 2, ['src/b.ts'], false)));
    const out = execFileSync(process.execPath, [join(__dirname, 'footprint-diff.mjs'), before, after], { encoding: 'utf8' });
    expect(out).toContain('| micro F1 | 0.200 | 0.300 | +0.100 |');
    expect(out).toMatch(/\+1 c1\n\s+found\s+src\/a\.ts/);
    expect(out).toContain('p1  real conflict, now missed');
  });
});
