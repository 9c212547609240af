import type { Usage } from './types';

/** US dollars per million tokens. */
export interface Price {
  input: number;
  output: number;
}

/**
 * Keyed by model family ("haiku") or by an exact model id, which wins over its family. One table, so the rep (or an
 * admin policy) can replace it when prices change; the defaults are the documented late-2026 list prices.
 */
export type PriceTable = Readonly<Record<string, Price>>;

export const PRICES: PriceTable = {
  haiku: { input: 0.1, output: 0.5 },
  sonnet: { input: 2, output: 10 },
  opus: { input: 4, output: 20 },
};

/** Prompt-cache multipliers of the input price: 5-minute cache writes and cache reads. */
export const CACHE_WRITE_FACTOR = 1.25;
export const CACHE_READ_FACTOR = 0.1;

/**
 * The price of a model: its exact id, else the longest family name its id contains. A model the table does not know
 * is priced as the table's most expensive, so that a budget is never under-counted.
 */
export function priceOf(model: string, prices: PriceTable = PRICES): Price | undefined {
  const exact = prices[model];
  if (exact) return exact;
  const id = model.toLowerCase();
  const family = Object.keys(prices)
    .filter((key) => id.includes(key.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  if (family !== undefined) return prices[family];
  return Object.values(prices).reduce<Price | undefined>(
    (highest, price) => (!highest || price.input + price.output > highest.input + highest.output ? price : highest),
    undefined,
  );
}

export function costOf(model: string, usage: Usage, prices: PriceTable = PRICES): number {
  const price = priceOf(model, prices);
  if (!price) return 0;
  const inputTokens = usage.input + usage.cacheWrite * CACHE_WRITE_FACTOR + usage.cacheRead * CACHE_READ_FACTOR;
  return (inputTokens * price.input + usage.output * price.output) / 1_000_000;
}
