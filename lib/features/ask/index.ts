/**
 * Ask: natural-language questions answered with safe, shown SOQL. The model fills a QueryPlan; describesForPlan
 * loads what the rep may see; validatePlan checks the plan against it; prepareQuery compiles it (compilePlan);
 * runQuery and loadMore run it as the rep and flatten the rows.
 */
export { QueryPlan, Filter, Aggregate, OrderBy, Scope, OPERATORS, AGGREGATE_FUNCTIONS, QueryPlanOutput } from './plan';
export type { Operator, AggregateFunction, FilterValue } from './plan';
export { AskObjectDescribe, AskField, PicklistEntry, type AskDescribes, type DescribeSource } from './describe';
export { describesForPlan, pathsOf } from './load';
export { validatePlan } from './validate';
export { DEFAULT_MAX_LIMIT, SOQL_MAX_LIMIT, type ValidPlan, type ValidateOptions, type ValidationResult, type RecordInView, type PlanColumn } from './valid-plan';
export { compilePlan } from './compile';
export { DATE_LITERAL_NAMES, parseDateLiteral, MAX_DATE_N } from './date-literals';
export { MAX_RELATIONSHIP_DEPTH } from './paths';
export {
  prepareQuery,
  runQuery,
  loadMore,
  flattenRecord,
  isNextRecordsUrl,
  queryErrorMessage,
  isStaleDescribeError,
  type QueryApi,
} from './run';
export { QueryPage, PreparedQuery, ResultColumn, ResultRow, ResultPage, RecordLink, CellValue } from './results';
export { schemaText } from './schema-text';
export { createAskHandler, ASK_MAX_ROWS, ASK_PAGE_SIZE } from './handler';
export type { AskApi, AskDeps, AskOptions } from './deps';
export * from './messages';
