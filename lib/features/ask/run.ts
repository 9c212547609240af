/**
 * Running a compiled plan as the rep and turning Salesforce's pages into table rows: dotted parent paths flattened,
 * each row with its record's id (and each parent column with its parent's) for links, "Load more" through
 * nextRecordsUrl. Salesforce's refusals come back in words.
 */
import { z } from 'zod/mini';
import { toSalesforceProblem } from '../../salesforce/problems';
import { compilePlan } from './compile';
import type { ValidPlan } from './valid-plan';
import { PreparedQuery, QueryPage, type RecordLink, type ResultColumn, type ResultPage, type ResultRow, type CellValue } from './results';
import { t, type MessageKey } from '../../i18n';

/** What Ask needs of an org. OrgClient gains these two (see the report); tests fake them. */
export interface QueryApi {
  /** GET `/services/data/vXX.X/query?q=…` as the rep; resolves with the JSON body, rejects with Salesforce's error (its errorCode kept). */
  query(soql: string): Promise<unknown>;
  /** GET the `nextRecordsUrl` of a previous page (a path on the same API host). */
  queryMore(nextRecordsUrl: string): Promise<unknown>;
}

export function prepareQuery(plan: ValidPlan): PreparedQuery {
  const aggregate = plan.aggregates.length > 0 || plan.groupBy.length > 0;
  return {
    soql: compilePlan(plan),
    objectName: plan.objectName,
    objectLabel: plan.objectLabel,
    aggregate,
    columns: plan.columns.map((column) => ({
      key: column.key,
      label: column.label,
      type: column.type,
      resultPath: column.alias ? [column.alias] : aggregate ? [column.field] : column.field.split('.'),
    })),
    notes: plan.notes,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const Attributes = z.object({ type: z.string(), url: z.optional(z.string()) });

/** A record's (or nested parent's) link, from its `attributes` and Id (or, for a parent, its attributes' url). */
function linkOf(record: Record<string, unknown>): RecordLink | null {
  const attributes = Attributes.safeParse(record.attributes);
  if (!attributes.success || attributes.data.type === 'AggregateResult') return null;
  const id = typeof record.Id === 'string' ? record.Id : attributes.data.url?.split('/').pop();
  return id ? { id, objectName: attributes.data.type } : null;
}

function cellOf(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Reads a result path, matching keys regardless of case (Salesforce echoes the case the query was written in). */
function at(record: Record<string, unknown>, key: string): unknown {
  if (key in record) return record[key];
  const lower = key.toLowerCase();
  const found = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return found === undefined ? undefined : record[found];
}

export function flattenRecord(record: Record<string, unknown>, columns: readonly ResultColumn[]): ResultRow {
  const values: Record<string, CellValue> = {};
  const links: Record<string, RecordLink> = {};
  for (const column of columns) {
    let current: unknown = record;
    let parent: Record<string, unknown> | null = null;
    for (const [index, key] of column.resultPath.entries()) {
      if (!isObject(current)) {
        current = null;
        break;
      }
      if (index > 0) parent = current;
      current = at(current, key);
    }
    values[column.key] = cellOf(current);
    const parentLink = parent ? linkOf(parent) : null;
    if (parentLink) links[column.key] = parentLink;
  }
  return { link: linkOf(record), values, links };
}

function toPage(body: unknown, prepared: PreparedQuery): ResultPage {
  const page = QueryPage.parse(body);
  return {
    rows: page.records.map((record) => flattenRecord(record, prepared.columns)),
    totalSize: page.totalSize,
    nextRecordsUrl: page.done ? null : (page.nextRecordsUrl ?? null),
  };
}

/** Runs the prepared query as the rep: its first page (up to 2,000 rows). */
export async function runQuery(api: QueryApi, prepared: PreparedQuery): Promise<ResultPage> {
  return toPage(await api.query(prepared.soql), prepared);
}

/** Only Salesforce's own cursor paths are followed: a URL from anywhere else never gets the rep's session. */
const NEXT_RECORDS_URL = /^\/services\/data\/v\d+\.\d+\/query\/[A-Za-z0-9]+-\d+$/;

export function isNextRecordsUrl(url: string): boolean {
  return NEXT_RECORDS_URL.test(url);
}

/** The next page after one whose nextRecordsUrl this is. */
export async function loadMore(api: QueryApi, prepared: PreparedQuery, nextRecordsUrl: string): Promise<ResultPage> {
  if (!isNextRecordsUrl(nextRecordsUrl)) throw new Error(`not a query cursor: ${nextRecordsUrl}`);
  return toPage(await api.queryMore(nextRecordsUrl), prepared);
}

// ---------------------------------------------------------------------------------------------------------------
// Salesforce's refusals, in words

const QUERY_ERRORS: Record<string, MessageKey> = {
  MALFORMED_QUERY: 'askQuery_malformed',
  INVALID_FIELD: 'askQuery_invalidField',
  INVALID_TYPE: 'askQuery_invalidType',
  QUERY_TIMEOUT: 'askQuery_timeout',
  INVALID_QUERY_LOCATOR: 'askQuery_expired',
  EXCEEDED_ID_LIMIT: 'askQuery_tooMany',
  OPERATION_TOO_LARGE: 'askQuery_tooMany',
};

/** Errors that mean describe (cached) is older than the rep's permissions: the lead's code forgets those describes. */
const STALE_DESCRIBE_ERRORS = new Set(['INVALID_FIELD', 'INVALID_TYPE']);

function errorCodeOf(error: unknown): string | null {
  if (!isObject(error) && !(error instanceof Error)) return null;
  const code = (error as { errorCode?: unknown }).errorCode;
  return typeof code === 'string' ? code : null;
}

export function isStaleDescribeError(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code !== null && STALE_DESCRIBE_ERRORS.has(code);
}

/** What to tell the rep when a query or "Load more" fails. */
export function queryErrorMessage(error: unknown): string {
  const code = errorCodeOf(error);
  const known = code ? QUERY_ERRORS[code] : undefined;
  return known ? t(known) : toSalesforceProblem(error).message;
}
