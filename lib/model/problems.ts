import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk/core/error';
import { plural, t, type MessageKey } from '../i18n';

export type ModelProblemKind =
  | 'no-key'
  | 'bad-key'
  | 'browser-access-disabled'
  | 'rate-limited'
  | 'spend-limit'
  | 'overloaded'
  | 'timeout'
  | 'network'
  | 'cancelled'
  | 'malformed-output'
  | 'server'
  | 'request-too-large';

/** The API marks a 429 caused by the organization's spend limit with this code; waiting does not help. */
export const SPEND_LIMIT_CODE = 'enforced_spend_limit_reached';

/** A model failure in words the rep can act on. */
export class ModelProblem extends Error {
  constructor(
    readonly kind: ModelProblemKind,
    message: string,
    readonly details: {
      /** How long the API asked to wait, for 'rate-limited'. */
      retryAfterSeconds?: number;
      /** The reply as it came, for 'malformed-output' (kept for the audit). */
      rawText?: string;
      /** The text streamed before the failure, so the panel can keep it. */
      partialText?: string;
      /** The API's own words, for the audit and for support. */
      apiMessage?: string;
    } = {},
  ) {
    super(message);
    this.name = 'ModelProblem';
  }

  get retryAfterSeconds(): number | undefined {
    return this.details.retryAfterSeconds;
  }

  get rawText(): string | undefined {
    return this.details.rawText;
  }

  get partialText(): string | undefined {
    return this.details.partialText;
  }

  /** A copy carrying the text streamed so far. */
  withPartialText(partialText: string): ModelProblem {
    return partialText ? new ModelProblem(this.kind, this.message, { ...this.details, partialText }) : this;
  }
}

function waitWords(seconds: number | undefined): string {
  if (seconds === undefined) return t('modelProblem_waitMinute');
  if (seconds < 90) return plural('modelProblem_waitSeconds', Math.max(1, Math.ceil(seconds)));
  return plural('modelProblem_waitMinutes', Math.ceil(seconds / 60));
}

const MESSAGES: Record<Exclude<ModelProblemKind, 'rate-limited'>, MessageKey> = {
  'no-key': 'modelProblem_noKey',
  'bad-key': 'modelProblem_badKey',
  'browser-access-disabled': 'modelProblem_browserAccess',
  'spend-limit': 'modelProblem_spendLimit',
  overloaded: 'modelProblem_overloaded',
  timeout: 'modelProblem_timeout',
  network: 'modelProblem_network',
  cancelled: 'modelProblem_cancelled',
  'malformed-output': 'modelProblem_malformed',
  server: 'modelProblem_server',
  'request-too-large': 'modelProblem_tooLarge',
};

export function modelProblem(kind: ModelProblemKind, details: ModelProblem['details'] = {}): ModelProblem {
  const message =
    kind === 'rate-limited'
      ? t('modelProblem_rateLimited', { wait: waitWords(details.retryAfterSeconds) })
      : t(MESSAGES[kind]);
  return new ModelProblem(kind, message, details);
}

/** Seconds from `retry-after` (seconds or an HTTP date), else from the earliest `anthropic-ratelimit-*-reset`. */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const resets: number[] = [];
  headers.forEach((value, name) => {
    if (/^anthropic-ratelimit-.*-reset$/i.test(name)) {
      const date = Date.parse(value);
      if (!Number.isNaN(date)) resets.push(Math.max(0, Math.ceil((date - now) / 1000)));
    }
  });
  return resets.length > 0 ? Math.min(...resets) : undefined;
}

/** Whether an error body (text) is the spend-limit 429. */
export function isSpendLimitBody(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    const error = (parsed as { error?: { details?: { error_code?: unknown } } } | null)?.error;
    return error?.details?.error_code === SPEND_LIMIT_CODE;
  } catch {
    return false;
  }
}

const BROWSER_ACCESS = /\b(browser|cors|direct[- ]browser)\b/i;
const TOO_LONG = /prompt is too long|too many (input )?tokens|context (window|length)|request too large|exceeds? the (maximum|max)/i;
const CREDIT = /credit balance|spend limit|billing/i;

function fromApiError(error: APIError): ModelProblem {
  const apiMessage = error.apiMessage ?? error.message;
  const details = { apiMessage };
  const { status, type, errorCode } = error;
  if (errorCode === SPEND_LIMIT_CODE || type === 'billing_error' || status === 402) return modelProblem('spend-limit', details);
  if (status === 401) {
    // A gateway or the API refusing the direct-browser-access header is about browser access, not the key.
    return modelProblem(BROWSER_ACCESS.test(apiMessage) ? 'browser-access-disabled' : 'bad-key', details);
  }
  if (status === 403) {
    return BROWSER_ACCESS.test(apiMessage)
      ? modelProblem('browser-access-disabled', details)
      : new ModelProblem('bad-key', t('modelProblem_keyMayNot', { apiMessage }), details);
  }
  if (status === 429) {
    if (CREDIT.test(apiMessage) && !/rate limit/i.test(apiMessage)) return modelProblem('spend-limit', details);
    return modelProblem('rate-limited', { ...details, retryAfterSeconds: retryAfterSeconds(error.headers) });
  }
  if (status === 413 || (status === 400 && TOO_LONG.test(apiMessage))) return modelProblem('request-too-large', details);
  if (status === 400 && CREDIT.test(apiMessage)) return modelProblem('spend-limit', details);
  if (status === 408 || status === 504 || type === 'timeout_error') return modelProblem('timeout', details);
  if (status === 529 || status === 503 || type === 'overloaded_error') return modelProblem('overloaded', details);
  if (status === 404 && /model/i.test(apiMessage)) {
    return new ModelProblem('server', t('modelProblem_modelUnavailable', { apiMessage }), details);
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new ModelProblem('server', t('modelProblem_refused', { apiMessage }), details);
  }
  return modelProblem('server', details);
}

/** Turns whatever the client or fetch threw into a ModelProblem. */
export function toModelProblem(error: unknown): ModelProblem {
  if (error instanceof ModelProblem) return error;
  if (error instanceof APIUserAbortError) return modelProblem('cancelled');
  if (error instanceof APIConnectionTimeoutError) return modelProblem('timeout');
  if (error instanceof APIConnectionError) return modelProblem('network', { apiMessage: error.message });
  if (error instanceof APIError) return fromApiError(error);
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'AbortError') return modelProblem('cancelled');
  if (name === 'TimeoutError') return modelProblem('timeout');
  // A reply that could not be parsed (a broken proxy's stream) is the service's fault, not the connection's.
  if (error instanceof SyntaxError) return modelProblem('server', { apiMessage: message });
  if (error instanceof TypeError || /fetch failed|network|socket|ECONN|\bterminated\b/i.test(message)) {
    return modelProblem('network', { apiMessage: message });
  }
  return modelProblem('server', { apiMessage: message });
}
