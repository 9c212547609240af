import {
  composeQuery,
  getComposedField,
  type Condition,
  type FieldSubquery,
  type OrderByFieldClause,
  type Query,
  type ValueQueryCondition,
  type WhereClause,
} from '@jetstreamapp/soql-parser-js';
import { escapeSoqlText } from '../soql-text';

/** A WHERE condition; a list of them is ANDed. */
export type Filter = Condition | ValueQueryCondition;

/** A child relationship's records read with the parent: `(SELECT … FROM Opportunities WHERE … LIMIT n)`. */
export interface ChildQuerySpec {
  relationshipName: string;
  fields: readonly string[];
  filters: readonly Filter[];
  orderBy?: readonly OrderByFieldClause[];
  limit?: number;
}

export interface QuerySpec {
  objectName: string;
  /** Field paths: `Name`, `Owner.Name`. */
  fields: readonly string[];
  filters: readonly Filter[];
  orderBy?: readonly OrderByFieldClause[];
  limit?: number;
  children?: readonly ChildQuerySpec[];
}

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * A string literal's content as composeQuery wants it (it adds the quotes, not the escapes). Ids are checked first:
 * they come from URLs, and nothing else may reach a query.
 */
function idLiteral(id: string): string {
  if (!RECORD_ID.test(id)) throw new Error(`not a record id: ${id}`);
  return id;
}

export const idEquals = (field: string, id: string): Condition => ({
  field,
  operator: '=',
  value: idLiteral(id),
  literalType: 'STRING',
});

/** `field = 'value'` for free text (an email address, a name), escaped so that it stays a value. */
export const textEquals = (field: string, value: string): Condition => ({
  field,
  operator: '=',
  value: escapeSoqlText(value),
  literalType: 'STRING',
});

export const isTrue = (field: string, value: boolean): Condition => ({
  field,
  operator: '=',
  value: String(value),
  literalType: 'BOOLEAN',
});

/** On or after the day `days` ago (today counts as day 0). */
export const inLastDays = (field: string, days: number): Condition => ({
  field,
  operator: '>=',
  value: `LAST_N_DAYS:${days}`,
  literalType: 'DATE_N_LITERAL',
  dateLiteralVariable: days,
});

/** On or before the day `days` from today. */
export const inNextDays = (field: string, days: number): Condition => ({
  field,
  operator: '<=',
  value: `NEXT_N_DAYS:${days}`,
  literalType: 'DATE_N_LITERAL',
  dateLiteralVariable: days,
});

/** `field IN (SELECT selected FROM objectName WHERE condition)`: a semi-join. */
export const inSelected = (field: string, selected: string, objectName: string, condition: Condition): ValueQueryCondition => ({
  field,
  operator: 'IN',
  valueQuery: { fields: [getComposedField(selected)], sObject: objectName, where: { left: condition } },
  literalType: 'SUBQUERY',
});

/** `field IN (SELECT selected FROM objectName WHERE Id = id)`: reaches a record's parent without knowing its id. */
export const inParentOf = (field: string, selected: string, objectName: string, id: string): ValueQueryCondition =>
  inSelected(field, selected, objectName, idEquals('Id', id));

export const newestFirst = (field: string): OrderByFieldClause => ({ field, order: 'DESC', nulls: 'LAST' });
export const soonestFirst = (field: string): OrderByFieldClause => ({ field, order: 'ASC', nulls: 'LAST' });

/** Fields a filter reads, so that a list whose filter the rep cannot read is never sent. */
export function filterFields(filter: Filter): string[] {
  return 'field' in filter ? [filter.field] : [];
}

function allOf(filters: readonly Filter[]): WhereClause | undefined {
  const [first, ...rest] = filters;
  if (!first) return undefined;
  const right = allOf(rest);
  return right ? { left: first, operator: 'AND', right } : { left: first };
}

function baseQuery(spec: QuerySpec): Query {
  const where = allOf(spec.filters);
  return { sObject: spec.objectName, fields: [], ...(where ? { where } : {}) };
}

function childQuery(child: ChildQuerySpec): FieldSubquery {
  const where = allOf(child.filters);
  return {
    type: 'FieldSubquery',
    subquery: {
      relationshipName: child.relationshipName,
      fields: child.fields.map((path) => getComposedField(path)),
      ...(where ? { where } : {}),
      ...(child.orderBy?.length ? { orderBy: [...child.orderBy] } : {}),
      ...(child.limit === undefined ? {} : { limit: child.limit }),
    },
  };
}

export function selectQuery(spec: QuerySpec): string {
  const query: Query = {
    ...baseQuery(spec),
    fields: [...spec.fields.map((path) => getComposedField(path)), ...(spec.children ?? []).map(childQuery)],
    ...(spec.orderBy?.length ? { orderBy: [...spec.orderBy] } : {}),
    ...(spec.limit === undefined ? {} : { limit: spec.limit }),
  };
  return composeQuery(query);
}

/** `SELECT COUNT() …` with the same filters: how many exist beyond a list's bound. */
export function countQuery(spec: QuerySpec): string {
  const query: Query = {
    ...baseQuery(spec),
    fields: [{ type: 'FieldFunctionExpression', functionName: 'COUNT', parameters: [] }],
  };
  return composeQuery(query);
}

/** The REST URL of a query, as a composite subrequest names it. */
export function queryUrl(apiVersion: string, soql: string): string {
  return `/services/data/v${apiVersion}/query?q=${encodeURIComponent(soql)}`;
}
