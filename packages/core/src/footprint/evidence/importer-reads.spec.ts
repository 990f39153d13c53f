import type { Footprint } from '../footprint';
import { withImporters } from './importer-reads';

describe('withImporters', () => {
  const footprint: Footprint = {
    taskId: 't',
    writes: [
      { path: 'src/users.ts', confidence: 0.9, reasons: ['declares function `createUser`'] },
      { path: 'src/api.ts', confidence: 0.3, reasons: ['uses `createUser`, which the task names'] },
    ],
    reads: [],
    fallback: false,
  };
  const importers = new Map([['src/users.ts', ['src/api.ts', 'src/admin.ts']]]);

  it('the importers of a written file are reads, but not one the task already guesses it may write', () => {
    const result = withImporters(footprint, 'Make `createUser` validate its input', importers, 0.4);
    expect(result.reads).toEqual([{ path: 'src/admin.ts', confidence: 0.72, reasons: ['imports src/users.ts'] }]);
    expect(result.writes.filter((entry) => entry.path === 'src/api.ts')).toEqual([footprint.writes[1]]);
  });

  it('when the signature changes, the importers are writes at half the confidence', () => {
    const result = withImporters(footprint, 'Change the signature of `createUser`', importers, 0.4);
    expect(result.writes.map((entry) => [entry.path, entry.confidence])).toEqual([
      ['src/users.ts', 0.9],
      ['src/admin.ts', 0.45],
      ['src/api.ts', 0.3],
    ]);
    expect(result.reads).toEqual([]);
  });
});
