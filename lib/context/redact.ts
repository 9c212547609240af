/**
 * PII redaction: what must never leave the browser is replaced by placeholders before any text is sent.
 *
 * - US social security numbers: `123-45-6789`, `123 45 6789` (any dash or space between the groups), and nine bare
 *   digits right after "SSN" / "social security number". Numbers that cannot be SSNs stay: area 000, 666 or 9xx, group
 *   00, serial 0000.
 * - Payment card numbers: 13 to 19 digits, bare or in groups split by spaces or dashes, that pass the Luhn check. Only
 *   whole groups are taken, and every group but the last has at least 4 digits, so phone numbers (3-3-4) next to
 *   other numbers are not read as cards. Near-misses that fail Luhn stay.
 * - IBANs: country letters, two check digits and 11 to 30 letters or digits, bare or grouped by spaces, whose mod-97
 *   check holds. Near-misses stay.
 * The same value gets the same placeholder everywhere (`[SSN-1]` twice means the same number, written the same way),
 * and the originals are kept only here, in the browser, to put back into what the model returns.
 * Cost of never leaking: a 13-19 digit number that happens to pass Luhn (about 1 in 10) is redacted as a card.
 */

/** `custom`: a value matched by one of the rep's or the organization's own patterns (settings). */
export type ValueKind = 'ssn' | 'card' | 'iban' | 'custom';

/** A value found in text and replaced; restoreRedactions puts `original` back where the model echoes `placeholder`. */
export interface ValueRedaction {
  kind: ValueKind;
  placeholder: string;
  original: string;
  /** The context line it was found in, when the text was a context line. */
  lineId?: string;
}

/**
 * A whole field withheld by the denylist. Its value is not kept anywhere (not even here), is never sent and is never
 * restored: the placeholder stays in the model's text as it is.
 */
export interface DeniedFieldRedaction {
  kind: 'denied-field';
  placeholder: string;
  objectName: string;
  field: string;
  lineId?: string;
}

export type Redaction = ValueRedaction | DeniedFieldRedaction;

const PLACEHOLDER_NAMES: Record<ValueKind, string> = { ssn: 'SSN', card: 'CARD', iban: 'IBAN', custom: 'PRIVATE' };

/** Every placeholder redaction can put in a text, for marking them in the "What will be sent" view. */
export const PLACEHOLDER_PATTERN = /\[(?:SSN|CARD|IBAN|PRIVATE)-\d+\]|\[REDACTED: [^\]]*\]/g;

interface Span {
  start: number;
  end: number;
  kind: ValueKind;
}

