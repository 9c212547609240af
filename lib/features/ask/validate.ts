/**
 * A model's query plan checked against the org's describe as this rep sees it. What passes is a ValidPlan: canonical
 * names taken from describe, typed values, a bounded limit; the only input compilePlan takes. What fails is explained
 * in the rep's words, each problem with a way to ask again.
 */
import { parseDateLiteral, type DateLiteral } from './date-literals';
import type { AskDescribes, AskField, AskObjectDescribe } from './describe';
import { resolvePath, type ResolvedField } from './paths';
import { QueryPlan, type Aggregate, type AggregateFunction, type Filter, type Operator, type OrderBy } from './plan';

/** Default bound on rows (the brief's 200); a setting may raise it up to Salesforce's own ceiling. */
export const DEFAULT_MAX_LIMIT = 200;
/** SOQL's own row ceiling for one query. */
export const SOQL_MAX_LIMIT = 50_000;

const MAX_FIELDS = 20;
const MAX_FILTERS = 20;
const MAX_GROUPS = 10;
const MAX_AGGREGATES = 5;
const MAX_GROUP_BY = 3;
const MAX_ORDER_BY = 3;
const MAX_LIST_VALUES = 100;
const MAX_TEXT_LENGTH = 1000;
/** Within this range String(n) never uses exponent notation, which SOQL would not read as a number. */
const MAX_NUMBER = 1e15;
const MIN_FRACTION = 1e-6;

export interface RecordInView {
  id: string;
  objectName: string;
}

export interface ValidateOptions {
  recordInView?: RecordInView | null;
  /** Rows at most; a plan asking for more is cut to this (and says so in `notes`). */
  maxLimit: number;
}

export type Literal =
  | { type: 'text'; text: string }
  | { type: 'number'; number: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; date: string }
  | { type: 'datetime'; datetime: string }
  | { type: 'dateLiteral'; literal: DateLiteral };

export type ValidValue = { kind: 'null' } | { kind: 'one'; literal: Literal } | { kind: 'list'; literals: Literal[] };

export interface ValidFilter {
  path: string;
  operator: Operator;
  value: ValidValue;
}

export interface ValidAggregate {
  function: AggregateFunction;
  /** Canonical path; COUNT of records counts Id. */
  path: string;
}

export type OrderTarget = { kind: 'field'; path: string } | { kind: 'aggregate'; aggregate: ValidAggregate };

export interface ValidOrder {
  target: OrderTarget;
  direction: 'ASC' | 'DESC';
}

/** One column of the result, in select order. */
export interface PlanColumn {
  /** Stable key for the table: a field path, or `SUM(Amount)`. */
  key: string;
  label: string;
  /** describe type of the field, or of the aggregate's result. */
  type: string;
  field: string;
  aggregate: AggregateFunction | null;
  /** Set in aggregate queries, where result rows name columns by alias. */
  alias: string | null;
}

declare const validPlan: unique symbol;

export interface ValidPlan {
  readonly [validPlan]: true;
  objectName: string;
  objectLabel: string;
  columns: PlanColumn[];
  filters: ValidFilter[];
  /** Groups of filter indexes: a row matches every filter of at least one group; empty means all filters. */
  logic: number[][];
  scope: { path: string; recordId: string } | null;
  aggregates: ValidAggregate[];
  groupBy: string[];
  orderBy: ValidOrder[];
  limit: number;
  /** What the rep should know about the query as run (a lowered limit). */
  notes: string[];
}

export type ValidationResult = { ok: true; plan: ValidPlan } | { ok: false; problems: string[] };

type Kind = 'text' | 'picklist' | 'multipicklist' | 'id' | 'number' | 'boolean' | 'date' | 'datetime' | 'other';

const KIND_OF_TYPE: Record<string, Kind> = {
  string: 'text',
  textarea: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  combobox: 'text',
  encryptedstring: 'text',
  picklist: 'picklist',
  multipicklist: 'multipicklist',
  id: 'id',
  reference: 'id',
  int: 'number',
  long: 'number',
  double: 'number',
  currency: 'number',
  percent: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
};

const kindOf = (field: AskField): Kind => KIND_OF_TYPE[field.type] ?? 'other';

