/**
 * Salesforce's relative date literals (`THIS_QUARTER`, `LAST_N_DAYS:30`…). A plan may name only these; anything else
 * in a date filter must be an ISO date or datetime. Fiscal forms are kept: the org's fiscal year is its own business.
 */

const FIXED = [
  'YESTERDAY',
  'TODAY',
  'TOMORROW',
  'LAST_WEEK',
  'THIS_WEEK',
  'NEXT_WEEK',
  'LAST_MONTH',
  'THIS_MONTH',
  'NEXT_MONTH',
  'LAST_90_DAYS',
  'NEXT_90_DAYS',
  'LAST_QUARTER',
  'THIS_QUARTER',
  'NEXT_QUARTER',
  'LAST_YEAR',
  'THIS_YEAR',
  'NEXT_YEAR',
  'LAST_FISCAL_QUARTER',
  'THIS_FISCAL_QUARTER',
  'NEXT_FISCAL_QUARTER',
  'LAST_FISCAL_YEAR',
  'THIS_FISCAL_YEAR',
  'NEXT_FISCAL_YEAR',
] as const;

const WITH_N = [
  'LAST_N_DAYS',
  'NEXT_N_DAYS',
  'N_DAYS_AGO',
  'LAST_N_WEEKS',
  'NEXT_N_WEEKS',
  'N_WEEKS_AGO',
  'LAST_N_MONTHS',
  'NEXT_N_MONTHS',
  'N_MONTHS_AGO',
  'LAST_N_QUARTERS',
  'NEXT_N_QUARTERS',
  'N_QUARTERS_AGO',
  'LAST_N_YEARS',
  'NEXT_N_YEARS',
  'N_YEARS_AGO',
  'LAST_N_FISCAL_QUARTERS',
  'NEXT_N_FISCAL_QUARTERS',
  'N_FISCAL_QUARTERS_AGO',
  'LAST_N_FISCAL_YEARS',
  'NEXT_N_FISCAL_YEARS',
  'N_FISCAL_YEARS_AGO',
] as const;

export type FixedDateLiteral = (typeof FIXED)[number];
export type DateNLiteralName = (typeof WITH_N)[number];

export type DateLiteral = { name: FixedDateLiteral } | { name: DateNLiteralName; n: number };

/** Salesforce takes larger n, but no rep's question needs more than this and a bound keeps plans sane. */
export const MAX_DATE_N = 1000;

const FIXED_SET: ReadonlySet<string> = new Set(FIXED);
const WITH_N_SET: ReadonlySet<string> = new Set(WITH_N);

const isFixed = (name: string): name is FixedDateLiteral => FIXED_SET.has(name);
const takesN = (name: string): name is DateNLiteralName => WITH_N_SET.has(name);

export type DateLiteralParse = { ok: true; literal: DateLiteral } | { ok: false; reason: string };

/** `this_quarter` → THIS_QUARTER; `LAST_N_DAYS:30` → LAST_N_DAYS with n 30. Case and spaces around `:` forgiven. */
export function parseDateLiteral(text: string): DateLiteralParse {
  const match = /^([A-Za-z0-9_]+)(?:\s*:\s*(-?\d+))?$/.exec(text.trim());
  if (!match) return { ok: false, reason: `“${text}” is not a date Salesforce knows` };
  const name = (match[1] ?? '').toUpperCase();
  const count = match[2];
  if (isFixed(name)) {
    if (count !== undefined) return { ok: false, reason: `${name} takes no number` };
    return { ok: true, literal: { name } };
  }
  if (takesN(name)) {
    if (count === undefined) return { ok: false, reason: `${name} needs a number, like ${name}:30` };
    const n = Number(count);
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_DATE_N) {
      return { ok: false, reason: `${name} takes a number from 1 to ${MAX_DATE_N}, not ${count}` };
    }
    return { ok: true, literal: { name, n } };
  }
  return { ok: false, reason: `“${text}” is not a date Salesforce knows (try TODAY, THIS_QUARTER or LAST_N_DAYS:30)` };
}

export function dateLiteralText(literal: DateLiteral): string {
  return 'n' in literal ? `${literal.name}:${literal.n}` : literal.name;
}

/** The literals the model may use, for its prompt. */
export const DATE_LITERAL_NAMES: readonly string[] = [...FIXED, ...WITH_N.map((name) => `${name}:n`)];
