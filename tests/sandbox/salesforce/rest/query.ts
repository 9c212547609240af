/**
 * `/query` and `/queryAll`: the SOQL engine answers with every row; this layer serves them in batches behind query
 * locators (`/query/01g…-2000`), as Salesforce does. Locators belong to the user who ran the query, expire after 15
 * idle minutes, and a user keeps at most 10 open (the oldest is dropped).
 */
import type { Database, StoredRecord } from '../model';
import { SalesforceError } from '../model';
import type { Org, QueryCursor } from '../org';
import { executeQuery } from '../soql';
import { json, methodNotAllowed, type RestContext, type RestRequest, type RestResponse } from './http';

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;
const CURSOR_IDLE_MS = 15 * 60_000;
const CURSORS_PER_USER = 10;

export function batchSizeFrom(headers: Record<string, string>): number {
  const option = /batchSize\s*=\s*(\d+)/i.exec(headers['sforce-query-options'] ?? '');
  if (!option?.[1]) return DEFAULT_BATCH;
  return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(option[1])));
}

/** The org's data plus its recycle bin, for queryAll. */
function withRecycleBin(org: Org): Database {
  const records = new Map<string, Map<string, StoredRecord>>();
  for (const [object, table] of org.db.records) records.set(object, new Map(table));
  for (const [id, { object, record }] of org.recycleBin) {
    const table = records.get(object) ?? new Map<string, StoredRecord>();
    table.set(id, record);
    records.set(object, table);
  }
  return { objects: org.db.objects, records, now: () => org.db.now() };
}

function invalidLocator(): SalesforceError {
  return new SalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
}

function dropStaleCursors(org: Org, userId: string, now: number): void {
  for (const [id, cursor] of org.cursors) if (now - cursor.lastUsed > CURSOR_IDLE_MS) org.cursors.delete(id);
  const mine = [...org.cursors].filter(([, cursor]) => cursor.userId === userId);
  mine.sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
  while (mine.length >= CURSORS_PER_USER) {
    const oldest = mine.shift();
    if (oldest) org.cursors.delete(oldest[0]);
  }
}

function batchAt(ctx: RestContext, locator: string, cursor: QueryCursor, offset: number): Record<string, unknown> {
  const end = offset + cursor.batchSize;
  const records = cursor.records.slice(offset, end);
  const done = end >= cursor.records.length;
  const body: Record<string, unknown> = { totalSize: cursor.totalSize, done };
  if (!done) body.nextRecordsUrl = `/services/data/v${ctx.version}/query/${locator}-${end}`;
  body.records = records;
  return body;
}

/** Runs a SOQL query for the user and returns its first batch (opening a locator when there is more). */
export function runQuery(ctx: RestContext, soql: string, all: boolean, batchSize: number): Record<string, unknown> {
  const db = all ? withRecycleBin(ctx.org) : ctx.org.db;
  const result = executeQuery(db, soql, ctx.access, ctx.version);
  if (result.records.length <= batchSize) {
    return { totalSize: result.totalSize, done: true, records: result.records };
  }
  const now = Date.now();
  dropStaleCursors(ctx.org, ctx.user.id, now);
  const locator = ctx.org.newCursorId();
  const cursor: QueryCursor = { userId: ctx.user.id, records: result.records, totalSize: result.totalSize, batchSize, lastUsed: now };
  ctx.org.cursors.set(locator, cursor);
  return batchAt(ctx, locator, cursor, 0);
}

/** `/query?q=`, `/queryAll?q=` and `/query/{locator}-{offset}`. */
export function queryResource(ctx: RestContext, req: RestRequest, all: boolean, locatorPart?: string): RestResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(req.method, ['GET', 'HEAD']);
  if (locatorPart !== undefined) return json(200, nextBatch(ctx, locatorPart));
  const soql = req.query.get('q');
  if (soql === null || soql.trim() === '') {
    throw new SalesforceError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  }
  return json(200, runQuery(ctx, soql, all, batchSizeFrom(req.headers)));
}

function nextBatch(ctx: RestContext, locatorPart: string): Record<string, unknown> {
  const match = /^(01g[A-Za-z0-9]{15})-(\d+)$/.exec(locatorPart);
  if (!match?.[1] || !match[2]) throw invalidLocator();
  const locator = match[1];
  const cursor = ctx.org.cursors.get(locator);
  const offset = Number(match[2]);
  const now = Date.now();
  if (!cursor || cursor.userId !== ctx.user.id || now - cursor.lastUsed > CURSOR_IDLE_MS) throw invalidLocator();
  if (offset >= cursor.records.length || offset % 1 !== 0) throw invalidLocator();
  cursor.lastUsed = now;
  return batchAt(ctx, locator, cursor, offset);
}
