import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CodewavesError } from '../errors';
import { BUILT_IN_PRICES, type ModelPrice, type PriceTable } from './price-table';

/**
 * The price table: the built-in one, with a JSON file's entries over it. The file is `--prices`,
 * else CODEWAVES_PRICES, and maps model names to USD per million tokens:
 * `{ "gpt-5-codex": { "input": 1.25, "cachedInput": 0.125, "output": 10 }, "llama3.1:8b": { "input": 0, "output": 0 } }`.
 */
export function loadPrices(options: { file?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): PriceTable {
  const file = options.file ?? (options.env ?? process.env).CODEWAVES_PRICES;
  if (!file) return BUILT_IN_PRICES;
  const path = resolve(options.cwd ?? process.cwd(), file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CodewavesError('USAGE', `cannot read the price file ${path}: ${(error as Error).message}`, {
      location: { file: path },
      hint: 'give a JSON file mapping model names to { "input": USD per 1M tokens, "cachedInput"?: ..., "output": ... }',
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw priceError(path, 'the file must hold a JSON object of model names');
  const table: Record<string, ModelPrice> = { ...BUILT_IN_PRICES };
  for (const [model, entry] of Object.entries(data as Record<string, unknown>)) {
    const price = entry as Partial<Record<keyof ModelPrice, unknown>>;
    const valid = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
    if (typeof entry !== 'object' || entry === null || !valid(price.input) || !valid(price.output) || (price.cachedInput !== undefined && !valid(price.cachedInput))) {
      throw priceError(path, `the price of \`${model}\` must be { "input": number, "cachedInput"?: number, "output": number } in USD per 1M tokens, got ${JSON.stringify(entry)}`);
    }
    table[model] = { input: price.input as number, output: price.output as number, ...(price.cachedInput !== undefined ? { cachedInput: price.cachedInput as number } : {}) };
  }
  return table;
}

function priceError(path: string, message: string): CodewavesError {
  return new CodewavesError('USAGE', `${path}: ${message}`, { location: { file: path }, hint: 'fix the price file, or unset CODEWAVES_PRICES / drop --prices to use the built-in prices' });
}
