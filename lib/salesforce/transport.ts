import { isApiHost } from './hosts';
import { problem, type SalesforceProblem } from './problems';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What goes in the Authorization header of a REST call, and to which host. */
export interface Credential {
  kind: 'cookie' | 'oauth';
  token: string;
  apiHost: string;
}

/**
 * One org's credential for a client (lib/salesforce/credentials.ts makes them): the one to use now, and a different one
 * after Salesforce refused one.
 */
export interface OrgCredentials {
  current(): Promise<Credential>;
  /** Throws a SalesforceProblem (what the rep can do) when nothing else is worth trying. */
  renew(refused: Credential, refusal: string): Promise<Credential>;
  /** The renewed credential was refused too. */
  refusedAgain(refused: Credential): SalesforceProblem;
}

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
 * The org's REST API over fetch, with the org's credential (lib/salesforce/credentials.ts: the rep's session cookie or
 * the org's OAuth sign-in) as a Bearer token on the org's API host and nowhere else. On a 401 the credential is
 * renewed once (the cookie read again, the access token refreshed) and the call sent again; a second 401, or nothing
 * to renew, ends as a problem that says what to do. A dropped connection or a call that never answers ends as a
 * 'network' problem instead of hanging.
 */
export class SalesforceTransport {
  constructor(
    private readonly credentials: OrgCredentials,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async request(method: HttpMethod, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    const credential = await this.credentials.current();
    const first = await this.send(credential, method, path, body, headers);
    if (first.status !== 401) return this.read(first);
    const refusal = await first.text().catch(() => '');
    const renewed = await this.credentials.renew(credential, refusal);
    const second = await this.send(renewed, method, path, body, headers);
    if (second.status === 401) throw this.credentials.refusedAgain(renewed);
    return this.read(second);
  }

  private async send(credential: Credential, method: HttpMethod, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    if (!path.startsWith('/services/')) throw new Error(`not a REST path: ${path}`);
    if (!isApiHost(credential.apiHost)) throw new Error(`not a Salesforce API host: ${credential.apiHost}`);
    try {
      return await this.fetchImpl(`https://${credential.apiHost}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${credential.token}`,
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
