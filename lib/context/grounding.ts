/**
 * The grounding check: the spans of a model's output that state a fact (a number, an amount of money, a percentage, a
 * date, a time, an email address, a phone number, a person's name) the context it was given does not support.
 *
 * Both texts are read by the same recognisers, so a fact matches whatever format either side writes it in:
 * "$1.2M" = "$1,200,000" = "1200000"; "2026-12-15" = "Dec 15, 2026" = "12/15/2026" = "15 December 2026";
 * "45%" = "45 percent"; phones by their digits (punctuation and a country code ignored); emails ignoring letter case.
 * Rounded figures ("$1.2M", "48.5K") are supported by a context value that rounds to them (within 5%). Citation
 * markers ([r1a2], [r1a2][c2fl], [r1a2, c2fl]), redaction placeholders and URLs are not claims.
 *
 * Names: runs of two or more capitalised words ("Sarah Chen", "Ms. Park") that are not in the context, after ordinary
 * words are trimmed from either end (sentence starts, headings, months, weekdays, CRM vocabulary); single first names
 * only after a greeting ("Hi Sarah,") or as a sign-off. Derived figures (a sum, a count, a converted time) are not in
 * the context and are reported: the rep should see them as unverified.
 */

export type ClaimKind = 'number' | 'money' | 'percent' | 'date' | 'time' | 'email' | 'phone' | 'name';

export interface UnsupportedClaim {
  /** The span as it appears in the output. */
  text: string;
  kind: ClaimKind;
}

export interface LocatedClaim extends UnsupportedClaim {
  /** Offsets in the output, for highlighting. */
  start: number;
  end: number;
}

export function findUnsupportedClaims(output: string, context: string): UnsupportedClaim[] {
  return locateUnsupportedClaims(output, context).map(({ text, kind }) => ({ text, kind }));
}

export function locateUnsupportedClaims(output: string, context: string): LocatedClaim[] {
  const facts = contextFacts(context);
  const claims = readClaims(output, facts.lineIds, facts);
  return claims
    .filter((claim) => !isSupported(claim, facts))
    .map((claim) => ({ text: output.slice(claim.start, claim.end), kind: reportedKind(claim), start: claim.start, end: claim.end }))
    .sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------------
// Claims

interface Span {
  start: number;
  end: number;
}

interface Amount {
  value: number;
  /** How far a value may be from `value` and still be the same figure, given how precisely it was written. */
  tolerance: number;
}

interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

type Claim = Span &
  (
    | { kind: 'email'; address: string }
    | { kind: 'phone'; digits: string }
    | ({ kind: 'money'; currency?: string } & Amount)
    | ({ kind: 'percent' } & Amount)
    | ({ kind: 'number'; ordinal: boolean; yearLike: boolean } & Amount)
    | { kind: 'code'; code: string }
    | { kind: 'date'; readings: DateParts[] }
    | { kind: 'quarter'; quarter: number; year?: number; literal: string }
    | { kind: 'time'; minutes: number[] }
    | { kind: 'name'; tokens: string[] }
  );

function reportedKind(claim: Claim): ClaimKind {
  if (claim.kind === 'code') return 'number';
  if (claim.kind === 'quarter') return 'date';
  return claim.kind;
}

/** A text being read: recognised spans are blanked out so later, looser recognisers do not read them again. */
class Reader {
  masked: string;
  readonly claims: Claim[] = [];
  /** Words the text itself writes in lower case: ordinary words, whatever their capital at a sentence start. */
  readonly lowerWords: Set<string>;

  constructor(readonly text: string) {
    this.masked = text;
    this.lowerWords = lowerCaseWords(text);
  }

  mask(start: number, end: number): void {
    this.masked = this.masked.slice(0, start) + ' '.repeat(end - start) + this.masked.slice(end);
  }

  /** Runs `pattern` over what is not yet read; each match `read` turns into a claim (or null: left alone) is masked. */
  scan(pattern: RegExp, read: (match: RegExpExecArray) => Claim | Claim[] | null | 'skip'): void {
    const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    const found: { match: RegExpExecArray; result: Claim | Claim[] | 'skip' }[] = [];
    for (let match = regex.exec(this.masked); match; match = regex.exec(this.masked)) {
      if (match[0] === '') {
        regex.lastIndex++;
        continue;
      }
      const result = read(match);
      if (result !== null) found.push({ match, result });
    }
    for (const { match, result } of found) {
      if (result !== 'skip') this.claims.push(...(Array.isArray(result) ? result : [result]));
      this.mask(match.index, match.index + match[0].length);
    }
  }
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7,
  july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12,
  december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';
const SCALE_WORDS: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, trillion: 1e12,
};
const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)';
const WORD_SCALE = '(?:\\s?(thousand|million|billion|trillion)\\b|(k|mm|mn|bn|[KMB])\\b)';
const CURRENCY_PREFIX = '(US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|HK\\$|S\\$|R\\$|\\$|€|£|¥|₹|(?:USD|EUR|GBP|JPY|CAD|AUD|NZD|CHF|INR|CNY|SEK|NOK|DKK)(?=\\s?\\d))';
const CURRENCY_SUFFIX = '(USD|EUR|GBP|JPY|CAD|AUD|NZD|CHF|INR|CNY|dollars|euros|pounds)\\b';

