/**
 * Record queries (everything but aggregates): the SELECT list as a tree of fields, parents and child subqueries, the
 * WHERE predicate, ORDER BY and the LIMIT/OFFSET window, and the REST shape of each record.
 */
import type { FieldType as SelectItem, FunctionExp, Query, QueryBase, Subquery } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, FieldValue, ObjectDef } from '../model';
import { normalizeId } from '../ids';
import {
  type ConditionContext,
  type Operand,
  type OperandTarget,
  type Predicate,
  compileConditions,
} from './conditions';
import { DATE_FUNCTIONS } from './dates';
import { invalidField, malformed } from './errors';
import { type Comparator, checkSortable, comparatorOf, orderTargets } from './order';
import {
  type FieldPath,
  type Hop,
  type Row,
  type Scope,
  fieldValue,
  parentRow,
  readPath,
  readableFields,
  requireObject,
  resolveChildRelationship,
  resolvePath,
  visibleRows,
} from './resolve';
import { comparable, kindOf } from './values';

export interface QueryScope extends Scope {
  /** `62.0`: the version in record URLs. */
  apiVersion: string;
  now: Date;
}

export type OutputRecord = Record<string, unknown>;

/** The attributes Salesforce puts first on every record. */
export function recordAttributes(type: string, id: string, apiVersion: string): { type: string; url: string } {
  return { type, url: `/services/data/v${apiVersion}/sobjects/${type}/${id}` };
}

type Selection =
  | { kind: 'field'; key: string; field: FieldDef; present: (value: FieldValue) => FieldValue }
  | { kind: 'parent'; key: string; hop: Hop; children: Selection[] }
  | { kind: 'child'; key: string; run: (row: Row) => OutputRecord | null };

export interface RecordPlan {
  object: ObjectDef;
  selection: Selection[];
  where: Predicate<Row>;
  order: Comparator<Row> | null;
  offset: number;
  limit: number | undefined;
}

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

export function isAggregateFunction(name: string | undefined): boolean {
  return AGGREGATES.has((name ?? '').toUpperCase());
}

export function isAggregateQuery(query: QueryBase): boolean {
  const grouped = query.groupBy !== undefined && [query.groupBy].flat().length > 0;
  return (
    grouped ||
    (query.fields ?? []).some((f) => f.type === 'FieldFunctionExpression' && isAggregateFunction(f.functionName))
  );
}

/** A selected field as written: `Name`, `a.Name`, `Account.Owner.Name`. */
export function writtenPath(item: Extract<SelectItem, { type: 'Field' | 'FieldRelationship' }>): string {
  if ('rawValue' in item && item.rawValue) return item.rawValue;
  return item.type === 'FieldRelationship' ? [...item.relationships, item.field].join('.') : item.field;
}

export function fieldsOf(query: QueryBase): SelectItem[] {
  return query.fields ?? [];
}

/** A field path read from rows of the queried object, usable in WHERE, ORDER BY and GROUP BY. */
export function pathOperand(scope: QueryScope, path: FieldPath): Operand<Row> {
  return { name: path.field.name, field: path.field, read: (row) => readPath(scope, row, path) };
}

function dateFunctionOperand(
  scope: QueryScope,
  object: ObjectDef,
  fn: FunctionExp,
  alias: string | undefined,
  clause: string,
): Operand<Row> {
  const name = (fn.functionName ?? '').toUpperCase();
  const definition = DATE_FUNCTIONS[name];
  const parameter = fn.parameters?.[0];
  if (!definition || typeof parameter !== 'string') throw malformed(`unexpected token: ${fn.functionName ?? '('}`);
  const path = resolvePath(scope, object, parameter, alias, clause);
  if (path.field.type !== 'date' && path.field.type !== 'datetime') {
    throw invalidField(`${fn.functionName ?? name} cannot be applied to field '${path.field.name}'`);
  }
  const field: FieldDef = { ...path.field, name: fn.rawValue ?? name, type: definition.returns };
  return {
    name: field.name,
    field,
    read: (row) => {
      const value = readPath(scope, row, path);
      return value === null ? null : definition.apply(String(value));
    },
  };
}