// ---------------------------------------------------------------------------------------------------------------
// Social security numbers

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
const SSN_SEPARATOR = `[${DASHES} \u00a0]`;
// Not glued to a longer run of digit groups on either side (a phone number, an order number, a card).
const SSN_FORMATTED = new RegExp(
  `(?<!\\d|\\d[${DASHES}])(\\d{3})${SSN_SEPARATOR}(\\d{2})${SSN_SEPARATOR}(\\d{4})(?!\\d|[${DASHES}]\\d)`,
  'g',
);
const SSN_BARE_AFTER_KEYWORD =
  /(?:\bSSN|\bsocial[ -]security(?:[ -](?:number|no\.?|#))?)\s*(?:#|no\.?|number|is|was)?\s*[:#]?\s*(?<!\d)(\d{9})(?!\d)/gi;

function isPossibleSsn(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000';
}

function findSsns(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(SSN_FORMATTED)) {
    const [whole, area = '', group = '', serial = ''] = match;
    if (isPossibleSsn(area, group, serial)) spans.push({ start: match.index, end: match.index + whole.length, kind: 'ssn' });
  }
  for (const match of text.matchAll(SSN_BARE_AFTER_KEYWORD)) {
    const digits = match[1] ?? '';
    const end = match.index + match[0].length;
    if (isPossibleSsn(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5))) {
      spans.push({ start: end - digits.length, end, kind: 'ssn' });
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------------------------
// Payment cards

const DIGIT_RUN = new RegExp(`\\d+(?:(?:[ \u00a0]{1,2}|[ \u00a0]?[${DASHES}][ \u00a0]?)\\d+)*`, 'g');

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function findCards(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((group) => ({
      start: run.index + group.index,
      digits: group[0],
    }));
    let first = 0;
    while (first < groups.length) {
      const last = longestCardFrom(groups, first);
      if (last === null) {
        first++;
        continue;
      }
      const end = groups[last] as { start: number; digits: string };
      spans.push({ start: (groups[first] as { start: number }).start, end: end.start + end.digits.length, kind: 'card' });
      first = last + 1;
    }
  }
  return spans;
}

/** The last group of the longest card number starting at group `first`, or null. */
function longestCardFrom(groups: readonly { digits: string }[], first: number): number | null {
  let digits = '';
  let found: number | null = null;
  for (let last = first; last < groups.length; last++) {
    const group = groups[last]?.digits ?? '';
    // A group shorter than 4 can only close a card number (Amex 4-6-5, 19 digits 4-4-4-4-3).
    if (last > first && (groups[last - 1]?.digits.length ?? 0) < 4) break;
    digits += group;
    if (digits.length > 19) break;
    if (digits.length >= 13 && passesLuhn(digits)) found = last;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// IBANs

const IBAN_START = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}/g;
const IBAN_MAX_LENGTH = 34;

export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const checkDigits = Number(compact.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Where an IBAN starting at `start` could end: after each of the single-space-separated tokens that follow. */
function ibanEndsFrom(text: string, start: number): number[] {
  const token = /[A-Za-z0-9]+/y;
  const ends: number[] = [];
  let position = start;
  let length = 0;
  for (;;) {
    token.lastIndex = position;
    const match = token.exec(text);
    if (!match) break;
    length += match[0].length;
    if (length > IBAN_MAX_LENGTH) break;
    position += match[0].length;
    ends.push(position);
    if (text[position] !== ' ') break;
    position += 1;
  }
  return ends;
}

function findIbans(text: string): Span[] {
  const spans: Span[] = [];
  let searchFrom = 0;
  for (const start of text.matchAll(IBAN_START)) {
    if (start.index < searchFrom) continue;
    // The longest candidate first, so that a grouped IBAN is taken whole.
    const end = ibanEndsFrom(text, start.index)
      .reverse()
      .find((candidate) => passesIbanCheck(text.slice(start.index, candidate)));
    if (end !== undefined) {
      spans.push({ start: start.index, end, kind: 'iban' });
      searchFrom = end;
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------------------------
// Redacting

/**
 * IBANs first (their digits may look like a card), then cards, then SSNs. Spans that overlap are merged into one, of
 * the earlier kind, so that no part of either is left in the clear.
 */
function findCustom(text: string, patterns: readonly RegExp[]): Span[] {
  return patterns.flatMap((pattern) => {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    return [...text.matchAll(global)]
      .filter((match) => match[0].length > 0)
      .map((match): Span => ({ start: match.index, end: match.index + match[0].length, kind: 'custom' }));
  });
}

export function findSensitiveValues(text: string, extraPatterns: readonly RegExp[] = []): Span[] {
  const chosen: Span[] = [];
  for (const span of [...findIbans(text), ...findCards(text), ...findSsns(text), ...findCustom(text, extraPatterns)]) {
    const overlapping = chosen.find((other) => span.start < other.end && other.start < span.end);
    if (overlapping) {
      overlapping.start = Math.min(overlapping.start, span.start);
      overlapping.end = Math.max(overlapping.end, span.end);
    } else {
      chosen.push({ ...span });
    }
  }
  // A merge may have grown a span into its neighbour: fold those together as well.
  return chosen
    .sort((a, b) => a.start - b.start)
    .reduce<Span[]>((merged, span) => {
      const previous = merged[merged.length - 1];
      if (previous && span.start < previous.end) previous.end = Math.max(previous.end, span.end);
      else merged.push(span);
      return merged;
    }, []);
}

/** Exact text, not the bare digits: restoring must give back the value as it was written. */
function sameValueKey(kind: ValueKind, original: string): string {
  return `${kind}:${original}`;
}

/**
 * Replaces sensitive values with numbered placeholders and remembers what it replaced. One redactor serves one
 * prompt, so the numbering is shared by everything in it; it can continue the numbering of earlier redactions.
 */
export class Redactor {
  private readonly placeholders = new Map<string, string>();
  private readonly counts: Record<ValueKind, number> = { ssn: 0, card: 0, iban: 0, custom: 0 };
  readonly redactions: Redaction[] = [];

  constructor(
    earlier: readonly Redaction[] = [],
    private readonly extraPatterns: readonly RegExp[] = [],
  ) {
    for (const redaction of earlier) {
      if (redaction.kind === 'denied-field') continue;
      this.placeholders.set(sameValueKey(redaction.kind, redaction.original), redaction.placeholder);
      const number = Number(/-(\d+)\]$/.exec(redaction.placeholder)?.[1] ?? 0);
      this.counts[redaction.kind] = Math.max(this.counts[redaction.kind], number);
    }
  }

  redact(text: string, lineId?: string): string {
    let result = '';
    let copied = 0;
    for (const span of findSensitiveValues(text, this.extraPatterns)) {
      const original = text.slice(span.start, span.end);
      const placeholder = this.placeholderFor(span.kind, original);
      this.redactions.push({ kind: span.kind, placeholder, original, ...(lineId === undefined ? {} : { lineId }) });
      result += text.slice(copied, span.start) + placeholder;
      copied = span.end;
    }
    return result + text.slice(copied);
  }

  /** The placeholder that stands for a withheld field's value. */
  withhold(objectName: string, field: string, label: string, lineId?: string): string {
    const placeholder = `[REDACTED: ${label.replace(/[[\]]/g, '')}]`;
    this.redactions.push({
      kind: 'denied-field',
      placeholder,
      objectName,
      field,
      ...(lineId === undefined ? {} : { lineId }),
    });
    return placeholder;
  }

  private placeholderFor(kind: ValueKind, original: string): string {
    const key = sameValueKey(kind, original);
    const known = this.placeholders.get(key);
    if (known) return known;
    this.counts[kind] += 1;
    const placeholder = `[${PLACEHOLDER_NAMES[kind]}-${this.counts[kind]}]`;
    this.placeholders.set(key, placeholder);
    return placeholder;
  }
}

/**
 * Redacts free text (a note, an email) for a prompt. Pass the redactions already made for the same prompt (a built
 * context's) so that numbering continues and a value seen there keeps its placeholder.
 */
export function redactText(
  text: string,
  earlier: readonly Redaction[] = [],
  extraPatterns: readonly RegExp[] = [],
): { text: string; redactions: ValueRedaction[] } {
  const redactor = new Redactor(earlier, extraPatterns);
  const redacted = redactor.redact(text);
  return { text: redacted, redactions: redactor.redactions.filter((r): r is ValueRedaction => r.kind !== 'denied-field') };
}

/**
 * Puts the originals back where the model's text echoes a placeholder (in any letter case). Withheld fields stay
 * withheld: their placeholders are left as they are.
 */
export function restoreRedactions(modelOutput: string, redactions: readonly Redaction[]): string {
  const originals = new Map<string, string>();
  for (const redaction of redactions) {
    if (redaction.kind !== 'denied-field') originals.set(redaction.placeholder.toUpperCase(), redaction.original);
  }
  return modelOutput.replace(
    /\[(?:SSN|CARD|IBAN|PRIVATE)-\d+\]/gi,
    (placeholder) => originals.get(placeholder.toUpperCase()) ?? placeholder,
  );
}