const CURRENCY_CODES: Record<string, string> = {
  'US$': 'USD', 'CA$': 'CAD', C$: 'CAD', 'AU$': 'AUD', A$: 'AUD', 'NZ$': 'NZD', 'HK$': 'HKD', S$: 'SGD', R$: 'BRL',
  $: '$', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', dollars: '$', euros: 'EUR', pounds: 'GBP',
};

function currencyOf(symbol: string | undefined): string | undefined {
  if (!symbol) return undefined;
  return CURRENCY_CODES[symbol] ?? CURRENCY_CODES[symbol.toLowerCase()] ?? symbol.toUpperCase();
}

/** "$" stands for any dollar; otherwise the codes must agree. */
function currenciesAgree(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === b) return true;
  if (a === '$') return b.endsWith('D');
  if (b === '$') return a.endsWith('D');
  return false;
}

function amountOf(digits: string, scaleWord?: string): Amount {
  const plain = digits.replace(/,/g, '');
  const decimals = plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0;
  const scale = scaleWord ? (SCALE_WORDS[scaleWord.toLowerCase()] ?? 1) : 1;
  const value = Number(plain) * scale;
  const halfUnit = (10 ** -decimals * scale) / 2;
  // A rounded figure ("$1.2M") stands for the values that round to it, but never for one 5% away.
  const tolerance = scale > 1 ? Math.min(halfUnit, Math.abs(value) * 0.05) : Math.min(halfUnit, 0.5);
  return { value, tolerance: Math.max(tolerance, 1e-9) };
}

function validDate(parts: DateParts): boolean {
  const { year, month, day } = parts;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined && (day < 1 || day > 31)) return false;
  if (year !== undefined && (year < 1900 || year > 2199)) return false;
  return true;
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

const span = (match: RegExpExecArray, group = 0): Span => {
  const start = match.index + (group === 0 ? 0 : match[0].indexOf(match[group] ?? ''));
  return { start, end: start + (match[group] ?? match[0]).length };
};

/** Citation markers, placeholders, links and list numbering: text that looks like numbers but states nothing. */
function maskNonClaims(reader: Reader, lineIds: ReadonlySet<string>): void {
  const skip = () => 'skip' as const;
  reader.scan(/\[(?:SSN|CARD|IBAN)-\d+\]|\[REDACTED:[^\]\n]*\]/gi, skip);
  // [r1a2], [r1a2][c2fl], [r1a2, c2fl], [L12], [1]
  reader.scan(/\[\s*(?:[A-Za-z]{1,3}[A-Za-z0-9]{0,8}|\d{1,3})(?:\s*[,;]\s*(?:[A-Za-z]{1,3}[A-Za-z0-9]{0,8}|\d{1,3}))*\s*\]/g, (match) =>
    /\d/.test(match[0]) || [...match[0].matchAll(/[A-Za-z0-9]+/g)].every((id) => lineIds.has(id[0].toLowerCase()))
      ? 'skip'
      : null,
  );
  reader.scan(/\]\([^)\s]*\)|\bhttps?:\/\/[^\s<>()[\]]+|\bwww\.[^\s<>()[\]]+/gi, skip);
  // A line id mentioned bare ("see line r1a2").
  reader.scan(/\b[A-Za-z]{1,3}[A-Za-z0-9]{1,8}\b/g, (match) => (/\d/.test(match[0]) && lineIds.has(match[0].toLowerCase()) ? 'skip' : null));
  // Markdown list numbering and headings' markers.
  reader.scan(/^[ \t]*\d{1,2}[.)](?=[ \t])/gm, skip);
}

