/** What passes the check of a query plan (validate.ts): the only input compilePlan takes. */
import type { DateLiteral } from './date-literals';
import type { AggregateFunction, Operator } from './plan';

/** Default bound on rows (the brief's 200); a setting may raise it up to Salesforce's own ceiling. */
export const DEFAULT_MAX_LIMIT = 200;
/** SOQL's own row ceiling for one query. */
export const SOQL_MAX_LIMIT = 50_000;


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
