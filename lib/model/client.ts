import type { MessageCreateParamsStreaming, MessageDeltaUsage, RawMessageStreamEvent, TextBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import { APIConnectionError } from '@anthropic-ai/sdk/core/error';
import { AnthropicApi } from './api';
import { costOf } from './prices';
import { modelProblem, ModelProblem, toModelProblem } from './problems';
import type { GenerationRequest, GenerationResult, ModelInfo, ModelSettings, PromptBlock, StreamEvents, StructuredOutput, Usage } from './types';

const DEFAULT_TIMEOUT_MS = 60_000;
/** The API allows four cache breakpoints per request. */
const MAX_CACHE_BREAKPOINTS = 4;

export function createClient(settings: ModelSettings, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): AnthropicApi {
  if (!settings.apiKey.trim()) throw modelProblem('no-key');
  return new AnthropicApi({
    apiKey: settings.apiKey.trim(),
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl.replace(/\/+$/, '') } : {}),
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    fetch: fetchImpl,
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

/** message_delta's counts are the final ones; a count it leaves out keeps message_start's. */
function withDelta(usage: Usage, delta: MessageDeltaUsage): Usage {
  return {
    input: delta.input_tokens ?? usage.input,
    output: delta.output_tokens,
    cacheRead: delta.cache_read_input_tokens ?? usage.cacheRead,
    cacheWrite: delta.cache_creation_input_tokens ?? usage.cacheWrite,
  };
}

/** What a stream's events add up to besides its text. */
interface Reply {
  model: string;
  stopReason: string | null;
  usage: Usage;
  /** message_stop arrived: a stream that ends before it was cut. */
  complete: boolean;
}

function readEvent(reply: Reply, event: RawMessageStreamEvent): void {
  if (event.type === 'message_start') {
    reply.model = event.message.model;
    reply.usage = toUsage(event.message.usage);
  } else if (event.type === 'message_delta') {
    reply.stopReason = event.delta.stop_reason;
    reply.usage = withDelta(reply.usage, event.usage);
  } else if (event.type === 'message_stop') {
    reply.complete = true;
  }
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
  // The client's timeout covers the wait for the reply to start; the watchdog covers a stream that stalls after.
  const watchdog = new Watchdog(signal, settings.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const started = performance.now();
  let firstTokenMs: number | null = null;
  let text = '';
  const reply: Reply = { model: settings.model, stopReason: null, usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, complete: false };
  try {
    for await (const event of await client.streamMessage(params, watchdog.controller.signal)) {
      watchdog.alive();
      readEvent(reply, event);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        firstTokenMs ??= Math.round(performance.now() - started);
        text += event.delta.text;
        events.onText(event.delta.text);
      }
    }
    // The SSE reader ends quietly when its connection is aborted or closed early: either way the reply is not whole.
    if (!reply.complete) throw new APIConnectionError({ message: 'The reply ended before it was complete.' });
    return {
      text,
      stopReason: reply.stopReason,
      usage: reply.usage,
      model: reply.model,
      modelName: settings.modelNames?.[reply.model] ?? reply.model,
      latencyMs: Math.round(performance.now() - started),
      firstTokenMs,
      costUsd: costOf(reply.model, reply.usage),
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

/** The reply's JSON: tolerates a gateway that wraps it in a Markdown code fence. */
function parseJsonText(text: string): unknown {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return JSON.parse(fenced?.[1] ?? text);
}

/**
 * Structured output: the reply is constrained to the output's JSON schema and validated with its zod schema. A reply
 * that is not valid JSON or does not match is a 'malformed-output' problem carrying the raw text for the audit.
 */
export async function generateJson<T>(
  settings: ModelSettings,
  request: GenerationRequest,
  output: StructuredOutput<T>,
  signal: AbortSignal,
): Promise<{ value: T; result: GenerationResult }> {
  const result = await streamGeneration(settings, { ...request, outputSchema: output.jsonSchema }, { onText: () => {} }, signal);
  let parsed: unknown;
  try {
    parsed = parseJsonText(result.text);
  } catch {
    const why = result.stopReason === 'max_tokens' ? 'the answer was cut off at its length limit' : 'it is not valid JSON';
    throw malformed(result.text, why);
  }
  const checked = output.schema.safeParse(parsed);
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
    for await (const model of client.listModels(signal)) {
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