/** Resolves what a WHERE or ORDER BY names on a record query. */
export function rowOperand(
  scope: QueryScope,
  object: ObjectDef,
  target: OperandTarget,
  alias: string | undefined,
  clause: string,
): Operand<Row> {
  if ('fn' in target) {
    if (isAggregateFunction(target.fn.functionName)) {
      throw malformed(`Aggregate functions are not allowed in the ${clause} clause of a non-aggregate query`);
    }
    return dateFunctionOperand(scope, object, target.fn, alias, clause);
  }
  return pathOperand(scope, resolvePath(scope, object, target.field, alias, clause));
}

export function whereOf(scope: QueryScope, object: ObjectDef, query: QueryBase, alias: string | undefined) {
  const context: ConditionContext<Row> = {
    now: scope.now,
    operand: (target) => {
      const operand = rowOperand(scope, object, target, alias, 'WHERE');
      if (operand.field.filterable === false) {
        const message = `field '${operand.name}' can not be filtered in a query call`;
        throw invalidField(scope.text.pin(operand.name, message, 'WHERE'));
      }
      return operand;
    },
    semiJoin: (inner) => semiJoinIds(scope, inner),
  };
  return compileConditions(query.where, context);
}

/** The ids a semi-join or anti-join subquery selects, lower-cased for comparison. */
function semiJoinIds(scope: QueryScope, inner: Query): Set<string> {
  const object = requireObject(scope, inner.sObject ?? '');
  const [item, ...rest] = fieldsOf(inner);
  const written = item && (item.type === 'Field' || item.type === 'FieldRelationship') ? writtenPath(item) : null;
  if (!written || rest.length > 0) {
    throw malformed('A semi-join subquery must select a single Id or reference field');
  }
  const path = resolvePath(scope, object, written, inner.sObjectAlias, 'SELECT');
  if (kindOf(path.field) !== 'id') {
    throw invalidField(`Semi join sub-selects can only select Id or reference fields, not '${path.field.name}'`);
  }
  const where = whereOf(scope, object, inner, inner.sObjectAlias);
  const ids = new Set<string>();
  for (const row of visibleRows(scope, object)) {
    if (!where(row)) continue;
    const value = comparable('id', readPath(scope, row, path));
    if (value !== null) ids.add(String(value));
  }
  return ids;
}

export function orderOf(scope: QueryScope, object: ObjectDef, query: QueryBase, alias: string | undefined) {
  return comparatorOf(
    orderTargets(query.orderBy).map(({ target, descending, nullsFirst }) => {
      const operand = rowOperand(scope, object, target, alias, 'ORDER BY');
      checkSortable(operand.field, operand.name);
      return { operand, descending, nullsFirst };
    }),
  );
}

/** Applies ORDER BY, then OFFSET and LIMIT. */
export function windowOf<T>(items: T[], order: Comparator<T> | null, offset: number, limit: number | undefined): T[] {
  const sorted = order ? [...items].sort(order) : items;
  return sorted.slice(offset, limit === undefined ? undefined : offset + limit);
}

function labelOf(field: FieldDef, value: FieldValue): FieldValue {
  if (typeof value !== 'string' || !field.picklistValues) return value;
  const labels = value.split(';').map((v) => field.picklistValues?.find((p) => p.value === v)?.label ?? v);
  return labels.join(';');
}

class SelectionBuilder {
  readonly nodes: Selection[] = [];

  constructor(
    private readonly scope: QueryScope,
    private readonly object: ObjectDef,
    private readonly query: QueryBase,
    private readonly alias: string | undefined,
    private readonly parentLimit: number | undefined,
  ) {}

  add(item: SelectItem): void {
    switch (item.type) {
      case 'Field':
      case 'FieldRelationship':
        if ('alias' in item && item.alias) throw malformed('Only aggregate expressions use field aliasing');
        this.addPath(resolvePath(this.scope, this.object, writtenPath(item), this.alias, 'SELECT'), undefined, true);
        return;
      case 'FieldFunctionExpression':
        this.addFunction(item.functionName, item.parameters, item.rawValue);
        return;
      case 'FieldSubquery':
        this.addChild(item.subquery);
        return;
      case 'FieldTypeof':
        throw malformed('TYPEOF is not supported by the sandbox org');
    }
  }

  private addPath(path: FieldPath, present: (value: FieldValue) => FieldValue = (v) => v, explicit = false): void {
    let level = this.nodes;
    for (const hop of path.hops) {
      let parent = level.find(
        (n): n is Extract<Selection, { kind: 'parent' }> => n.kind === 'parent' && n.key === hop.relationshipName,
      );
      if (!parent) {
        parent = { kind: 'parent', key: hop.relationshipName, hop, children: [] };
        level.push(parent);
      }
      level = parent.children;
    }
    if (!level.some((n) => n.key === path.field.name)) {
      level.push({ kind: 'field', key: path.field.name, field: path.field, present });
    } else if (explicit) {
      throw malformed(`duplicate field selected: ${path.written}`);
    }
  }