const OPERATORS_BY_KIND: Record<Kind, readonly Operator[]> = {
  text: ['=', '!=', 'LIKE', 'IN', 'NOT IN'],
  picklist: ['=', '!=', 'LIKE', 'IN', 'NOT IN'],
  multipicklist: ['=', '!=', 'INCLUDES', 'EXCLUDES'],
  id: ['=', '!='],
  number: ['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN'],
  boolean: ['=', '!='],
  date: ['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN'],
  datetime: ['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN'],
  other: [],
};

const LIST_OPERATORS: ReadonlySet<Operator> = new Set(['IN', 'NOT IN', 'INCLUDES', 'EXCLUDES']);
const UNSELECTABLE_TYPES = new Set(['address', 'location', 'base64', 'complexvalue', 'anytype']);
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

const OPERATOR_WORDS: Record<Operator, string> = {
  '=': 'equals',
  '!=': 'is not',
  '<': 'is less than',
  '<=': 'is at most',
  '>': 'is more than',
  '>=': 'is at least',
  LIKE: 'matches a pattern',
  IN: 'is one of',
  'NOT IN': 'is none of',
  INCLUDES: 'includes',
  EXCLUDES: 'excludes',
};

const KIND_WORDS: Record<Kind, string> = {
  text: 'a text field',
  picklist: 'a picklist',
  multipicklist: 'a multi-select picklist',
  id: 'a record link',
  number: 'a number field',
  boolean: 'a yes/no field',
  date: 'a date field',
  datetime: 'a date/time field',
  other: 'a field of a kind questions cannot use',
};

/** The model never chooses a record id: a record is reached by its name, or as the record in view (by code). */
const ID_VALUES_REFUSED =
  "Groundwork doesn't look records up by their id. Name the record instead (for example by its Name), or ask about the record in view.";

const quoteOf = (value: unknown): string => (typeof value === 'string' ? `“${value}”` : JSON.stringify(value));

/** Collects problems while a plan is checked, so that the rep hears about all of them at once. */
class Problems {
  readonly list: string[] = [];

  add(problem: string): void {
    if (!this.list.includes(problem)) this.list.push(problem);
  }
}

class PlanChecker {
  readonly problems = new Problems();

  constructor(
    readonly root: AskObjectDescribe,
    private readonly describes: AskDescribes,
  ) {}

