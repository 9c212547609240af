/**
 * The evaluation's scoring: facts found in an output whatever its form, citations counted only when they name a real
 * line, extraction pairs and their precision and recall, scores over cases, a variant's difference with its interval,
 * the baseline check, and the tokens read from a streamed reply.
 */
import { describe, expect, it } from 'vitest';
import { regressions, type Baseline } from '../../eval/report/baseline';
import type { VersionSummary } from '../../eval/report/results';
import { compareScore } from '../../eval/scoring/compare';
import { forbidden, scoreItems, valueMatches, type Item } from '../../eval/scoring/extraction';
import { aggregate, type CaseOutcome } from '../../eval/scoring/scores';
import { citedShare, states } from '../../eval/scoring/text';
import { usageOfReply } from '../../eval/world';

const item = (key: string, value: Item['value'], extra: Partial<Item> = {}): Item => ({ key, group: '', value, text: String(value), ticked: true, ...extra });
const outcome = (caseId: string, scores: Record<string, number>, fields: CaseOutcome['fields'] = {}): CaseOutcome => ({ caseId, scores, fields, calls: [], output: '', misses: [] });

describe('facts in an output', () => {
  it('finds a fact whatever the case, dashes, spacing or Markdown, when every term has one of its forms', () => {
    const text = '## Needs attention\n- **Globex Industries – Analytics Add-on** closes 2026-11-06, OVERDUE   by 12 days [oblb]';
    expect(states({ id: 'a', says: ['analytics add-on', ['passed', 'overdue']] }, text)).toBe(true);
    expect(states({ id: 'b', says: ['Globex Industries - Analytics'] }, text)).toBe(true);
    expect(states({ id: 'c', says: ['Analytics Add-on', ['480,000', '480k']] }, text)).toBe(false);
  });

  it('counts a statement as cited only when it names a line the context has; headings and questions need none', () => {
    const known = new Set(['oblb', 't9xl']);
    const text = '## Open items\n- Add-on overdue [oblb]\n- Proposal late [zzzz]\n- Who signs?\n- MSA redlines [t9xl][oblb]';
    expect(citedShare(text, known)).toBeCloseTo(2 / 3);
    expect(citedShare('', known)).toBe(0);
  });
});

describe('extraction pairs', () => {
  it('reads values as typed: numbers, phones by their digits, dates and picklists exactly, text by the words it holds', () => {
    expect(valueMatches(245_000, item('Amount', 245_000))).toBe(true);
    expect(valueMatches(245_000, item('Amount', '245000.00'))).toBe(true);
    expect(valueMatches('404.555.0199', item('Contact.Phone', '(404) 555-0199'))).toBe(true);
    expect(valueMatches('Dunmore Paper Co.', item('Company', 'Dunmore Paper Co'))).toBe(true);
    expect(valueMatches('Closed Won', item('StageName', 'Closed Lost'))).toBe(false);
    expect(valueMatches({ contains: ['migration proposal'] }, item('NextStep', 'Send the Migration Proposal by Friday'))).toBe(true);
  });

  it('scores a right value, a wrong one (a wrong proposal and a miss), a miss and an extra, all and ticked alone', () => {
    const proposed = [item('Amount', 245_000), item('StageName', 'Closed Won'), item('Probability', 40, { ticked: false })];
    const scored = scoreItems(proposed, [
      { key: 'Amount', group: '', value: 245_000 },
      { key: 'StageName', group: '', value: 'Proposal/Price Quote' },
      { key: 'CloseDate', group: '', value: '2026-12-18' },
    ]);
    expect(scored.fields).toEqual({
      Amount: { tp: 1, fp: 0, fn: 0 },
      StageName: { tp: 0, fp: 1, fn: 1 },
      CloseDate: { tp: 0, fp: 0, fn: 1 },
      Probability: { tp: 0, fp: 1, fn: 0 },
    });
    expect(scored.ticked).toEqual({ tp: 1, fp: 1, fn: 2 });
    expect(scored.extra.map((extra) => extra.key)).toEqual(['Probability']);
  });

  it('pairs people by name without their title, and finds the values a case forbids', () => {
    const proposed = [item('Contact', 'samuel okoro', { group: 'samuel okoro' }), item('StageName', 'Closed Won')];
    expect(scoreItems(proposed, [{ key: 'Contact', group: 'samuel okoro', value: 'Dr. Samuel Okoro' }]).fields.Contact).toEqual({ tp: 1, fp: 0, fn: 0 });
    const banned = forbidden(proposed, [{ field: 'StageName', value: 'Closed Won' }, { field: 'Contact', value: 'Tom Alvarez' }, { field: 'Amount' }], ['Contact']);
    expect(banned.map((value) => value.key)).toEqual(['StageName']);
  });
});

