/** USD per one million tokens. `cachedInput` is what a prompt-cache hit costs instead of `input`. */
export interface ModelPrice {
  input: number;
  cachedInput?: number;
  output: number;
}

export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * APPROXIMATE list prices of a few OpenAI models, as published on https://openai.com/api/pricing
 * when this table was written (checked against the August 2025 price list; written 2026-11-24).
 * Prices change and differ by contract, region (Azure) and tier (batch, flex, priority): override
 * them with a JSON file (CODEWAVES_PRICES or --prices). A model not listed has no cost, never a guess.
 */
export const PRICES_AS_OF = '2025-08';

export const BUILT_IN_PRICES: PriceTable = {
  'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-5-codex': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
  'gpt-5-nano': { input: 0.05, cachedInput: 0.005, output: 0.4 },
  'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
  'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, cachedInput: 0.025, output: 0.4 },
  'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
  'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
  o3: { input: 2, cachedInput: 0.5, output: 8 },
  'o4-mini': { input: 1.1, cachedInput: 0.275, output: 4.4 },
};
