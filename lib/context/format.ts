import type { FieldMeta, FieldValue } from '../salesforce/record-graph';

/**
 * Values as the model should read them: dates as ISO `2026-12-15` (unambiguous in every locale), times in the rep's
 * time zone with the zone named, money with its currency symbol and thousands separators, percents with `%`, and
 * checkboxes only when ticked ("Yes"): an unticked box is the default and says nothing, so it costs no tokens.
 */

export interface FormatSettings {
  locale: string;
  /** The org's currency; a record's own `CurrencyIsoCode` wins in multi-currency orgs. */
  currency: string;
  timeZone: string;
  /** Today in the rep's time zone, `YYYY-MM-DD`, for relative hints. */
  today: string;
}

/** Datetimes whose time of day is noise: only their date is shown. */
const DATE_ONLY_DATETIMES = new Set(
  ['CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'LastLoginDate', 'ClosedDate', 'CompletedDateTime',
    'ConvertedDate', 'LastActivityDate'].map((name) => name.toLowerCase()),
);

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function todayIn(now: Date, timeZone: string): string {
  return datePartsIn(now, timeZone).date;
}

function datePartsIn(instant: Date, timeZone: string): { date: string; time: string; zone: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    zone: part('timeZoneName'),
  };
}

/** The calendar date of a date or datetime value in the rep's time zone, or null when it is neither. */
export function dateOf(value: FieldValue | undefined, timeZone: string): string | null {
  if (typeof value !== 'string') return null;
  if (ISO_DATE.test(value)) return value;
  if (!ISO_DATETIME.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : datePartsIn(instant, timeZone).date;
}

/** Whole days from `earlier` to `later` (both `YYYY-MM-DD`). */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000);
}

export function formatMoney(amount: number, currency: string, locale: string): string {
  const whole = Number.isInteger(amount);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    }).format(amount);
  } catch {
    // An unknown currency code: still readable.
    return `${currency} ${formatNumber(amount, locale)}`;
  }
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

function formatDateTime(value: string, field: string, settings: FormatSettings): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const { date, time, zone } = datePartsIn(instant, settings.timeZone);
  return DATE_ONLY_DATETIMES.has(field.toLowerCase()) ? date : `${date} ${time} ${zone}`;
}

/** One line of text: line breaks become " / " so a record stays on its line. */
export function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' / ');
}

/** Cuts long text at a word boundary, never inside a placeholder, and marks the cut. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let cut = text.lastIndexOf(' ', maxChars);
  if (cut < maxChars / 2) cut = maxChars;
  const openBracket = text.lastIndexOf('[', cut);
  if (openBracket > text.lastIndexOf(']', cut)) cut = openBracket;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * The value as text, or null when there is nothing worth sending (empty, an unticked box, an id). Without describe
 * metadata the type is guessed from the value.
 */
export function formatValue(
  value: FieldValue | undefined,
  field: string,
  meta: FieldMeta | undefined,
  settings: FormatSettings,
  currency = settings.currency,
): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'Yes' : null;
  const type = meta?.type ?? guessType(value);
  switch (type) {
    case 'id':
    case 'reference':
      return null;
    case 'currency':
      return typeof value === 'number' ? formatMoney(value, currency, settings.locale) : oneLine(String(value)) || null;
    case 'percent':
      return typeof value === 'number' ? `${formatNumber(value, settings.locale)}%` : oneLine(String(value)) || null;
    case 'int':
    case 'double':
    case 'long':
    case 'number':
      return typeof value === 'number' ? formatNumber(value, settings.locale) : oneLine(String(value)) || null;
    case 'date':
      return typeof value === 'string' ? (dateOf(value, settings.timeZone) ?? (oneLine(value) || null)) : String(value);
    case 'datetime':
      return typeof value === 'string' ? formatDateTime(value, field, settings) : String(value);
    case 'boolean':
      return value === 'true' ? 'Yes' : null;
    default:
      return oneLine(String(value)) || null;
  }
}

function guessType(value: string | number): string {
  if (typeof value === 'number') return 'number';
  if (ISO_DATE.test(value)) return 'date';
  if (ISO_DATETIME.test(value)) return 'datetime';
  return 'string';
}