describe('scores over cases', () => {
  it('adds precision and recall up from every case’s counts, and averages per-case scores where they apply', () => {
    const cases = [
      outcome('a', { fact_recall: 1 }, { Amount: { tp: 1, fp: 0, fn: 0 } }),
      outcome('b', {}, { Amount: { tp: 0, fp: 1, fn: 1 }, StageName: { tp: 2, fp: 0, fn: 0 } }),
    ];
    expect(aggregate(cases, 'precision')).toBeCloseTo(3 / 4);
    expect(aggregate(cases, 'recall:Amount')).toBeCloseTo(1 / 2);
    expect(aggregate(cases, 'fact_recall')).toBe(1);
    expect(aggregate(cases, 'rows_exact')).toBeNull();
  });

  it('gives a variant’s difference with an interval: none for the same outcomes, above zero when it wins on most cases', () => {
    const base = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, index) => outcome(id, { fact_recall: index % 2 === 0 ? 0.5 : 0.75 }));
    const same = compareScore(base, base, 'fact_recall');
    expect(same).toMatchObject({ difference: 0, interval: [0, 0], caseStdDev: 0, cases: 6 });
    const better = compareScore(base, base.map((item) => outcome(item.caseId, { fact_recall: (item.scores.fact_recall ?? 0) + 0.25 })), 'fact_recall');
    expect(better.difference).toBeCloseTo(0.25);
    expect(better.interval?.[0]).toBeGreaterThan(0);
  });
});

describe('the baseline check', () => {
  const baseline: Baseline = {
    model: 'demo',
    measuredAt: '2026-11-18T17:00:00.000Z',
    preambleVersion: 1,
    prompts: { summary: { version: 2, cases: 11, scores: { fact_recall: 0.8, unsupported_claims: 0.1 } } },
  };
  const summary = (scores: Record<string, number | null>, cases = 11): VersionSummary => ({ key: 'summary', set: 'working tree', promptId: 'summary', variant: 'A', version: 3, cases, scores, unanswered: null });

  it('fails a score worse beyond the threshold either way round, and passes one within it or better', () => {
    expect(regressions(baseline, [summary({ fact_recall: 0.79, unsupported_claims: 0.11 })], 0.02)).toEqual([]);
    expect(regressions(baseline, [summary({ fact_recall: 0.95, unsupported_claims: 0 })], 0.02)).toEqual([]);
    expect(regressions(baseline, [summary({ fact_recall: 0.7, unsupported_claims: 0.2 })], 0.02)).toEqual([
      'summary v3 (baseline v2): must-state facts stated (fact_recall) 0.800 → 0.700',
      'summary v3 (baseline v2): unsupported claims per output (unsupported_claims) 0.100 → 0.200',
    ]);
  });

  it('fails a score that is gone, and says to record a new baseline when the cases changed', () => {
    expect(regressions(baseline, [summary({ fact_recall: null, unsupported_claims: 0 })], 0.02)).toHaveLength(1);
    expect(regressions(baseline, [summary({ fact_recall: 0.8 }, 12)], 0.02)[0]).toMatch(/labelled cases changed/);
  });

  it('fails a prompt the baseline has no scores for, rather than passing it unchecked', () => {
    const reply: VersionSummary = { ...summary({ fact_recall: 0.9 }), key: 'reply', promptId: 'reply' };
    expect(regressions(baseline, [reply], 0.02)).toEqual(['reply v3: no baseline recorded, so nothing to compare with: record one (--update-baseline --demo).']);
  });
});

describe('tokens of a reply', () => {
  it('reads the model and usage of a streamed reply (input at the start, output at the end) and of a whole one', () => {
    const stream = [
      'event: message_start',
      'data: {"type":"message_start","message":{"model":"claude-haiku-5-5","usage":{"input_tokens":1200,"output_tokens":1,"cache_read_input_tokens":800}}}',
      'event: message_delta',
      'data: {"type":"message_delta","usage":{"output_tokens":240}}',
    ].join('\n');
    expect(usageOfReply(stream)).toEqual({ model: 'claude-haiku-5-5', input: 1200, output: 240, cacheRead: 800, cacheWrite: 0 });
    expect(usageOfReply('{"type":"message","model":"m","usage":{"input_tokens":5,"output_tokens":7}}')).toMatchObject({ input: 5, output: 7 });
  });
});
