/**
 * The one SOQL escaper: what it writes, the sandbox org's SOQL reads back as the same text (and Salesforce's
 * documented escapes are the only ones it uses); text no string literal can hold is refused, never mangled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectQuery, textEquals } from '../../../lib/salesforce/context/soql';
import { containsPattern, escapeSoqlLike, escapeSoqlText, isSoqlWritable, soqlString } from '../../../lib/salesforce/soql-text';
import { executeQuery } from '../../sandbox/salesforce/soql';
import { likeMatcher, unquote } from '../../sandbox/salesforce/soql/values';
import { adminAccess, buildDatabase } from '../sandbox/soql-fixture';

/** Text as notes, emails and model output hold it: quotes, backslashes, line breaks, tabs, LIKE wildcards, Unicode. */
const text = fc.string({ unit: fc.oneof(fc.constantFrom("'", '"', '\\', '\n', '\r', '\t', '\b', '\f', '%', '_', '\u00e9', '\u4e2d'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 });
const writable = text.filter(isSoqlWritable);

describe('escapeSoqlText', () => {
  it('escapes backslash, quote, line breaks, tab, backspace and form feed', () => {
    expect(escapeSoqlText("a\\b'c\nd\re\tf\bg\fh\"i")).toBe("a\\\\b\\'c\\nd\\re\\tf\\bg\\fh\"i");
    expect(soqlString("O'Brien\nLtd")).toBe("'O\\'Brien\\nLtd'");
  });

  it('gives back exactly the text it was given, as the org reads the literal', () => {
    fc.assert(
      fc.property(writable, (value) => {
        expect(unquote(soqlString(value))).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses text with characters no SOQL string can hold, rather than dropping them', () => {
    for (const value of ['line\u2028separator', 'para\u2029separator', 'bell\u0007', 'escape\u001b', 'delete\u007f']) {
      expect(isSoqlWritable(value)).toBe(false);
      expect(() => escapeSoqlText(value)).toThrow(/cannot search/);
    }
  });

  it('keeps a value with a line break one value in a composed query the org accepts', () => {
    const soql = selectQuery({ objectName: 'Account', fields: ['Id'], filters: [textEquals('Name', "Globex\nIndustries' OR Name != '")] });
    expect(soql).not.toContain('\n');
    expect(executeQuery(buildDatabase(), soql, adminAccess, '62.0').records).toEqual([]);
  });
});

describe('LIKE patterns', () => {
  it("keeps the model's wildcards and its escaped % and _, and escapes the rest", () => {
    expect(escapeSoqlLike("50%_off\\%\\_\\x'\n")).toBe("50%_off\\%\\_\\\\x\\'\\n");
    expect(escapeSoqlLike('\\')).toBe('\\\\');
  });

  it('finds text literally anywhere: its own % and _ are not wildcards', () => {
    fc.assert(
      fc.property(writable, text.filter(isSoqlWritable), text.filter(isSoqlWritable), (value, before, after) => {
        const matches = likeMatcher(`'${containsPattern(value)}'`);
        expect(matches(`${before}${value}${after}`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(likeMatcher(`'${containsPattern('50%')}'`)('500')).toBe(false);
    expect(likeMatcher(`'${containsPattern('a_c')}'`)('abc')).toBe(false);
  });
});
