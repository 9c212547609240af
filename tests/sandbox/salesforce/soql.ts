/**
 * The sandbox org's SOQL engine: parses with @jetstreamapp/soql-parser-js and evaluates over the in-memory Database as
 * the running user, with Salesforce's result shapes, semantics and error messages. Pagination is the REST layer's.
 */
import { type Query, parseQuery } from '@jetstreamapp/soql-parser-js';
import type { Access, Database, StoredRecord } from './model';
import { SalesforceError } from './model';
import { runAggregate } from './soql/aggregate';
import { QueryText, fromParseError, malformed } from './soql/errors';
import { type QueryScope, isAggregateQuery, planRecords, recordAttributes, runPlan } from './soql/records';
import { type Scope, findField, readableFields, requireObject, visibleRows } from './soql/resolve';

export { recordAttributes };

export interface QueryOutcome {
  /** Rows as the REST API returns them: `attributes` first, then the selected fields in the order of the SELECT. */
  records: Record<string, unknown>[];
  /** For COUNT() queries: the count, with records empty. Otherwise records.length. */
  totalSize: number;
}

const MAX_OFFSET = 2000;

function parse(text: QueryText): Query {
  try {
    return parseQuery(text.soql);
  } catch (error) {
    throw fromParseError(text, error instanceof Error ? error.message : String(error));
  }
}

/** `v62.0` or `62.0` → `62.0`. */
function bareVersion(apiVersion: string): string {
  return apiVersion.replace(/^v/i, '');
}

/** Runs `soql` as the user `access` describes; throws SalesforceError(400, …) where Salesforce would refuse it. */
export function executeQuery(db: Database, soql: string, access: Access, apiVersion: string): QueryOutcome {
  const text = new QueryText(soql);
  const query = parse(text);
  const scope: QueryScope = { db, access, text, apiVersion: bareVersion(apiVersion), now: db.now() };
  if (!query.sObject) throw malformed('unexpected token: <EOF>');
  const object = requireObject(scope, query.sObject);
  if ((query.offset ?? 0) > MAX_OFFSET) {
    throw new SalesforceError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  }
  if (isAggregateQuery(query)) return runAggregate(scope, object, query);
  const plan = planRecords(scope, object, query, query.limit);
  const records = runPlan(scope, plan, visibleRows(scope, object));
  return { records, totalSize: records.length };
}

/**
 * One record as `GET /sobjects/<Type>/<id>[?fields=A,B]` returns it: attributes, then the requested fields (all the
 * fields the user may read when none are named). An unknown or unreadable field gives 400 INVALID_FIELD.
 */
export function shapeRecord(
  db: Database,
  access: Access,
  apiVersion: string,
  objectName: string,
  record: StoredRecord,
  fields?: string[],
): Record<string, unknown> {
  const scope: Scope = { db, access, text: new QueryText('') };
  const object = requireObject(scope, objectName);
  const selected = fields
    ? fields.map((name) => {
        const field = findField(scope, object, name.trim());
        if (!field) {
          const message = `No such column '${name.trim()}' on sobject of type ${object.name}`;
          throw new SalesforceError(400, 'INVALID_FIELD', message);
        }
        return field;
      })
    : readableFields(scope, object);
  const attributes = recordAttributes(object.name, record.Id, bareVersion(apiVersion));
  const out: Record<string, unknown> = { attributes };
  for (const field of selected) out[field.name] = record[field.name] ?? null;
  return out;
}
