/** A filter's value checked against its field: typed literals, picklist values as the org has them, dates that exist. */
import { parseDateLiteral } from './date-literals';
import type { Filter, Operator } from './plan';
import type { ResolvedField } from './paths';
import type { Literal, ValidFilter, ValidValue } from './valid-plan';
import { ID_VALUES_REFUSED, ISO_DATE, ISO_DATETIME, kindOf, KIND_WORDS, LIST_OPERATORS, OPERATORS_BY_KIND, OPERATOR_WORDS, quoteOf, type Kind, type PlanChecker } from './plan-checker';
import { t } from '../../i18n';

const MAX_LIST_VALUES = 100;
const MAX_TEXT_LENGTH = 1000;
/** Within this range String(n) never uses exponent notation, which SOQL would not read as a number. */
const MAX_NUMBER = 1e15;
const MIN_FRACTION = 1e-6;

/**
 * Characters a value may not hold: tabs and line breaks have SOQL escapes, but other control characters and the
 * Unicode line and paragraph separators (which SOQL string literals cannot hold) have no business in a question.
 */
export const UNSEARCHABLE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/;

function textLiteral(checker: PlanChecker, field: ResolvedField, value: string): Literal | null {
  if (value.length > MAX_TEXT_LENGTH) {
    checker.problems.add(t('askValue_tooLong', { field: field.label, max: MAX_TEXT_LENGTH }));
    return null;
  }
  if (UNSEARCHABLE_CHARACTERS.test(value)) {
    checker.problems.add(t('askValue_badCharacters', { field: field.label }));
    return null;
  }
  return { type: 'text', text: value };
}

function picklistLiteral(checker: PlanChecker, field: ResolvedField, value: string): Literal | null {
  const entries = field.field.picklistValues;
  // No list from describe means nothing to check against (the value is still escaped like any text).
  if (!entries) return textLiteral(checker, field, value);
  const wanted = value.trim().toLowerCase();
  const match = entries.find((entry) => entry.value.toLowerCase() === wanted || entry.label?.toLowerCase() === wanted);
  if (match) return { type: 'text', text: match.value };
  const known = entries.filter((entry) => entry.active).map((entry) => entry.label ?? entry.value);
  const shown = known.slice(0, 12).join(', ') + (known.length > 12 ? ', …' : '');
  checker.problems.add(`${field.label} has no value ${quoteOf(value)}. Its values are: ${shown}. Try one of those.`);
  return null;
}

function multipicklistLiteral(checker: PlanChecker, field: ResolvedField, value: string): Literal | null {
  // In INCLUDES/EXCLUDES, 'a;b' means both a and b: each part must be a value.
  const parts = value.split(';').map((part) => part.trim());
  const canonical: string[] = [];
  for (const part of parts) {
    const literal = picklistLiteral(checker, field, part);
    if (!literal || literal.type !== 'text') return null;
    canonical.push(literal.text);
  }
  return { type: 'text', text: canonical.join(';') };
}

function isCalendarDate(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

function dateLiteral(checker: PlanChecker, field: ResolvedField, kind: 'date' | 'datetime', value: string, operator: Operator): Literal | null {
  const trimmed = value.trim();
  const day = ISO_DATE.exec(trimmed);
  if (day && isCalendarDate(day[1] ?? '', day[2] ?? '', day[3] ?? '')) {
    // A day against a date/time field means that day's start (UTC, as Salesforce reads a datetime literal).
    return kind === 'date' ? { type: 'date', date: trimmed } : { type: 'datetime', datetime: `${trimmed}T00:00:00Z` };
  }
  const instant = ISO_DATETIME.exec(trimmed);
  if (instant && isCalendarDate(instant[1] ?? '', instant[2] ?? '', instant[3] ?? '') && !Number.isNaN(Date.parse(trimmed))) {
    if (kind === 'date') {
      checker.problems.add(`${field.label} is a date without a time. Try a day like ${trimmed.slice(0, 10)}.`);
      return null;
    }
    return { type: 'datetime', datetime: trimmed };
  }
  const literal = parseDateLiteral(trimmed);
  if (!literal.ok) {
    checker.problems.add(`${literal.reason} for ${field.label}. Try a date like 2026-03-31 or a period like THIS_QUARTER.`);
    return null;
  }
  if (LIST_OPERATORS.has(operator)) {
    checker.problems.add(t('askValue_periodList', { field: field.label }));
    return null;
  }
  return { type: 'dateLiteral', literal: literal.literal };
}

function numberLiteral(checker: PlanChecker, field: ResolvedField, value: number): Literal | null {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || magnitude >= MAX_NUMBER || (magnitude > 0 && magnitude < MIN_FRACTION)) {
    checker.problems.add(`${String(value)} is out of range for ${field.label}. Try a plainer number.`);
    return null;
  }
  if (field.field.type === 'int' && !Number.isInteger(value)) {
    checker.problems.add(`${field.label} holds whole numbers only, not ${String(value)}.`);
    return null;
  }
  return { type: 'number', number: value === 0 ? 0 : value };
}

