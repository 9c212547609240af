/**
 * Property tests: fast-check writes SSNs, card numbers and IBANs in the formats people use (any separator, any
 * grouping, full-width or other-script digits, invisible characters inside, glued to a label) inside random text.
 * None may reach the model; near misses in the same formats must reach it unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText, restoreRedactions } from '../../../lib/context';
import { compact, fullWidth } from './redaction-corpus';


function luhnCheckDigit(body: string): string {
  for (let check = 0; check <= 9; check++) {
    const digits = body + check;
    const sum = [...digits].reverse().reduce((total, char, index) => {
      const doubled = Number(char) * (index % 2 === 1 ? 2 : 1);
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
    if (sum % 10 === 0) return String(check);
  }
  throw new Error('unreachable');
}

function ibanCheckDigits(country: string, bban: string): string {
  const numeric = [...`${bban}${country}00`].map((char) => (/\d/.test(char) ? char : String(char.charCodeAt(0) - 55))).join('');
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------------------------
// How people write numbers

const SEPARATORS = ['-', '.', '/', '_', ' ', '  ', ' - ', ' . ', '\u2013', '\u2014', '\u2212', '\u2011', '\u00a0', '\u2009', '\u202f', '\u3000', '\uff0d', '\t'];
const separator = fc.constantFrom(...SEPARATORS);

/** Digits (and letters) as typed: ASCII, full-width, Arabic-Indic or Devanagari digits. */
const script = fc.constantFrom<(text: string) => string>(
  (text) => text,
  fullWidth,
  (text) => text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit))),
  (text) => text.replace(/\d/g, (digit) => String.fromCharCode(0x0966 + Number(digit))),
);

/** Sometimes an invisible character (zero-width space, soft hyphen, word joiner) slipped in after a character. */
const invisible = fc.option(fc.tuple(fc.constantFrom('\u200b', '\u00ad', '\u2060', '\ufeff'), fc.nat()), { nil: undefined });

function withInvisible(text: string, slip: [string, number] | undefined): string {
  if (!slip) return text;
  const at = 1 + (slip[1] % Math.max(1, text.length - 1));
  return text.slice(0, at) + slip[0] + text.slice(at);
}

function grouped(text: string, sizes: readonly number[], between: string): string {
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= text.length) break;
    groups.push(text.slice(at, at + size));
    at += size;
  }
  if (at < text.length) groups.push(text.slice(at));
  return groups.join(between);
}

/** Random group sizes of 1 to 6 characters: odd groupings as well as the usual ones. */
const oddGroups = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 12 });

// SSNs: issued numbers, formatted 3-2-4 with any separator, or named by a word and grouped any way.
const issuedSsn = fc
  .tuple(fc.integer({ min: 1, max: 899 }).filter((area) => area !== 666), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .map(([area, group, serial]) => `${String(area).padStart(3, '0')}${String(group).padStart(2, '0')}${String(serial).padStart(4, '0')}`);

const formattedSsn = fc
  .tuple(issuedSsn, separator, separator, script, invisible)
  .map(([digits, first, second, typed, slip]) => ({ value: withInvisible(typed(grouped(digits, [3, 2, 4], first).replace(first + digits.slice(3, 5) + first, `${first}${digits.slice(3, 5)}${second}`)), slip), label: '' }));

const namedSsn = fc
  .tuple(issuedSsn, oddGroups, separator, script, fc.constantFrom('SSN ', 'ssn=', 'SSN: ', 'SSN is ', 'social security number ', 'Tax ID ', 'tax id: ', 'SS# ', 'ITIN ', '"ssn":"'))
  .map(([digits, sizes, between, typed, label]) => ({ value: typed(grouped(digits, sizes, between)), label }));

// Card numbers: a network's prefix and length, Luhn-completed.
const NETWORK_STARTS: [prefix: string, length: number][] = [
  ['4', 16], ['4', 19], ['51', 16], ['55', 16], ['2221', 16], ['2720', 16], ['34', 15], ['37', 15], ['6011', 16], ['65', 19],
  ['3528', 16], ['3589', 19], ['36', 14], ['300', 14], ['62', 16], ['6759', 16], ['2200', 16], ['1', 15],
];
const cardDigits = fc
  .tuple(fc.constantFrom(...NETWORK_STARTS), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }))
  .map(([[prefix, length], digits]) => {
    const body = (prefix + digits.join('')).slice(0, length - 1);
    return body + luhnCheckDigit(body);
  });
