import { describe, expect, it } from 'vitest';
import { costOf, defaultModelFor, priceOf, PRICES, toContentParams } from '../../../lib/model';

const usage = { input: 1_000_000, output: 1_000_000, cacheRead: 0, cacheWrite: 0 };

describe('costOf', () => {
  it('prices each family per million tokens, input and output', () => {
    expect(costOf('claude-haiku-5-5', usage)).toBeCloseTo(0.6, 10);
    expect(costOf('claude-sonnet-5-5', usage)).toBeCloseTo(12, 10);
    expect(costOf('claude-opus-5-5-20261001', usage)).toBeCloseTo(24, 10);
  });

  it('charges cache writes at 1.25× and cache reads at 0.1× of the input price', () => {
    expect(costOf('claude-sonnet-5-5', { input: 0, output: 0, cacheRead: 1_000_000, cacheWrite: 0 })).toBeCloseTo(0.2, 10);
    expect(costOf('claude-sonnet-5-5', { input: 0, output: 0, cacheRead: 0, cacheWrite: 1_000_000 })).toBeCloseTo(2.5, 10);
  });

  it('prices an unknown model as the most expensive in the table, so budgets are never under-counted', () => {
    expect(priceOf('claude-fable-5-2')).toEqual(PRICES.opus);
  });

  it('takes a replacement table, where an exact model id wins over its family', () => {
    const prices = { sonnet: { input: 3, output: 15 }, 'claude-sonnet-4-5': { input: 1, output: 1 } };
    expect(costOf('claude-sonnet-5-5', usage, prices)).toBeCloseTo(18, 10);
    expect(costOf('claude-sonnet-4-5', usage, prices)).toBeCloseTo(2, 10);
  });
});

describe('toContentParams', () => {
  it('marks the leading cacheable blocks, at most four (the last ones), and never the blocks after the first dynamic one', () => {
    const blocks = [1, 2, 3, 4, 5].map((n) => ({ text: `static ${n}`, cacheable: true }));
    const params = toContentParams([...blocks, { text: 'dynamic', cacheable: false }, { text: 'late', cacheable: true }], []);
    expect(params.system.map((block) => Boolean(block.cache_control))).toEqual([false, true, true, true, true, false, false]);
  });

  it('carries the leading run into the user turn: the context block after the instructions is a breakpoint, the task is not', () => {
    const params = toContentParams(
      [{ text: 'preamble', cacheable: true }, { text: 'instructions', cacheable: true }],
      [{ text: '<context>…</context>', cacheable: true }, { text: 'task', cacheable: false }],
    );
    expect(params.system.map((block) => Boolean(block.cache_control))).toEqual([true, true]);
    expect(params.user.map((block) => [block.text, Boolean(block.cache_control)])).toEqual([['<context>…</context>', true], ['task', false]]);
  });
});

describe('defaultModelFor', () => {
  const available = ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-sonnet-4-5'];

  it('picks the newest Sonnet for writing and the newest Haiku for extraction and query planning', () => {
    expect(defaultModelFor('summary', available)).toBe('claude-sonnet-5-5');
    expect(defaultModelFor('extract', available)).toBe('claude-haiku-5-5');
    expect(defaultModelFor('ask-plan', ['claude-opus-5-5'])).toBe('claude-opus-5-5');
  });
});
