/**
 * The composite resources: `/composite` (up to 25 subrequests, references between them, allOrNone rollback),
 * `/composite/batch`, `/composite/tree/X` (record trees, all or nothing) and `/composite/sobjects` (collections).
 * Each composite request counts as one API call, as Salesforce documents.
 */
import { normalizeId } from './ids';
import type { ObjectDef, StoredRecord } from './model';
import { SalesforceError } from './model';
import {
  errorEntry,
  isRecordObject,
  json,
  methodNotAllowed,
  parseJsonBody,
  type RestContext,
  type RestRequest,
  type RestResponse,
} from './rest/http';
import { recordJson, requestedFields } from './rest/records';
import { executeRest } from './rest/router';
import { createRecord, deleteRecord, notFound, updateRecord } from './writes';

const MAX_SUBREQUESTS = 25;
const MAX_COLLECTION_RECORDS = 200;
const MAX_TREE_RECORDS = 200;
const MAX_TREE_DEPTH = 5;
const FORBIDDEN_SUBREQUEST_HEADERS = ['accept', 'authorization', 'content-type'];

function invalidInput(message: string): SalesforceError {
  return new SalesforceError(400, 'INVALID_INPUT', message);
}

function requestBody(req: RestRequest): Record<string, unknown> {
  const body = parseJsonBody(req.body);
  if (!isRecordObject(body)) throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of request from START_ARRAY value');
  return body;
}

/** `/services/data/v62.0/sobjects/Account?x=1` → the version and a request relative to it. */
function subrequestTarget(url: string): { version: string; path: string; query: URLSearchParams } | null {
  const match = /^\/services\/data\/v(\d+\.\d)(\/[^?]*)?(?:\?(.*))?$/.exec(url);
  if (!match?.[1]) return null;
  return { version: match[1], path: match[2] ?? '/', query: new URLSearchParams(match[3] ?? '') };
}

function runSubrequest(
  ctx: RestContext,
  method: string,
  url: string,
  body: string,
  headers: Record<string, string>,
): RestResponse {
  const target = subrequestTarget(url);
  if (!target) return json(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  const sub: RestContext = { ...ctx, version: target.version, actor: { ...ctx.actor, apiVersion: target.version } };
  return executeRest(sub, { method, path: target.path, query: target.query, headers, body });
}

// ---------------------------------------------------------------------------------------------------------------
// /composite

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body: unknown;
  httpHeaders: Record<string, string>;
}

interface SubResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

function parseSubrequests(body: Record<string, unknown>): Subrequest[] {
  const list = body.compositeRequest;
  if (!Array.isArray(list)) throw invalidInput('compositeRequest is required');
  if (list.length > MAX_SUBREQUESTS) {
    throw new SalesforceError(400, 'LIMIT_EXCEEDED', `Composite request can have at most ${MAX_SUBREQUESTS} subrequests`);
  }
  const seen = new Set<string>();
  return list.map((raw): Subrequest => {
    if (!isRecordObject(raw)) throw invalidInput('Each subrequest must be a JSON object');
    const { method, url, referenceId } = raw;
    if (typeof method !== 'string' || !['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) {
      throw invalidInput(`Invalid method for subrequest: ${String(method)}`);
    }
    if (typeof url !== 'string') throw invalidInput('Each subrequest requires a url');
    if (typeof referenceId !== 'string' || !/^[A-Za-z0-9_]+$/.test(referenceId)) {
      throw invalidInput('Each subrequest requires a referenceId made of letters, digits and underscores');
    }
    if (seen.has(referenceId)) throw invalidInput(`Duplicate referenceId provided in the request: ${referenceId}`);
    seen.add(referenceId);
    const httpHeaders: Record<string, string> = {};
    if (isRecordObject(raw.httpHeaders)) {
      for (const [name, value] of Object.entries(raw.httpHeaders)) {
        if (FORBIDDEN_SUBREQUEST_HEADERS.includes(name.toLowerCase())) {
          throw invalidInput(`The ${name} header can't be set on a subrequest`);
        }
        httpHeaders[name.toLowerCase()] = String(value);
      }
    }
    return { method, url, referenceId, body: raw.body, httpHeaders };
  });
}

class UnresolvedReference extends Error {}

/** Follows `records[0].Id`-style paths through a JSON value. */
function followPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (isRecordObject(current)) current = current[part];
    else return undefined;
  }
  return current;
}

