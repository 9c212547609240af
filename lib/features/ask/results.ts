/**
 * What a query's results look like as plain data, shared by the background (run.ts fills them) and the panel (which
 * shows them): schemas only, so the panel bundles no query compiler.
 */
import { z } from 'zod/mini';

export const QueryPage = z.object({
  totalSize: z.number(),
  done: z.boolean(),
  nextRecordsUrl: z.nullish(z.string()),
  records: z.array(z.record(z.string(), z.unknown())),
});
export type QueryPage = z.infer<typeof QueryPage>;

export const ResultColumn = z.object({
  key: z.string(),
  label: z.string(),
  /** describe's type (`currency`, `date`…), or the aggregate's result type. */
  type: z.string(),
  /** Keys from a result record to the value: `['Account', 'Name']`, or `['sumAmount']` for an alias. */
  resultPath: z.array(z.string()),
});
export type ResultColumn = z.infer<typeof ResultColumn>;

/** A compiled plan, as plain data that can cross messaging and storage (Load more needs its columns). */
export const PreparedQuery = z.object({
  soql: z.string(),
  objectName: z.string(),
  objectLabel: z.string(),
  /** Grouped or aggregated rows have no record of their own to link to. */
  aggregate: z.boolean(),
  columns: z.array(ResultColumn),
  notes: z.array(z.string()),
});
export type PreparedQuery = z.infer<typeof PreparedQuery>;

export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValue>;

export const RecordLink = z.object({ id: z.string(), objectName: z.string() });
export type RecordLink = z.infer<typeof RecordLink>;

export const ResultRow = z.object({
  /** The row's record, for its link; null for aggregate rows. */
  link: z.nullable(RecordLink),
  /** By column key. */
  values: z.record(z.string(), CellValue),
  /** By column key, for a column of a parent record (Account.Name links to the Account). */
  links: z.record(z.string(), RecordLink),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const ResultPage = z.object({
  rows: z.array(ResultRow),
  /** All rows the query matches (up to its LIMIT), not just this page's. */
  totalSize: z.number(),
  /** Null when this is the last page. */
  nextRecordsUrl: z.nullable(z.string()),
});
export type ResultPage = z.infer<typeof ResultPage>;
