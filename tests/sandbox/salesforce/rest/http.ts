/** The REST layer's request/response shapes and the wire format of its errors. */
import type { Access, OrgUser } from '../model';
import { SalesforceError } from '../model';
import type { Org } from '../org';
import type { Session } from '../sessions';
import { DuplicatesDetectedError, type Actor } from '../writes';

export interface RestRequest {
  method: string;
  /** The path below `/services/data/vXX.X` (`/sobjects/Account`), without the query string. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  org: Org;
  session: Session;
  user: OrgUser;
  access: Access;
  /** `66.0` */
  version: string;
  actor: Actor;
  /** Set for subrequests of a composite request with allOrNone: collections inside it are all-or-none too. */
  insideAllOrNone?: boolean;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): RestResponse {
  return { status, body, headers };
}

/** A Salesforce error as one entry of an error list (`errorCode` at top level, `statusCode` inside save results). */
export function errorEntry(
  error: SalesforceError,
  key: 'errorCode' | 'statusCode',
  { alwaysFields = false } = {},
): Record<string, unknown> {
  const entry: Record<string, unknown> =
    key === 'errorCode'
      ? { message: error.message, errorCode: error.errorCode }
      : { statusCode: error.errorCode, message: error.message };
  if (alwaysFields || error.fields.length > 0) entry.fields = error.fields;
  if (error instanceof DuplicatesDetectedError) entry.duplicateResut = error.duplicateResult;
  return entry;
}

/** The top-level error response: `[{message, errorCode, fields?}]` with the error's HTTP status. */
export function errorResponse(error: SalesforceError, options: { alwaysFields?: boolean } = {}): RestResponse {
  return json(error.status, [errorEntry(error, 'errorCode', options)]);
}

export function methodNotAllowed(method: string, allowed: string[]): SalesforceError {
  return new SalesforceError(
    405,
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
  );
}

/** Parses a JSON request body; malformed JSON gives 400 JSON_PARSER_ERROR worded like Salesforce's parser. */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') {
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'No content to map due to end-of-input at [line:1, column:0]');
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    const position = Number(/position (\d+)/.exec(detail)?.[1] ?? body.length);
    const before = body.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const character = body.charAt(position);
    const what =
      character === ''
        ? 'Unexpected end-of-input'
        : `Unexpected character ('${character}' (code ${character.charCodeAt(0)}))`;
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', `${what}: was expecting a valid JSON value at [line:${line}, column:${column}]`);
  }
}

/** A JSON object body (an sObject); anything else is a parser error, as Salesforce deserializes into an sObject. */
export function parseObjectBody(body: string): Record<string, unknown> {
  const value = parseJsonBody(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of sobject from ${Array.isArray(value) ? 'START_ARRAY' : 'VALUE_STRING'} value at [line:1, column:1]`,
    );
  }
  return value as Record<string, unknown>;
}

export function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
