import type { Footprint } from '../footprint';
import { scopeDrift } from './scope-drift';

describe('scopeDrift', () => {
  const footprint: Footprint = {
    taskId: 't',
    writes: [
      { path: 'src/a.ts', confidence: 0.9, reasons: ['x'] },
      { path: 'src/validation/**', pattern: true, confidence: 0.9, reasons: ['x'] },
      { path: 'src/guess.ts', confidence: 0.2, reasons: ['weak'] },
    ],
    reads: [],
    fallback: false,
  };

  it('names changed files outside the trusted write set and predicted files left alone', () => {
    expect(scopeDrift(footprint, ['src/a.ts', 'src/validation/email.ts', 'src/guess.ts', 'package.json'])).toEqual({
      unplanned: ['src/guess.ts', 'package.json'],
      untouched: [],
    });
    expect(scopeDrift(footprint, ['src/validation/email.ts'])).toEqual({ unplanned: [], untouched: ['src/a.ts'] });
  });
});
