/** The recognisers that read a text's claims, in order: emails, dates, times, phones, money, numbers, then names. */
import type { LocaleConventions } from './grounding-locale';
import { readNames } from './grounding-names';
import {
  amountOf,
  CURRENCY_PREFIX,
  CURRENCY_SUFFIX,
  currencyOf,
  fullYear,
  NUMBER,
  ORDINAL,
  Reader,
  span,
  validDate,
  type Claim,
  type DateParts,
  type Facts,
} from './grounding-text';

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
  reader.scan(/\b(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})\b|\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b/g, (m) => {
    const [a, b, y] = m[1] ? [m[1], m[3], m[4]] : [m[5], m[6], m[7]];
    const year = fullYear(y ?? '');
    return date(m, [
      { year, month: Number(a), day: Number(b) },
      { year, month: Number(b), day: Number(a) },
    ]);
  });
  const { monthPattern: month, months } = reader.conventions;
  const monthOf = (name: string | undefined) => months[(name ?? '').toLowerCase()];
  // Tuesday, December 15th, 2026 · Dec. 15 2026 · December 15
  reader.scan(new RegExp(`\\b${month}\\.?\\s+(\\d{1,2})${ORDINAL}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'), (m) =>
    date(m, [{ month: monthOf(m[1]), day: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) }]),
  );
  // 15 December 2026 · 15th of Dec · 24. Dezember 2026 · 24 déc. 2026 · 24 de diciembre de 2026
  reader.scan(new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+|de\\s+)?${month}\\b\\.?(?:,?\\s+(?:de\\s+)?(\\d{4})\\b)?`, 'gi'), (m) =>
    date(m, [{ day: Number(m[1]), month: monthOf(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) }]),
  );
  // December 2026 · Dezember 2026 · diciembre de 2026
  reader.scan(new RegExp(`\\b${month}\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`, 'gi'), (m) => date(m, [{ month: monthOf(m[1]), year: Number(m[2]) }]));
  // 24.12. (German, no year): day first.
  if (reader.conventions.language === 'de') {
    reader.scan(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)/g, (m) => date(m, [{ day: Number(m[1]), month: Number(m[2]) }]));
  }
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
  const scale = reader.wordScale;
  reader.scan(new RegExp(`${CURRENCY_PREFIX}\\s?-?${NUMBER}${scale}?`, 'g'), (m) => ({
    kind: 'money',
    ...span(m),
    currency: currencyOf(m[1]),
    ...amountOf(m[2] ?? '', m[3] ?? m[4] ?? m[5]),
  }));
  reader.scan(new RegExp(`(?<![\\w.])${NUMBER}${scale}?\\s?${CURRENCY_SUFFIX}`, 'gi'), (m) => ({
    kind: 'money',
    ...span(m),
    currency: currencyOf(m[5] ?? m[6]),
    ...amountOf(m[1] ?? '', m[2] ?? m[3] ?? m[4]),
  }));
  reader.scan(new RegExp(`(?<![\\w.])${NUMBER}\\s?(?:%|percent\\b|per\\s?cent\\b|pct\\b|prozent\\b|pour\\s?cent\\b|por\\s?ciento\\b)`, 'gi'), (m) => ({
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
  reader.scan(new RegExp(`(?<![\\w.])${NUMBER}(?:${reader.wordScale}|(?=-[A-Za-z]))`, 'g'), (m) => ({
    kind: 'number',
    ...span(m, m[2] || m[3] || m[4] ? 0 : 1),
    ordinal: false,
    yearLike: false,
    ...amountOf(m[1] ?? '', m[2] ?? m[3] ?? m[4]),
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

export function readClaims(text: string, lineIds: ReadonlySet<string>, facts?: Facts, conventions?: LocaleConventions): Claim[] {
  const reader = new Reader(text, conventions);
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
