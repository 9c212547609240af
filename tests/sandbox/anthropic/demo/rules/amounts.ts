/**
 * Amounts of money a text states, as plain numbers, with the words that state them: "$520,000", "$520k", "50k",
 * "$1.2M", "1.2 million", "USD 75,000", "75,000 dollars", "€40k". A bare number is not money: it needs a currency
 * sign or word, or a k/M/million suffix.
 */
import { scanAll, type Found } from './found';

const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const SCALE = '(k|m|mm|bn|b|thousand|million|billion)';
const SCALES: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

function amount(digits: string | undefined, scale: string | undefined): number | null {
  if (digits === undefined) return null;
  const base = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  const factor = scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1;
  return Math.round(base * factor * 100) / 100;
}

export function findAmounts(text: string): Found<number>[] {
  return scanAll<number>(text, [
    [new RegExp(`(?:US\\$|USD\\s?|\\$|€|£|EUR\\s?|GBP\\s?)${NUMBER}(?:\\s?${SCALE}\\b)?`, 'i'), (m) => amount(m[1], m[2])],
    [new RegExp(`\\b${NUMBER}\\s?${SCALE}?\\s?(?:dollars|usd|euros?|eur|pounds|gbp)\\b`, 'i'), (m) => amount(m[1], m[2])],
    [new RegExp(`(?<![\\w.,$])${NUMBER}\\s?(k|m|mm|bn|thousand|million|billion)\\b`, 'i'), (m) => amount(m[1], m[2])],
  ]);
}