/** Replaces every `@{ref.path}` in `text`; `inJson` escapes the value for a JSON string. */
function substitute(text: string, results: Map<string, SubResult>, inJson: boolean): string {
  return text.replace(/@\{([A-Za-z0-9_]+)((?:\.[^}.[\]]+|\[\d+\])+)\}/g, (whole, refId: string, path: string) => {
    const result = results.get(refId);
    const value = result && result.httpStatusCode < 300 ? followPath(result.body, path) : undefined;
    if (value === undefined || value === null || typeof value === 'object') {
      throw new UnresolvedReference(`Invalid reference specified. No value for ${refId}${path} found in ${refId}. ${whole}`);
    }
    const text = String(value);
    return inJson ? JSON.stringify(text).slice(1, -1) : encodeURIComponent(text).replace(/%2F/gi, '/');
  });
}

function halted(referenceId: string, message: string): SubResult {
  return { body: [{ errorCode: 'PROCESSING_HALTED', message }], httpHeaders: {}, httpStatusCode: 400, referenceId };
}

const ROLLED_BACK = 'The transaction was rolled back since another operation in the same transaction failed.';

function failed(response: RestResponse, allOrNone: boolean): boolean {
  if (response.status >= 400) return true;
  return allOrNone && Array.isArray(response.body) && response.body.some((item) => isRecordObject(item) && item.success === false);
}

function responseHeaders(response: RestResponse): Record<string, string> {
  const headers = { ...(response.headers ?? {}) };
  delete headers['Content-Type'];
  return headers;
}

export function compositeRequest(ctx: RestContext, req: RestRequest): RestResponse {
  if (req.method !== 'POST') throw methodNotAllowed(req.method, ['POST']);
  const body = requestBody(req);
  const allOrNone = body.allOrNone === true;
  const subrequests = parseSubrequests(body);
  const results = new Map<string, SubResult>();
  const ordered: SubResult[] = [];
  const tx = ctx.org.beginTransaction();
  let failure: string | null = null;
  for (const sub of subrequests) {
    if (failure !== null) {
      ordered.push(halted(sub.referenceId, ROLLED_BACK));
      continue;
    }
    let result: SubResult;
    try {
      const url = substitute(sub.url, results, false);
      const payload = sub.body === undefined ? '' : substitute(JSON.stringify(sub.body), results, true);
      const subCtx: RestContext = { ...ctx, insideAllOrNone: allOrNone };
      const response = runSubrequest(subCtx, sub.method, url, payload, { ...req.headers, ...sub.httpHeaders });
      result = {
        body: response.body ?? null,
        httpHeaders: responseHeaders(response),
        httpStatusCode: response.status,
        referenceId: sub.referenceId,
      };
      if (allOrNone && failed(response, true)) failure = sub.referenceId;
    } catch (error) {
      if (!(error instanceof UnresolvedReference)) throw error;
      result = halted(sub.referenceId, error.message);
      if (allOrNone) failure = sub.referenceId;
    }
    results.set(sub.referenceId, result);
    ordered.push(result);
  }
  if (failure !== null) {
    tx.rollback();
    return json(200, {
      compositeResponse: ordered.map((result) =>
        result.referenceId === failure ? result : halted(result.referenceId, ROLLED_BACK),
      ),
    });
  }
  tx.close();
  return json(200, { compositeResponse: ordered });
}

// ---------------------------------------------------------------------------------------------------------------
// /composite/batch