  resolve(path: string): ResolvedField | null {
    const result = resolvePath(this.root, path, this.describes);
    if (result.ok === true) return result.resolved;
    if (result.ok === false) this.problems.add(result.problem);
    // A describe never loaded means the path crosses an object describesForPlan was not given: refuse it.
    else this.problems.add(`Groundwork could not check “${path}”. Try asking without it.`);
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/**
 * Characters a value may not hold: tabs and line breaks have SOQL escapes, but other control characters and the
 * Unicode line and paragraph separators (which SOQL string literals cannot hold) have no business in a question.
 */
export const UNSEARCHABLE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/;

function textLiteral(checker: PlanChecker, field: ResolvedField, value: string): Literal | null {
  if (value.length > MAX_TEXT_LENGTH) {
    checker.problems.add(`The value for ${field.label} is too long (over ${MAX_TEXT_LENGTH} characters). Try a shorter one.`);
    return null;
  }
  if (UNSEARCHABLE_CHARACTERS.test(value)) {
    checker.problems.add(`The value for ${field.label} holds characters that can't be searched for. Try retyping it.`);
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
    checker.problems.add(`Periods like THIS_QUARTER can't be listed for ${field.label}; ask for one period at a time.`);
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
      checker.problems.add(`The list of values for ${field.label} is empty. Name at least one value.`);
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
    checker.problems.add(`A list of values for ${field.label} needs “is one of”. Try asking for any of them.`);
    return null;
  }
  const literal = literalFor(checker, field, operator, value);
  return literal ? { kind: 'one', literal } : null;
}

function checkFilter(checker: PlanChecker, filter: Filter): ValidFilter | null {
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

// ---------------------------------------------------------------------------------------------------------------
// Filters' logic, scope, aggregates, order, limit

function checkLogic(checker: PlanChecker, logic: number[][], filterCount: number): number[][] {
  if (logic.length === 0) return [];
  if (logic.length > MAX_GROUPS) {
    checker.problems.add(`The question combines too many alternatives (at most ${MAX_GROUPS}). Try a simpler question.`);
    return [];
  }
  const used = new Set<number>();
  const groups = logic.map((group) => {
    const valid = group.every((index) => Number.isInteger(index) && index >= 0 && index < filterCount);
    if (!valid || group.length === 0) {
      checker.problems.add('The way the conditions combine refers to conditions that are not there. Try rephrasing the question.');
      return [];
    }
    const unique = [...new Set(group)];
    unique.forEach((index) => used.add(index));
    return unique;
  });
  if (used.size < filterCount) {
    checker.problems.add('Some conditions of the question are not used. Try rephrasing the question.');
  }
  return groups;
}

function checkScope(checker: PlanChecker, relation: string, recordInView: RecordInView | null | undefined) {
  if (!recordInView) {
    checker.problems.add('The question is about the record in view, but no record is open. Open the record, or name it in the question.');
    return null;
  }
  if (!RECORD_ID.test(recordInView.id)) {
    checker.problems.add('The record in view could not be identified. Reload the page and ask again.');
    return null;
  }
  const field = checker.resolve(relation);
  if (!field) return null;
  const inView = recordInView.objectName.toLowerCase();
  const pointsAtView =
    (field.field.type === 'reference' && (field.field.referenceTo ?? []).some((target) => target.toLowerCase() === inView)) ||
    (field.field.type === 'id' && field.ownerName?.toLowerCase() === inView);
  if (!pointsAtView) {
    checker.problems.add(
      `${checker.root.labelPlural} are not linked to the ${recordInView.objectName} in view through ${field.label}. Try naming the record instead.`,
    );
    return null;
  }
  return { path: field.path, recordId: recordInView.id };
}

const NUMERIC: ReadonlySet<Kind> = new Set(['number']);
const ORDERED: ReadonlySet<Kind> = new Set(['number', 'date', 'datetime', 'text', 'picklist', 'id']);

function checkAggregate(checker: PlanChecker, aggregate: Aggregate): ValidAggregate | null {
  if (aggregate.field === null || aggregate.field === '') {
    if (aggregate.function === 'COUNT') return { function: 'COUNT', path: 'Id' };
    checker.problems.add(`${aggregate.function} needs a field, such as Amount. Try naming what to add up or compare.`);
    return null;
  }
  const field = checker.resolve(aggregate.field);
  if (!field) return null;
  const kind = kindOf(field.field);
  const fits =
    field.field.aggregatable !== false &&
    (aggregate.function === 'COUNT' ? kind !== 'other' : aggregate.function === 'SUM' || aggregate.function === 'AVG' ? NUMERIC.has(kind) : ORDERED.has(kind));
  if (!fits) {
    const hint = aggregate.function === 'SUM' || aggregate.function === 'AVG' ? ' Try a number field, such as an amount.' : ' Try another field.';
    checker.problems.add(`${field.label} can't be used with ${aggregate.function}.${hint}`);
    return null;
  }
  return { function: aggregate.function, path: field.path };
}

const sameAggregate = (a: ValidAggregate, b: ValidAggregate): boolean =>
  a.function === b.function && a.path.toLowerCase() === b.path.toLowerCase();

function checkOrder(checker: PlanChecker, order: OrderBy, aggregated: boolean, groupBy: readonly string[]): ValidOrder | null {
  if (order.aggregate !== null) {
    if (!aggregated) {
      checker.problems.add('Sorting by a total only works when results are grouped. Try asking for totals by some field.');
      return null;
    }
    const aggregate = checkAggregate(checker, { function: order.aggregate, field: order.field });
    return aggregate ? { target: { kind: 'aggregate', aggregate }, direction: order.direction } : null;
  }
  const field = checker.resolve(order.field);
  if (!field) return null;
  if (aggregated) {
    if (!groupBy.some((path) => path.toLowerCase() === field.path.toLowerCase())) {
      checker.problems.add(`Grouped results can only be sorted by what they are grouped by or by a total, not by ${field.label}.`);
      return null;
    }
  } else if (field.field.sortable === false || kindOf(field.field) === 'multipicklist' || kindOf(field.field) === 'other') {
    checker.problems.add(`Results can't be sorted by ${field.label}. Try sorting by another field.`);
    return null;
  }
  return { target: { kind: 'field', path: field.path }, direction: order.direction };
}

function checkLimit(checker: PlanChecker, limit: number | null, maxLimit: number, notes: string[]): number {
  if (limit === null) return maxLimit;
  if (!Number.isInteger(limit) || limit < 1) {
    checker.problems.add(`“${String(limit)} rows” is not a number of rows. Ask for a whole number, like the top 10.`);
    return maxLimit;
  }
  if (limit > maxLimit) {
    notes.push(`Showing at most ${maxLimit} rows (the question asked for ${limit}).`);
    return maxLimit;
  }
  return limit;
}

// ---------------------------------------------------------------------------------------------------------------
// Columns

const AGGREGATE_TYPES: Record<AggregateFunction, (field: AskField) => string> = {
  COUNT: () => 'int',
  SUM: (field) => field.type,
  AVG: () => 'double',
  MIN: (field) => field.type,
  MAX: (field) => field.type,
};

const AGGREGATE_WORDS: Record<AggregateFunction, string> = {
  COUNT: 'Count',
  SUM: 'Total',
  AVG: 'Average',
  MIN: 'Lowest',
  MAX: 'Highest',
};

/** Aliases from validated identifiers only: `sumAmount`, `AccountIndustry`; made unique against each other. */
function uniqueAlias(base: string, taken: Set<string>): string {
  let alias = base;
  for (let n = 2; taken.has(alias.toLowerCase()); n++) alias = `${base}${n}`;
  taken.add(alias.toLowerCase());
  return alias;
}

function fieldColumn(field: ResolvedField): PlanColumn {
  return { key: field.path, label: field.label, type: field.field.type, field: field.path, aggregate: null, alias: null };
}

function aggregateColumns(checker: PlanChecker, groups: ResolvedField[], aggregates: ValidAggregate[]): PlanColumn[] {
  const taken = new Set(groups.filter((group) => !group.path.includes('.')).map((group) => group.path.toLowerCase()));
  const groupColumns = groups.map((group): PlanColumn => ({
    ...fieldColumn(group),
    // A grouped parent field comes back under its own name (Industry), which may clash: an alias keeps it apart.
    alias: group.path.includes('.') ? uniqueAlias(group.path.replace(/\./g, ''), taken) : null,
  }));
  const aggregateColumns = aggregates.map((aggregate): PlanColumn => {
    const field = aggregate.path === 'Id' && aggregate.function === 'COUNT' ? null : checker.resolve(aggregate.path);
    const words = field ? `${AGGREGATE_WORDS[aggregate.function]} ${field.label}` : 'Count';
    return {
      key: `${aggregate.function}(${aggregate.path})`,
      label: words,
      type: field ? AGGREGATE_TYPES[aggregate.function](field.field) : 'int',
      field: aggregate.path,
      aggregate: aggregate.function,
      alias: uniqueAlias(`${aggregate.function.toLowerCase()}${aggregate.path.replace(/\./g, '')}`, taken),
    };
  });
  return [...groupColumns, ...aggregateColumns];
}

function dedupe(fields: ResolvedField[]): ResolvedField[] {
  const seen = new Set<string>();
  return fields.filter((field) => {
    const key = field.path.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function selectable(checker: PlanChecker, field: ResolvedField): boolean {
  if (UNSELECTABLE_TYPES.has(field.field.type.toLowerCase())) {
    checker.problems.add(`${field.label} can't be shown in a table. Try its parts instead (such as City or State).`);
    return false;
  }
  return true;
}

function recordColumns(checker: PlanChecker, fields: ResolvedField[]): PlanColumn[] {
  const idField = checker.resolve('Id');
  const nameField = checker.root.fields.find((field) => field.nameField);
  const shown = fields.length > 0 ? fields : nameField ? [checker.resolve(nameField.name)].filter((f): f is ResolvedField => f !== null) : [];
  // Id always comes first: every row links to its record.
  return dedupe([...(idField ? [idField] : []), ...shown]).map(fieldColumn);
}

// ---------------------------------------------------------------------------------------------------------------

function planProblems(raw: unknown): string[] | null {
  const parsed = QueryPlan.safeParse(raw);
  if (parsed.success) return null;
  return ['Groundwork could not turn the question into a query. Try asking it another way, naming the records and fields you want.'];
}

function tooMany(checker: PlanChecker, count: number, max: number, what: string): boolean {
  if (count <= max) return false;
  checker.problems.add(`The question names too many ${what} (${count}; at most ${max}). Try asking for fewer.`);
  return true;
}

function objectProblem(plan: QueryPlan, describe: AskObjectDescribe | null | undefined): string | null {
  if (!describe) {
    return `You can't search “${plan.object}” records (they may not exist, or your access may not include them). Try asking about accounts, contacts, opportunities or cases.`;
  }
  if (describe.queryable === false) return `${describe.labelPlural} can't be searched. Try asking about another kind of record.`;
  return null;
}

/**
 * Checks `raw` (a QueryPlan from the model: parsed again here, so anything may be passed) against `describes` (from
 * describesForPlan: the rep's own view). Never throws for a bad plan; throws only for a bad `options.maxLimit`.
 */
export function validatePlan(raw: unknown, describes: AskDescribes, options: ValidateOptions): ValidationResult {
  const { maxLimit } = options;
  if (!Number.isInteger(maxLimit) || maxLimit < 1 || maxLimit > SOQL_MAX_LIMIT) {
    throw new Error(`maxLimit must be a whole number from 1 to ${SOQL_MAX_LIMIT}, not ${maxLimit}`);
  }
  const shapeProblems = planProblems(raw);
  if (shapeProblems) return { ok: false, problems: shapeProblems };
  const plan = QueryPlan.parse(raw);
  const root = /^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(plan.object) ? describes.get(plan.object) : null;
  const missing = objectProblem(plan, root);
  if (missing || !root) return { ok: false, problems: [missing ?? ''] };

  const checker = new PlanChecker(root, describes);
  const notes: string[] = [];
  const bounded = [
    tooMany(checker, plan.fields.length, MAX_FIELDS, 'fields'),
    tooMany(checker, plan.filters.length, MAX_FILTERS, 'conditions'),
    tooMany(checker, plan.aggregates.length, MAX_AGGREGATES, 'totals'),
    tooMany(checker, plan.groupBy.length, MAX_GROUP_BY, 'groupings'),
    tooMany(checker, plan.orderBy.length, MAX_ORDER_BY, 'sort orders'),
  ];
  if (bounded.some(Boolean)) return { ok: false, problems: checker.problems.list };

  const fields = dedupe(plan.fields.flatMap((path) => checker.resolve(path) ?? []).filter((field) => selectable(checker, field)));
  const filters = plan.filters.flatMap((filter) => checkFilter(checker, filter) ?? []);
  const logic = checkLogic(checker, plan.filterLogic, plan.filters.length);
  const scope = plan.scope ? checkScope(checker, plan.scope.relation, options.recordInView) : null;

  const aggregates = plan.aggregates.flatMap((aggregate) => checkAggregate(checker, aggregate) ?? []);
  const uniqueAggregates = aggregates.filter((aggregate, index) => aggregates.findIndex((other) => sameAggregate(other, aggregate)) === index);
  const groups = dedupe(plan.groupBy.flatMap((path) => checker.resolve(path) ?? []));
  for (const group of groups) {
    if (group.field.groupable !== true) checker.problems.add(`Results can't be grouped by ${group.label}. Try grouping by a picklist or a name.`);
  }
  const aggregated = plan.aggregates.length > 0 || plan.groupBy.length > 0;
  if (aggregated) {
    for (const field of fields) {
      if (!groups.some((group) => group.path === field.path)) {
        checker.problems.add(`Grouped results can't show ${field.label} unless they are grouped by it. Try grouping by ${field.label} too.`);
      }
    }
  }
  const groupPaths = groups.map((group) => group.path);
  const orderBy = plan.orderBy.flatMap((order) => checkOrder(checker, order, aggregated, groupPaths) ?? []);
  const limit = checkLimit(checker, plan.limit, maxLimit, notes);

  if (checker.problems.list.length > 0) return { ok: false, problems: checker.problems.list };
  const columns = aggregated ? aggregateColumns(checker, groups, uniqueAggregates) : recordColumns(checker, fields);
  const valid = {
    objectName: root.name,
    objectLabel: root.label,
    columns,
    filters,
    logic,
    scope,
    aggregates: uniqueAggregates,
    groupBy: groupPaths,
    orderBy,
    limit,
    notes,
  };
  return { ok: true, plan: valid as ValidPlan };
}
