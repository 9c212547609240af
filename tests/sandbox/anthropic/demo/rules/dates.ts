/**
 * Dates a note states, as YYYY-MM-DD, each with the words that state it: ISO dates, US numeric dates (12/4, 12/4/2026),
 * month names ("Dec 4", "December 4th, 2026", "4 December"), and relative days resolved against the day the request
 * gives: today, tomorrow, yesterday, weekdays ("Friday" and "this Friday" are the first one after today, "next Friday"
 * the one in the next calendar week, weeks starting on Monday, "last Friday" the latest one before today), "next
 * week" (its Monday), "in 3 days", "in two weeks", "end of the month", "end of the quarter". A date without a year is
 * the one nearest to today.
 */
import { scanAll, type Found } from './found';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = `(${WEEKDAYS.join('|')})`;
const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const COUNT = `(\\d{1,3}|${Object.keys(COUNTS).join('|')})`;
const DAY_MS = 86_400_000;

interface Day {
  year: number;
  month: number;
  day: number;
}

const toIso = ({ year, month, day }: Day): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function fromUtc(time: number): Day {
  const date = new Date(time);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const utc = ({ year, month, day }: Day): number => Date.UTC(year, month - 1, day);

function realDay(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const made = fromUtc(Date.UTC(year, month - 1, day));
  return made.month === month && made.day === day ? made : null;
}

function parseToday(today: string): Day {
  const [year, month, day] = today.split('-').map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}

/** A month and day without a year: the occurrence nearest to today. */
function nearest(today: Day, month: number, day: number): Day | null {
  const options = [today.year - 1, today.year, today.year + 1]
    .map((year) => realDay(year, month, day))
    .filter((option): option is Day => option !== null);
  const distance = (option: Day): number => Math.abs(utc(option) - utc(today));
  return options.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

function withYear(today: Day, month: number, day: number, year: string | undefined): Day | null {
  if (year === undefined) return nearest(today, month, day);
  const full = year.length === 2 ? 2000 + Number(year) : Number(year);
  return realDay(full, month, day);
}

const monthNumber = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const weekdayNumber = (name: string): number => WEEKDAYS.findIndex((day) => day.startsWith(name.slice(0, 3).toLowerCase()));
const countOf = (word: string): number => COUNTS[word.toLowerCase()] ?? Number(word);

function addDays(day: Day, days: number): Day {
  return fromUtc(utc(day) + days * DAY_MS);
}

function weekdayDate(today: Day, target: number, which: string | undefined): Day {
  const current = new Date(utc(today)).getUTCDay();
  const kind = (which ?? '').toLowerCase();
  if (kind === 'last') return addDays(today, -(((current - target + 6) % 7) + 1));
  if (kind === 'next') {
    const mondayNext = addDays(today, ((8 - current) % 7) || 7);
    return addDays(mondayNext, (target + 6) % 7);
  }
  return addDays(today, ((target - current + 6) % 7) + 1);
}

function endOf(today: Day, unit: string): Day {
  if (unit === 'week') return addDays(today, (5 - new Date(utc(today)).getUTCDay() + 7) % 7);
  if (unit === 'month') return fromUtc(Date.UTC(today.year, today.month, 0));
  if (unit === 'quarter') return fromUtc(Date.UTC(today.year, Math.ceil(today.month / 3) * 3, 0));
  return { year: today.year, month: 12, day: 31 };
}

function afterCount(today: Day, count: number, unit: string): Day {
  if (unit.startsWith('day')) return addDays(today, count);
  if (unit.startsWith('week')) return addDays(today, count * 7);
  return fromUtc(Date.UTC(today.year, today.month - 1 + count, today.day));
}

export function findDates(text: string, todayIso: string): Found<string>[] {
  const today = parseToday(todayIso);
  const iso = (day: Day | null): string | null => (day ? toIso(day) : null);
  return scanAll<string>(text, [
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/i, (m) => iso(realDay(Number(m[1]), Number(m[2]), Number(m[3])))],
    [/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b/, (m) => iso(withYear(today, Number(m[1]), Number(m[2]), m[3]))],
    [
      new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'i'),
      (m) => iso(withYear(today, monthNumber(m[1] ?? ''), Number(m[2]), m[3])),
    ],
    [
      new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4})\\b)?`, 'i'),
      (m) => iso(withYear(today, monthNumber(m[2] ?? ''), Number(m[1]), m[3])),
    ],
    [/\b(?:the\s+)?day\s+after\s+tomorrow\b/i, () => iso(addDays(today, 2))],
    [/\b(today|tonight|tomorrow|yesterday)\b/i, (m) => iso(addDays(today, { today: 0, tonight: 0, tomorrow: 1, yesterday: -1 }[(m[1] ?? '').toLowerCase()] ?? 0))],
    [new RegExp(`\\b(?:(next|this|coming|last)\\s+)?${WEEKDAY}\\b`, 'i'), (m) => iso(weekdayDate(today, weekdayNumber(m[2] ?? ''), m[1]))],
    [/\bnext\s+week\b/i, () => iso(weekdayDate(today, 1, 'next'))],
    [/\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(week|month|quarter|year)\b/i, (m) => iso(endOf(today, (m[1] ?? '').toLowerCase()))],
    [new RegExp(`\\bin\\s+${COUNT}\\s+(days?|weeks?|months?)\\b`, 'i'), (m) => iso(afterCount(today, countOf(m[1] ?? ''), (m[2] ?? '').toLowerCase()))],
    [new RegExp(`\\b${COUNT}\\s+(days?|weeks?)\\s+from\\s+(?:now|today)\\b`, 'i'), (m) => iso(afterCount(today, countOf(m[1] ?? ''), (m[2] ?? '').toLowerCase()))],
  ]);
}