export function batchRequest(ctx: RestContext, req: RestRequest): RestResponse {
  if (req.method !== 'POST') throw methodNotAllowed(req.method, ['POST']);
  const body = requestBody(req);
  const list = body.batchRequests;
  if (!Array.isArray(list)) throw invalidInput('batchRequests is required');
  if (list.length > MAX_SUBREQUESTS) {
    throw new SalesforceError(400, 'LIMIT_EXCEEDED', `A batch can have at most ${MAX_SUBREQUESTS} subrequests`);
  }
  const haltOnError = body.haltOnError === true;
  let halt = false;
  let hasErrors = false;
  const results = list.map((raw) => {
    if (halt) {
      return { statusCode: 412, result: [{ errorCode: 'BATCH_PROCESSING_HALTED', message: 'Batch processing halted per request' }] };
    }
    if (!isRecordObject(raw) || typeof raw.method !== 'string' || typeof raw.url !== 'string') {
      throw invalidInput('Each batch request needs a method and a url');
    }
    const url = raw.url.startsWith('/services/data/') ? raw.url : `/services/data/${raw.url.replace(/^\//, '')}`;
    const payload = raw.richInput === undefined ? '' : JSON.stringify(raw.richInput);
    const response = runSubrequest(ctx, raw.method, url, payload, req.headers);
    if (response.status >= 400) {
      hasErrors = true;
      halt = haltOnError;
    }
    return { statusCode: response.status, result: response.body ?? null };
  });
  return json(200, { hasErrors, results });
}

// ---------------------------------------------------------------------------------------------------------------
// /composite/tree/X

interface TreeNode {
  object: ObjectDef;
  referenceId: string;
  fields: Record<string, unknown>;
  /** Parent node and the look-up field that points to it. */
  parent?: { node: TreeNode; field: string };
  depth: number;
}

function treeError(referenceId: string, statusCode: string, message: string, fields: string[] = []): RestResponse {
  return json(400, { hasErrors: true, results: [{ referenceId, errors: [{ statusCode, message, fields }] }] });
}

class TreeInputError extends Error {
  constructor(
    readonly referenceId: string,
    readonly statusCode: string,
    message: string,
  ) {
    super(message);
  }
}

function flattenTree(ctx: RestContext, root: ObjectDef, records: unknown[]): TreeNode[] {
  const nodes: TreeNode[] = [];
  const visit = (raw: unknown, object: ObjectDef, depth: number, parent?: TreeNode['parent']): void => {
    if (!isRecordObject(raw) || !isRecordObject(raw.attributes)) {
      throw new TreeInputError('', 'INVALID_INPUT', 'Each record needs an attributes map with type and referenceId');
    }
    const { type, referenceId } = raw.attributes;
    if (typeof referenceId !== 'string' || referenceId === '') {
      throw new TreeInputError('', 'INVALID_INPUT', 'Each record needs a referenceId in its attributes');
    }
    if (typeof type !== 'string' || ctx.org.object(type)?.name !== object.name) {
      throw new TreeInputError(referenceId, 'INVALID_INPUT', `The type ${String(type)} doesn't match ${object.name}`);
    }
    if (depth > MAX_TREE_DEPTH) {
      throw new TreeInputError(referenceId, 'INVALID_INPUT', `sObject trees can be at most ${MAX_TREE_DEPTH} levels deep`);
    }
    const fields: Record<string, unknown> = {};
    const node: TreeNode = { object, referenceId, fields, parent, depth };
    nodes.push(node);
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'attributes') continue;
      const relation = object.childRelationships.find((r) => r.relationshipName?.toLowerCase() === key.toLowerCase());
      if (relation && isRecordObject(value) && Array.isArray(value.records)) {
        const child = ctx.org.object(relation.childSObject);
        if (!child) continue;
        for (const childRaw of value.records) visit(childRaw, child, depth + 1, { node, field: relation.field });
      } else {
        fields[key] = value;
      }
    }
  };
  for (const record of records) visit(record, root, 1);
  return nodes;
}

