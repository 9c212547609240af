/**
 * Aggregate queries: GROUP BY, COUNT()/COUNT/COUNT_DISTINCT/SUM/AVG/MIN/MAX, HAVING, and the `AggregateResult` rows
 * whose columns are named by alias, by the grouped field's name, or `expr0`, `expr1`… in order.
 */
import type { FieldType as SelectItem, FunctionExp, GroupByClause, Query } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, FieldValue, ObjectDef } from '../model';
import { isGroupable } from '../schema-fields';
import { type ConditionContext, type Operand, type OperandTarget, compileConditions } from './conditions';
import { invalidField, malformed } from './errors';
import { comparatorOf, orderTargets } from './order';
import {
  type OutputRecord,
  type QueryScope,
  fieldsOf,
  isAggregateFunction,
  pathOperand,
  rowOperand,
  whereOf,
  windowOf,
  writtenPath,
} from './records';
import { type FieldPath, type Row, resolvePath, visibleRows } from './resolve';
import { type Comparable, type Kind, comparable, compare, kindOf } from './values';

interface Group {
  rows: Row[];
}

interface GroupKey {
  identity: string;
  operand: Operand<Row>;
}

function canonical(path: FieldPath): string {
  return [...path.hops.map((h) => h.relationshipName), path.field.name].join('.').toLowerCase();
}

function numericField(base: FieldDef, name: string, type: FieldDef['type']): FieldDef {
  return { ...base, name, type, picklistValues: undefined };
}

class AggregateQuery {
  private readonly alias: string | undefined;
  private readonly keys: GroupKey[];

  constructor(
    private readonly scope: QueryScope,
    private readonly object: ObjectDef,
    private readonly query: Query,
  ) {
    this.alias = query.sObjectAlias;
    const groupBy: GroupByClause[] = query.groupBy === undefined ? [] : [query.groupBy].flat();
    this.keys = groupBy.map((clause) => this.groupKey('fn' in clause ? { fn: clause.fn } : { field: clause.field }));
  }

  run(): { records: OutputRecord[]; totalSize: number } {
    const fields = fieldsOf(this.query);
    const countOnly = fields.some(
      (f) => f.type === 'FieldFunctionExpression' && f.rawValue?.replace(/\s/g, '').toUpperCase() === 'COUNT()',
    );
    if (countOnly && fields.length > 1) throw malformed('COUNT() cannot be selected with other fields');
    const columns = countOnly ? [] : this.columns(fields);
    const having = compileConditions(this.query.having, this.groupContext('HAVING'));
    const order = comparatorOf(
      orderTargets(this.query.orderBy).map(({ target, descending, nullsFirst }) => ({
        operand: this.groupOperand(target, 'ORDER BY'),
        descending,
        nullsFirst,
      })),
    );
    const where = whereOf(this.scope, this.object, this.query, this.alias);
    const rows = visibleRows(this.scope, this.object).filter(where);
    const offset = this.query.offset ?? 0;
    if (countOnly && this.keys.length === 0) {
      return { records: [], totalSize: windowOf(rows, null, offset, this.query.limit).length };
    }
    const groups = windowOf(this.groups(rows).filter(having), order, offset, this.query.limit);
    if (countOnly) return { records: [], totalSize: groups.length };
    const records = groups.map((group) => {
      const out: OutputRecord = { attributes: { type: 'AggregateResult' } };
      for (const { key, operand } of columns) out[key] = operand.read(group);
      return out;
    });
    return { records, totalSize: records.length };
  }

  private groups(rows: Row[]): Group[] {
    if (this.keys.length === 0) return [{ rows }];
    const groups = new Map<string, Group>();
    for (const row of rows) {
      const key = JSON.stringify(this.keys.map((k) => comparable(kindOf(k.operand.field), k.operand.read(row))));
      const group = groups.get(key);
      if (group) group.rows.push(row);
      else groups.set(key, { rows: [row] });
    }
    return [...groups.values()];
  }

  private groupKey(target: OperandTarget): GroupKey {
    const operand = rowOperand(this.scope, this.object, target, this.alias, 'GROUP BY');
    // A date/time is grouped through a date function (CALENDAR_YEAR…), never as it is.
    const groupable = 'field' in target ? isGroupable(operand.field) : operand.field.filterable !== false;
    if (!groupable) {
      throw invalidField(`field '${operand.name}' can not be grouped in a query call`);
    }
    return { identity: this.identity(target, 'GROUP BY'), operand };
  }

  /** What makes a selected field or function the same as a grouped one, whatever the case it is written in. */
  private identity(target: OperandTarget, clause: string): string {
    if ('field' in target) return canonical(resolvePath(this.scope, this.object, target.field, this.alias, clause));
    const parameter = target.fn.parameters?.[0];
    const inner =
      typeof parameter === 'string'
        ? canonical(resolvePath(this.scope, this.object, parameter, this.alias, clause))
        : '';
    return `${(target.fn.functionName ?? '').toUpperCase()}(${inner})`;
  }

