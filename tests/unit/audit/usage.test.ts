import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AuditEntry, costUsd, priceFor, usageSummary, type NewAuditEntry } from '../../../lib/audit';
import { DEFAULT_PRICES } from '../../../lib/settings';

let counter = 0;
function entry(fields: Partial<NewAuditEntry> & Pick<NewAuditEntry, 'time' | 'feature'>): AuditEntry {
  return AuditEntry.parse({ id: `e${(counter += 1)}`, ...fields });
}

const SONNET = 'claude-sonnet-5-5';
const HAIKU = 'claude-haiku-5-5';

describe('cost arithmetic', () => {
  it('prices uncached input, output, cache reads (0.1×) and cache writes (1.25×) per million tokens', () => {
    // Sonnet 5.5: $2 in, $10 out → reads $0.20, writes $2.50 per million.
    const cost = costUsd(SONNET, { input: 1_000, output: 500, cacheRead: 3_000, cacheWrite: 4_000 }, DEFAULT_PRICES);
    expect(cost).toBeCloseTo((1_000 * 2 + 500 * 10 + 3_000 * 0.2 + 4_000 * 2.5) / 1e6, 12);
  });

  it('uses the family price for a dated snapshot, an explicit cache price when set, and none for an unknown model', () => {
    expect(priceFor('claude-sonnet-5-5-20260916', DEFAULT_PRICES)).toEqual({ input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 });
    expect(priceFor('claude-x', { 'claude-x': { input: 1, output: 2, cacheRead: 0.5 } })).toEqual({ input: 1, output: 2, cacheRead: 0.5, cacheWrite: 1.25 });
    expect(costUsd('gpt-something', { input: 10, output: 10, cacheRead: 0, cacheWrite: 0 }, DEFAULT_PRICES)).toBeNull();
  });
});

