import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText, Redactor, restoreRedactions } from '../../../lib/context';
import { passesIbanCheck, passesLuhn } from '../../../lib/context/redact';

/** Each sample: prose with one sensitive value in it, the value, and the kind it must be redacted as. */
const POSITIVES: { text: string; value: string; kind: 'ssn' | 'card' | 'iban' }[] = [
  { text: 'Gave her SSN 123-45-6789 to verify identity.', value: '123-45-6789', kind: 'ssn' },
  { text: 'ssn on file: 536 22 1847 (confirmed)', value: '536 22 1847', kind: 'ssn' },
  { text: 'Social security number 219446630, please update.', value: '219446630', kind: 'ssn' },
  { text: 'His SSN#421739055 was read out on the call', value: '421739055', kind: 'ssn' },
  { text: 'Employee id?\n318-50-2274\nthat is what she said', value: '318-50-2274', kind: 'ssn' },
  { text: 'SSN 772–41–0932 (with en dashes)', value: '772–41–0932', kind: 'ssn' },
  { text: 'Visa 4111 1111 1111 1111 exp 12/27', value: '4111 1111 1111 1111', kind: 'card' },
  { text: 'card:4111-1111-1111-1111.', value: '4111-1111-1111-1111', kind: 'card' },
  { text: 'Mastercard 5555555555554444 was declined', value: '5555555555554444', kind: 'card' },
  { text: 'Amex 3782 822463 10005, billing zip 94105', value: '3782 822463 10005', kind: 'card' },
  { text: 'Diners (3056 9309 0259 04) on the PO', value: '3056 9309 0259 04', kind: 'card' },
  { text: 'Discover 6011-0009-9013-9424 charged twice', value: '6011-0009-9013-9424', kind: 'card' },
  { text: 'Old 13-digit Visa 4222222222222 still on file', value: '4222222222222', kind: 'card' },
  { text: 'Qty 2 4012 8888 8888 1881 charged', value: '4012 8888 8888 1881', kind: 'card' },
  { text: 'Refund to GB82 WEST 1234 5698 7654 32 today', value: 'GB82 WEST 1234 5698 7654 32', kind: 'iban' },
  { text: 'IBAN: DE89370400440532013000', value: 'DE89370400440532013000', kind: 'iban' },
  { text: 'Wire to FR14 2004 1010 0505 0001 3M02 606 ASAP', value: 'FR14 2004 1010 0505 0001 3M02 606', kind: 'iban' },
  { text: 'nl91abna0417164300 (lower case, pasted from email)', value: 'nl91abna0417164300', kind: 'iban' },
];

/** Numbers that look like PII but are not: they must stay exactly as they are. */
const NEAR_MISSES = [
  'Call back on (415) 555-0142 or 415-555-0142.',
  'International: +1 415 555 0142, ext. 22',
  'Refund against order number 7310 2294 5581 0046 once finance confirms.',
  'Ticket 4111 1111 1111 1112 fails the Luhn check.',
  'Invoice 1234567812345678 is due.',
  'Closes 2026-12-15; renewal 12/15/2026; budget $1,234,567.89',
  'Ship to ZIP 94105-1234 and 02115-0042.',
  'Area 000-12-3456, 666-12-3456 and 912-34-5678 are not issued; nor are 123-00-4567 or 123-45-0000.',
  'Bad IBAN GB83 WEST 1234 5698 7654 32 (check digits off by one).',
  'Bad IBAN DE88 3704 0044 0532 0130 00 (wrong check digits) and DE89 3704 0044 0532 0130 02 (wrong account).',
  'Account number 000123456789, routing 121000248.',
  'Case 00001026, opportunity 006000000000001AAA, parts 123-45-67890, 9123-45-6789 and 1-123-45-6789',
  'Version 10.4.1234.5678 built 2026-05-01T17:05:00Z',
  'Order ORD-2026-000123-45 shipped; tracking 1Z999AA10123456784',
];

describe('redactText: the corpus', () => {
  it.each(POSITIVES)('redacts the $kind in "$text"', ({ text, value, kind }) => {
    const result = redactText(text);
    expect(result.text).not.toContain(value);
    expect(result.text.replace(/\D/g, '')).not.toContain(value.replace(/\D/g, '').slice(-6));
    expect(result.redactions).toEqual([{ kind, placeholder: `[${kind.toUpperCase()}-1]`, original: value }]);
    expect(restoreRedactions(result.text, result.redactions)).toBe(text);
  });

  it.each(NEAR_MISSES)('leaves "%s" alone', (text) => {
    expect(redactText(text)).toEqual({ text, redactions: [] });
  });

  it('redacts every value in a text holding many, and restores them all', () => {
    const text = POSITIVES.map((sample) => sample.text).join(' ');
    const result = redactText(text);
    for (const { value } of POSITIVES) expect(result.text).not.toContain(value);
    expect(restoreRedactions(result.text, result.redactions)).toBe(text);
  });
});

