/**
 * A ValidPlan as SOQL, built as soql-parser-js's syntax tree and composed by it: no text of the model's reaches the
 * query but describe-checked identifiers and escaped literals. composeQuery quotes string literals but does not escape
 * them; that is done here. Only SELECT can come out, and always with a LIMIT.
 */
import {
  composeQuery,
  getComposedField,
  type Condition,
  type FieldType,
  type LiteralType,
  type OrderByClause,
  type Query,
  type WhereClause,
} from '@jetstreamapp/soql-parser-js';
import { dateLiteralText } from './date-literals';
import { isIdentifier } from './paths';
import { SOQL_MAX_LIMIT, type Literal, type PlanColumn, type ValidFilter, type ValidOrder, type ValidPlan } from './valid-plan';
import { escapeSoqlLike, escapeSoqlText } from '../../salesforce/soql-text';

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Defence in depth: a ValidPlan holds only describe's names, but nothing else may ever reach the query. */
function checkedPath(path: string): string {
  if (!path.split('.').every(isIdentifier)) throw new Error(`not a field path: ${path}`);
  return path;
}

/** Plain decimal notation: the validator keeps numbers in the range where String() never uses an exponent. */
function numberText(value: number): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a plain number: ${text}`);
  return text;
}

interface LiteralText {
  value: string;
  literalType: LiteralType;
  n?: number;
}

function literalText(literal: Literal, like: boolean): LiteralText {
  switch (literal.type) {
    case 'text':
      return { value: like ? escapeSoqlLike(literal.text) : escapeSoqlText(literal.text), literalType: 'STRING' };
    case 'number':
      return { value: numberText(literal.number), literalType: Number.isInteger(literal.number) ? 'INTEGER' : 'DECIMAL' };
    case 'boolean':
      return { value: literal.value ? 'TRUE' : 'FALSE', literalType: 'BOOLEAN' };
    case 'date':
      return { value: literal.date, literalType: 'DATE' };
    case 'datetime':
      return { value: literal.datetime, literalType: 'DATETIME' };
    case 'dateLiteral':
      return 'n' in literal.literal
        ? { value: dateLiteralText(literal.literal), literalType: 'DATE_N_LITERAL', n: literal.literal.n }
        : { value: dateLiteralText(literal.literal), literalType: 'DATE_LITERAL' };
  }
}

function condition(filter: ValidFilter): Condition {
  const field = checkedPath(filter.path);
  const { operator, value } = filter;
  if (value.kind === 'null') return { field, operator, value: 'NULL', literalType: 'NULL' };
  const like = operator === 'LIKE';
  if (value.kind === 'list') {
    const texts = value.literals.map((literal) => literalText(literal, like));
    return { field, operator, value: texts.map((text) => text.value), literalType: texts.map((text) => text.literalType) };
  }
  const text = literalText(value.literal, like);
  if (text.literalType === 'DATE_N_LITERAL') {
    return { field, operator, value: text.value, literalType: 'DATE_N_LITERAL', dateLiteralVariable: text.n ?? 0 };
  }
  return { field, operator, value: text.value, literalType: text.literalType };
}

interface Term {
  condition: Condition;
  /** The logical operator after this condition; null for the last. */
  next: 'AND' | 'OR' | null;
}

/** `scope AND ((a AND b) OR (c))` as soql-parser-js's chain of conditions with parenthesis counts. */
function whereOf(plan: ValidPlan): WhereClause | undefined {
  const scope = plan.scope;
  const terms: Term[] = [];
  if (scope) {
    if (!RECORD_ID.test(scope.recordId)) throw new Error(`not a record id: ${scope.recordId}`);
    const idCondition: Condition = { field: checkedPath(scope.path), operator: '=', value: scope.recordId, literalType: 'STRING' };
    terms.push({ condition: idCondition, next: 'AND' });
  }
  const groups = plan.logic.length > 0 ? plan.logic : plan.filters.length > 0 ? [plan.filters.map((_, index) => index)] : [];
  const several = groups.length > 1;
  groups.forEach((group, groupIndex) => {
    group.forEach((filterIndex, position) => {
      const filter = plan.filters[filterIndex];
      if (!filter) throw new Error(`no filter ${filterIndex}`);
      const first = position === 0;
      const last = position === group.length - 1;
      const lastGroup = groupIndex === groups.length - 1;
      const open = (first && several ? 1 : 0) + (first && groupIndex === 0 && several ? 1 : 0);
      const close = (last && several ? 1 : 0) + (last && lastGroup && several ? 1 : 0);
      terms.push({ condition: { ...condition(filter), ...parens(open, close) }, next: last ? (lastGroup ? null : 'OR') : 'AND' });
    });
  });
  if (terms.length > 0) {
    const last = terms[terms.length - 1];
    if (last) last.next = null;
  }
  return chain(terms);
}

function parens(open: number, close: number): { openParen?: number; closeParen?: number } {
  return { ...(open > 0 ? { openParen: open } : {}), ...(close > 0 ? { closeParen: close } : {}) };
}

function chain(terms: readonly Term[]): WhereClause | undefined {
  const [first, ...rest] = terms;
  if (!first) return undefined;
  const right = chain(rest);
  return right && first.next ? { left: first.condition, operator: first.next, right } : { left: first.condition };
}

function selectItem(column: PlanColumn): FieldType {
  const path = checkedPath(column.field);
  const alias = column.alias === null ? undefined : checkedPath(column.alias);
  if (column.aggregate) {
    return { type: 'FieldFunctionExpression', functionName: column.aggregate, parameters: [path], ...(alias ? { alias } : {}) };
  }
  if (!alias) return getComposedField(path);
  const segments = path.split('.');
  const field = segments.pop() ?? path;
  if (segments.length === 0) return { type: 'Field', field, alias };
  return { type: 'FieldRelationship', field, relationships: segments, rawValue: path, objectPrefix: '', alias };
}

function orderItem(order: ValidOrder): OrderByClause {
  const { target, direction } = order;
  // Empty values last, whichever the direction: "top deals by amount" should not start with deals without one.
  if (target.kind === 'field') return { field: checkedPath(target.path), order: direction, nulls: 'LAST' };
  const { aggregate } = target;
  return {
    fn: { functionName: aggregate.function, parameters: [checkedPath(aggregate.path)] },
    order: direction,
    nulls: 'LAST',
  };
}

export function compilePlan(plan: ValidPlan): string {
  if (!isIdentifier(plan.objectName)) throw new Error(`not an object name: ${plan.objectName}`);
  if (!Number.isInteger(plan.limit) || plan.limit < 1 || plan.limit > SOQL_MAX_LIMIT) throw new Error(`bad limit ${plan.limit}`);
  const where = whereOf(plan);
  const query: Query = {
    sObject: plan.objectName,
    fields: plan.columns.map(selectItem),
    ...(where ? { where } : {}),
    ...(plan.groupBy.length > 0 ? { groupBy: plan.groupBy.map((path) => ({ field: checkedPath(path) })) } : {}),
    ...(plan.orderBy.length > 0 ? { orderBy: plan.orderBy.map(orderItem) } : {}),
    limit: plan.limit,
  };
  return composeQuery(query);
}