  private addFunction(name: string, parameters: (string | FunctionExp)[], rawValue: string | undefined): void {
    const fn = name.toUpperCase();
    const parameter = parameters[0];
    if (fn === 'FIELDS' && typeof parameter === 'string') return this.addFieldsFunction(parameter.toUpperCase());
    if ((fn === 'TOLABEL' || fn === 'CONVERTCURRENCY') && typeof parameter === 'string') {
      const path = resolvePath(this.scope, this.object, parameter, this.alias, 'SELECT');
      // The org has a single currency, so converting changes nothing.
      this.addPath(path, fn === 'TOLABEL' ? (value) => labelOf(path.field, value) : (value) => value);
      return;
    }
    throw malformed(`${rawValue ?? name} is not supported in the SELECT list of this query`);
  }

  private addFieldsFunction(which: string): void {
    if (which !== 'STANDARD' && (this.query.limit === undefined || this.query.limit > 200)) {
      throw malformed('The SOQL FIELDS function must have a LIMIT of at most 200');
    }
    const custom = (field: FieldDef) => field.name.endsWith('__c');
    for (const field of readableFields(this.scope, this.object)) {
      if (which === 'ALL' || (which === 'CUSTOM') === custom(field)) {
        this.addPath({ hops: [], field, written: field.name });
      }
    }
  }

  private addChild(subquery: Subquery): void {
    if (isAggregateQuery(subquery)) throw malformed('Aggregate functions are not supported in a subquery');
    if (subquery.offset !== undefined && this.parentLimit !== 1) {
      throw malformed('Subqueries can use OFFSET only when the outer query has LIMIT 1');
    }
    const relationship = resolveChildRelationship(this.scope, this.object, subquery.relationshipName);
    const plan = planRecords(this.scope, relationship.child, subquery, undefined);
    const scope = this.scope;
    this.nodes.push({
      kind: 'child',
      key: relationship.relationshipName,
      run: (row) => {
        const parentId = normalizeId(row.record.Id);
        const children = visibleRows(scope, relationship.child).filter(
          (child) => normalizeId(String(child.record[relationship.field] ?? '')) === parentId,
        );
        const records = runPlan(scope, plan, children);
        return records.length === 0 ? null : { totalSize: records.length, done: true, records };
      },
    });
  }
}

export function planRecords(
  scope: QueryScope,
  object: ObjectDef,
  query: Query | Subquery,
  parentLimit: number | undefined,
): RecordPlan {
  const alias = query.sObjectAlias;
  const builder = new SelectionBuilder(scope, object, query, alias, parentLimit);
  for (const item of fieldsOf(query)) builder.add(item);
  return {
    object,
    selection: builder.nodes,
    where: whereOf(scope, object, query, alias),
    order: orderOf(scope, object, query, alias),
    offset: query.offset ?? 0,
    limit: query.limit,
  };
}

export function runPlan(scope: QueryScope, plan: RecordPlan, rows: Row[]): OutputRecord[] {
  const kept = windowOf(rows.filter(plan.where), plan.order, plan.offset, plan.limit);
  return kept.map((row) => shapeRow(scope, row, plan.selection, false));
}

/**
 * A record as the REST API shapes it. The parent of a polymorphic lookup (Task.What, Case.Owner) is typed `Name`, the
 * entity Salesforce reads it through, while its URL names the record's real object.
 */
function shapeRow(scope: QueryScope, row: Row, selection: Selection[], throughPolymorphic: boolean): OutputRecord {
  const attributes = recordAttributes(row.object.name, row.record.Id, scope.apiVersion);
  const out: OutputRecord = { attributes: throughPolymorphic ? { ...attributes, type: 'Name' } : attributes };
  for (const node of selection) {
    if (node.kind === 'field') {
      out[node.key] = node.present(fieldValue(row, node.field, throughPolymorphic));
    } else if (node.kind === 'parent') {
      const parent = parentRow(scope, row, node.hop);
      out[node.key] = parent ? shapeRow(scope, parent, node.children, node.hop.polymorphic) : null;
    } else {
      out[node.key] = node.run(row);
    }
  }
  return out;
}
