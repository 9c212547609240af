import { composeSoql, type SoqlCondition, type SoqlOrder, type SoqlQuery } from '../soql-compose';

/** An order by a field (the context never orders by an aggregate). */
export type FieldOrder = SoqlOrder & { field: string };

/** A WHERE condition; a list of them is ANDed. */
export type Filter = SoqlCondition;

/** A child relationship's records read with the parent: `(SELECT … FROM Opportunities WHERE … LIMIT n)`. */
export interface ChildQuerySpec {
  relationshipName: string;
  fields: readonly string[];
  filters: readonly Filter[];
  orderBy?: readonly FieldOrder[];
  limit?: number;
}

export interface QuerySpec {
  objectName: string;
  /** Field paths: `Name`, `Owner.Name`. */
  fields: readonly string[];
  filters: readonly Filter[];
  orderBy?: readonly FieldOrder[];
  limit?: number;
  children?: readonly ChildQuerySpec[];
}

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Ids come from URLs: nothing but a record id may reach a query where an id goes. */
function idLiteral(id: string): string {
  if (!RECORD_ID.test(id)) throw new Error(`not a record id: ${id}`);
  return id;
}

export const idEquals = (field: string, id: string): SoqlCondition => ({ field, operator: '=', value: { text: idLiteral(id) } });
export const idNotEquals = (field: string, id: string): SoqlCondition => ({ field, operator: '!=', value: { text: idLiteral(id) } });

/** `field = 'value'` for free text (an email address, a name): the composer escapes it, so it stays a value. */
export const textEquals = (field: string, value: string): SoqlCondition => ({ field, operator: '=', value: { text: value } });

export const isTrue = (field: string, value: boolean): SoqlCondition => ({ field, operator: '=', value: { boolean: value } });

/** On or after the day `days` ago (today counts as day 0). */
export const inLastDays = (field: string, days: number): SoqlCondition => ({
  field,
  operator: '>=',
  value: { dateLiteral: `LAST_N_DAYS:${days}` },
});

/** On or before the day `days` from today. */
export const inNextDays = (field: string, days: number): SoqlCondition => ({
  field,
  operator: '<=',
  value: { dateLiteral: `NEXT_N_DAYS:${days}` },
});

/** `field IN (SELECT selected FROM objectName WHERE condition)`: a semi-join. */
export const inSelected = (field: string, selected: string, objectName: string, condition: SoqlCondition): SoqlCondition => ({
  field,
  operator: 'IN',
  value: { select: [selected], from: objectName, where: condition },
});

/** `field IN (SELECT selected FROM objectName WHERE Id = id)`: reaches a record's parent without knowing its id. */
export const inParentOf = (field: string, selected: string, objectName: string, id: string): SoqlCondition =>
  inSelected(field, selected, objectName, idEquals('Id', id));

export const newestFirst = (field: string): FieldOrder => ({ field, order: 'DESC', nulls: 'LAST' });
export const soonestFirst = (field: string): FieldOrder => ({ field, order: 'ASC', nulls: 'LAST' });

/** Fields a filter reads, so that a list whose filter the rep cannot read is never sent. */
export function filterFields(filter: Filter): string[] {
  return [filter.field];
}

function baseQuery(spec: Pick<QuerySpec, 'objectName' | 'filters'>): Pick<SoqlQuery, 'from' | 'where'> {
  return { from: spec.objectName, ...(spec.filters.length > 0 ? { where: { and: spec.filters } } : {}) };
}

function orderedQuery(spec: Omit<QuerySpec, 'children'>, children: readonly SoqlQuery[] = []): SoqlQuery {
  return {
    ...baseQuery(spec),
    select: [...spec.fields, ...children.map((child) => ({ children: child }))],
    ...(spec.orderBy?.length ? { orderBy: spec.orderBy } : {}),
    ...(spec.limit === undefined ? {} : { limit: spec.limit }),
  };
}

export function selectQuery(spec: QuerySpec): string {
  const children = (spec.children ?? []).map(({ relationshipName, ...child }) => orderedQuery({ objectName: relationshipName, ...child }));
  return composeSoql(orderedQuery(spec, children));
}

/** `SELECT COUNT() …` with the same filters: how many exist beyond a list's bound. */
export function countQuery(spec: QuerySpec): string {
  return composeSoql({ ...baseQuery(spec), select: [{ fn: 'COUNT' }] });
}

/** The REST URL of a query, as a composite subrequest names it. */
export function queryUrl(apiVersion: string, soql: string): string {
  return `/services/data/v${apiVersion}/query?q=${encodeURIComponent(soql)}`;
}