function wrongType(checker: PlanChecker, field: ResolvedField, kind: Kind, value: unknown): null {
  const example: Record<Kind, string> = {
    text: 'some text',
    picklist: 'one of its values',
    multipicklist: 'one of its values',
    id: 'a record name instead',
    number: 'a number',
    boolean: 'true or false',
    date: 'a date like 2026-03-31 or a period like THIS_QUARTER',
    datetime: 'a date like 2026-03-31 or a period like LAST_N_DAYS:7',
    other: 'another field',
  };
  checker.problems.add(`${field.label} is ${KIND_WORDS[kind]}, so ${quoteOf(value)} doesn't fit. Try ${example[kind]}.`);
  return null;
}

function literalFor(checker: PlanChecker, field: ResolvedField, operator: Operator, value: string | number | boolean): Literal | null {
  const kind = kindOf(field.field);
  if (kind === 'id') {
    checker.problems.add(ID_VALUES_REFUSED);
    return null;
  }
  if (kind === 'number') return typeof value === 'number' ? numberLiteral(checker, field, value) : wrongType(checker, field, kind, value);
  if (kind === 'boolean') return typeof value === 'boolean' ? { type: 'boolean', value } : wrongType(checker, field, kind, value);
  if (typeof value !== 'string') return wrongType(checker, field, kind, value);
  if (kind === 'date' || kind === 'datetime') return dateLiteral(checker, field, kind, value, operator);
  if (operator === 'LIKE') return textLiteral(checker, field, value);
  if (kind === 'picklist') return picklistLiteral(checker, field, value);
  if (kind === 'multipicklist') return multipicklistLiteral(checker, field, value);
  return textLiteral(checker, field, value);
}

function checkValue(checker: PlanChecker, field: ResolvedField, filter: Filter): ValidValue | null {
  const { operator, value } = filter;
  if (value === null) {
    if (operator === '=' || operator === '!=') return { kind: 'null' };
    checker.problems.add(`“Empty” can only be asked as “${field.label} is empty” or “is not empty”.`);
    return null;
  }
  if (LIST_OPERATORS.has(operator)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0) {
      checker.problems.add(t('askValue_emptyList', { field: field.label }));
      return null;
    }
    if (items.length > MAX_LIST_VALUES) {
      checker.problems.add(`${items.length} values for ${field.label} are too many (at most ${MAX_LIST_VALUES}). Try fewer.`);
      return null;
    }
    const literals = items.map((item) => literalFor(checker, field, operator, item));
    return literals.every((literal): literal is Literal => literal !== null) ? { kind: 'list', literals } : null;
  }
  if (Array.isArray(value)) {
    checker.problems.add(t('askValue_listOperator', { field: field.label }));
    return null;
  }
  const literal = literalFor(checker, field, operator, value);
  return literal ? { kind: 'one', literal } : null;
}

export function checkFilter(checker: PlanChecker, filter: Filter): ValidFilter | null {
  const field = checker.resolve(filter.field);
  if (!field) return null;
  const kind = kindOf(field.field);
  if (field.field.filterable === false || kind === 'other') {
    checker.problems.add(`${field.label} can't be used to filter records. Try another field.`);
    return null;
  }
  if (kind === 'id' && filter.value !== null) {
    checker.problems.add(ID_VALUES_REFUSED);
    return null;
  }
  if (!OPERATORS_BY_KIND[kind].includes(filter.operator)) {
    const allowed = OPERATORS_BY_KIND[kind].map((operator) => OPERATOR_WORDS[operator]).join(', ');
    checker.problems.add(
      `${field.label} is ${KIND_WORDS[kind]}; it can't be asked whether it ${OPERATOR_WORDS[filter.operator]}. Try: ${allowed}.`,
    );
    return null;
  }
  const value = checkValue(checker, field, filter);
  return value ? { path: field.path, operator: filter.operator, value } : null;
}
