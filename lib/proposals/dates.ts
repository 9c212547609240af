/**
 * The days a quote can mean: written dates ("March 3", "3/14/2027", "2026-12-01") and relative phrases ("tomorrow",
 * "next Tuesday", "in two weeks", "end of the month"), resolved against the rep's today. Ambiguous phrases give every
 * reading ("next Tuesday": the coming one or the one after; "3/4": March 4 or April 3; no year: last, this or next
 * year), since the check only asks whether the proposed day is one of them; the rep still sees the value.
 */

/** An inclusive range of days, `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10 };
const DAY_MS = 86_400_000;

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A real calendar day (no February 30), as `YYYY-MM-DD`; null otherwise. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1700 || year > 4000) return null;
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : null;
}

const single = (day: string | null): DayRange[] => (day ? [{ from: day, to: day }] : []);

function yearsAround(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year - 1, year, year + 1];
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function writtenDates(text: string, today: string): DayRange[] {
  const found: DayRange[] = [];
  for (const m of text.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)) {
    found.push(...single(calendarDate(Number(m[1]), Number(m[2]), Number(m[3]))));
  }
  for (const m of text.matchAll(/\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?\b/g)) {
    const years = m[3] ? [m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])] : yearsAround(today);
    for (const year of years) {
      found.push(...single(calendarDate(year, Number(m[1]), Number(m[2]))));
      found.push(...single(calendarDate(year, Number(m[2]), Number(m[1]))));
    }
  }
  const month = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  const dayOf = '(\\d{1,2})(?:st|nd|rd|th)?';
  const year = '(?:,?\\s+(\\d{4}))?';
  const monthFirst = new RegExp(`\\b${month}\\s+${dayOf}\\b${year}`, 'gi');
  const dayFirst = new RegExp(`\\b${dayOf}\\s+(?:of\\s+)?${month}${year}`, 'gi');
  for (const m of text.matchAll(monthFirst)) {
    for (const y of m[3] ? [Number(m[3])] : yearsAround(today)) {
      found.push(...single(calendarDate(y, monthIndex(m[1] ?? ''), Number(m[2]))));
    }
  }
  for (const m of text.matchAll(dayFirst)) {
    for (const y of m[3] ? [Number(m[3])] : yearsAround(today)) {
      found.push(...single(calendarDate(y, monthIndex(m[2] ?? ''), Number(m[1]))));
    }
  }
  return found;
}

function weekdayDates(text: string, today: string): DayRange[] {
  const found: DayRange[] = [];
  const base = dayNumber(today);
  const weekdayOfToday = new Date(base * DAY_MS).getUTCDay();
  const pattern = /\b(?:(next|this|last|coming|on|by)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi;
  for (const m of text.matchAll(pattern)) {
    const qualifier = (m[1] ?? '').toLowerCase();
    const target = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
    const ahead = ((target - weekdayOfToday + 7) % 7) || 7;
    const behind = ((weekdayOfToday - target + 7) % 7) || 7;
    if (qualifier === 'last') found.push(...single(isoOf(base - behind)));
    else if (qualifier === 'next') found.push(...single(isoOf(base + ahead)), ...single(isoOf(base + ahead + 7)));
    else if (qualifier === 'this' && target === weekdayOfToday) found.push(...single(today));
    else found.push(...single(isoOf(base + ahead)), ...single(isoOf(base - behind)));
  }
  return found;
}

function addMonths(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoOf(dayNumber(first.toISOString().slice(0, 10)) + Math.min(day, last) - 1);
}

function monthRange(today: string, offset: number): DayRange {
  const from = `${addMonths(today, offset).slice(0, 7)}-01`;
  const to = isoOf(dayNumber(`${addMonths(from, 1).slice(0, 7)}-01`) - 1);
  return { from, to };
}

function relativeDates(text: string, today: string): DayRange[] {
  const lower = text.toLowerCase();
  const base = dayNumber(today);
  const found: DayRange[] = [];
  const has = (pattern: RegExp): boolean => pattern.test(lower);
  if (has(/\b(today|tonight|this (morning|afternoon|evening)|earlier today)\b/)) found.push(...single(today));
  if (has(/\bday after tomorrow\b/)) found.push(...single(isoOf(base + 2)));
  if (has(/\btomorrow\b/)) found.push(...single(isoOf(base + 1)));
  if (has(/\byesterday\b/)) found.push(...single(isoOf(base - 1)));
  const monday = base - ((new Date(base * DAY_MS).getUTCDay() + 6) % 7);
  if (has(/\bnext week\b/)) found.push({ from: isoOf(monday + 7), to: isoOf(monday + 13) });
  if (has(/\b(this week|end of (the )?week)\b/)) found.push({ from: today, to: isoOf(monday + 6) });
  if (has(/\blast week\b/)) found.push({ from: isoOf(monday - 7), to: isoOf(monday - 1) });
  if (has(/\bnext month\b/)) found.push(monthRange(today, 1));
  if (has(/\b(end of (the )?month|month[- ]end|eom)\b/)) found.push(...single(monthRange(today, 0).to));
  if (has(/\b(end of (the )?quarter|quarter[- ]end|eoq)\b/)) {
    const month = Number(today.slice(5, 7));
    found.push(...single(monthRange(today, 2 - ((month - 1) % 3)).to));
  }
  if (has(/\b(end of (the )?year|year[- ]end|eoy)\b/)) found.push(...single(`${today.slice(0, 4)}-12-31`));
  for (const m of lower.matchAll(/\bin\s+(\d+|an?|one|two|three|four|five|six|ten)\s+(day|week|month)s?\b/g)) {
    const count = COUNTS[m[1] ?? ''] ?? Number(m[1]);
    if (m[2] === 'day') found.push(...single(isoOf(base + count)));
    if (m[2] === 'week') found.push(...single(isoOf(base + 7 * count)));
    if (m[2] === 'month') found.push(...single(addMonths(today, count)));
  }
  return found;
}

/** Every day (or range of days) `text` can mean, relative to `today` (`YYYY-MM-DD`). */
export function daysMentioned(text: string, today: string): DayRange[] {
  return [...writtenDates(text, today), ...weekdayDates(text, today), ...relativeDates(text, today)];
}

/** `today` in the rep's time zone, `YYYY-MM-DD`. */
export function todayOf(now: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whether `quote` states the day `value` (`YYYY-MM-DD`), directly or relative to `now`. */
export function supportsDate(quote: string, value: string, now: Date, timeZone?: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return daysMentioned(quote, todayOf(now, timeZone)).some((range) => range.from <= value && value <= range.to);
}
