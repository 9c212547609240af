/**
 * What the grounding check reads texts into (grounding.ts): claims with their spans, the Reader that finds them one
 * recogniser after another, the number, money and date patterns both sides are read with, words and their capitals,
 * and the facts a context supports.
 */
import { canonicalNumbers, LOCALE_SCALES, localeConventions, type LocaleConventions } from './grounding-locale';

interface Span {
  start: number;
  end: number;
}

export interface Amount {
  value: number;
  /** How far a value may be from `value` and still be the same figure, given how precisely it was written. */
  tolerance: number;
}

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

export type Claim = Span &
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

/** A text being read: recognised spans are blanked out so later, looser recognisers do not read them again. */
export class Reader {
  masked: string;
  readonly claims: Claim[] = [];
  /** Words the text itself writes in lower case: ordinary words, whatever their capital at a sentence start. */
  readonly lowerWords: Set<string>;

  /** Numbers are read as `conventions`' language writes them (see grounding-locale.ts), months in it and in English. */
  constructor(
    readonly text: string,
    readonly conventions: LocaleConventions = localeConventions(),
  ) {
    this.masked = canonicalNumbers(text, conventions);
    this.lowerWords = lowerCaseWords(text);
  }

  /** Scale words after a number ("4.2K", "3 million", and the language's own: "1,2 Mio."). */
  get wordScale(): string {
    const local = this.conventions.scalePattern;
    // Always three groups (the language's word, an English word, a letter), so matches read alike in every language.
    return `(?:\\s?(${local || '(?!)'})(?![A-Za-zÀ-ÿ])|${WORD_SCALE})`;
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

/** Ordinal endings: English "15th", German "15.", French "1er". */
export const ORDINAL = '(?:st|nd|rd|th|er|\\.)?';
const SCALE_WORDS: Record<string, number> = {
  ...LOCALE_SCALES,
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, trillion: 1e12,
};
export const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)';
const WORD_SCALE = '(?:\\s?(thousand|million|billion|trillion)\\b|(k|mm|mn|bn|[KMB])\\b)';
export const CURRENCY_PREFIX = '(US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|HK\\$|S\\$|R\\$|\\$|€|£|¥|₹|(?:USD|EUR|GBP|JPY|CAD|AUD|NZD|CHF|INR|CNY|SEK|NOK|DKK)(?=\\s?\\d))';
/** A code or word (group 1) or a sign (group 2) after the number, as German, French and Spanish write money: "1.234,56 €". */
export const CURRENCY_SUFFIX = '(?:(USD|EUR|GBP|JPY|CAD|AUD|NZD|CHF|INR|CNY|dollars|euros?|pounds|US-Dollar|Dollar)\\b|(€|US\\$|\\$|£|¥|₹))';

const CURRENCY_CODES: Record<string, string> = {
  'US$': 'USD', 'CA$': 'CAD', C$: 'CAD', 'AU$': 'AUD', A$: 'AUD', 'NZ$': 'NZD', 'HK$': 'HKD', S$: 'SGD', R$: 'BRL',
  $: '$', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', dollars: '$', dollar: '$', 'us-dollar': 'USD', euros: 'EUR', euro: 'EUR',
  pounds: 'GBP',
};

export function currencyOf(symbol: string | undefined): string | undefined {
  if (!symbol) return undefined;
  return CURRENCY_CODES[symbol] ?? CURRENCY_CODES[symbol.toLowerCase()] ?? symbol.toUpperCase();
}

/** "$" stands for any dollar; otherwise the codes must agree. */
export function currenciesAgree(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === b) return true;
  if (a === '$') return b.endsWith('D');
  if (b === '$') return a.endsWith('D');
  return false;
}

export function amountOf(digits: string, scaleWord?: string): Amount {
  const plain = digits.replace(/,/g, '');
  const decimals = plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0;
  const scale = scaleWord ? (SCALE_WORDS[scaleWord.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ')] ?? 1) : 1;
  const value = Number(plain) * scale;
  const halfUnit = (10 ** -decimals * scale) / 2;
  // A rounded figure ("$1.2M") stands for the values that round to it, but never for one 5% away.
  const tolerance = scale > 1 ? Math.min(halfUnit, Math.abs(value) * 0.05) : Math.min(halfUnit, 0.5);
  return { value, tolerance: Math.max(tolerance, 1e-9) };
}

export function validDate(parts: DateParts): boolean {
  const { year, month, day } = parts;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined && (day < 1 || day > 31)) return false;
  if (year !== undefined && (year < 1900 || year > 2199)) return false;
  return true;
}

export function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

export const span = (match: RegExpExecArray, group = 0): Span => {
  const start = match.index + (group === 0 ? 0 : match[0].indexOf(match[group] ?? ''));
  return { start, end: start + (match[group] ?? match[0]).length };
};

const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'bin', 'al', 'el', 'ter', 'ten']);

export interface Token {
  start: number;
  end: number;
  /** Lower case, without a possessive "'s" or an initial's dot. */
  key: string;
  capitalised: boolean;
  initial: boolean;
}

export const stripPossessive = (word: string): string => word.replace(/['’]s$/i, '').replace(/['’]$/, '');

export function lowerCaseWords(source: string): Set<string> {
  // Email addresses and links are lower case whatever they hold, names included.
  const text = source.replace(/\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ');
  return new Set([...text.matchAll(/(?<![\p{L}\p{M}'’@.-])\p{Ll}[\p{Ll}\p{M}'’-]*(?![\p{L}@])/gu)].map((m) => stripPossessive(m[0])));
}

export function tokensOf(text: string): Token[] {
  return [...text.matchAll(/\p{L}[\p{L}\p{M}'’-]*\.?/gu)].map((match) => {
    const raw = match[0];
    const initial = /^\p{Lu}\.$/u.test(raw);
    const word = stripPossessive(raw.replace(/\.$/, ''));
    // Capitalised: an upper-case first letter and some lower case after it (not an acronym like MSA or VP).
    const capitalised = initial || /^\p{Lu}(?=.*\p{Ll})/u.test(word) || /^\p{Lu}$/u.test(word);
    return { start: match.index, end: match.index + raw.replace(/\.$/, initial ? '.' : '').length, key: word.toLowerCase(), capitalised, initial };
  });
}

/** Maximal runs of capitalised words separated by single spaces (particles like "van" may sit inside). */
export function capitalisedRuns(text: string): Token[][] {
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

interface ContextAmount extends Amount {
  kind: 'money' | 'percent' | 'number';
  currency?: string;
}

export interface Facts {
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
