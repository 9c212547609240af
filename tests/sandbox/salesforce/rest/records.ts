/** sObject Rows (`/sobjects/X/{id}`), create (`POST /sobjects/X`) and related lists (`/sobjects/X/{id}/{relationship}`). */
import { createHash } from 'node:crypto';
import { normalizeId } from '../ids';
import type { FieldDef, ObjectDef, StoredRecord } from '../model';
import { SalesforceError } from '../model';
import { createRecord, deleteRecord, notFound, updateRecord, visibleRecord } from '../writes';
import { json, methodNotAllowed, parseObjectBody, type RestContext, type RestRequest, type RestResponse } from './http';

export function recordUrl(ctx: RestContext, object: string, id: string): string {
  return `/services/data/v${ctx.version}/sobjects/${object}/${id}`;
}

export function readableFields(ctx: RestContext, object: ObjectDef): FieldDef[] {
  return object.fields.filter((field) => ctx.access.canReadField(object.name, field.name));
}

/** A record as the REST API returns it: `attributes` first, then the given fields in describe order. */
export function recordJson(
  ctx: RestContext,
  object: ObjectDef,
  record: StoredRecord,
  fields: FieldDef[] = readableFields(ctx, object),
): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: { type: object.name, url: recordUrl(ctx, object.name, record.Id) } };
  for (const field of fields) out[field.name] = record[field.name] ?? null;
  return out;
}

/** `?fields=a,b`: each must exist and be readable, else INVALID_FIELD. */
export function requestedFields(ctx: RestContext, object: ObjectDef, list: string): FieldDef[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      const field = ctx.org.field(object, name);
      if (!field || !ctx.access.canReadField(object.name, field.name)) {
        throw new SalesforceError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`);
      }
      return field;
    });
}

function parseSalesforceDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Salesforce gives ETags on Account rows only (a hash of the content). */
function etagOf(object: ObjectDef, record: StoredRecord): string | undefined {
  if (object.name !== 'Account') return undefined;
  return `"${createHash('sha1').update(JSON.stringify(record)).digest('base64')}-gzip"`;
}

function listedEtags(header: string): string[] {
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
}

function httpDate(header: string, name: string): number {
  const time = Date.parse(header);
  if (Number.isNaN(time)) {
    throw new SalesforceError(400, 'INVALID_HEADER_VALUE', `The value of the ${name} header is not a valid date: ${header}`);
  }
  return Math.floor(time / 1000);
}

function lastModifiedSeconds(record: StoredRecord): number | null {
  const date = parseSalesforceDate(record.LastModifiedDate ?? record.SystemModstamp ?? record.CreatedDate);
  return date ? Math.floor(date.getTime() / 1000) : null;
}

function preconditionFailed(message: string): SalesforceError {
  return new SalesforceError(412, 'PRECONDITION_FAILED', message);
}

/** If-Match and If-Unmodified-Since on a write (PATCH, DELETE): 412 when the record changed since the client read it. */
function checkWritePreconditions(req: RestRequest, object: ObjectDef, record: StoredRecord): void {
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined) {
    const etag = etagOf(object, record);
    const tags = listedEtags(ifMatch);
    if (!tags.includes('*') && (etag === undefined || !tags.includes(etag))) {
      throw preconditionFailed('The record has been modified since the ETag given in If-Match.');
    }
  }
  const ifUnmodifiedSince = req.headers['if-unmodified-since'];
  if (ifUnmodifiedSince !== undefined) {
    const since = httpDate(ifUnmodifiedSince, 'If-Unmodified-Since');
    const modified = lastModifiedSeconds(record);
    if (modified !== null && modified > since) {
      throw preconditionFailed('The record has been modified since the date given in If-Unmodified-Since.');
    }
  }
}

/** If-None-Match and If-Modified-Since on a read: true when the client's copy is still current (304). */
function notModified(req: RestRequest, object: ObjectDef, record: StoredRecord): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  const etag = etagOf(object, record);
  if (ifNoneMatch !== undefined && etag !== undefined) return listedEtags(ifNoneMatch).includes(etag);
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  const modified = lastModifiedSeconds(record);
  return !Number.isNaN(since) && modified !== null && modified <= Math.floor(since / 1000);
}

function rowHeaders(object: ObjectDef, record: StoredRecord): Record<string, string> {
  const headers: Record<string, string> = {};
  const etag = etagOf(object, record);
  if (etag) headers.ETag = etag;
  const modified = parseSalesforceDate(record.LastModifiedDate);
  if (modified) headers['Last-Modified'] = modified.toUTCString();
  return headers;
}

export function createFromBody(ctx: RestContext, object: ObjectDef, req: RestRequest): RestResponse {
  const record = createRecord(ctx.actor, object, parseObjectBody(req.body));
  return json(201, { id: record.Id, success: true, errors: [] }, { Location: recordUrl(ctx, object.name, record.Id) });
}

/** `/sobjects/X/{id}`; a malformed id is read as an external-id look-up, as Salesforce does. */
export function sobjectRow(ctx: RestContext, object: ObjectDef, rawId: string, req: RestRequest): RestResponse {
  if (!normalizeId(rawId) && (req.method === 'GET' || req.method === 'HEAD')) {
    throw notFound(`Provided external ID field does not exist or is not accessible: ${rawId}`);
  }
  switch (req.method) {
    case 'GET':
    case 'HEAD': {
      const record = visibleRecord(ctx.actor, object, rawId);
      if (notModified(req, object, record)) return { status: 304, headers: rowHeaders(object, record) };
      const fieldList = req.query.get('fields');
      const fields = fieldList === null ? undefined : requestedFields(ctx, object, fieldList);
      return json(200, recordJson(ctx, object, record, fields), rowHeaders(object, record));
    }
    case 'PATCH': {
      const input = parseObjectBody(req.body);
      checkWritePreconditions(req, object, visibleRecord(ctx.actor, object, rawId));
      updateRecord(ctx.actor, object, rawId, input);
      return { status: 204 };
    }
    case 'DELETE':
      // Salesforce's sObject Rows DELETE takes the same preconditions as PATCH (If-Match, If-Unmodified-Since).
      checkWritePreconditions(req, object, visibleRecord(ctx.actor, object, rawId));
      deleteRecord(ctx.actor, object, rawId);
      return { status: 204 };
    default:
      throw methodNotAllowed(req.method, ['HEAD', 'GET', 'PATCH', 'DELETE']);
  }
}

/** `/sobjects/Account/{id}/Contacts`: the child records through a relationship, as a query result. */
export function relatedList(
  ctx: RestContext,
  object: ObjectDef,
  rawId: string,
  relationshipName: string,
  req: RestRequest,
): RestResponse {
  if (req.method !== 'GET') throw methodNotAllowed(req.method, ['HEAD', 'GET']);
  const parent = visibleRecord(ctx.actor, object, rawId);
  const relation = object.childRelationships.find(
    (candidate) => candidate.relationshipName?.toLowerCase() === relationshipName.toLowerCase(),
  );
  const child = relation ? ctx.org.object(relation.childSObject) : undefined;
  if (!relation || !child || !ctx.access.canReadObject(child.name)) throw notFound();
  const fieldList = req.query.get('fields');
  const fields = fieldList === null ? readableFields(ctx, child) : requestedFields(ctx, child, fieldList);
  const records = [...(ctx.org.db.records.get(child.name)?.values() ?? [])]
    .filter((record) => record[relation.field] === parent.Id && ctx.access.canSeeRecord(child.name, record))
    .map((record) => recordJson(ctx, child, record, fields));
  return json(200, { totalSize: records.length, done: true, records });
}