  private columns(fields: SelectItem[]): { key: string; operand: Operand<Group> }[] {
    let unnamed = 0;
    return fields.map((item) => {
      if (item.type === 'Field' || item.type === 'FieldRelationship') {
        const operand = this.groupOperand({ field: writtenPath(item) }, 'SELECT');
        return { key: ('alias' in item && item.alias) || operand.field.name, operand };
      }
      if (item.type === 'FieldFunctionExpression') {
        const operand = this.groupOperand({ fn: item }, 'SELECT');
        return { key: item.alias ?? `expr${unnamed++}`, operand };
      }
      throw malformed('Subqueries are not allowed in an aggregate query');
    });
  }

  private groupContext(clause: string): ConditionContext<Group> {
    return {
      now: this.scope.now,
      operand: (target) => this.groupOperand(target, clause),
      semiJoin: () => {
        throw malformed(`Semi join sub-selects are not allowed in the ${clause} clause`);
      },
    };
  }

  /** A grouped field, a grouped date function, or an aggregate, read from a group. */
  private groupOperand(target: OperandTarget, clause: string): Operand<Group> {
    if ('fn' in target && isAggregateFunction(target.fn.functionName)) return this.aggregate(target.fn, clause);
    const identity = this.identity(target, clause);
    const key = this.keys.find((k) => k.identity === identity);
    if (!key) {
      const name = 'field' in target ? target.field : (target.fn.rawValue ?? target.fn.functionName ?? '');
      throw malformed(this.scope.text.pin(name, `Field must be grouped or aggregated: ${name}`, clause));
    }
    return {
      name: key.operand.name,
      field: key.operand.field,
      read: (group) => {
        const first = group.rows[0];
        return first ? key.operand.read(first) : null;
      },
    };
  }

  private aggregate(fn: FunctionExp, clause: string): Operand<Group> {
    const name = (fn.functionName ?? '').toUpperCase();
    const label = fn.rawValue ?? name;
    const parameter = fn.parameters?.[0];
    if (parameter === undefined) {
      if (name !== 'COUNT') throw malformed(`unexpected token: ${label}`);
      return { name: label, field: numericField(countField, label, 'int'), read: (group) => group.rows.length };
    }
    if (typeof parameter !== 'string') throw malformed(`unexpected token: ${label}`);
    const inner = pathOperand(this.scope, resolvePath(this.scope, this.object, parameter, this.alias, clause));
    const kind = kindOf(inner.field);
    const values = (group: Group) =>
      group.rows.map((row) => inner.read(row)).filter((v): v is Exclude<FieldValue, null> => v !== null);
    const unsupported = () => invalidField(`field ${inner.field.name} does not support aggregate operator ${name}`);
    switch (name) {
      case 'COUNT':
        return { name: label, field: numericField(inner.field, label, 'int'), read: (g) => values(g).length };
      case 'COUNT_DISTINCT':
        return {
          name: label,
          field: numericField(inner.field, label, 'int'),
          read: (g) => new Set(values(g).map((v) => comparable(kind, v))).size,
        };
      case 'SUM':
      case 'AVG': {
        if (kind !== 'number') throw unsupported();
        const type = name === 'AVG' ? 'double' : inner.field.type;
        return {
          name: label,
          field: numericField(inner.field, label, type),
          read: (g) => {
            const numbers = values(g).map(Number);
            if (numbers.length === 0) return null;
            const sum = numbers.reduce((a, b) => a + b, 0);
            return name === 'SUM' ? sum : sum / numbers.length;
          },
        };
      }
      default: {
        if (kind === 'boolean' || kind === 'multi') throw unsupported();
        const sign = name === 'MIN' ? -1 : 1;
        return {
          name: label,
          field: { ...inner.field, name: label },
          read: (g) => extreme(values(g), kind, sign),
        };
      }
    }
  }
}

const countField: FieldDef = {
  name: 'COUNT()',
  label: 'COUNT()',
  type: 'int',
  length: 0,
  nillable: false,
  createable: false,
  updateable: false,
  defaultedOnCreate: false,
};

function extreme(values: Exclude<FieldValue, null>[], kind: Kind, sign: 1 | -1): FieldValue {
  let best: { value: FieldValue; key: Comparable } | null = null;
  for (const value of values) {
    const key = comparable(kind, value);
    if (key === null) continue;
    if (!best || sign * compare(key, best.key) > 0) best = { value, key };
  }
  return best ? best.value : null;
}

export function runAggregate(
  scope: QueryScope,
  object: ObjectDef,
  query: Query,
): { records: OutputRecord[]; totalSize: number } {
  return new AggregateQuery(scope, object, query).run();
}