function readEmails(reader: Reader): void {
  reader.scan(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, (match) => ({
    kind: 'email',
    ...span(match),
    address: match[0].toLowerCase(),
  }));
}

function readDates(reader: Reader): void {
  const date = (match: RegExpExecArray, readings: DateParts[]): Claim | null => {
    const valid = readings.filter(validDate);
    return valid.length > 0 ? { kind: 'date', ...span(match), readings: valid } : null;
  };
  // 2026-12-15, 2026/12/15, 2026-12-15T17:00:00Z
  reader.scan(/\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, (m) =>
    date(m, [{ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }]),
  );
  // 12/15/2026, 15/12/2026, 12-15-26, 15.12.2026: either reading may be meant.
  reader.scan(/\b(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})\b|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, (m) => {
    const [a, b, y] = m[1] ? [m[1], m[3], m[4]] : [m[5], m[6], m[7]];
    const year = fullYear(y ?? '');
    return date(m, [
      { year, month: Number(a), day: Number(b) },
      { year, month: Number(b), day: Number(a) },
    ]);
  });
  // Tuesday, December 15th, 2026 · Dec. 15 2026 · December 15
  reader.scan(new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'), (m) =>
    date(m, [{ month: MONTHS[(m[1] ?? '').toLowerCase()], day: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) }]),
  );
  // 15 December 2026 · 15th of Dec
  reader.scan(new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'gi'), (m) =>
    date(m, [{ day: Number(m[1]), month: MONTHS[(m[2] ?? '').toLowerCase()], ...(m[3] ? { year: Number(m[3]) } : {}) }]),
  );
  // December 2026
  reader.scan(new RegExp(`\\b${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'gi'), (m) =>
    date(m, [{ month: MONTHS[(m[1] ?? '').toLowerCase()], year: Number(m[2]) }]),
  );
  // 12/15 (no year)
  reader.scan(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g, (m) =>
    date(m, [
      { month: Number(m[1]), day: Number(m[2]) },
      { month: Number(m[2]), day: Number(m[1]) },
    ]),
  );
  // Q2, Q2 2026, Q3 FY26
  reader.scan(/\b[Qq]([1-4])(?:\s*(?:FY)?['’]?(\d{4}|\d{2})\b)?\b/g, (m) => ({
    kind: 'quarter',
    ...span(m),
    quarter: Number(m[1]),
    ...(m[2] ? { year: fullYear(m[2]) } : {}),
    literal: `q${m[1]}`,
  }));
}

function readTimes(reader: Reader): void {
  const minutes = (hour: number, minute: number, meridiem: string | undefined): number[] | null => {
    if (minute > 59) return null;
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      const pm = /^p/i.test(meridiem);
      return [((hour % 12) + (pm ? 12 : 0)) * 60 + minute];
    }
    if (hour > 23) return null;
    // "5:00" without am/pm may be either.
    return hour >= 1 && hour <= 11 ? [hour * 60 + minute, (hour + 12) * 60 + minute] : [hour * 60 + minute];
  };
  reader.scan(/\b(\d{1,2}):(\d{2})(?::\d{2})?(?:\s?([ap])(?:\.m\.|m\b))?/gi, (m) => {
    const found = minutes(Number(m[1]), Number(m[2]), m[3]);
    return found ? { kind: 'time', ...span(m), minutes: found } : null;
  });
  reader.scan(/\b(\d{1,2})\s?([ap])(?:\.m\.|m\b)/gi, (m) => {
    const found = minutes(Number(m[1]), 0, m[2]);
    return found ? { kind: 'time', ...span(m), minutes: found } : null;
  });
}

function readPhones(reader: Reader): void {
  const phone =
    /(?<![\w+$€£])(\+\d{1,3}[\s.-]?)?(\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?(?![\w%])/gi;
  reader.scan(phone, (m) => {
    const main = m[0].replace(/\s*(?:x|ext\.?|extension)\s*\d+$/i, '');
    const digits = main.replace(/\D/g, '');
    const groups = main.replace(/^\+\d{1,3}/, '').match(/\d+/g) ?? [];
    const marked = Boolean(m[1] || m[2]);
    const separators = main.match(/\d[.-]\d/g)?.length ?? 0;
    if (digits.length < 7 || digits.length > 15) return null;
    // Bare digit groups split by spaces are more often numbers than phones; two groups only as 555-0142.
    if (!marked && separators === 0) return null;
    if (!marked && groups.length === 2 && !(groups[0]?.length === 3 && groups[1]?.length === 4)) return null;
    return { kind: 'phone', ...span(m), digits };
  });
}

function readAmounts(reader: Reader): void {
  reader.scan(new RegExp(`${CURRENCY_PREFIX}\\s?-?${NUMBER}${WORD_SCALE}?`, 'g'), (m) => ({
    kind: 'money',
    ...span(m),
    currency: currencyOf(m[1]),
    ...amountOf(m[2] ?? '', m[3] ?? m[4]),
  }));
  reader.scan(new RegExp(`(?<![\\w.])${NUMBER}${WORD_SCALE}?\\s?${CURRENCY_SUFFIX}`, 'gi'), (m) => ({
    kind: 'money',
    ...span(m),
    currency: currencyOf(m[4]),
    ...amountOf(m[1] ?? '', m[2] ?? m[3]),
  }));
  reader.scan(new RegExp(`(?<![\\w.])${NUMBER}\\s?(?:%|percent\\b|per\\s?cent\\b|pct\\b)`, 'gi'), (m) => ({
    kind: 'percent',
    ...span(m),
    ...amountOf(m[1] ?? ''),
  }));
}

function readNumbers(reader: Reader): void {
  // Ordinals: "the 15th", "3rd".
  reader.scan(/(?<![\w.])(\d{1,4})(?:st|nd|rd|th)\b/gi, (m) => ({
    kind: 'number',
    ...span(m),
    ordinal: true,
    yearLike: false,
    ...amountOf(m[1] ?? ''),
  }));
  // Scaled and unit-joined numbers: "4.2K", "3 million", "30-day".
  reader.scan(new RegExp(`(?<![\\w.])${NUMBER}(?:${WORD_SCALE}|(?=-[A-Za-z]))`, 'g'), (m) => ({
    kind: 'number',
    ...span(m, m[2] || m[3] ? 0 : 1),
    ordinal: false,
    yearLike: false,
    ...amountOf(m[1] ?? '', m[2] ?? m[3]),
  }));
  // Codes mixing letters and digits: INV-2026-0042, B2B, v2.1, FY26.
  reader.scan(/(?<![\w.-])(?=[A-Za-z0-9./-]*\d)(?=[A-Za-z0-9./-]*[A-Za-z])[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*(?![\w-])/g, (m) => ({
    kind: 'code',
    ...span(m),
    code: m[0],
  }));
  reader.scan(/(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w,]\d|\w)/g, (m) => {
    const digits = m[1] ?? '';
    return {
      kind: 'number',
      ...span(m),
      ordinal: false,
      yearLike: /^(19|20|21)\d\d$/.test(digits),
      ...amountOf(digits),
    };
  });
}

function readClaims(text: string, lineIds: ReadonlySet<string>, facts?: Facts): Claim[] {
  const reader = new Reader(text);
  maskNonClaims(reader, lineIds);
  readEmails(reader);
  readDates(reader);
  readTimes(reader);
  readPhones(reader);
  readAmounts(reader);
  readNumbers(reader);
  if (facts) readNames(reader, facts);
  return reader.claims;
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/**
 * Words that start sentences, head sections, or name things in a CRM, and are not people: a run of capitalised words
 * made only of these is not a name, and they are trimmed from the ends of a run ("Ask Lena Park" → "Lena Park").
 */
const COMMON_WORDS = new Set(
  `a about above across after afternoon again against all also although always am among an and another any anyone
  anything are around as ask at back based be because been before being below best between both but by can could
  currently dear did do does done down during each either else even evening every everyone few finally first for from
  further good great had has have having he hello her here hey hi him his how however i if in including into is it its
  just last later least let like many may maybe me meanwhile might more morning most much must my neither never next
  no none nor not nothing now of off often on once one only or other others otherwise our out over overall per please
  rather recently regards same second she should since sincerely so some still such than thank thanks that the their
  them then there these they third this those though through thus to today together tomorrow too under unless until
  up upon us very via was we well were what when where whether which while who whom whose why will with within without
  would yes yesterday yet you your cheers kind warm regards sir madam team all everyone folks there
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  january february march april june july august september october november december jan feb mar apr jun jul aug sep
  sept oct nov dec spring summer autumn fall winter weekday weekend
  account accounts activity activities action actions add address agenda agreement alert analysis annual answer
  approval approved attendee attendees attention background billing brief budget business call calls campaign case
  cases change changed changes check close closed closing comments competitor competitors confirm contact contacts
  contract contracts customer customers date dates deal deals decision demo description detail details direct
  discovery discuss draft email emails escalated escalation event events executive expansion follow followup forecast
  health high history industry insight insights interaction interactions introduction invoice invoices issue issues
  item items key lead leads low manager medium meeting meetings name needs negotiation new next note notes open
  opportunities opportunity overdue overview owner past pending phone pipeline plan point points price pricing priority
  probability product products proposal prospecting qualification question questions quote quarterly recap recent
  recommendation recommendations recommended record records related renewal request review revenue risk risks role
  roles sales schedule section send share signal signals similar stage stages stalled status step steps subject
  suggested summary support talking task tasks timeline title topic topics total training type update updates upcoming
  value visit won lost working won't work ask align book bring clarify congratulate consider continue create discuss
  engage escalate explore find get give highlight identify invite introduce keep loop make mention move note offer
  prepare present propose provide push reach reconnect remind resolve secure set share start suggest thank use
  validate verify vp ceo cfo cto coo ops operations procurement finance legal marketing engineering it hr
  president director head chief officer senior junior lead principal global regional national north south east west
  central inc llc ltd corp co company group holdings partners solutions systems services technologies international
  demo model offline source sources unverified ai generated claude groundwork salesforce gmail`
    .split(/\s+/)
    .filter(Boolean),
);

/** Endings of ordinary English nouns and adjectives ("Alignment", "Sponsorship"), rare at the end of a person's name. */
const WORD_SUFFIX = /(?:tion|sion|ment|ness|ity|ship|ance|ence|ally|ive|ous|ful|able|ible|ize|ise|ized|ised|ism|ist)$/;

const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'bin', 'al', 'el', 'ter', 'ten']);
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?[ \t]+/g;

interface Token {
  start: number;
  end: number;
  /** Lower case, without a possessive "'s" or an initial's dot. */
  key: string;
  capitalised: boolean;
  initial: boolean;
}

const stripPossessive = (word: string): string => word.replace(/['’]s$/i, '').replace(/['’]$/, '');

function lowerCaseWords(source: string): Set<string> {
  // Email addresses and links are lower case whatever they hold, names included.
  const text = source.replace(/\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ');
  return new Set([...text.matchAll(/(?<![\p{L}\p{M}'’@.-])\p{Ll}[\p{Ll}\p{M}'’-]*(?![\p{L}@])/gu)].map((m) => stripPossessive(m[0])));
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(/\p{L}[\p{L}\p{M}'’-]*\.?/gu)].map((match) => {
    const raw = match[0];
    const initial = /^\p{Lu}\.$/u.test(raw);
    const word = stripPossessive(raw.replace(/\.$/, ''));
    // Capitalised: an upper-case first letter and some lower case after it (not an acronym like MSA or VP).
    const capitalised = initial || /^\p{Lu}(?=.*\p{Ll})/u.test(word) || /^\p{Lu}$/u.test(word);
    return { start: match.index, end: match.index + raw.replace(/\.$/, initial ? '.' : '').length, key: word.toLowerCase(), capitalised, initial };
  });
}

/** Where a sentence, list item, heading or table cell starts, a capital letter proves nothing. */
function atSentenceStart(text: string, position: number): boolean {
  const before = text.slice(0, position).replace(/[ \t*_#>"“'(•-]+$/u, '');
  return before === '' || /[.!?:;|\]\n]$/.test(before) || /(^|\n)[ \t]*\d{1,2}[.)]$/.test(before);
}

function readNames(reader: Reader, facts: Facts): void {
  const { text } = reader;
  const isCommon = (key: string): boolean =>
    COMMON_WORDS.has(key) || facts.lowerWords.has(key) || reader.lowerWords.has(key) || (key.length > 5 && WORD_SUFFIX.test(key));
  const nameClaim = (start: number, end: number, tokens: Token[]): Claim => ({ kind: 'name', start, end, tokens: tokens.map((t) => (t.initial ? t.key.charAt(0) : t.key)) });

  // Headings and bold labels ("## Key Contacts", "**Open items:**") are title case, not names.
  reader.scan(/^[ \t]*#{1,6}[ \t].*$|^[ \t]*[-*]?[ \t]*\*\*[^*\n]{1,80}\*\*:?/gm, () => 'skip');

  // Greetings and sign-offs: a first name alone is a claim here.
  reader.scan(/\b(?:Dear|Hi|Hello|Hey|Good (?:morning|afternoon|evening))[ \t]+(\p{Lu}[\p{Ll}'’-]+)(?=[ \t]*[,!.:;\n]|$)/gu, (m) => {
    const word = (m[1] ?? '').toLowerCase();
    if (isCommon(word)) return 'skip';
    const where = span(m, 1);
    return nameClaim(where.start, where.end, tokensOf(m[1] ?? ''));
  });
  reader.scan(
    /^[ \t]*(?:Best(?: regards| wishes)?|Kind regards|Warm regards|Regards|Thanks(?: again)?|Thank you|Many thanks|Cheers|Sincerely(?: yours)?|All the best|Talk soon)[ \t]*,?[ \t]*\n[ \t]*(\p{Lu}[\p{Ll}'’-]+)[ \t]*$/gmu,
    (m) => {
      const where = span(m, 1);
      return isCommon((m[1] ?? '').toLowerCase()) ? 'skip' : nameClaim(where.start, where.end, tokensOf(m[1] ?? ''));
    },
  );

  // "Ms. Park", "Dr. Sarah Chen": the honorific makes even one word a name.
  for (const match of reader.masked.matchAll(HONORIFIC)) {
    const after = match.index + match[0].length;
    const following = tokensOf(reader.masked.slice(after, after + 60)).map((t) => ({ ...t, start: t.start + after, end: t.end + after }));
    const run: Token[] = [];
    for (const token of following) {
      const previous = run[run.length - 1];
      if (!token.capitalised || (previous && !/^[ \t]$/.test(text.slice(previous.end, token.start)))) break;
      if (!previous && token.start !== after) break;
      run.push(token);
      if (run.length === 3) break;
    }
    const last = run[run.length - 1];
    if (!last) continue;
    reader.claims.push(nameClaim(match.index, last.end, run));
    reader.mask(match.index, last.end);
  }

  for (const run of capitalisedRuns(reader.masked)) {
    let tokens = run;
    const sentenceStart = run[0] !== undefined && atSentenceStart(reader.masked, run[0].start);
    let trimmedFront = false;
    while (tokens[0] && isCommon(tokens[0].key)) {
      tokens = tokens.slice(1);
      trimmedFront = true;
    }
    while (tokens.length > 0 && isCommon(tokens[tokens.length - 1]?.key ?? '')) tokens = tokens.slice(0, -1);
    if (tokens.length < 2 || tokens.every((token) => isCommon(token.key))) continue;
    const keys = (list: Token[]) => list.map((t) => (t.initial ? t.key.charAt(0) : t.key));
    if (facts.supportsName(keys(tokens))) continue;
    if (sentenceStart && !trimmedFront && !facts.capitalisedWords.has(tokens[0]?.key ?? '')) {
      // The first word may be capitalised only because it starts the sentence ("Confirm Lena Park…").
      const rest = tokens.slice(1);
      if (facts.supportsName(keys(rest))) continue;
      if (rest.length >= 2) tokens = rest;
    }
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (first && last) reader.claims.push(nameClaim(first.start, last.end, tokens));
  }
}

/** Maximal runs of capitalised words separated by single spaces (particles like "van" may sit inside). */
function capitalisedRuns(text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length > 0 && !run[run.length - 1]?.capitalised) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const token of tokensOf(text)) {
    const previous = run[run.length - 1];
    const joined = previous !== undefined && /^[ \t]$|^$/.test(text.slice(previous.end, token.start).replace(/^\./, ''));
    if (!joined) close();
    if (token.capitalised || (run.length > 0 && PARTICLES.has(token.key))) run.push(token);
    else close();
  }
  close();
  return runs;
}

// ---------------------------------------------------------------------------------------------------------------
// What the context says

interface ContextAmount extends Amount {
  kind: 'money' | 'percent' | 'number';
  currency?: string;
}

interface Facts {
  lineIds: ReadonlySet<string>;
  emails: Set<string>;
  phones: string[];
  amounts: ContextAmount[];
  dates: DateParts[];
  quarters: Set<string>;
  minutes: Set<number>;
  /** Lower-cased words the context writes in lower case: ordinary words, not names. */
  lowerWords: Set<string>;
  /** Words the context capitalises (names among them), lower-cased. */
  capitalisedWords: Set<string>;
  raw: string;
  supportsName(keys: string[]): boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, single: 1, double: 2, twice: 2, once: 1, half: 0.5,
};

const LABELLED_PERCENT = /^(?:\[[^\]]+\]\s*)?[^:|\n]*(?:%|percent|probability)[^:|\n]*:\s*(\d[\d,]*(?:\.\d+)?)/gim;

function contextFacts(context: string): Facts {
  const lineIds = new Set([...context.matchAll(/^[ \t]*\[([A-Za-z0-9]{1,12})\]/gm)].map((m) => (m[1] ?? '').toLowerCase()));
  const claims = readClaims(context, lineIds);
  const facts: Facts = {
    lineIds,
    emails: new Set(),
    phones: [],
    amounts: [],
    dates: [],
    quarters: new Set(),
    minutes: new Set(),
    lowerWords: lowerCaseWords(context),
    capitalisedWords: new Set(tokensOf(context).filter((token) => token.capitalised).map((token) => token.key)),
    raw: context,
    supportsName: () => false,
  };
  for (const claim of claims) {
    switch (claim.kind) {
      case 'email':
        facts.emails.add(claim.address);
        break;
      case 'phone':
        facts.phones.push(claim.digits);
        break;
      case 'money':
      case 'percent':
        facts.amounts.push(claim);
        break;
      case 'number':
        facts.amounts.push({ ...claim, kind: 'number' });
        // A long bare number may be a phone written without punctuation.
        if (!claim.ordinal && claim.value >= 1_000_000 && Number.isInteger(claim.value)) facts.phones.push(String(claim.value));
        break;
      case 'date':
        facts.dates.push(...claim.readings);
        break;
      case 'quarter':
        facts.quarters.add(`${claim.literal}${claim.year ?? ''}`);
        facts.quarters.add(claim.literal);
        break;
      case 'time':
        for (const minute of claim.minutes) facts.minutes.add(minute);
        break;
      default:
        break;
    }
  }
  for (const match of context.matchAll(LABELLED_PERCENT)) facts.amounts.push({ kind: 'percent', ...amountOf(match[1] ?? '') });
  for (const match of context.toLowerCase().matchAll(/\b[a-z]+\b/g)) {
    const value = NUMBER_WORDS[match[0]];
    if (value !== undefined) facts.amounts.push({ kind: 'number', value, tolerance: 1e-9 });
  }
  facts.supportsName = nameSupport(context);
  return facts;
}

/** A name is in the context when its words appear there in order, or all within one run of capitalised words. */
function nameSupport(context: string): (keys: string[]) => boolean {
  const words = (context.toLowerCase().match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []).map(stripPossessive);
  const runs = capitalisedRuns(context).map((run) => run.map((token) => token.key));
  const matches = (key: string, word: string) => (key.length === 1 ? word.startsWith(key) : word === key);
  return (keys) => {
    if (keys.length === 0) return true;
    if (keys.length === 1) return words.some((word) => matches(keys[0] ?? '', word));
    for (let i = 0; i + keys.length <= words.length; i++) {
      if (keys.every((key, offset) => matches(key, words[i + offset] ?? ''))) return true;
    }
    return runs.some((run) => keys.every((key) => run.some((word) => matches(key, word))));
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Support

const near = (a: number, b: Amount): boolean => Math.abs(Math.abs(a) - Math.abs(b.value)) <= b.tolerance + 1e-9;
const amountsMatch = (claim: Amount, fact: Amount): boolean =>
  Math.abs(Math.abs(claim.value) - Math.abs(fact.value)) <= Math.max(claim.tolerance, fact.tolerance) + 1e-9;

function sameDate(claim: DateParts, fact: DateParts): boolean {
  return (
    (claim.year === undefined || claim.year === fact.year) &&
    (claim.month === undefined || claim.month === fact.month) &&
    (claim.day === undefined || claim.day === fact.day) &&
    // A full date needs a full date; a partial one (Dec 15, December 2026) any date that has those parts.
    (claim.day === undefined || fact.day !== undefined) &&
    (claim.month === undefined || fact.month !== undefined)
  );
}

function phoneMatches(claim: string, fact: string): boolean {
  if (claim === fact) return true;
  if (claim.length >= 10 && fact.length >= 10 && claim.slice(-10) === fact.slice(-10)) return true;
  // A local number (555-0142) within a full one, or a full one with a country code added.
  return (claim.length >= 7 && fact.endsWith(claim)) || (fact.length >= 7 && claim.endsWith(fact));
}

function isSupported(claim: Claim, facts: Facts): boolean {
  switch (claim.kind) {
    case 'email':
      return facts.emails.has(claim.address);
    case 'phone':
      return facts.phones.some((fact) => phoneMatches(claim.digits, fact));
    case 'money':
      return facts.amounts.some(
        (fact) => fact.kind !== 'percent' && amountsMatch(claim, fact) && currenciesAgree(claim.currency, fact.currency),
      );
    case 'percent':
      return facts.amounts.some((fact) => fact.kind === 'percent' && amountsMatch(claim, fact));
    case 'number':
      if (facts.amounts.some((fact) => amountsMatch(claim, fact))) return true;
      if (claim.ordinal) return facts.dates.some((date) => date.day !== undefined && near(date.day, claim));
      if (claim.yearLike) return facts.dates.some((date) => date.year === claim.value);
      return false;
    case 'code':
      return new RegExp(`(?<![A-Za-z0-9])${claim.code.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}(?![A-Za-z0-9])`, 'i').test(facts.raw);
    case 'date':
      return claim.readings.some((reading) => facts.dates.some((fact) => sameDate(reading, fact)));
    case 'quarter':
      return (
        facts.quarters.has(`${claim.literal}${claim.year ?? ''}`) ||
        facts.dates.some(
          (date) =>
            date.month !== undefined &&
            Math.ceil(date.month / 3) === claim.quarter &&
            (claim.year === undefined || date.year === claim.year),
        )
      );
    case 'time':
      return claim.minutes.some((minute) => facts.minutes.has(minute));
    case 'name':
      return facts.supportsName(claim.tokens);
    default:
      return true;
  }
}
