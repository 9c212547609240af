import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SELECTION_PART_CHARS, splitSelection } from '../../../lib/proposals/selection';

describe('splitSelection', () => {
  it('keeps a selection that fits as one part', () => {
    expect(splitSelection('Ana Lopez, Summit Co')).toEqual(['Ana Lopez, Summit Co']);
    expect(splitSelection('')).toEqual(['']);
  });

  it('cuts an attendee list at line ends, never inside a line', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Attendee${i} Person${i}, Summit Co ${i}, attendee${i}@summit${i}.example`);
    const parts = splitSelection(lines.join('\n'));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(SELECTION_PART_CHARS);
      for (const line of part.split('\n').filter(Boolean)) expect(lines).toContain(line);
    }
  });

  it('prefers blank lines between signatures to line ends inside one', () => {
    const signature = (i: number) => `Person ${i}\nTitle ${i}\nCompany ${i}\nperson${i}@example.com`;
    const text = Array.from({ length: 20 }, (_, i) => signature(i)).join('\n\n');
    const parts = splitSelection(text, 200);
    for (const part of parts) expect(part.trim().split('\n\n').every((block) => block.split('\n').length === 4)).toBe(true);
  });

  it('gives consecutive parts that make up the text exactly, each within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_000, unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', 'é', '\u2028') }), fc.integer({ min: 1, max: 300 }), (text, max) => {
        const parts = splitSelection(text, max);
        expect(parts.join('')).toBe(text);
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
        if (text.length > 0) expect(parts.every((part) => part.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
