/**
 * Dates in SOQL: relative date literals (TODAY, LAST_N_DAYS:n…) as half-open UTC ranges, explicit date/datetime
 * literals, and the date functions (CALENDAR_YEAR…). The org's time zone is UTC, its fiscal year the calendar year
 * and its weeks start on Sunday (the en_US locale).
 */

const DAY_MS = 86_400_000;

/** A span of whole days, `start` included, `end` excluded, both at 00:00 UTC. */
export interface DayRange {
  start: Date;
  end: Date;
}

type Unit = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

function utcMidnight(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function periodStart(today: Date, unit: Unit): Date {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  switch (unit) {
    case 'DAY':
      return today;
    case 'WEEK':
      return new Date(today.getTime() - today.getUTCDay() * DAY_MS);
    case 'MONTH':
      return new Date(Date.UTC(year, month, 1));
    case 'QUARTER':
      return new Date(Date.UTC(year, month - (month % 3), 1));
    case 'YEAR':
      return new Date(Date.UTC(year, 0, 1));
  }
}

/** Moves a period start by `count` periods; month arithmetic is safe because period starts are on day 1. */
function shift(start: Date, unit: Unit, count: number): Date {
  switch (unit) {
    case 'DAY':
      return new Date(start.getTime() + count * DAY_MS);
    case 'WEEK':
      return new Date(start.getTime() + count * 7 * DAY_MS);
    case 'MONTH':
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1));
    case 'QUARTER':
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3 * count, 1));
    case 'YEAR':
      return new Date(Date.UTC(start.getUTCFullYear() + count, 0, 1));
  }
}

function periods(current: Date, unit: Unit, from: number, to: number): DayRange {
  return { start: shift(current, unit, from), end: shift(current, unit, to) };
}

const UNIT_OF: Record<string, Unit> = {
  DAY: 'DAY',
  DAYS: 'DAY',
  WEEK: 'WEEK',
  WEEKS: 'WEEK',
  MONTH: 'MONTH',
  MONTHS: 'MONTH',
  QUARTER: 'QUARTER',
  QUARTERS: 'QUARTER',
  YEAR: 'YEAR',
  YEARS: 'YEAR',
};

/**
 * The range a date literal names, or null when the name is not a date literal. `n` is the number after the colon of
 * the `_N_` forms. Fiscal literals follow the calendar because the org's fiscal year starts in January.
 */
export function dateLiteralRange(literal: string, n: number | undefined, now: Date): DayRange | null {
  const name = literal.toUpperCase().replace(/:.*$/, '').replace('_FISCAL', '');
  const today = utcMidnight(now);
  const count = n ?? 0;
  const fixed: Record<string, DayRange> = {
    YESTERDAY: periods(today, 'DAY', -1, 0),
    TODAY: periods(today, 'DAY', 0, 1),
    TOMORROW: periods(today, 'DAY', 1, 2),
    // "Last n days" runs from n days ago through today; "next n days" starts tomorrow.
    LAST_90_DAYS: periods(today, 'DAY', -90, 1),
    NEXT_90_DAYS: periods(today, 'DAY', 1, 91),
    LAST_N_DAYS: periods(today, 'DAY', -count, 1),
    NEXT_N_DAYS: periods(today, 'DAY', 1, count + 1),
  };
  const known = fixed[name];
  if (known) return known;

  const relative = /^(THIS|LAST|NEXT)_([A-Z]+)$/.exec(name);
  const lastOrNextN = /^(LAST|NEXT)_N_([A-Z]+)$/.exec(name);
  const ago = /^N_([A-Z]+)_AGO$/.exec(name);
  const unit = UNIT_OF[(relative?.[2] ?? lastOrNextN?.[2] ?? ago?.[1] ?? '').toUpperCase()];
  if (!unit) return null;
  const current = periodStart(today, unit);
  if (relative) {
    const offset = { THIS: 0, LAST: -1, NEXT: 1 }[relative[1] as 'THIS' | 'LAST' | 'NEXT'];
    return periods(current, unit, offset, offset + 1);
  }
  if (lastOrNextN?.[1] === 'LAST') return periods(current, unit, -count, 0);
  if (lastOrNextN) return periods(current, unit, 1, count + 1);
  return periods(current, unit, -count, -count + 1);
}

export function toDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Epoch milliseconds of a stored (`…T17:00:00.000+0000`) or literal (`…T17:00:00Z`, `…+01:00`) datetime. */
export function instantOf(datetime: string): number {
  const normalized = datetime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(normalized);
}

/** The UTC calendar parts of a stored date (`2026-03-01`) or datetime value. */
function partsOf(value: string): Date {
  return value.length === 10 ? new Date(`${value}T00:00:00Z`) : new Date(instantOf(value));
}

function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
}

/** SOQL's date functions, each taking a date or datetime value; the fiscal ones follow the calendar. */
export const DATE_FUNCTIONS: Record<string, { returns: 'int' | 'date'; apply: (value: string) => number | string }> = {
  CALENDAR_YEAR: { returns: 'int', apply: (v) => partsOf(v).getUTCFullYear() },
  CALENDAR_QUARTER: { returns: 'int', apply: (v) => Math.floor(partsOf(v).getUTCMonth() / 3) + 1 },
  CALENDAR_MONTH: { returns: 'int', apply: (v) => partsOf(v).getUTCMonth() + 1 },
  DAY_IN_MONTH: { returns: 'int', apply: (v) => partsOf(v).getUTCDate() },
  DAY_IN_WEEK: { returns: 'int', apply: (v) => partsOf(v).getUTCDay() + 1 },
  DAY_IN_YEAR: { returns: 'int', apply: (v) => dayOfYear(partsOf(v)) },
  WEEK_IN_MONTH: { returns: 'int', apply: (v) => Math.floor((partsOf(v).getUTCDate() - 1) / 7) + 1 },
  WEEK_IN_YEAR: { returns: 'int', apply: (v) => Math.floor((dayOfYear(partsOf(v)) - 1) / 7) + 1 },
  HOUR_IN_DAY: { returns: 'int', apply: (v) => partsOf(v).getUTCHours() },
  DAY_ONLY: { returns: 'date', apply: (v) => toDateString(partsOf(v)) },
  FISCAL_YEAR: { returns: 'int', apply: (v) => partsOf(v).getUTCFullYear() },
  FISCAL_QUARTER: { returns: 'int', apply: (v) => Math.floor(partsOf(v).getUTCMonth() / 3) + 1 },
  FISCAL_MONTH: { returns: 'int', apply: (v) => partsOf(v).getUTCMonth() + 1 },
};
