/**
 * The query plan the model fills through structured output. It names things (objects, field paths, operators, values);
 * it never holds SOQL. Kept inside the JSON-schema subset structured output accepts: every property required (absence
 * is null or an empty list), no recursion, no numeric or length bounds (the validator enforces those), few unions.
 */
import { z } from 'zod/mini';
import type { StructuredOutput } from '../../model';
import queryPlanJsonSchema from './plan.schema.json';

export const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'LIKE', 'IN', 'NOT IN', 'INCLUDES', 'EXCLUDES'] as const;
export const Operator = z.enum(OPERATORS);
export type Operator = z.infer<typeof Operator>;

export const AGGREGATE_FUNCTIONS = ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'] as const;
export const AggregateFunction = z.enum(AGGREGATE_FUNCTIONS);
export type AggregateFunction = z.infer<typeof AggregateFunction>;

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const FilterValue = z.union([Scalar, z.array(z.union([z.string(), z.number()]))]).check(
  z.describe(
    'Text, number, true/false, null (with = or != only), or a list (with IN, NOT IN, INCLUDES, EXCLUDES). On date ' +
      'fields: an ISO date (2026-03-31), an ISO datetime (2026-03-31T17:00:00Z) or a Salesforce date literal such as ' +
      'TODAY, THIS_QUARTER, NEXT_MONTH or LAST_N_DAYS:30. With LIKE, % matches any text and _ one character.',
  ),
);
export type FilterValue = z.infer<typeof FilterValue>;

export const Filter = z.strictObject({
  field: z.string().check(z.describe('Field API name, or a parent path such as Account.Industry (at most 3 parents deep)')),
  operator: Operator,
  value: FilterValue,
});
export type Filter = z.infer<typeof Filter>;

export const Aggregate = z.strictObject({
  function: AggregateFunction,
  field: z.nullable(z.string()).check(z.describe('The field to aggregate; null with COUNT counts records')),
});
export type Aggregate = z.infer<typeof Aggregate>;

export const OrderBy = z.strictObject({
  field: z.string().check(z.describe('A selected field path, or the field of an aggregate when ordering by one')),
  aggregate: z.nullable(AggregateFunction).check(z.describe('Set to order groups by an aggregate, such as SUM of Amount')),
  direction: z.enum(['ASC', 'DESC']),
});
export type OrderBy = z.infer<typeof OrderBy>;

export const Scope = z.strictObject({
  relation: z.string().check(
    z.describe(
      'The field of the queried object that points at the record in view (AccountId for contacts of the account ' +
        'in view), or Id when the question is about that record itself',
    ),
  ),
});
export type Scope = z.infer<typeof Scope>;

export const QueryPlan = z.strictObject({
  object: z.string().check(z.describe('API name of the object to query, e.g. Opportunity')),
  fields: z
    .array(z.string())
    .check(z.describe('Field paths to show, e.g. Name, StageName, Account.Name. With aggregates: only GROUP BY fields')),
  filters: z.array(Filter),
  filterLogic: z.array(z.array(z.number())).check(
    z.describe(
      'How filters combine, by their 0-based index: a list of groups; a record matches when it matches every ' +
        'filter of at least one group. Empty: all filters must match.',
    ),
  ),
  scope: z.nullable(Scope).check(z.describe('Set when the question is about the record in view ("this account"); else null')),
  aggregates: z.array(Aggregate).check(z.describe('COUNT, SUM, AVG, MIN or MAX; empty for a list of records')),
  groupBy: z.array(z.string()).check(z.describe('Field paths to group by (with aggregates)')),
  orderBy: z.array(OrderBy),
  limit: z.nullable(z.number()).check(z.describe('How many rows at most; null for the default')),
});
export type QueryPlan = z.infer<typeof QueryPlan>;

/** The plan as the model's structured output (plan.schema.json is written from QueryPlan: scripts/output-schemas.ts). */
export const QueryPlanOutput: StructuredOutput<QueryPlan> = { schema: QueryPlan, jsonSchema: queryPlanJsonSchema };
