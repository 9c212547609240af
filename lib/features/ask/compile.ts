/**
 * A ValidPlan as SOQL, written by the composer from its syntax tree: no text of the model's reaches the query but
 * describe-checked identifiers and values the composer writes by their type. Only SELECT can come out, and always with
 * a LIMIT.
 */
import { composeSoql, type SoqlCondition, type SoqlOrder, type SoqlSelectItem, type SoqlValue, type SoqlWhere } from '../../salesforce/soql-compose';
import { dateLiteralText } from './date-literals';
import { isIdentifier } from './paths';
import { SOQL_MAX_LIMIT, type Literal, type PlanColumn, type ValidFilter, type ValidOrder, type ValidPlan } from './valid-plan';

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Defence in depth: a ValidPlan holds only describe's names, but nothing else may ever reach the query. */
function checkedPath(path: string): string {
  if (!path.split('.').every(isIdentifier)) throw new Error(`not a field path: ${path}`);
  return path;
}

function soqlValue(literal: Literal, like: boolean): SoqlValue {
  switch (literal.type) {
    case 'text':
      return like ? { pattern: literal.text } : { text: literal.text };
    case 'number':
      return { number: literal.number };
    case 'boolean':
      return { boolean: literal.value };
    case 'date':
      return { date: literal.date };
    case 'datetime':
      return { datetime: literal.datetime };
    case 'dateLiteral':
      return { dateLiteral: dateLiteralText(literal.literal) };
  }
}

function condition(filter: ValidFilter): SoqlCondition {
  const field = checkedPath(filter.path);
  const { operator, value } = filter;
  if (value.kind === 'null') return { field, operator, value: { null: true } };
  const like = operator === 'LIKE';
  if (value.kind === 'list') return { field, operator, value: value.literals.map((literal) => soqlValue(literal, like)) };
  return { field, operator, value: soqlValue(value.literal, like) };
}

/** `scope AND a AND b`, or with several filter groups `scope AND ((a AND b) OR (c))`. */
function whereOf(plan: ValidPlan): SoqlWhere | undefined {
  const scope = plan.scope;
  const parts: SoqlWhere[] = [];
  if (scope) {
    if (!RECORD_ID.test(scope.recordId)) throw new Error(`not a record id: ${scope.recordId}`);
    parts.push({ field: checkedPath(scope.path), operator: '=', value: { text: scope.recordId } });
  }
  const groups = plan.logic.length > 0 ? plan.logic : plan.filters.length > 0 ? [plan.filters.map((_, index) => index)] : [];
  const conditionsOf = (group: readonly number[]): SoqlCondition[] =>
    group.map((filterIndex) => {
      const filter = plan.filters[filterIndex];
      if (!filter) throw new Error(`no filter ${filterIndex}`);
      return condition(filter);
    });
  if (groups.length > 1) parts.push({ or: groups.map((group) => ({ and: conditionsOf(group) })) });
  else parts.push(...conditionsOf(groups[0] ?? []));
  return parts.length > 0 ? { and: parts } : undefined;
}

function selectItem(column: PlanColumn): SoqlSelectItem {
  const field = checkedPath(column.field);
  const alias = column.alias === null ? undefined : checkedPath(column.alias);
  if (column.aggregate) return { fn: column.aggregate, field, ...(alias ? { alias } : {}) };
  return alias ? { field, alias } : field;
}

function orderItem(order: ValidOrder): SoqlOrder {
  const { target, direction } = order;
  // Empty values last, whichever the direction: "top deals by amount" should not start with deals without one.
  const field = target.kind === 'field' ? checkedPath(target.path) : { fn: target.aggregate.function, field: checkedPath(target.aggregate.path) };
  return { field, order: direction, nulls: 'LAST' };
}

export function compilePlan(plan: ValidPlan): string {
  if (!isIdentifier(plan.objectName)) throw new Error(`not an object name: ${plan.objectName}`);
  if (!Number.isInteger(plan.limit) || plan.limit < 1 || plan.limit > SOQL_MAX_LIMIT) throw new Error(`bad limit ${plan.limit}`);
  const where = whereOf(plan);
  return composeSoql({
    from: plan.objectName,
    select: plan.columns.map(selectItem),
    ...(where ? { where } : {}),
    ...(plan.groupBy.length > 0 ? { groupBy: plan.groupBy.map(checkedPath) } : {}),
    ...(plan.orderBy.length > 0 ? { orderBy: plan.orderBy.map(orderItem) } : {}),
    limit: plan.limit,
  });
}
