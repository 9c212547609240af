/** Faults injected into the next matching REST requests (any org), to test how clients cope with a bad day. */

interface FaultScope {
  /** Matched against the request's path and query string; every REST request when absent. */
  path?: RegExp;
  /** How many matching requests fail; 1 when absent. */
  times?: number;
}

export type Fault = (
  | { kind: 'server-error'; status: 500 | 503 }
  | { kind: 'request-limit' }
  | { kind: 'drop-connection' }
  | { kind: 'session-expired' }
) &
  FaultScope;

export class FaultQueue {
  private pending: { fault: Fault; remaining: number }[] = [];

  inject(fault: Fault): void {
    this.pending.push({ fault, remaining: Math.max(1, fault.times ?? 1) });
  }

  clear(): void {
    this.pending = [];
  }

  /** The fault this request triggers, if any; consumes one of its occurrences. */
  take(pathAndQuery: string): Fault | undefined {
    const entry = this.pending.find(({ fault }) => !fault.path || fault.path.test(pathAndQuery));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.pending = this.pending.filter((other) => other !== entry);
    return entry.fault;
  }
}

/** The REST error a fault answers with; undefined for a dropped connection. */
export function faultResponse(fault: Fault): { status: number; body: unknown } | undefined {
  switch (fault.kind) {
    case 'server-error':
      return fault.status === 503
        ? {
            status: 503,
            body: [{ message: 'Server temporarily unavailable. Please try again later.', errorCode: 'SERVER_UNAVAILABLE' }],
          }
        : {
            status: 500,
            body: [
              {
                message:
                  'An unexpected error occurred. Please include this ErrorId if you contact support: 1187452302-12891 (-1419183437)',
                errorCode: 'UNKNOWN_EXCEPTION',
              },
            ],
          };
    case 'request-limit':
      return { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] };
    case 'session-expired':
      return { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
    case 'drop-connection':
      return undefined;
  }
}

/** A fault sent as JSON to `POST /__sandbox/faults` (`path` is a regular expression's source). */
export function faultFromJson(input: unknown): Fault {
  if (typeof input !== 'object' || input === null) throw new Error('fault must be an object');
  const raw = input as Record<string, unknown>;
  const scope: FaultScope = {};
  if (typeof raw.path === 'string') scope.path = new RegExp(raw.path);
  if (typeof raw.times === 'number') scope.times = raw.times;
  switch (raw.kind) {
    case 'server-error':
      return { kind: 'server-error', status: raw.status === 503 ? 503 : 500, ...scope };
    case 'request-limit':
    case 'drop-connection':
    case 'session-expired':
      return { kind: raw.kind, ...scope };
    default:
      throw new Error(`unknown fault kind ${String(raw.kind)}`);
  }
}
