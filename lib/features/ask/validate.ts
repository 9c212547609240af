/**
 * A model's query plan checked against the org's describe as this rep sees it. What passes is a ValidPlan: canonical
 * names taken from describe, typed values, a bounded limit; the only input compilePlan takes. What fails is explained
 * in the rep's words, each problem with a way to ask again.
 */
import type { AskDescribes, AskField, AskObjectDescribe } from './describe';
import type { ResolvedField } from './paths';
import { QueryPlan, type Aggregate, type AggregateFunction, type OrderBy } from './plan';
import { kindOf, PlanChecker, RECORD_ID, UNSELECTABLE_TYPES, type Kind } from './plan-checker';
import { checkFilter } from './validate-values';
import { SOQL_MAX_LIMIT, type PlanColumn, type RecordInView, type ValidAggregate, type ValidateOptions, type ValidationResult, type ValidOrder, type ValidPlan } from './valid-plan';
import { t, type MessageKey } from '../../i18n';

const MAX_FIELDS = 20;
const MAX_FILTERS = 20;
const MAX_GROUPS = 10;
const MAX_AGGREGATES = 5;
const MAX_GROUP_BY = 3;
const MAX_ORDER_BY = 3;

// ---------------------------------------------------------------------------------------------------------------
// Filters' logic, scope, aggregates, order, limit

function checkLogic(checker: PlanChecker, logic: number[][], filterCount: number): number[][] {
  if (logic.length === 0) return [];
  if (logic.length > MAX_GROUPS) {
    checker.problems.add(t('askCheck_tooManyAlternatives', { max: MAX_GROUPS }));
    return [];
  }
  const used = new Set<number>();
  const groups = logic.map((group) => {
    const valid = group.every((index) => Number.isInteger(index) && index >= 0 && index < filterCount);
    if (!valid || group.length === 0) {
      checker.problems.add(t('askCheck_missingConditions'));
      return [];
    }
    const unique = [...new Set(group)];
    unique.forEach((index) => used.add(index));
    return unique;
  });
  if (used.size < filterCount) {
    checker.problems.add(t('askCheck_unusedConditions'));
  }
  return groups;
}

function checkScope(checker: PlanChecker, relation: string, recordInView: RecordInView | null | undefined) {
  if (!recordInView) {
    checker.problems.add(t('askCheck_noRecordOpen'));
    return null;
  }
  if (!RECORD_ID.test(recordInView.id)) {
    checker.problems.add(t('askCheck_recordUnknown'));
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
      checker.problems.add(t('askCheck_sortTotalUngrouped'));
      return null;
    }
    const aggregate = checkAggregate(checker, { function: order.aggregate, field: order.field });
    return aggregate ? { target: { kind: 'aggregate', aggregate }, direction: order.direction } : null;
  }
  const field = checker.resolve(order.field);
  if (!field) return null;
  if (aggregated) {
    if (!groupBy.some((path) => path.toLowerCase() === field.path.toLowerCase())) {
      checker.problems.add(t('askCheck_sortGrouped', { field: field.label }));
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
    notes.push(t('askCheck_limitCapped', { max: maxLimit, asked: limit }));
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
  return [t('askCheck_noQuery')];
}

function tooMany(checker: PlanChecker, count: number, max: number, what: MessageKey): boolean {
  if (count <= max) return false;
  checker.problems.add(t('askCheck_tooMany', { what: t(what), count, max }));
  return true;
}

function objectProblem(plan: QueryPlan, describe: AskObjectDescribe | null | undefined): string | null {
  if (!describe) {
    return t('askCheck_unknownObject', { object: plan.object });
  }
  if (describe.queryable === false) return t('askCheck_notQueryable', { objects: describe.labelPlural });
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
    tooMany(checker, plan.fields.length, MAX_FIELDS, 'askCheck_fields'),
    tooMany(checker, plan.filters.length, MAX_FILTERS, 'askCheck_conditions'),
    tooMany(checker, plan.aggregates.length, MAX_AGGREGATES, 'askCheck_totals'),
    tooMany(checker, plan.groupBy.length, MAX_GROUP_BY, 'askCheck_groupings'),
    tooMany(checker, plan.orderBy.length, MAX_ORDER_BY, 'askCheck_sortOrders'),
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
        checker.problems.add(t('askCheck_groupedField', { field: field.label }));
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
