import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_PRICES, costOf, formatUsd, loadPrices, priceOf } from '.';

describe('prices and costs', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'codewaves-prices-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prices input, cached input and output per million tokens', () => {
    // gpt-5: 1.25 input, 0.125 cached, 10 output
    expect(costOf({ input: 1_000_000, cachedInput: 400_000, output: 100_000 }, 'gpt-5', BUILT_IN_PRICES)).toBeCloseTo(0.6 * 1.25 + 0.4 * 0.125 + 0.1 * 10, 10);
    expect(costOf({ input: 0, output: 0 }, 'anything', BUILT_IN_PRICES)).toBe(0);
  });

  it('finds dated snapshots of a model but never guesses an unknown one', () => {
    expect(priceOf('gpt-4o-2024-08-06', BUILT_IN_PRICES)).toBe(BUILT_IN_PRICES['gpt-4o']);
    expect(priceOf('gpt-5-codex-mini', BUILT_IN_PRICES)).toBeUndefined();
    expect(costOf({ input: 10, output: 10 }, 'llama3.1:8b', BUILT_IN_PRICES)).toBeUndefined();
    expect(costOf({ input: 10, output: 10 }, undefined, BUILT_IN_PRICES)).toBeUndefined();
  });

  it('takes a price file over the built-in table, from --prices or CODEWAVES_PRICES', () => {
    writeFileSync(join(dir, 'prices.json'), JSON.stringify({ 'llama3.1:8b': { input: 0, output: 0 }, 'gpt-5': { input: 1, cachedInput: 0.1, output: 8 } }));
    const table = loadPrices({ env: { CODEWAVES_PRICES: 'prices.json' }, cwd: dir });
    expect(table['llama3.1:8b']).toEqual({ input: 0, output: 0 });
    expect(table['gpt-5']!.output).toBe(8);
    expect(table['gpt-4o']).toEqual(BUILT_IN_PRICES['gpt-4o']);
    expect(loadPrices({ env: {} })).toBe(BUILT_IN_PRICES);
  });

  it('rejects a bad price file with the entry and the expected shape', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ 'gpt-5': { input: '1.25', output: 10 } }));
    expect(() => loadPrices({ file: join(dir, 'bad.json') })).toThrow('the price of `gpt-5` must be { "input": number, "cachedInput"?: number, "output": number } in USD per 1M tokens');
    expect(() => loadPrices({ file: join(dir, 'missing.json') })).toThrow('cannot read the price file');
  });

  it('formats small and large amounts', () => {
    expect([0, 0.00001, 0.0031234, 0.42, 12.345].map(formatUsd)).toEqual(['$0', '<$0.0001', '$0.0031', '$0.42', '$12.35']);
  });
});
