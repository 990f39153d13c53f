import { mergeOrder } from './merge-order';

describe('mergeOrder', () => {
  it('merges adds-only tasks first, then the least contested, then the larger change, then by id', () => {
    const order = mergeOrder([
      { id: 'small-contested', addsOnly: false, files: ['src/routes.ts'] },
      { id: 'independent', addsOnly: false, files: ['src/a.ts'] },
      { id: 'new-files', addsOnly: true, files: ['src/new.ts'] },
      { id: 'large-contested', addsOnly: false, files: ['src/routes.ts', 'src/b.ts', 'src/c.ts'] },
      { id: 'also-independent', addsOnly: false, files: ['src/d.ts'] },
    ]);
    expect(order).toEqual(['new-files', 'also-independent', 'independent', 'large-contested', 'small-contested']);
  });
});