describe('redactText: placeholders', () => {
  it('gives the same value written differently its own placeholder, so that restoring gives back each spelling', () => {
    const text = 'card 4111 1111 1111 1111, or 4111-1111-1111-1111';
    const result = redactText(text);
    expect(result.text).toBe('card [CARD-1], or [CARD-2]');
    expect(restoreRedactions(result.text, result.redactions)).toBe(text);
  });

  it('gives the same value the same placeholder and different values different ones', () => {
    const result = redactText('SSN 123-45-6789, again 123-45-6789, spouse 536-22-1847');
    expect(result.text).toBe('SSN [SSN-1], again [SSN-1], spouse [SSN-2]');
    expect(restoreRedactions(result.text, result.redactions)).toBe('SSN 123-45-6789, again 123-45-6789, spouse 536-22-1847');
  });

  it('continues the numbering of earlier redactions for the same prompt', () => {
    const first = redactText('card 4111 1111 1111 1111');
    const second = redactText('cards 5555 5555 5555 4444 and 4111 1111 1111 1111', first.redactions);
    expect(second.text).toBe('cards [CARD-2] and [CARD-1]');
    const redactor = new Redactor(first.redactions);
    expect(redactor.redact('IBAN DE89370400440532013000')).toBe('IBAN [IBAN-1]');
  });

  it('leaves unknown placeholders and withheld-field placeholders as they are when restoring', () => {
    const { redactions } = redactText('SSN 123-45-6789');
    expect(restoreRedactions('[SSN-1] [SSN-7] [CARD-1] [REDACTED: Tax ID]', redactions)).toBe(
      '123-45-6789 [SSN-7] [CARD-1] [REDACTED: Tax ID]',
    );
  });
});

describe('the checks behind redaction', () => {
  it('validates Luhn and IBAN check digits', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesIbanCheck('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(passesIbanCheck('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(passesIbanCheck('GB82 WEST')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: a valid card or SSN put anywhere in random text never leaks.

function luhnComplete(body: string): string {
  for (let check = 0; check <= 9; check++) if (passesLuhn(body + check)) return body + check;
  throw new Error('unreachable');
}

const cardDigits = fc
  .tuple(fc.integer({ min: 12, max: 18 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }))
  .map(([bodyLength, digits]) => luhnComplete(digits.slice(0, bodyLength).join('')));

const formattedCard = fc.tuple(cardDigits, fc.constantFrom('', ' ', '-')).map(([digits, separator]) =>
  separator === '' ? digits : (digits.match(/.{1,4}/g) ?? []).join(separator),
);

const ssn = fc
  .tuple(
    fc.integer({ min: 1, max: 899 }).filter((area) => area !== 666),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 9999 }),
    fc.constantFrom('-', ' '),
  )
  .map(([area, group, serial, separator]) =>
    [String(area).padStart(3, '0'), String(group).padStart(2, '0'), String(serial).padStart(4, '0')].join(separator),
  );

/** A German IBAN (DE + check digits + 18 digits) with correct check digits, grouped by 4 or bare. */
const iban = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }), fc.boolean())
  .map(([digits, grouped]) => {
    const bban = digits.join('');
    const remainder = [...`${bban}131400`].reduce((sum, digit) => (sum * 10 + Number(digit)) % 97, 0);
    const compact = `DE${String(98 - remainder).padStart(2, '0')}${bban}`;
    return grouped ? (compact.match(/.{1,4}/g) ?? []).join(' ') : compact;
  });

const surroundings = fc.tuple(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(' ', ': ', ', ', '\n', ' (', ' #'),
  fc.constantFrom(' ', '. ', ', ', '\n', ') ', '.'),
  fc.string({ maxLength: 40 }),
);

describe('redactText: property', () => {
  it('never lets a valid card number, SSN or IBAN through, wherever it sits in random text', () => {
    fc.assert(
      fc.property(fc.oneof(formattedCard, ssn, iban), surroundings, (value, [before, open, close, after]) => {
        const text = `${before}${open}${value}${close}${after}`;
        const result = redactText(text);
        expect(result.text).not.toContain(value);
        expect(restoreRedactions(result.text, result.redactions)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('redaction by the rep’s and the organization’s own patterns', () => {
  it('replaces what a custom pattern matches, numbers it, and puts it back in the model’s text', () => {
    const patterns = [/\bPRJ-\d{4}\b/];
    const { text, redactions } = redactText('Codename PRJ-4411 ships with PRJ-9001; ticket 1234 stays.', [], patterns);
    expect(text).toBe('Codename [PRIVATE-1] ships with [PRIVATE-2]; ticket 1234 stays.');
    expect(restoreRedactions('About [PRIVATE-2].', redactions)).toBe('About PRJ-9001.');
  });

  it('ignores a pattern that matches the empty string rather than looping or redacting nothing', () => {
    const { text } = redactText('Nothing to hide here.', [], [/x*/]);
    expect(text).toBe('Nothing to hide here.');
  });
});
