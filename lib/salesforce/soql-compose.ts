/**
 * SOQL written from a small syntax tree: the one way the code base builds a query from parts. Every identifier is
 * checked and every value is written by its type here (text escaped, numbers in plain notation, dates by their form),
 * so nothing a caller holds can change a query's shape. Only what Groundwork asks of Salesforce is covered: a SELECT of
 * fields, aggregates and child subqueries, a WHERE of AND/OR groups (a nested group is always parenthesised), IN lists and IN subqueries,
 * GROUP BY, ORDER BY with NULLS, LIMIT. The worker's script carries this rather than a full SOQL parser (tests check
 * every composed query with one).
 */
import { containsPattern, escapeSoqlLike, escapeSoqlText } from './soql-text';

export type SoqlOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';
export type SoqlFunction = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

/** A value by its type. `pattern` is a LIKE pattern whose `%` and `_` stay wildcards; `contains` matches text anywhere. */
export type SoqlValue =
  | { text: string }
  | { pattern: string }
  | { contains: string }
  | { number: number }
  | { boolean: boolean }
  | { date: string }
  | { datetime: string }
  | { dateLiteral: string }
  | { null: true };

export interface SoqlCondition {
  field: string;
  operator: SoqlOperator;
  value: SoqlValue | readonly SoqlValue[] | SoqlQuery;
}

export type SoqlWhere = SoqlCondition | { and: readonly SoqlWhere[] } | { or: readonly SoqlWhere[] };

/**
 * A field path, or an aggregate (`COUNT()` without a field); an alias names it in the result rows. `children` reads a
 * child relationship's records with each row: its `from` is the relationship name (`Opportunities`).
 */
export type SoqlSelectItem =
  | string
  | { field: string; alias: string }
  | { fn: SoqlFunction; field?: string; alias?: string }
  | { children: SoqlQuery };

export interface SoqlOrder {
  field: string | { fn: SoqlFunction; field: string };
  order: 'ASC' | 'DESC';
  nulls?: 'FIRST' | 'LAST';
}

export interface SoqlQuery {
  select: readonly SoqlSelectItem[];
  from: string;
  where?: SoqlWhere;
  groupBy?: readonly string[];
  orderBy?: readonly SoqlOrder[];
  limit?: number;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_LITERAL = /^[A-Z][A-Z0-9_]*(?::\d+)?$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a SOQL name: ${name}`);
  return name;
}

function path(fieldPath: string): string {
  fieldPath.split('.').forEach(identifier);
  return fieldPath;
}

/** Plain decimal notation only: String() of a very large or small number uses an exponent, which SOQL does not read. */
function numberText(value: number): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a plain number: ${text}`);
  return text;
}

function checked(text: string, form: RegExp, what: string): string {
  if (!form.test(text)) throw new Error(`not a ${what}: ${text}`);
  return text;
}

function valueText(value: SoqlValue): string {
  if ('text' in value) return `'${escapeSoqlText(value.text)}'`;
  if ('pattern' in value) return `'${escapeSoqlLike(value.pattern)}'`;
  if ('contains' in value) return `'${containsPattern(value.contains)}'`;
  if ('number' in value) return numberText(value.number);
  if ('boolean' in value) return value.boolean ? 'TRUE' : 'FALSE';
  if ('date' in value) return checked(value.date, DATE, 'date');
  if ('datetime' in value) return checked(value.datetime, DATETIME, 'datetime');
  if ('dateLiteral' in value) return checked(value.dateLiteral, DATE_LITERAL, 'date literal');
  return 'NULL';
}

const isList = (value: SoqlCondition['value']): value is readonly SoqlValue[] => Array.isArray(value);

function conditionText({ field, operator, value }: SoqlCondition): string {
  const right = isList(value) ? `(${value.map(valueText).join(', ')})` : 'select' in value ? `(${composeSoql(value)})` : valueText(value);
  return `${path(field)} ${operator} ${right}`;
}

function whereText(where: SoqlWhere): string {
  if ('field' in where) return conditionText(where);
  const [joiner, parts] = 'and' in where ? [' AND ', where.and] : [' OR ', where.or];
  if (parts.length === 0) throw new Error('an AND or OR group needs a condition');
  return parts.map((part) => ('field' in part ? whereText(part) : `(${whereText(part)})`)).join(joiner);
}

function functionText(fn: SoqlFunction, field: string | undefined): string {
  return `${fn}(${field === undefined ? '' : path(field)})`;
}

function selectText(item: SoqlSelectItem): string {
  if (typeof item === 'string') return path(item);
  if ('children' in item) return `(${composeSoql(item.children)})`;
  const alias = item.alias === undefined ? '' : ` ${identifier(item.alias)}`;
  return ('fn' in item ? functionText(item.fn, item.field) : path(item.field)) + alias;
}

function orderText({ field, order, nulls }: SoqlOrder): string {
  const target = typeof field === 'string' ? path(field) : functionText(field.fn, field.field);
  return `${target} ${order}${nulls ? ` NULLS ${nulls}` : ''}`;
}

export function composeSoql(query: SoqlQuery): string {
  if (query.select.length === 0) throw new Error('a query needs at least one field');
  if (query.limit !== undefined && (!Number.isInteger(query.limit) || query.limit < 1)) throw new Error(`bad limit ${query.limit}`);
  return [
    `SELECT ${query.select.map(selectText).join(', ')} FROM ${identifier(query.from)}`,
    query.where ? `WHERE ${whereText(query.where)}` : '',
    query.groupBy?.length ? `GROUP BY ${query.groupBy.map(path).join(', ')}` : '',
    query.orderBy?.length ? `ORDER BY ${query.orderBy.map(orderText).join(', ')}` : '',
    query.limit === undefined ? '' : `LIMIT ${query.limit}`,
  ]
    .filter((part) => part !== '')
    .join(' ');
}
