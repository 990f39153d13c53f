import type { ModelPrice, PriceTable } from './price-table';

export interface TokenCounts {
  input: number;
  /** Of `input`, served from the provider's prompt cache. */
  cachedInput?: number;
  output: number;
}

/**
 * The price of a model: its exact name, else the name without a dated snapshot suffix
 * (`gpt-4o-2024-08-06` is `gpt-4o`). Nothing looser: `gpt-5-codex-mini` is not `gpt-5-codex`.
 */
export function priceOf(model: string | undefined, prices: PriceTable): ModelPrice | undefined {
  if (!model) return undefined;
  return prices[model] ?? prices[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
}

/** USD for the tokens, or undefined when the model has no price (shown as "unknown", not guessed). */
export function costOf(tokens: TokenCounts, model: string | undefined, prices: PriceTable): number | undefined {
  if (tokens.input === 0 && tokens.output === 0) return 0;
  const price = priceOf(model, prices);
  if (!price) return undefined;
  const cached = Math.min(tokens.cachedInput ?? 0, tokens.input);
  return ((tokens.input - cached) * price.input + cached * (price.cachedInput ?? price.input) + tokens.output * price.output) / 1_000_000;
}

/** `$12.35`, `$0.42`, `$0.0031`, `<$0.0001`: cents, and two significant digits below a cent. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.0001) return '<$0.0001';
  return usd >= 0.01 ? `$${usd.toFixed(2)}` : `$${usd.toPrecision(2)}`;
}
