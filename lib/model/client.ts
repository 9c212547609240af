import { BaseAnthropic } from '@anthropic-ai/sdk/client';
import { Messages, type MessageCreateParamsStreaming, type TextBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import { Models } from '@anthropic-ai/sdk/resources/models';
import { z, type ZodType } from 'zod';
import { costOf } from './prices';
import { isSpendLimitBody, modelProblem, ModelProblem, retryAfterSeconds, toModelProblem } from './problems';
import type { GenerationRequest, GenerationResult, ModelInfo, ModelSettings, PromptBlock, StreamEvents, Usage } from './types';

const DEFAULT_TIMEOUT_MS = 60_000;
/** The API allows four cache breakpoints per request. */
const MAX_CACHE_BREAKPOINTS = 4;
/**
 * The SDK waits as long as `retry-after` says before retrying a 429. Longer than this, the rep is better served by
 * being told the wait at once (and a service worker idle that long may be stopped mid-wait).
 */
export const MAX_AUTOMATIC_RETRY_WAIT_SECONDS = 20;

/**
 * Marks a response the SDK must not retry: the spend-limit 429 (retrying cannot help and repeats a refused call) and
 * rate limits whose wait is too long to sit through silently. Everything else keeps the SDK's retry policy.
 */
export function withRetryGuard(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.status !== 429) return response;
    const body = await response.clone().text().catch(() => '');
    const wait = retryAfterSeconds(response.headers);
    const tooLong = wait !== undefined && wait > MAX_AUTOMATIC_RETRY_WAIT_SECONDS;
    if (!isSpendLimitBody(body) && !tooLong) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}

/**
 * The SDK's client with the two APIs Groundwork calls, Messages and Models: the SDK's own request machinery (retries
 * with retry-after, typed errors, timeouts, streaming, the browser-access header) without the rest of its API surface
 * (batches, files, skills, beta…), which would more than double the background's script.
 */
export class ModelClient extends BaseAnthropic {
  messages: Messages = new Messages(this);
  models: Models = new Models(this);
}

export function createClient(settings: ModelSettings, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): ModelClient {
  if (!settings.apiKey.trim()) throw modelProblem('no-key');
  return new ModelClient({
    apiKey: settings.apiKey.trim(),
    ...(settings.baseUrl ? { baseURL: settings.baseUrl.replace(/\/+$/, '') } : {}),
    // Sends anthropic-dangerous-direct-browser-access, without which calls from an extension fail CORS.
    dangerouslyAllowBrowser: true,
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    fetch: withRetryGuard(fetchImpl),
    openTelemetry: false,
  });
}

/**
 * The request's system and user blocks as the API's text blocks, with a cache breakpoint on each cacheable block of the
 * leading run (a breakpoint after a dynamic block would write a prefix that never comes again: 1.25× for nothing). The
 * API allows four breakpoints a request: should a prompt mark more, the last four are kept (the longest prefixes).
 */
export function toContentParams(system: readonly PromptBlock[], user: readonly PromptBlock[]): { system: TextBlockParam[]; user: TextBlockParam[] } {
  const blocks = [...system, ...user].filter((block) => block.text !== '');
  const firstDynamic = blocks.findIndex((block) => !block.cacheable);
  const leading = firstDynamic === -1 ? blocks : blocks.slice(0, firstDynamic);
  const kept = new Set(leading.slice(-MAX_CACHE_BREAKPOINTS));
  const params = (part: readonly PromptBlock[]): TextBlockParam[] =>
    part
      .filter((block) => block.text !== '')
      .map((block) => ({ type: 'text' as const, text: block.text, ...(kept.has(block) ? { cache_control: { type: 'ephemeral' as const } } : {}) }));
  return { system: params(system), user: params(user) };
}

function toUsage(usage: {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}): Usage {
  return {
    input: usage.input_tokens,
    output: usage.output_tokens,
    cacheRead: usage.cache_read_input_tokens ?? 0,
    cacheWrite: usage.cache_creation_input_tokens ?? 0,
  };
}

/** Aborts when the caller's signal does, or when nothing arrives for `idleMs` (a hung stream). */
class Watchdog {
  readonly controller = new AbortController();
  timedOut = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly signal: AbortSignal,
    private readonly idleMs: number,
  ) {
    this.onAbort = this.onAbort.bind(this);
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  private onAbort(): void {
    this.controller.abort();
  }

  /** Something arrived: the idle clock starts again. */
  alive(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.idleMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.signal.removeEventListener('abort', this.onAbort);
  }
}

/**
 * Streams one generation, calling `onText` with each piece in order. Stop = abort `signal`: the request is cancelled
 * at once and a 'cancelled' ModelProblem is thrown. Every failure is a ModelProblem carrying the text streamed so far.
 */
