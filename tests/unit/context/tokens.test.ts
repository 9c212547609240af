import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../../lib/context';

describe('estimateTokens', () => {
  it('counts short words as one token and splits long words, digit runs and punctuation', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('the deal')).toBe(2);
    expect(estimateTokens('AnnualRevenue')).toBe(3);
    expect(estimateTokens('850000000')).toBe(3);
    expect(estimateTokens('$850,000,000')).toBe(6);
    expect(estimateTokens('a\n  b')).toBe(3);
  });

  it('counts JSON as costlier than the same facts written as a line', () => {
    const json = JSON.stringify({ attributes: { type: 'Account' }, Name: 'Globex', AnnualRevenue: 850000000 }, null, 2);
    const line = 'r1a2 Account Name: Globex\nr3b4 Annual Revenue: $850,000,000';
    expect(estimateTokens(json)).toBeGreaterThan(Math.ceil(json.length / 4));
    expect(estimateTokens(line)).toBeLessThan(estimateTokens(json));
  });
});