export function sobjectTree(ctx: RestContext, req: RestRequest, objectName: string): RestResponse {
  if (req.method !== 'POST') throw methodNotAllowed(req.method, ['POST']);
  const object = ctx.org.object(objectName);
  if (!object || !ctx.access.canReadObject(object.name)) throw notFound();
  const body = requestBody(req);
  if (!Array.isArray(body.records)) throw invalidInput('records is required');
  let nodes: TreeNode[];
  try {
    nodes = flattenTree(ctx, object, body.records);
  } catch (error) {
    if (error instanceof TreeInputError) return treeError(error.referenceId, error.statusCode, error.message);
    throw error;
  }
  if (nodes.length > MAX_TREE_RECORDS) {
    throw new SalesforceError(400, 'LIMIT_EXCEEDED', `Too many records in the request: the limit is ${MAX_TREE_RECORDS}`);
  }
  const referenceIds = nodes.map((node) => node.referenceId);
  const duplicates = referenceIds.filter((id, index) => referenceIds.indexOf(id) !== index);
  if (duplicates.length > 0) {
    return json(400, {
      hasErrors: true,
      results: duplicates.map((referenceId) => ({
        referenceId,
        errors: [{ statusCode: 'INVALID_INPUT', message: `Duplicate ReferenceId provided in the request: ${referenceId}`, fields: [] }],
      })),
    });
  }
  // Parents first: roots across all trees, then second-level records, and so on.
  const ordered = [...nodes].sort((a, b) => a.depth - b.depth);
  const created = new Map<TreeNode, StoredRecord>();
  const tx = ctx.org.beginTransaction();
  for (const node of ordered) {
    const input = { ...node.fields };
    const parentRecord = node.parent ? created.get(node.parent.node) : undefined;
    if (node.parent && parentRecord) input[node.parent.field] = parentRecord.Id;
    try {
      created.set(node, createRecord(ctx.actor, node.object, input));
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      tx.rollback();
      return json(400, { hasErrors: true, results: [{ referenceId: node.referenceId, errors: [errorEntry(error, 'statusCode', { alwaysFields: true })] }] });
    }
  }
  tx.close();
  return json(201, {
    hasErrors: false,
    results: ordered.map((node) => ({ referenceId: node.referenceId, id: created.get(node)?.Id })),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// /composite/sobjects

function tooManyRecords(): SalesforceError {
  return new SalesforceError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
}

type SaveResult = { id?: string | null; success: boolean; errors: Record<string, unknown>[] };

function saveError(error: unknown): Record<string, unknown> {
  if (!(error instanceof SalesforceError)) throw error;
  if (error.errorCode === 'NOT_FOUND') {
    return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] };
  }
  return errorEntry(error, 'statusCode', { alwaysFields: true });
}

const ROLLED_BACK_RECORD = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

/** Runs one operation per item; with allOrNone, any failure undoes them all and marks the successes rolled back. */
function saveAll<T>(
  ctx: RestContext,
  items: T[],
  allOrNone: boolean,
  save: (item: T) => string,
  idOf: (item: T) => string | null,
): SaveResult[] {
  const tx = ctx.org.beginTransaction();
  const results = items.map((item): SaveResult => {
    try {
      return { id: save(item), success: true, errors: [] };
    } catch (error) {
      const id = idOf(item);
      return { ...(id === null ? {} : { id }), success: false, errors: [saveError(error)] };
    }
  });
  if (allOrNone && results.some((result) => !result.success)) {
    tx.rollback();
    return results.map((result, index) => {
      if (!result.success) return result;
      const item = items[index];
      const id = item === undefined ? null : idOf(item);
      return { ...(id === null ? {} : { id }), success: false, errors: [ROLLED_BACK_RECORD] };
    });
  }
  tx.close();
  return results;
}

function typedRecord(ctx: RestContext, raw: unknown): { object: ObjectDef; fields: Record<string, unknown> } {
  if (!isRecordObject(raw) || !isRecordObject(raw.attributes) || typeof raw.attributes.type !== 'string') {
    throw new SalesforceError(400, 'INVALID_TYPE', 'sObject type must be specified in the attributes of each record');
  }
  const object = ctx.org.object(raw.attributes.type);
  if (!object || !ctx.access.canReadObject(object.name)) {
    throw new SalesforceError(400, 'INVALID_TYPE', `sObject type '${raw.attributes.type}' is not supported.`);
  }
  const fields = { ...raw };
  delete fields.attributes;
  return { object, fields };
}

function recordsFrom(body: Record<string, unknown>): unknown[] {
  if (!Array.isArray(body.records)) throw invalidInput('records is required');
  if (body.records.length > MAX_COLLECTION_RECORDS) throw tooManyRecords();
  return body.records;
}

function idField(raw: unknown): string | null {
  if (!isRecordObject(raw)) return null;
  const key = Object.keys(raw).find((name) => name.toLowerCase() === 'id');
  const value = key === undefined ? undefined : raw[key];
  return typeof value === 'string' ? value : null;
}

function retrieveCollection(ctx: RestContext, req: RestRequest, objectName: string): RestResponse {
  const object = ctx.org.object(objectName);
  if (!object || !ctx.access.canReadObject(object.name)) throw notFound();
  const ids = (req.query.get('ids') ?? '').split(',').filter((id) => id !== '');
  const fieldList = req.query.get('fields');
  if (ids.length === 0 || fieldList === null) {
    throw invalidInput('Both ids and fields are required');
  }
  if (ids.length > 2000) throw tooManyRecords();
  const fields = requestedFields(ctx, object, fieldList);
  return json(
    200,
    ids.map((rawId) => {
      const id = normalizeId(rawId);
      const record = id ? ctx.org.locate(id) : undefined;
      if (!record || record.object.name !== object.name || !ctx.access.canSeeRecord(object.name, record.record)) return null;
      return recordJson(ctx, object, record.record, fields);
    }),
  );
}

export function sobjectCollections(ctx: RestContext, req: RestRequest, objectName: string | undefined): RestResponse {
  if (objectName !== undefined) {
    if (req.method !== 'GET') throw methodNotAllowed(req.method, ['GET']);
    return retrieveCollection(ctx, req, objectName);
  }
  switch (req.method) {
    case 'POST': {
      const body = requestBody(req);
      const records = recordsFrom(body);
      const allOrNone = body.allOrNone === true || ctx.insideAllOrNone === true;
      return json(
        200,
        saveAll(ctx, records, allOrNone, (raw) => {
          const { object, fields } = typedRecord(ctx, raw);
          return createRecord(ctx.actor, object, fields).Id;
        }, () => null),
      );
    }
    case 'PATCH': {
      const body = requestBody(req);
      const records = recordsFrom(body);
      const allOrNone = body.allOrNone === true || ctx.insideAllOrNone === true;
      return json(
        200,
        saveAll(ctx, records, allOrNone, (raw) => {
          const { object, fields } = typedRecord(ctx, raw);
          const id = idField(raw);
          if (id === null) throw new SalesforceError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', []);
          return updateRecord(ctx.actor, object, id, fields).Id;
        }, idField),
      );
    }
    case 'DELETE': {
      const ids = (req.query.get('ids') ?? '').split(',').filter((id) => id !== '');
      if (ids.length > MAX_COLLECTION_RECORDS) throw tooManyRecords();
      const allOrNone = req.query.get('allOrNone') === 'true' || ctx.insideAllOrNone === true;
      return json(
        200,
        saveAll(ctx, ids, allOrNone, (rawId) => {
          const target = ctx.org.objectByPrefix(rawId);
          if (!target) throw new SalesforceError(400, 'MALFORMED_ID', `malformed id ${rawId}`);
          deleteRecord(ctx.actor, target, rawId);
          return normalizeId(rawId) ?? rawId;
        }, (rawId) => rawId),
      );
    }
    default:
      throw methodNotAllowed(req.method, ['POST', 'PATCH', 'DELETE']);
  }
}
