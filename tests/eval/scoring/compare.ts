/**
 * A variant against its base on the same cases: the difference of a score, with its spread. The spread is a paired
 * bootstrap (the same resampled cases for both sides, 2,000 times, seeded so a run is repeatable) giving a 95%
 * interval, and for per-case scores the standard deviation of the per-case differences.
 */
import { aggregate, type CaseOutcome } from './scores';

export interface Difference {
  base: number | null;
  variant: number | null;
  /** variant − base. */
  difference: number | null;
  /** 95% bootstrap interval of the difference. */
  interval: [number, number] | null;
  /** Standard deviation of the per-case differences (per-case scores only). */
  caseStdDev: number | null;
  cases: number;
}

const RESAMPLES = 2_000;

/** mulberry32: a small seeded generator, so the interval is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function percentile(sorted: readonly number[], share: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(share * (sorted.length - 1))));
  return sorted[index] ?? 0;
}

function stdDev(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((total, value) => total + value, 0) / values.length;
  return Math.sqrt(values.reduce((total, value) => total + (value - mean) ** 2, 0) / (values.length - 1));
}

export function compareScore(base: readonly CaseOutcome[], variant: readonly CaseOutcome[], key: string): Difference {
  const byId = new Map(variant.map((item) => [item.caseId, item]));
  const pairs = base.flatMap((item) => {
    const other = byId.get(item.caseId);
    return other ? [[item, other] as const] : [];
  });
  const baseValue = aggregate(pairs.map(([item]) => item), key);
  const variantValue = aggregate(pairs.map(([, item]) => item), key);
  const difference = baseValue === null || variantValue === null ? null : variantValue - baseValue;
  const perCase = pairs.flatMap(([a, b]) => (key in a.scores && key in b.scores ? [(b.scores[key] ?? 0) - (a.scores[key] ?? 0)] : []));
  if (difference === null || pairs.length === 0) {
    return { base: baseValue, variant: variantValue, difference, interval: null, caseStdDev: null, cases: pairs.length };
  }
  const random = seeded(0x5eed + key.length);
  const samples: number[] = [];
  for (let round = 0; round < RESAMPLES; round++) {
    const picked = pairs.map((pair) => pairs[Math.floor(random() * pairs.length)] ?? pair);
    const a = aggregate(picked.map(([item]) => item), key);
    const b = aggregate(picked.map(([, item]) => item), key);
    if (a !== null && b !== null) samples.push(b - a);
  }
  samples.sort((x, y) => x - y);
  return {
    base: baseValue,
    variant: variantValue,
    difference,
    interval: samples.length > 0 ? [percentile(samples, 0.025), percentile(samples, 0.975)] : null,
    caseStdDev: stdDev(perCase),
    cases: pairs.length,
  };
}
