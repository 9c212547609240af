/**
 * Anthropic's Messages and Models APIs over fetch, as the official SDK's client calls them: the same headers (the key,
 * the API version, the direct-browser-access header without which an extension's calls fail CORS), the same retry
 * policy (408, 409, 429 and 5xx and lost connections, twice by default, waiting as `retry-after-ms`/`retry-after` say,
 * else backing off from half a second with jitter; `x-should-retry` obeyed), a timeout on each attempt's wait for the
 * reply to start, and the SDK's own typed errors and SSE reader. The SDK's client class is not bundled: its credential
 * chain, tracing and full API surface made up about a fifth of the background worker's script.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk/core/error';
import { Stream } from '@anthropic-ai/sdk/core/streaming';
import type {
  Message,
  MessageCountTokensParams,
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  MessageTokensCount,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelInfo as ApiModel } from '@anthropic-ai/sdk/resources/models';
import { isSpendLimitBody, retryAfterSeconds } from './problems';

const DEFAULT_BASE_URL = 'https://api.anthropic.com';
const API_VERSION = '2023-06-01';
const DEFAULT_MAX_RETRIES = 2;
const INITIAL_RETRY_DELAY_S = 0.5;
const MAX_RETRY_DELAY_S = 8;
/** setTimeout's longest delay; a longer or unreadable wait falls back to the backoff. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * A rate limit whose wait is longer than this is not retried: the rep is better served by being told the wait at
 * once (and a service worker idle that long may be stopped mid-wait).
 */
const MAX_AUTOMATIC_RETRY_WAIT_SECONDS = 20;

export interface ApiOptions {
  apiKey: string;
  /** A company gateway in place of api.anthropic.com (no trailing slash). */
  baseUrl?: string;
  /** How long each attempt waits for the reply to start. */
  timeoutMs: number;
  maxRetries?: number;
  fetch: typeof fetch;
}

interface ModelsPage {
  data: ApiModel[];
  has_more: boolean;
  last_id: string | null;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The wait the reply asks for, in ms, when it is one a timer can keep. */
function askedWaitMs(headers: Headers): number | undefined {
  const millis = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  const retryAfter = headers.get('retry-after');
  const seconds = retryAfter === null ? Number.NaN : Number.parseFloat(retryAfter);
  const wait = !Number.isNaN(millis) ? millis : !Number.isNaN(seconds) ? seconds * 1000 : retryAfter ? Date.parse(retryAfter) - Date.now() : Number.NaN;
  return wait > 0 && wait <= MAX_TIMER_MS ? wait : undefined;
}

function backoffMs(retriesDone: number): number {
  const seconds = Math.min(INITIAL_RETRY_DELAY_S * 2 ** retriesDone, MAX_RETRY_DELAY_S);
  return seconds * (1 - Math.random() * 0.25) * 1000;
}

/** The API's retry policy, less what waiting cannot help: the spend limit, and rate limits too long to sit through. */
function worthRetrying(response: Response, body: string): boolean {
  const header = response.headers.get('x-should-retry');
  if (header === 'true' || header === 'false') return header === 'true';
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers);
    return !isSpendLimitBody(body) && !(wait !== undefined && wait > MAX_AUTOMATIC_RETRY_WAIT_SECONDS);
  }
  return response.status === 408 || response.status === 409 || response.status >= 500;
}

function statusError(response: Response, body: string): APIError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return APIError.generate(response.status, json as object | undefined, json === undefined ? body : undefined, response.headers);
}

const isTimeout = (error: unknown): boolean =>
  (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) || /timed? ?out/i.test(String(error));

export class AnthropicApi {
  private readonly baseUrl: string;

  constructor(private readonly options: ApiOptions) {
    this.baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  }

  /** The reply's events as they stream; breaking out of the loop, or `signal`, closes the connection. */
  async streamMessage(params: MessageCreateParamsStreaming, signal?: AbortSignal): Promise<AsyncIterable<RawMessageStreamEvent>> {
    const { response, controller } = await this.send('POST', '/v1/messages', params, signal);
    return Stream.fromSSEResponse<RawMessageStreamEvent>(response, controller);
  }

  async createMessage(params: MessageCreateParamsNonStreaming, signal?: AbortSignal): Promise<Message> {
    return (await this.json('POST', '/v1/messages', params, signal)) as Message;
  }

  async countTokens(params: MessageCountTokensParams, signal?: AbortSignal): Promise<MessageTokensCount> {
    return (await this.json('POST', '/v1/messages/count_tokens', params, signal)) as MessageTokensCount;
  }

  /** Every model the key may use, page by page. */
  async *listModels(signal?: AbortSignal): AsyncGenerator<ApiModel> {
    let after: string | null = null;
    do {
      const query: string = after === null ? '' : `&after_id=${encodeURIComponent(after)}`;
      const page = (await this.json('GET', `/v1/models?limit=100${query}`, undefined, signal)) as ModelsPage;
      yield* page.data;
      after = page.has_more ? page.last_id : null;
    } while (after !== null);
  }

  private async json(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    const { response } = await this.send(method, path, body, signal);
    return response.json();
  }

  private headers(): Record<string, string> {
    return {
      'x-api-key': this.options.apiKey,
      'anthropic-version': API_VERSION,
      'anthropic-dangerous-direct-browser-access': 'true',
      accept: 'application/json',
      'content-type': 'application/json',
    };
  }

  /** One request with the retry policy; resolves with the first reply that is OK, or throws the SDK's typed error. */
  private async send(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal | undefined): Promise<{ response: Response; controller: AbortController }> {
    const maxRetries = this.options.maxRetries ?? DEFAULT_MAX_RETRIES;
    for (let retriesDone = 0; ; retriesDone++) {
      if (signal?.aborted) throw new APIUserAbortError();
      const retriesLeft = retriesDone < maxRetries;
      const controller = new AbortController();
      const abort = (): void => controller.abort();
      signal?.addEventListener('abort', abort, { once: true });
      const timer = setTimeout(abort, this.options.timeoutMs);
      let response: Response;
      try {
        response = await this.options.fetch(`${this.baseUrl}${path}`, {
          method,
          headers: this.headers(),
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: controller.signal,
        });
      } catch (error) {
        signal?.removeEventListener('abort', abort);
        if (signal?.aborted) throw new APIUserAbortError();
        if (retriesLeft) {
          await sleep(backoffMs(retriesDone), signal);
          continue;
        }
        throw isTimeout(error) ? new APIConnectionTimeoutError() : new APIConnectionError({ cause: error instanceof Error ? error : undefined });
      } finally {
        clearTimeout(timer);
      }
      if (response.ok) return { response, controller };
      signal?.removeEventListener('abort', abort);
      const text = await response.text().catch((error: unknown) => String(error));
      if (!retriesLeft || !worthRetrying(response, text)) throw statusError(response, text);
      await sleep(askedWaitMs(response.headers) ?? backoffMs(retriesDone), signal);
    }
  }
}
