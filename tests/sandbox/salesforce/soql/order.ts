/** ORDER BY as Salesforce sorts: nulls first ascending, last descending unless told; picklists in defined order. */
import type { OrderByClause } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, FieldValue } from '../model';
import type { Operand, OperandTarget } from './conditions';
import { invalidField } from './errors';
import { type Comparable, comparable, compare, kindOf } from './values';

export type Comparator<T> = (a: T, b: T) => number;

export function orderTargets(orderBy: OrderByClause | OrderByClause[] | undefined): {
  target: OperandTarget;
  descending: boolean;
  nullsFirst: boolean;
}[] {
  const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  return clauses.map((clause) => {
    const descending = clause.order === 'DESC';
    return {
      target: 'fn' in clause ? { fn: clause.fn } : { field: clause.field },
      descending,
      nullsFirst: clause.nulls ? clause.nulls === 'FIRST' : !descending,
    };
  });
}

export function checkSortable(field: FieldDef, name: string): void {
  if (field.sortable === false || field.type === 'multipicklist' || field.filterable === false) {
    throw invalidField(`field '${name}' can not be sorted in a query call`);
  }
}

function sortKey(field: FieldDef, value: FieldValue): Comparable | null {
  if (value === null) return null;
  if (field.type === 'picklist' && field.picklistValues) {
    const index = field.picklistValues.findIndex((p) => p.value.toLowerCase() === String(value).toLowerCase());
    if (index >= 0) return index;
    return field.picklistValues.length;
  }
  return comparable(kindOf(field), value);
}

export function comparatorOf<T>(
  keys: { operand: Operand<T>; descending: boolean; nullsFirst: boolean }[],
): Comparator<T> | null {
  if (keys.length === 0) return null;
  return (a, b) => {
    for (const { operand, descending, nullsFirst } of keys) {
      const left = sortKey(operand.field, operand.read(a));
      const right = sortKey(operand.field, operand.read(b));
      if (left === null && right === null) continue;
      if (left === null) return nullsFirst ? -1 : 1;
      if (right === null) return nullsFirst ? 1 : -1;
      const order = compare(left, right);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}
