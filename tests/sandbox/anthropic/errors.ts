import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** An error the API answers with: the documented body `{"type":"error","error":{"type","message"},"request_id"}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: { retryAfter?: number; errorCode?: string } = {},
  ) {
    super(message);
  }
}

export const invalidRequest = (message: string): ApiError => new ApiError(400, 'invalid_request_error', message);

export function newRequestId(): string {
  return `req_011C${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** Headers every response carries: the request id and, for browser callers, CORS. */
export function commonHeaders(requestId: string, origin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'request-id': requestId };
  if (origin) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-expose-headers'] = 'request-id, retry-after, anthropic-ratelimit-requests-remaining';
  }
  return headers;
}

export function sendError(res: ServerResponse, error: ApiError, headers: Record<string, string>): void {
  const out: Record<string, string> = { ...headers, 'content-type': 'application/json' };
  if (error.extra.retryAfter !== undefined) out['retry-after'] = String(error.extra.retryAfter);
  if (error.status === 429) {
    out['anthropic-ratelimit-requests-limit'] = '50';
    out['anthropic-ratelimit-requests-remaining'] = '0';
    out['anthropic-ratelimit-requests-reset'] = new Date(Date.now() + (error.extra.retryAfter ?? 60) * 1000).toISOString();
  }
  const body = {
    type: 'error',
    error: {
      type: error.type,
      message: error.message,
      ...(error.extra.errorCode ? { details: { error_code: error.extra.errorCode } } : {}),
    },
    request_id: headers['request-id'],
  };
  res.writeHead(error.status, out);
  res.end(JSON.stringify(body));
}
