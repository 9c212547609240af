import { describe, expect, it } from 'vitest';
import { AuditEntry, budgetState, mayGenerate, startOfNextDay, type NewAuditEntry } from '../../../lib/audit';
import type { Budgets } from '../../../lib/settings';

let counter = 0;
function spend(time: string, costUsd: number, fields: Partial<NewAuditEntry> = {}): AuditEntry {
  return AuditEntry.parse({ id: `b${(counter += 1)}`, time, feature: 'summary', model: 'claude-sonnet-5-5', costUsd, ...fields });
}

const noCaps: Budgets = { dailyUsd: null, monthlyUsd: null, requestsPerMinute: null };
const NOW = new Date('2026-03-10T15:00:00Z');

describe('budget windows', () => {
  it('is ok under 80% of the daily cap, a warning from 80%, exceeded at the cap', () => {
    const budget = { ...noCaps, dailyUsd: 1 };
    expect(budgetState([spend('2026-03-10T09:00:00Z', 0.79)], budget, NOW).level).toBe('ok');
    expect(budgetState([spend('2026-03-10T09:00:00Z', 0.8)], budget, NOW).level).toBe('warning');
    const exceeded = budgetState([spend('2026-03-10T09:00:00Z', 0.6), spend('2026-03-10T10:00:00Z', 0.4)], budget, NOW);
    expect(exceeded.level).toBe('exceeded');
    expect(exceeded.daily).toMatchObject({ spentUsd: 1, limitUsd: 1, resetsAt: '2026-03-11T00:00:00.000Z' });
    expect(exceeded.message).toContain('$1.00 of $1.00 spent today');
  });

  it('starts afresh on a new day, and counts background work', () => {
    const budget = { ...noCaps, dailyUsd: 1 };
    const yesterday = [spend('2026-03-09T23:59:00Z', 5, { trigger: 'background' })];
    expect(budgetState(yesterday, budget, new Date('2026-03-09T23:59:30Z')).level).toBe('exceeded');
    expect(budgetState(yesterday, budget, new Date('2026-03-10T00:00:00Z')).level).toBe('ok');
  });

  it('uses the rep local day and reset time, across a daylight-saving change', () => {
    const budget = { ...noCaps, dailyUsd: 1 };
    // 23:00 on 9 March in New York (EDT, UTC-4) is 03:00 UTC on the 10th: not "today" at 02:30 local on the 11th.
    const state = budgetState([spend('2026-03-10T03:00:00Z', 2)], budget, new Date('2026-03-11T06:30:00Z'), { timeZone: 'America/New_York' });
    expect(state.level).toBe('ok');
    expect(state.daily?.resetsAt).toBe('2026-03-12T04:00:00.000Z');
    // Clocks go forward at 02:00 on 8 March 2026: midnight before is EST (05:00 UTC), midnight after is EDT (04:00 UTC).
    expect(startOfNextDay(new Date('2026-03-08T03:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfNextDay(new Date('2026-03-08T16:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('sums the calendar month for the monthly cap and resets on the first', () => {
    const budget = { ...noCaps, monthlyUsd: 10 };
    const entries = [spend('2026-02-28T12:00:00Z', 9), spend('2026-03-01T12:00:00Z', 6), spend('2026-03-09T12:00:00Z', 4)];
    const state = budgetState(entries, budget, NOW);
    expect(state.monthly).toMatchObject({ spentUsd: 10, level: 'exceeded', resetsAt: '2026-04-01T00:00:00.000Z' });
    expect(state.message).toContain('Monthly AI budget reached: $10.00 of $10.00');
    expect(budgetState(entries, budget, new Date('2026-04-01T00:00:01Z')).level).toBe('ok');
  });

  it('limits model requests per minute, counting neither writes nor requests older than a minute', () => {
    const budget = { ...noCaps, requestsPerMinute: 2 };
    const entries = [
      spend('2026-03-10T14:58:59Z', 0),
      spend('2026-03-10T14:59:10Z', 0),
      spend('2026-03-10T14:59:20Z', 0, { feature: 'write', model: undefined }),
      spend('2026-03-10T14:59:30Z', 0),
    ];
    const state = budgetState(entries, budget, NOW);
    expect(state.rate).toEqual({ count: 2, limit: 2, level: 'exceeded', retryAt: '2026-03-10T15:00:10.000Z' });
    expect(state.message).toContain('Try again in 10 s');
    expect(budgetState(entries, budget, new Date('2026-03-10T15:00:10Z')).level).toBe('ok');
  });

  it('is ok with no caps at all', () => {
    expect(budgetState([spend('2026-03-10T09:00:00Z', 1000)], noCaps, NOW)).toEqual({ level: 'ok', daily: null, monthly: null, rate: null, message: null });
  });
});

describe('refusing generation', () => {
  const budget = { ...noCaps, dailyUsd: 1 };
  const warning = budgetState([spend('2026-03-10T09:00:00Z', 0.9)], budget, NOW);
  const exceeded = budgetState([spend('2026-03-10T09:00:00Z', 1.2)], budget, NOW);

  it('stops background work first, at the warning share', () => {
    expect(mayGenerate(warning, 'rep')).toEqual({ allowed: true });
    expect(mayGenerate(warning, 'background')).toMatchObject({ allowed: false, message: expect.stringContaining('Background work is paused') });
  });

  it('stops the rep at the cap, saying what was spent and when it resets', () => {
    const refusal = mayGenerate(exceeded, 'rep');
    expect(refusal.allowed).toBe(false);
    expect(!refusal.allowed && refusal.message).toMatch(/\$1\.20 of \$1\.00 spent today\. Generation resumes when it resets at .*Mar 11/);
  });
});
