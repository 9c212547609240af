/**
 * `PATCH /composite/sobjects/<Object>/<ExternalIdField>`: upsert up to 200 records of one object by an external ID
 * (API 46.0 and later). Each record is matched, as the running user sees the object, by its external ID value: no
 * match creates it (`created: true`), one match updates it (`created: false`; needs Edit on the object and on the
 * record), several give DUPLICATE_EXTERNAL_ID. The same value twice in one request fails both with DUPLICATE_VALUE.
 * A record the user cannot see is not matched, so the insert then meets the unique index (DUPLICATE_VALUE, naming the
 * record). Results come in request order; with allOrNone a failure rolls every record back. Each request counts as
 * one API call.
 */
import { SalesforceError, type FieldDef, type ObjectDef, type StoredRecord } from './model';
import { errorEntry, isRecordObject, json, methodNotAllowed, parseJsonBody, type RestContext, type RestRequest, type RestResponse } from './rest/http';
import { createRecord, notFound, updateRecord } from './writes';

const MAX_RECORDS = 200;
const FIRST_VERSION = 46;

interface UpsertResult {
  id?: string;
  success: boolean;
  errors: Record<string, unknown>[];
  created?: boolean;
}

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

function externalIdField(ctx: RestContext, object: ObjectDef, name: string): FieldDef {
  const field = ctx.org.field(object, name);
  if (!field || !field.externalId || !ctx.access.canReadField(object.name, field.name)) {
    throw notFound(`Provided external ID field does not exist or is not accessible: ${name}`);
  }
  return field;
}

function requestRecords(req: RestRequest): { records: unknown[]; allOrNone: boolean } {
  const body = parseJsonBody(req.body);
  if (!isRecordObject(body) || !Array.isArray(body.records)) {
    throw new SalesforceError(400, 'INVALID_INPUT', 'records is required');
  }
  if (body.records.length > MAX_RECORDS) {
    throw new SalesforceError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
  }
  return { records: body.records, allOrNone: body.allOrNone === true };
}

const keyOf = (field: FieldDef, value: string): string => (field.caseSensitive ? value : value.toLowerCase());

function valueOf(record: Record<string, unknown>, field: FieldDef): string | null {
  const key = Object.keys(record).find((name) => name.toLowerCase() === field.name.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

function failure(error: unknown): UpsertResult {
  if (!(error instanceof SalesforceError)) throw error;
  return { success: false, errors: [errorEntry(error, 'statusCode', { alwaysFields: true })] };
}

class CollectionUpsert {
  constructor(
    private readonly ctx: RestContext,
    private readonly object: ObjectDef,
    private readonly field: FieldDef,
  ) {}

  run(records: unknown[]): UpsertResult[] {
    const counts = new Map<string, number>();
    for (const raw of records) {
      const value = isRecordObject(raw) ? valueOf(raw, this.field) : null;
      if (value !== null) counts.set(keyOf(this.field, value), (counts.get(keyOf(this.field, value)) ?? 0) + 1);
    }
    return records.map((raw) => {
      try {
        return this.upsertOne(raw, counts);
      } catch (error) {
        return failure(error);
      }
    });
  }

  private upsertOne(raw: unknown, counts: Map<string, number>): UpsertResult {
    if (!isRecordObject(raw) || !isRecordObject(raw.attributes) || typeof raw.attributes.type !== 'string') {
      throw new SalesforceError(400, 'INVALID_TYPE', 'sObject type must be specified in the attributes of each record');
    }
    if (this.ctx.org.object(raw.attributes.type)?.name !== this.object.name) {
      throw new SalesforceError(400, 'INVALID_TYPE', `The record type ${raw.attributes.type} doesn't match ${this.object.name}`);
    }
    const fields = { ...raw };
    delete fields.attributes;
    if (Object.keys(fields).some((name) => name.toLowerCase() === 'id')) {
      throw new SalesforceError(400, 'INVALID_FIELD', 'Id field should not be specified in the sobject data.');
    }
    const value = valueOf(fields, this.field);
    if (value !== null && (counts.get(keyOf(this.field, value)) ?? 0) > 1) {
      throw new SalesforceError(400, 'DUPLICATE_VALUE', `Duplicate external id specified: ${value}`, [this.field.name]);
    }
    const matches = value === null ? [] : this.visibleMatches(value);
    if (matches.length > 1) {
      const ids = matches.map((record) => record.Id).join(', ');
      throw new SalesforceError(400, 'DUPLICATE_EXTERNAL_ID', `${this.field.name}: more than one record found for external id field: [${ids}]`, [this.field.name]);
    }
    const [match] = matches;
    if (match) return { id: updateRecord(this.ctx.actor, this.object, match.Id, fields).Id, success: true, errors: [], created: false };
    return { id: createRecord(this.ctx.actor, this.object, fields).Id, success: true, errors: [], created: true };
  }

  private visibleMatches(value: string): StoredRecord[] {
    const wanted = keyOf(this.field, value);
    return [...(this.ctx.org.db.records.get(this.object.name)?.values() ?? [])].filter((record) => {
      const stored = record[this.field.name];
      return typeof stored === 'string' && keyOf(this.field, stored) === wanted && this.ctx.access.canSeeRecord(this.object.name, record);
    });
  }
}

export function upsertCollection(ctx: RestContext, req: RestRequest, objectName: string, fieldName: string): RestResponse {
  if (req.method !== 'PATCH') throw methodNotAllowed(req.method, ['PATCH']);
  if (Number(ctx.version) < FIRST_VERSION) throw notFound();
  const object = ctx.org.object(objectName);
  if (!object || !ctx.access.canReadObject(object.name)) throw notFound();
  const field = externalIdField(ctx, object, fieldName);
  const { records, allOrNone } = requestRecords(req);
  const tx = ctx.org.beginTransaction();
  const results = new CollectionUpsert(ctx, object, field).run(records);
  if ((allOrNone || ctx.insideAllOrNone === true) && results.some((result) => !result.success)) {
    tx.rollback();
    return json(200, results.map((result) => (result.success ? { success: false, errors: [ROLLED_BACK] } : result)));
  }
  tx.close();
  return json(200, results);
}