describe('usage summary', () => {
  const cached = { input: 1_000, output: 500, cacheRead: 3_000, cacheWrite: 0 };
  const written = { input: 500, output: 200, cacheRead: 0, cacheWrite: 4_000 };
  const entries = [
    entry({ time: '2026-03-01T10:00:00Z', feature: 'summary', model: SONNET, tokens: cached, costUsd: 0.0076, promptId: 'summary', promptVersion: '3', variant: 'A', outcome: 'accepted', feedback: 'up' }),
    entry({ time: '2026-03-01T11:00:00Z', feature: 'summary', model: SONNET, tokens: written, costUsd: 0.013, promptId: 'summary', promptVersion: '3', variant: 'B', outcome: 'regenerated' }),
    entry({ time: '2026-03-02T09:00:00Z', feature: 'email', model: HAIKU, tokens: { input: 2_000, output: 1_000, cacheRead: 0, cacheWrite: 0 }, costUsd: 0.0007, promptId: 'email', promptVersion: '1', outcome: 'edited' }),
    entry({ time: '2026-03-02T09:05:00Z', feature: 'write', outcome: 'accepted' }),
    entry({ time: '2026-03-04T00:00:00Z', feature: 'summary', model: SONNET, tokens: cached, costUsd: 1, outcome: 'rejected' }),
  ];
  const summary = usageSummary(entries, { from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z', prices: DEFAULT_PRICES });

  it('totals tokens, recorded cost and model requests within the range only', () => {
    expect(summary.total.requests).toBe(3);
    expect(summary.total.tokens).toEqual({ input: 3_500, output: 1_700, cacheRead: 3_000, cacheWrite: 4_000 });
    expect(summary.total.costUsd).toBeCloseTo(0.0076 + 0.013 + 0.0007, 12);
  });

  it('computes the cache hit rate over all input tokens and the savings and write premium at list prices', () => {
    expect(summary.total.cacheHitRate).toBeCloseTo(3_000 / (3_500 + 3_000 + 4_000), 12);
    // 3,000 read tokens at $2 instead of $0.20 per million; 4,000 written at $2.50 instead of $2.
    expect(summary.total.cacheSavingsUsd).toBeCloseTo((3_000 * 1.8) / 1e6, 12);
    expect(summary.total.cacheWritePremiumUsd).toBeCloseTo((4_000 * 0.5) / 1e6, 12);
  });

  it('gives every day of the range, empty days as zero', () => {
    expect(summary.byDay.map((day) => [day.day, day.requests, Number(day.costUsd.toFixed(6))])).toEqual([
      ['2026-03-01', 2, 0.0206],
      ['2026-03-02', 1, 0.0007],
      ['2026-03-03', 0, 0],
    ]);
    expect(summary.byDay[2]?.cacheHitRate).toBeNull();
  });

  it('splits per feature with acceptance and thumbs', () => {
    const summaryFeature = summary.byFeature.find((item) => item.feature === 'summary');
    expect(summary.byFeature.map((item) => item.feature)).toEqual(['summary', 'email', 'write']);
    expect(summaryFeature?.cacheHitRate).toBeCloseTo(3_000 / (1_500 + 3_000 + 4_000), 12);
    expect(summaryFeature?.outcomes).toMatchObject({ accepted: 1, regenerated: 1, thumbsUp: 1, acceptanceRate: 0.5, thumbsUpRate: 1 });
    expect(summary.byFeature.find((item) => item.feature === 'email')?.outcomes.acceptanceRate).toBe(1);
  });

  it('compares prompt versions and variants', () => {
    expect(summary.byPrompt.map((prompt) => [prompt.promptId, prompt.promptVersion, prompt.variant, prompt.outcomes.acceptanceRate])).toEqual([
      ['email', '1', null, 1],
      ['summary', '3', 'A', 1],
      ['summary', '3', 'B', 0],
    ]);
  });

  it('counts days in the rep time zone', () => {
    // 03:00 UTC on 2 March is still the evening of 1 March in Los Angeles.
    const late = [entry({ time: '2026-03-02T03:00:00Z', feature: 'ask', model: SONNET, costUsd: 0.01 })];
    const local = usageSummary(late, { from: '2026-03-01T08:00:00Z', to: '2026-03-03T08:00:00Z', prices: DEFAULT_PRICES, timeZone: 'America/Los_Angeles' });
    expect(local.byDay.map((day) => [day.day, day.requests])).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 0],
    ]);
  });

  it('names models it has no price for instead of guessing their savings', () => {
    const unknown = [entry({ time: '2026-03-01T10:00:00Z', feature: 'ask', model: 'mystery-model', tokens: cached, costUsd: 0 })];
    const result = usageSummary(unknown, { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z', prices: DEFAULT_PRICES });
    expect(result.unpricedModels).toEqual(['mystery-model']);
    expect(result.total.cacheSavingsUsd).toBe(0);
  });
});

describe('usage reconciles with the audit trail', () => {
  const failed = entry({ time: '2026-03-01T12:00:00Z', feature: 'summary', promptId: 'summary', promptVersion: '3', variant: 'A', error: 'No Anthropic API key is set.' });
  const ok = entry({ time: '2026-03-01T12:05:00Z', feature: 'summary', model: SONNET, costUsd: 0.01, promptId: 'summary', promptVersion: '3', variant: 'A', outcome: 'accepted' });
  const write = entry({ time: '2026-03-01T12:06:00Z', feature: 'write', outcome: 'accepted' });
  const summary = usageSummary([failed, ok, write], { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z', prices: DEFAULT_PRICES });

  it('counts a call that failed before any answer as a request, and as failed, in the totals, per feature and per prompt version alike', () => {
    expect(summary.total).toMatchObject({ entries: 3, requests: 2, failed: 1 });
    expect(summary.byFeature.find((item) => item.feature === 'summary')).toMatchObject({ entries: 2, requests: 2, failed: 1 });
    expect(summary.byPrompt).toEqual([expect.objectContaining({ promptId: 'summary', requests: 2, failed: 1 })]);
    expect(summary.byFeature.find((item) => item.feature === 'write')).toMatchObject({ entries: 1, requests: 0, failed: 0 });
  });

  it('has every grouping add up to the same totals, for any entries', () => {
    const features = ['summary', 'email', 'log-note', 'write', 'ask'] as const;
    const arbitraryEntry = fc.record({
      hour: fc.integer({ min: 0, max: 71 }),
      feature: fc.constantFrom(...features),
      prompted: fc.boolean(),
      answered: fc.boolean(),
      failedCall: fc.boolean(),
      version: fc.constantFrom('1', '2'),
    });
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 40 }), (drawn) => {
        const entries = drawn.map((item) =>
          entry({
            time: new Date(Date.parse('2026-03-01T00:00:00Z') + item.hour * 3_600_000).toISOString(),
            feature: item.feature,
            ...(item.feature !== 'write' && item.prompted ? { promptId: item.feature, promptVersion: item.version } : {}),
            ...(item.feature !== 'write' && item.answered && !item.failedCall ? { model: SONNET, costUsd: 0.001 } : {}),
            ...(item.failedCall ? { error: 'failed' } : {}),
          }),
        );
        const result = usageSummary(entries, { from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z', prices: DEFAULT_PRICES });
        const sum = (items: readonly { entries?: number; requests: number; failed: number }[], key: 'entries' | 'requests' | 'failed') =>
          items.reduce((total, item) => total + (item[key] ?? 0), 0);
        expect(result.total.entries).toBe(entries.length);
        for (const key of ['entries', 'requests', 'failed'] as const) {
          expect(sum(result.byFeature, key)).toBe(result.total[key]);
          expect(sum(result.byDay, key)).toBe(result.total[key]);
        }
        // Every prompted entry is a request of its prompt version.
        const prompted = entries.filter((item) => item.promptId !== undefined);
        expect(sum(result.byPrompt, 'requests')).toBe(prompted.length);
        expect(sum(result.byPrompt, 'failed')).toBe(prompted.filter((item) => item.error !== undefined).length);
      }),
    );
  });
});
