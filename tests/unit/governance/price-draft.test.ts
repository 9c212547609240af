import { describe, expect, it } from 'vitest';
import { costUsd } from '../../../lib/audit';
import { derivedCachePrice, emptyPriceRow, priceRowProblems, priceRowsFrom, priceTableFromRows, type PriceRowDraft } from '../../../lib/features/governance/price-draft';
import { DEFAULT_PRICES, Settings } from '../../../lib/settings';

const row = (model: string, input: string, output: string, cacheRead = '', cacheWrite = ''): PriceRowDraft => ({ model, prices: { input, output, cacheRead, cacheWrite } });

describe('the editable price table', () => {
  it('round-trips the default table, cache prices left unset so they keep following the input price', () => {
    const rows = priceRowsFrom(DEFAULT_PRICES);
    expect(rows.map((candidate) => candidate.model)).toEqual(Object.keys(DEFAULT_PRICES));
    expect(rows[0]).toEqual(row('claude-haiku-5-5', '0.1', '0.5'));
    expect(priceTableFromRows(rows)).toEqual({ prices: DEFAULT_PRICES });
  });

  it('reads edited and added rows, trims model ids, and produces a table the settings schema accepts', () => {
    const result = priceTableFromRows([row('claude-sonnet-5-5', ' 7 ', '30', '0.5', ''), row(' claude-new ', '0', '1.5')]);
    expect(result).toEqual({ prices: { 'claude-sonnet-5-5': { input: 7, output: 30, cacheRead: 0.5 }, 'claude-new': { input: 0, output: 1.5 } } });
    if (!('prices' in result)) throw new Error('expected prices');
    const settings = Settings.parse({ prices: result.prices });
    // An empty cache write follows the input price at Anthropic's 1.25×; the given cache read is used as typed.
    expect(costUsd('claude-sonnet-5-5', { input: 1_000_000, output: 0, cacheRead: 1_000_000, cacheWrite: 1_000_000 }, settings.prices)).toBeCloseTo(7 + 0.5 + 8.75, 10);
  });

  it('names every wrong value in plain words and produces no table', () => {
    const result = priceTableFromRows([row('claude-a', '-1', ''), row('claude-b', '2', '3', '-0.5', 'Infinity')]);
    expect(result).toEqual({
      problems: [
        { model: 'claude-a', kind: 'input', text: 'The input price for claude-a cannot be below zero.' },
        { model: 'claude-a', kind: 'output', text: 'Enter the output price for claude-a as a number, 0 or more.' },
        { model: 'claude-b', kind: 'cacheRead', text: 'The cache read price for claude-b cannot be below zero.' },
        { model: 'claude-b', kind: 'cacheWrite', text: 'The cache write price for claude-b is not a number.' },
      ],
    });
  });

  it('refuses a model to add without an id, or with an id already in the table', () => {
    expect(priceRowProblems(emptyPriceRow(), [], 'the model to add')).toEqual([
      { model: '', kind: 'model', text: 'Enter a model id, like claude-sonnet-5-5.' },
      { model: '', kind: 'input', text: 'Enter the input price for the model to add as a number, 0 or more.' },
      { model: '', kind: 'output', text: 'Enter the output price for the model to add as a number, 0 or more.' },
    ]);
    expect(priceRowProblems(row(' claude-haiku-5-5 ', '1', '2'), Object.keys(DEFAULT_PRICES))).toEqual([
      { model: 'claude-haiku-5-5', kind: 'model', text: 'claude-haiku-5-5 is already in the table: change its prices in its row.' },
    ]);
    expect(priceRowProblems(row('x'.repeat(201), '1', '2'), [])[0]?.text).toBe('A model id is at most 200 characters.');
    expect(priceRowProblems(row('claude-new', '1', '2'), Object.keys(DEFAULT_PRICES))).toEqual([]);
    expect(priceTableFromRows([row('claude-a', '1', '2'), row('claude-a', '3', '4')])).toMatchObject({ problems: [{ kind: 'model' }, { kind: 'model' }] });
  });

  it("shows what an empty cache price will be: the input price times Anthropic's multipliers", () => {
    expect(derivedCachePrice('cacheRead', '0.1')).toBe(0.01);
    expect(derivedCachePrice('cacheWrite', '3')).toBe(3.75);
    expect(derivedCachePrice('cacheRead', '')).toBeNull();
    expect(derivedCachePrice('cacheWrite', '-2')).toBeNull();
  });
});