const printedGroups = (digits: string): number[] => (digits.length === 15 ? [4, 6, 5] : [4, 4, 4, 4, 4]);

const card = fc
  .tuple(cardDigits, fc.constantFrom('bare', 'printed', 'odd'), oddGroups, separator, script, invisible, fc.constantFrom('', 'card ', 'Visa ', 'cc#', 'ccn=', 'card number: '))
  .map(([digits, layout, sizes, between, typed, slip, label]) => {
    const laidOut = layout === 'bare' ? digits : grouped(digits, layout === 'printed' ? printedGroups(digits) : sizes, between);
    return { value: withInvisible(typed(laidOut), slip), label };
  });

// IBANs: a registry country's account-part layout (a letter, n digit, c letter or digit), correct check digits.
const LAYOUTS: [country: string, layout: string][] = [
  ['DE', 'n18'], ['GB', 'a4n14'], ['FR', 'n10c11n2'], ['NL', 'a4n10'], ['ES', 'n20'], ['IT', 'a1n10c12'], ['CH', 'n5c12'],
  ['BE', 'n12'], ['AT', 'n16'], ['PL', 'n24'], ['NO', 'n11'], ['MT', 'a4n5c18'], ['SA', 'n2c18'], ['BR', 'n23a1c1'],
  ['IE', 'a4n14'], ['LU', 'n3c13'], ['QA', 'a4c21'], ['KW', 'a4c22'], ['TR', 'n5n1c16'], ['IS', 'n22'],
];
/** In a `c` run, letters only in its first third: real account parts are mostly digits (lib keeps letter-heavy ones). */
const layoutChar = (kind: string, value: number, lettersAllowed: boolean): string =>
  kind === 'a' || (kind === 'c' && lettersAllowed && value % 10 >= 6) ? String.fromCharCode(65 + (value % 26)) : String(value % 10);
const iban = fc
  .tuple(fc.constantFrom(...LAYOUTS), fc.array(fc.nat(), { minLength: 30, maxLength: 30 }))
  .map(([[country, layout], values]) => {
    const runs = [...layout.matchAll(/([anc])(\d+)/g)].map(([, kind = 'n', count]) => ({ kind, count: Number(count) }));
    const bban = runs
      .flatMap(({ kind, count }) => Array.from({ length: count }, (_, index) => ({ kind, lettersAllowed: index < count / 3 })))
      .map(({ kind, lettersAllowed }, index) => layoutChar(kind, values[index] ?? 0, lettersAllowed))
      .join('');
    return `${country}${ibanCheckDigits(country, bban)}${bban}`;
  });

const formattedIban = fc
  .tuple(iban, fc.constantFrom('bare', 'fours', 'odd'), oddGroups, separator, fc.boolean(), fc.constantFrom<(text: string) => string>((text) => text, fullWidth), fc.constantFrom('', 'IBAN', 'IBAN:', 'iban=', 'Konto'))
  .map(([compactIban, layout, sizes, between, lower, typed, label]) => {
    const laidOut = layout === 'bare' ? compactIban : grouped(compactIban, layout === 'fours' ? [4, 4, 4, 4, 4, 4, 4, 4] : [4, ...sizes], between);
    return { value: typed(lower ? laidOut.toLowerCase() : laidOut), label };
  });

