import { mergeJsonText } from './merge-json';

const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'x', dependencies: deps }, null, 2)}\n`;

describe('mergeJsonText', () => {
  it('combines keys both sides added, keeping our order and the file\'s indentation', () => {
    expect(mergeJsonText(pkg({ a: '1' }), pkg({ a: '1', b: '2' }), pkg({ a: '1', c: '3' }))).toBe(pkg({ a: '1', b: '2', c: '3' }));
  });

  it('takes a change made on one side only, and a removal on one side only', () => {
    expect(mergeJsonText(pkg({ a: '1', b: '1' }), pkg({ a: '2', b: '1' }), pkg({ a: '1' }))).toBe(pkg({ a: '2' }));
  });

  it('refuses what both sides changed differently, and what is not JSON', () => {
    expect(mergeJsonText(pkg({ a: '1' }), pkg({ a: '2' }), pkg({ a: '3' }))).toBeUndefined();
    expect(mergeJsonText('{', '{}', '{}')).toBeUndefined();
    expect(mergeJsonText('[1]', '[1,2]', '[1,3]')).toBeUndefined();
  });
});
