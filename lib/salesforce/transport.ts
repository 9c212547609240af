import { problem } from './problems';
import type { ApiSession } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** How long one REST call may take before the rep is told Salesforce could not be reached. */
const REQUEST_TIMEOUT_MS = 60_000;

/** A REST error as Salesforce answers it (`[{message, errorCode, fields}]`), with its HTTP status. */
export class SalesforceRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'SalesforceRequestError';
  }
}

function errorOf(status: number, body: unknown): SalesforceRequestError {
  const first: unknown = Array.isArray(body) ? body[0] : body;
  if (typeof first === 'object' && first !== null) {
    const { errorCode, message, fields } = first as { errorCode?: unknown; message?: unknown; fields?: unknown };
    return new SalesforceRequestError(
      status,
      typeof errorCode === 'string' ? errorCode : `HTTP_${status}`,
      typeof message === 'string' ? message : `Salesforce answered ${status}`,
      Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [],
      body,
    );
  }
  return new SalesforceRequestError(status, `HTTP_${status}`, `Salesforce answered ${status}`, [], body);
}

/**
 * The org's REST API over fetch, with the rep's session as a Bearer token on the org's API host and nowhere else.
 * On a 401 the session is read again once (a new login may have replaced it); the same or no session means it is
 * really gone. A dropped connection or a call that never answers ends as a 'network' problem instead of hanging.
 */
export class SalesforceTransport {
  private sessionId: string;

  constructor(
    private readonly session: ApiSession,
    private readonly reread: () => Promise<ApiSession | null>,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.sessionId = session.sessionId;
  }

  async request(method: HttpMethod, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    const first = await this.send(method, path, body, headers);
    if (first.status !== 401) return this.read(first);
    const refused = await first.text();
    if (refused.includes('not valid for use with the REST API')) throw problem('no-api-access');
    const fresh = await this.reread();
    if (!fresh || fresh.sessionId === this.sessionId) throw problem('session-expired');
    this.sessionId = fresh.sessionId;
    const second = await this.send(method, path, body, headers);
    if (second.status === 401) throw problem('session-expired');
    return this.read(second);
  }

  private async send(method: HttpMethod, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    if (!path.startsWith('/services/')) throw new Error(`not a REST path: ${path}`);
    try {
      return await this.fetchImpl(`https://${this.session.apiHost}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.sessionId}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        credentials: 'omit',
        // The session is for the org's API host alone: an answer that points elsewhere is refused, never followed.
        redirect: 'error',
        // Every answer must be the org's current state: a GET must never come from the browser's HTTP cache.
        cache: 'no-store',
      });
    } catch {
      throw problem('network');
    }
  }

  private async read(response: Response): Promise<unknown> {
    const text = await response.text().catch(() => {
      throw problem('network');
    });
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (response.ok) throw problem('server');
      }
    }
    if (!response.ok) throw errorOf(response.status, parsed);
    return parsed;
  }
}