/**
 * Random text around the value, kept apart from it: a digit group or letters glued on, or a separator that joins
 * another group, would make it part of a longer number (how phone numbers next to other numbers stay).
 */
const surroundings = fc.tuple(
  fc.string({ maxLength: 30 }).map((text) => text.replace(/[0-9A-Za-z\p{Nd}\p{Pd}\p{Cf}\s._/]+$/u, '')),
  fc.constantFrom(' ', ': ', ', ', '\n', ' (', ' #', '\t', '"'),
  fc.constantFrom(' ', '. ', ', ', '\n', ') ', '.', '"', ''),
  fc.string({ maxLength: 30 }).map((text) => text.replace(/^[0-9A-Za-z\p{Nd}\p{Pd}._/\s]+/u, '')),
);

describe('redaction: generated formats', () => {
  it.each([
    ['an SSN written 3-2-4 with any separator, in any script', formattedSsn],
    ['an SSN named by a word, grouped any way', namedSsn],
    ['a card number bare, printed or oddly grouped, with any separator', card],
    ['an IBAN bare or grouped with any separator, in either case, glued to a label', formattedIban],
  ])('never lets %s through, and restores the text exactly', (_name, values) => {
    fc.assert(
      fc.property(values, surroundings, ({ value, label }, [before, open, close, after]) => {
        const text = `${before}${open}${label}${value}${close}${after}`;
        const result = redactText(text);
        expect(compact(result.text)).not.toContain(compact(value));
        expect(restoreRedactions(result.text, result.redactions)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Near misses in the same formats

/** 14 to 16 digits: a longer number may hold a valid 16-digit card in its first groups, rightly redacted. */
const luhnFailing = cardDigits.filter((digits) => digits.length <= 16).map((digits) => digits.slice(0, -1) + String((Number(digits.at(-1)) + 1 + (Number(digits.at(-1)) % 3)) % 10));
const unissuedSsn = fc
  .tuple(fc.constantFrom('000', '666', '900', '987'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
  .chain(([area, group, serial]) =>
    fc.constantFrom(
      `${area}${String(group).padStart(2, '0')}${String(serial).padStart(4, '0')}`,
      `${String(100 + (serial % 800)).padStart(3, '0')}00${String(serial).padStart(4, '0')}`,
      `${String(100 + (serial % 800)).padStart(3, '0')}${String(group || 1).padStart(2, '0')}0000`,
    ),
  );

describe('redaction: near misses in generated formats', () => {
  it('leaves a card-shaped number that fails Luhn as it is, printed with any separator or bare', () => {
    fc.assert(
      fc.property(luhnFailing, fc.boolean(), separator, script, (digits, bare, between, typed) => {
        const value = typed(bare ? digits : grouped(digits, printedGroups(digits), between));
        const text = `Order ${value} shipped.`;
        expect(redactText(text).redactions.filter((redaction) => redaction.kind === 'card')).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves a number never issued as an SSN as it is, with any separator', () => {
    fc.assert(
      fc.property(unissuedSsn, separator, script, (digits, between, typed) => {
        const text = `Reference ${typed(grouped(digits, [3, 2, 4], between))} on file.`;
        expect(redactText(text)).toEqual({ text, redactions: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves an IBAN with wrong check digits unredacted as an IBAN, however grouped', () => {
    fc.assert(
      fc.property(iban, fc.integer({ min: 1, max: 96 }), separator, (valid, shift, between) => {
        const wrongCheck = String(((Number(valid.slice(2, 4)) - 2 + shift) % 97) + 2).padStart(2, '0');
        const compactIban = `${valid.slice(0, 2)}${wrongCheck}${valid.slice(4)}`;
        const text = `Account ${grouped(compactIban, [4, 4, 4, 4, 4, 4, 4, 4], between)} closed.`;
        expect(redactText(text).redactions.filter((redaction) => redaction.kind === 'iban')).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
