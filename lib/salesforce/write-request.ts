/**
 * The plumbing every guarded write shares: the API it needs, record URLs, `If-Unmodified-Since` dates, one allOrNone
 * `/composite` request, and Salesforce's errors read from an answer.
 */
import { z } from 'zod/mini';
import type { OrgApi } from './context/api';
import { t } from '../i18n';
import { SalesforceProblem } from './problems';
import { SalesforceRequestError } from './transport';
import type { SalesforceError, WriteValue } from './write-plan';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * What writes need of an org client: GET composites (OrgClient.composite) and one raw REST request. `request` sends
 * JSON to a path below the API host and resolves to the parsed body (null for 204); a failure rejects with a
 * SalesforceProblem (kind `network` when no answer came).
 */
export interface WriteApi extends Pick<OrgApi, 'apiVersion' | 'composite'> {
  request(method: HttpMethod, path: string, body?: unknown, headers?: Record<string, string>): Promise<unknown>;
}

export interface Subrequest {
  method: HttpMethod;
  url: string;
  referenceId: string;
  body?: Record<string, WriteValue>;
  httpHeaders?: Record<string, string>;
}

export const CompositeAnswer = z.object({
  compositeResponse: z.array(z.object({ referenceId: z.string(), httpStatusCode: z.number(), body: z.unknown() })),
});
export type CompositeAnswer = z.infer<typeof CompositeAnswer>;

/** `2026-11-21T17:00:00.000+0000` → a Date (the REST API's offset has no colon). */
export function parseSalesforceDateTime(value: string): Date | null {
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The HTTP date for `If-Unmodified-Since`. */
export function httpDate(salesforceDateTime: string): string {
  const date = parseSalesforceDateTime(salesforceDateTime);
  if (!date) throw new Error(`not a Salesforce date-time: ${salesforceDateTime}`);
  return date.toUTCString();
}

export const sobjectUrl = (apiVersion: string, objectName: string, id?: string): string =>
  `/services/data/v${apiVersion}/sobjects/${encodeURIComponent(objectName)}${id ? `/${encodeURIComponent(id)}` : ''}`;

const SalesforceErrors = z.array(
  z.looseObject({
    errorCode: z.optional(z.string()),
    statusCode: z.optional(z.string()),
    message: z._default(z.string(), ''),
    fields: z.nullish(z.array(z.string())),
  }),
);

export function errorsOf(body: unknown): SalesforceError[] {
  const parsed = SalesforceErrors.safeParse(body);
  if (!parsed.success) return [{ code: 'UNKNOWN_EXCEPTION', message: t('write_refused'), fields: [] }];
  return parsed.data.map((error) => ({
    code: error.errorCode ?? error.statusCode ?? 'UNKNOWN_EXCEPTION',
    message: error.message,
    fields: error.fields ?? [],
  }));
}

/** The subrequests in one allOrNone `/composite` request: all written, or none. */
export async function sendAllOrNone(api: WriteApi, subrequests: Subrequest[]): Promise<CompositeAnswer> {
  const body = { allOrNone: true, compositeRequest: subrequests };
  try {
    return CompositeAnswer.parse(await api.request('POST', `/services/data/v${api.apiVersion}/composite`, body));
  } catch (error) {
    // OrgClient answers a 5xx with a SalesforceRequestError: the write may or may not have happened, as with no answer.
    if (error instanceof SalesforceRequestError && error.status >= 500) throw new SalesforceProblem('server', error.message);
    throw error;
  }
}
