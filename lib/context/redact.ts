/**
 * PII redaction: what must never leave the browser is replaced by placeholders before any text is sent. The values
 * (lib/context/sensitive/, each file says exactly what it takes and what it leaves):
 * - US social security numbers (and taxpayer numbers written like them) in any separator, or nine digits named by
 *   "SSN", "social security", "tax id", "ITIN";
 * - payment card numbers that pass the Luhn check;
 * - IBANs whose mod-97 check holds, at their country's length;
 * - whatever the rep's or the organization's own patterns match.
 * Text is matched after folding Unicode compatibility forms (NFKC), every space and dash, and digits of any script,
 * with invisible characters ignored; what is cut out is the original text.
 * The same value gets the same placeholder everywhere (`[SSN-1]` twice means the same number, written the same way),
 * and the originals are kept only here, in the browser, to put back into what the model returns.
 */
import { findCards } from './sensitive/cards';
import { findIbans } from './sensitive/iban';
import { findSsns } from './sensitive/ssn';
import { matchingView, type Found } from './sensitive/view';

export { passesLuhn } from './sensitive/cards';
export { passesIbanCheck } from './sensitive/iban';

/** What the rep and the organization never want sent: fields by name, and values by pattern (lib/settings). */
export interface RedactionRules {
  deniedFields: readonly string[];
  patterns: readonly RegExp[];
}

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

function findCustom(text: string, patterns: readonly RegExp[]): Found[] {
  return patterns.flatMap((pattern) => {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    return [...text.matchAll(global)]
      .filter((match) => match[0].length > 0)
      .map((match): Found => ({ start: match.index, end: match.index + match[0].length }));
  });
}

/**
 * Where the sensitive values of a text are, as spans of the original text. The detectors read the matching view
 * (compatibility forms, spaces, dashes and digits folded; invisible characters dropped), so a full-width or
 * thin-spaced number is found like a plain one. IBANs first (their digits may look like a card), then cards, SSNs
 * and the custom patterns (on the text as written and on the view). Spans that overlap are merged into one, of the
 * earlier kind, so that no part of either is left in the clear.
 */
export function findSensitiveValues(text: string, extraPatterns: readonly RegExp[] = []): Span[] {
  const view = matchingView(text);
  const inView = (kind: ValueKind) => (found: Found): Span => ({ ...view.originalSpan(found.start, found.end), kind });
  const spans = [
    ...findIbans(view.text).map(inView('iban')),
    ...findCards(view.text).map(inView('card')),
    ...findSsns(view.text).map(inView('ssn')),
    ...findCustom(text, extraPatterns).map((found): Span => ({ ...found, kind: 'custom' })),
    ...(view.text === text ? [] : findCustom(view.text, extraPatterns).map(inView('custom'))),
  ];
  const chosen: Span[] = [];
  for (const span of spans) {
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
