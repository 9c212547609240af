import { describe, expect, it } from 'vitest';
import { redactText, Redactor, restoreRedactions } from '../../../lib/context';
import { passesIbanCheck, passesLuhn } from '../../../lib/context/redact';
import { compact, NEAR_MISSES, POSITIVES } from './redaction-corpus';


function luhnValid(digits: string): boolean {
  const sum = [...digits].reverse().reduce((total, char, index) => {
    const doubled = Number(char) * (index % 2 === 1 ? 2 : 1);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  const numeric = [...moved].map((char) => (/\d/.test(char) ? char : String(char.charCodeAt(0) - 55))).join('');
  return BigInt(numeric) % 97n === 1n;
}

describe('redactText: the corpus', () => {
  it('holds at least 150 values to redact and 80 near misses, each value valid by its own check', () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(150);
    expect(NEAR_MISSES.length).toBeGreaterThanOrEqual(80);
    for (const kind of ['ssn', 'card', 'iban'] as const) expect(POSITIVES.filter((sample) => sample.kind === kind).length).toBeGreaterThanOrEqual(40);
    for (const { text, value, kind } of POSITIVES) {
      expect(text).toContain(value);
      if (kind === 'ssn') expect(compact(value)).toMatch(/^\d{9}$/);
      if (kind === 'card') expect(luhnValid(compact(value)), value).toBe(true);
      if (kind === 'iban') expect(ibanValid(compact(value)), value).toBe(true);
    }
  });

  it.each(POSITIVES)('redacts the $kind in "$text"', ({ text, value, kind }) => {
    const result = redactText(text);
    expect(result.text).not.toContain(value);
    expect(compact(result.text)).not.toContain(compact(value));
    expect(result.redactions).toEqual([{ kind, placeholder: `[${kind.toUpperCase()}-1]`, original: value }]);
    expect(restoreRedactions(result.text, result.redactions)).toBe(text);
  });

  it.each(NEAR_MISSES)('leaves "%s" as it is', (text) => {
    expect(redactText(text)).toEqual({ text, redactions: [] });
  });

  it('redacts every value in a text holding many, and restores them all', () => {
    const text = POSITIVES.map((sample) => sample.text).join(' ');
    const result = redactText(text);
    for (const { value } of POSITIVES) expect(compact(result.text)).not.toContain(compact(value));
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
