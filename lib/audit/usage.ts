import type { ModelPrice, PriceTable } from '../settings/schema';
import { dayKey, nextDayKey } from './calendar';
import { AUDIT_FEATURES, type AuditEntry, type AuditFeature, type TokenUsage } from './entry';

/** Anthropic's cache multipliers of the input price: reads 0.1×, 5-minute writes 1.25×. */
export const CACHE_READ_MULTIPLIER = 0.1;
export const CACHE_WRITE_MULTIPLIER = 1.25;
const PER_TOKEN = 1 / 1_000_000;

/** The price of a model: its own entry, else the longest entry that prefixes it (dated snapshots), else null. */
export function priceFor(model: string, prices: PriceTable): Required<ModelPrice> | null {
  const key = model in prices ? model : Object.keys(prices).filter((name) => model.startsWith(name)).sort((a, b) => b.length - a.length)[0];
  const price = key === undefined ? undefined : prices[key];
  if (!price) return null;
  return {
    input: price.input,
    output: price.output,
    cacheRead: price.cacheRead ?? price.input * CACHE_READ_MULTIPLIER,
    cacheWrite: price.cacheWrite ?? price.input * CACHE_WRITE_MULTIPLIER,
  };
}

/** What a call cost in USD. `tokens.input` excludes cached tokens, as Anthropic reports it. Null for an unpriced model. */
export function costUsd(model: string, tokens: TokenUsage, prices: PriceTable): number | null {
  const price = priceFor(model, prices);
  if (!price) return null;
  return (
    (tokens.input * price.input + tokens.output * price.output + tokens.cacheRead * price.cacheRead + tokens.cacheWrite * price.cacheWrite) *
    PER_TOKEN
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Usage summary

export interface UsageTotals {
  /** Every audit entry of the group: what the audit trail lists for the same period and filter. */
  entries: number;
  /** Model calls, failed ones included (see isModelCall): one per entry that asked a model. */
  requests: number;
  /** Model calls that ended in an error (no key, over budget, the API refused, malformed output…). */
  failed: number;
  tokens: TokenUsage;
  costUsd: number;
  /** Cache reads over all input tokens (uncached + cache reads + cache writes); null with no input at all. */
  cacheHitRate: number | null;
  /** What the cached tokens would have cost at the full input price, less what the reads did cost. */
  cacheSavingsUsd: number;
  /** What writing to the cache cost above the plain input price; savings less this is the net effect. */
  cacheWritePremiumUsd: number;
}

export interface OutcomeCounts {
  accepted: number;
  edited: number;
  rejected: number;
  regenerated: number;
  pending: number;
  thumbsUp: number;
  thumbsDown: number;
  /** (accepted + edited) / (accepted + edited + rejected + regenerated); null before any decision. */
  acceptanceRate: number | null;
  /** thumbs up / all thumbs; null with none. */
  thumbsUpRate: number | null;
}

export interface DayUsage extends UsageTotals {
  /** `YYYY-MM-DD` in the summary's time zone. */
  day: string;
}

export interface FeatureUsage extends UsageTotals {
  feature: AuditFeature;
  outcomes: OutcomeCounts;
}

export interface PromptUsage {
  promptId: string;
  promptVersion: string | null;
  variant: string | null;
  feature: AuditFeature;
  /** Entries of this prompt version: each one a model call, failed ones included. */
  requests: number;
  failed: number;
  costUsd: number;
  outcomes: OutcomeCounts;
}

export interface UsageSummary {
  total: UsageTotals;
  /** Every day of the range, empty days included, so a chart has no gaps. */
  byDay: DayUsage[];
  /** Features with any entry in the range, in the product's order. */
  byFeature: FeatureUsage[];
  /** Per prompt id, version and variant: what the usage view compares. */
  byPrompt: PromptUsage[];
  /** Models with no price, whose cache savings could not be counted. */
  unpricedModels: string[];
}

export interface UsageOptions {
  /** Inclusive, ISO 8601. */
  from: string;
  /** Exclusive, ISO 8601. */
  to: string;
  prices: PriceTable;
  /** The rep's time zone for day boundaries; UTC unless given. */
  timeZone?: string;
}

/**
 * Tokens, cost and cache use per day and per feature, and the rep's verdicts per feature and per prompt version.
 * Cost is what each entry recorded (the price at the time); cache savings use the current price table.
 */
export function usageSummary(entries: readonly AuditEntry[], options: UsageOptions): UsageSummary {
  const timeZone = options.timeZone ?? 'UTC';
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  const inRange = entries.filter((entry) => {
    const time = Date.parse(entry.time);
    return time >= from && time < to;
  });
  const unpriced = new Set<string>();
  const totals = (group: readonly AuditEntry[]): UsageTotals => sumUsage(group, options.prices, unpriced);

  const days = new Map<string, AuditEntry[]>();
  if (to > from) {
    const lastDay = dayKey(new Date(to - 1), timeZone);
    for (let day = dayKey(new Date(from), timeZone); day <= lastDay; day = nextDayKey(day)) days.set(day, []);
  }
  for (const entry of inRange) days.get(dayKey(new Date(entry.time), timeZone))?.push(entry);

  const byFeature: FeatureUsage[] = [];
  for (const feature of AUDIT_FEATURES) {
    const group = inRange.filter((entry) => entry.feature === feature);
    if (group.length > 0) byFeature.push({ feature, ...totals(group), outcomes: countOutcomes(group) });
  }

  const prompts = new Map<string, AuditEntry[]>();
  for (const entry of inRange) {
    if (entry.promptId === undefined) continue;
    const key = JSON.stringify([entry.promptId, entry.promptVersion ?? null, entry.variant ?? null, entry.feature]);
    prompts.set(key, [...(prompts.get(key) ?? []), entry]);
  }
  const byPrompt = [...prompts.values()].map((group): PromptUsage => {
    const first = group[0] as AuditEntry;
    return {
      promptId: first.promptId ?? '',
      promptVersion: first.promptVersion ?? null,
      variant: first.variant ?? null,
      feature: first.feature,
      requests: group.length,
      failed: group.filter(hasFailed).length,
      costUsd: group.reduce((sum, entry) => sum + entry.costUsd, 0),
      outcomes: countOutcomes(group),
    };
  });
  byPrompt.sort((a, b) => comparePrompts(a, b));

  return {
    total: totals(inRange),
    byDay: [...days].map(([day, group]) => ({ day, ...totals(group) })),
    byFeature,
    byPrompt,
    unpricedModels: [...unpriced].sort(),
  };
}

/**
 * An entry that asked a model: it names the prompt it rendered or the model that answered. A call that failed before
 * any answer (no key, over budget, refused) has its prompt but no model, and counts the same as one that succeeded:
 * the usage view's requests are the audit trail's entries of that kind, in every grouping.
 */
export function isModelCall(entry: AuditEntry): boolean {
  return entry.promptId !== undefined || entry.model !== undefined;
}

const hasFailed = (entry: AuditEntry): boolean => isModelCall(entry) && entry.error !== undefined;

function sumUsage(entries: readonly AuditEntry[], prices: PriceTable, unpriced: Set<string>): UsageTotals {
  const tokens: TokenUsage = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  let cost = 0;
  let savings = 0;
  let premium = 0;
  let requests = 0;
  let failed = 0;
  for (const entry of entries) {
    if (isModelCall(entry)) requests += 1;
    if (hasFailed(entry)) failed += 1;
    tokens.input += entry.tokens.input;
    tokens.output += entry.tokens.output;
    tokens.cacheRead += entry.tokens.cacheRead;
    tokens.cacheWrite += entry.tokens.cacheWrite;
    cost += entry.costUsd;
    if (entry.model === undefined || (entry.tokens.cacheRead === 0 && entry.tokens.cacheWrite === 0)) continue;
    const price = priceFor(entry.model, prices);
    if (!price) {
      unpriced.add(entry.model);
      continue;
    }
    savings += entry.tokens.cacheRead * (price.input - price.cacheRead) * PER_TOKEN;
    premium += entry.tokens.cacheWrite * (price.cacheWrite - price.input) * PER_TOKEN;
  }
  const allInput = tokens.input + tokens.cacheRead + tokens.cacheWrite;
  return {
    entries: entries.length,
    requests,
    failed,
    tokens,
    costUsd: cost,
    cacheHitRate: allInput === 0 ? null : tokens.cacheRead / allInput,
    cacheSavingsUsd: savings,
    cacheWritePremiumUsd: premium,
  };
}

export function countOutcomes(entries: readonly AuditEntry[]): OutcomeCounts {
  const counts = { accepted: 0, edited: 0, rejected: 0, regenerated: 0, pending: 0, thumbsUp: 0, thumbsDown: 0 };
  for (const entry of entries) {
    switch (entry.outcome) {
      case 'feedback-up':
        counts.thumbsUp += 1;
        break;
      case 'feedback-down':
        counts.thumbsDown += 1;
        break;
      default:
        counts[entry.outcome] += 1;
    }
    if (entry.feedback === 'up') counts.thumbsUp += 1;
    if (entry.feedback === 'down') counts.thumbsDown += 1;
  }
  const used = counts.accepted + counts.edited;
  const decided = used + counts.rejected + counts.regenerated;
  const thumbs = counts.thumbsUp + counts.thumbsDown;
  return {
    ...counts,
    acceptanceRate: decided === 0 ? null : used / decided,
    thumbsUpRate: thumbs === 0 ? null : counts.thumbsUp / thumbs,
  };
}

function comparePrompts(a: PromptUsage, b: PromptUsage): number {
  const keyOf = (prompt: PromptUsage): string => `${prompt.promptId}\u0000${prompt.promptVersion ?? ''}\u0000${prompt.variant ?? ''}\u0000${prompt.feature}`;
  return keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0;
}