export async function streamGeneration(
  settings: ModelSettings,
  request: GenerationRequest,
  events: StreamEvents,
  signal: AbortSignal,
): Promise<GenerationResult> {
  if (signal.aborted) throw modelProblem('cancelled');
  const client = createClient(settings);
  const content = toContentParams(request.system, request.user);
  const params: MessageCreateParamsStreaming = {
    model: settings.model,
    max_tokens: request.maxTokens,
    system: content.system,
    messages: [{ role: 'user', content: content.user }],
    stream: true,
    ...(request.outputSchema
      ? { output_config: { format: { type: 'json_schema', schema: request.outputSchema as Record<string, unknown> } } }
      : {}),
  };
  // The SDK's own timeout covers the wait for the reply to start; the watchdog covers a stream that stalls after.
  const watchdog = new Watchdog(signal, settings.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const started = performance.now();
  let firstTokenMs: number | null = null;
  let text = '';
  try {
    const stream = client.messages.stream(params, { signal: watchdog.controller.signal });
    for await (const event of stream) {
      watchdog.alive();
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        firstTokenMs ??= Math.round(performance.now() - started);
        text += event.delta.text;
        events.onText(event.delta.text);
      }
    }
    const message = await stream.finalMessage();
    const usage = toUsage(message.usage);
    return {
      text,
      stopReason: message.stop_reason,
      usage,
      model: message.model,
      modelName: settings.modelNames?.[message.model] ?? message.model,
      latencyMs: Math.round(performance.now() - started),
      firstTokenMs,
      costUsd: costOf(message.model, usage),
    };
  } catch (error) {
    const problem =
      watchdog.timedOut && !signal.aborted
        ? modelProblem('timeout')
        : signal.aborted
          ? modelProblem('cancelled')
          : toModelProblem(error);
    throw problem.withPartialText(text);
  } finally {
    watchdog.dispose();
  }
}

/** A JSON schema the API accepts: no `$schema` keyword. */
export function jsonSchemaOf(schema: ZodType): Record<string, unknown> {
  const jsonSchema = { ...(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>) };
  delete jsonSchema.$schema;
  return jsonSchema;
}

/** The reply's JSON: tolerates a gateway that wraps it in a Markdown code fence. */
function parseJsonText(text: string): unknown {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return JSON.parse(fenced?.[1] ?? text);
}

/**
 * Structured output: the reply is constrained to `schema` (as JSON schema) and validated with it. A reply that is not
 * valid JSON or does not match is a 'malformed-output' problem carrying the raw text for the audit.
 */
export async function generateJson<T>(
  settings: ModelSettings,
  request: GenerationRequest,
  schema: ZodType<T>,
  signal: AbortSignal,
): Promise<{ value: T; result: GenerationResult }> {
  const result = await streamGeneration(settings, { ...request, outputSchema: jsonSchemaOf(schema) }, { onText: () => {} }, signal);
  let parsed: unknown;
  try {
    parsed = parseJsonText(result.text);
  } catch {
    const why = result.stopReason === 'max_tokens' ? 'the answer was cut off at its length limit' : 'it is not valid JSON';
    throw malformed(result.text, why);
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw malformed(result.text, `${first?.path.join('.') || 'the answer'}: ${first?.message ?? 'does not match'}`);
  }
  return { value: checked.data, result };
}

function malformed(rawText: string, why: string): ModelProblem {
  const base = modelProblem('malformed-output');
  return new ModelProblem('malformed-output', `${base.message} (${why})`, { rawText, apiMessage: why });
}

/** Used when the model list cannot be fetched; newest first within each family. */
export const FALLBACK_MODELS: readonly string[] = [
  'claude-sonnet-5-5',
  'claude-haiku-5-5',
  'claude-opus-5-5',
  'claude-sonnet-4-5',
  'claude-haiku-4-5',
];

const fallbackModels = (): ModelInfo[] => FALLBACK_MODELS.map((id) => ({ id, displayName: id }));

/** The models the key may use (GET /v1/models, every page), or the fallback list when they cannot be listed. */
export async function listModels(settings: ModelSettings, signal?: AbortSignal): Promise<ModelInfo[]> {
  try {
    const client = createClient(settings);
    const models: ModelInfo[] = [];
    for await (const model of client.models.list({ limit: 100 }, signal ? { signal } : {})) {
      models.push({ id: model.id, displayName: model.display_name || model.id });
    }
    return models.length > 0 ? models : fallbackModels();
  } catch {
    return fallbackModels();
  }
}

/** Lighter use cases want speed; writing for the rep wants quality. */
const FAMILY_FOR: Record<GenerationRequest['useCase'], readonly string[]> = {
  summary: ['sonnet', 'opus', 'haiku'],
  brief: ['sonnet', 'opus', 'haiku'],
  insights: ['sonnet', 'opus', 'haiku'],
  email: ['sonnet', 'opus', 'haiku'],
  extract: ['haiku', 'sonnet', 'opus'],
  'ask-plan': ['haiku', 'sonnet', 'opus'],
  'ask-answer': ['haiku', 'sonnet', 'opus'],
};

/** A default model for a use case from the available list (listed newest first): the first of the preferred family. */
export function defaultModelFor(useCase: GenerationRequest['useCase'], available: readonly string[]): string {
  for (const family of FAMILY_FOR[useCase]) {
    const found = available.find((id) => id.toLowerCase().includes(family));
    if (found) return found;
  }
  return available[0] ?? FALLBACK_MODELS[0] ?? 'claude-sonnet-5-5';
}
