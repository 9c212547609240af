import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  costOf,
  generateJson,
  listModels,
  ModelProblem,
  streamGeneration,
  FALLBACK_MODELS,
  type GenerationRequest,
} from '../../../lib/model';
import { DEMO_MODEL } from '../../sandbox/anthropic';
import { useFakeMessagesApi } from './fake-api';
import { jsonSchemaOf } from '../../../scripts/output-schemas';

const { api, settings } = useFakeMessagesApi();

const request = (overrides: Partial<GenerationRequest> = {}): GenerationRequest => ({
  useCase: 'summary',
  system: [{ text: 'You summarise Salesforce records.', cacheable: true }],
  user: [
    { text: '<context>\nrabc Account Name: Globex Industries\n</context>', cacheable: true },
    { text: 'Summarise.', cacheable: false },
  ],
  maxTokens: 500,
  ...overrides,
});

const never = new AbortController().signal;

async function failure(promise: Promise<unknown>): Promise<ModelProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ModelProblem) return error;
    throw error;
  }
  throw new Error('expected a ModelProblem');
}

function sentBody(index = 0): Record<string, unknown> {
  const entry = api.log.filter((item) => item.path.startsWith('/v1/messages'))[index];
  return JSON.parse(entry?.body ?? '{}') as Record<string, unknown>;
}

describe('streamGeneration', () => {
  it('delivers the text deltas in order and returns the whole text, stop reason and model', async () => {
    const text = 'Globex Industries is a manufacturing customer [rabc]. '.repeat(6);
    api.script({ text });
    const deltas: string[] = [];
    const result = await streamGeneration(settings(), request(), { onText: (delta) => deltas.push(delta) }, never);
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe(text);
    expect(result.text).toBe(text);
    expect(result.stopReason).toBe('end_turn');
    expect(result.model).toBe('claude-haiku-5-5');
    expect(result.firstTokenMs).not.toBeNull();
    expect(result.latencyMs).toBeGreaterThanOrEqual(result.firstTokenMs ?? 0);
  });

  it('sends the blocks with a cache breakpoint on each static one up to the context, none on the task, and the browser-access header', async () => {
    api.script({ text: 'ok' });
    await streamGeneration(settings(), request(), { onText: () => {} }, never);
    const body = sentBody();
    expect(body.system).toEqual([{ type: 'text', text: 'You summarise Salesforce records.', cache_control: { type: 'ephemeral' } }]);
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: '<context>\nrabc Account Name: Globex Industries\n</context>', cache_control: { type: 'ephemeral' } },
          { type: 'text', text: 'Summarise.' },
        ],
      },
    ]);
    expect(body).toMatchObject({ model: 'claude-haiku-5-5', max_tokens: 500, stream: true });
    expect(api.log[0]?.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
  });

  it('reads usage including cache writes and reads, and computes the cost from it', async () => {
    const longRules = 'Cite every fact with its line id. '.repeat(600); // over 4,096 tokens: cacheable for Haiku
    const req = request({ system: [{ text: longRules, cacheable: true }] });
    api.script({ text: 'First.' }, { text: 'Second.' });
    const first = await streamGeneration(settings(), req, { onText: () => {} }, never);
    const second = await streamGeneration(settings(), req, { onText: () => {} }, never);
    expect(first.usage.cacheWrite).toBeGreaterThan(1024);
    expect(first.usage.cacheRead).toBe(0);
    expect(second.usage.cacheRead).toBe(first.usage.cacheWrite);
    expect(second.usage.cacheWrite).toBe(0);
    expect(second.usage.output).toBeGreaterThan(0);
    expect(first.costUsd).toBeCloseTo(costOf('claude-haiku-5-5', first.usage), 12);
    expect(second.costUsd).toBeLessThan(first.costUsd);
  });

  it('reports the scripted usage exactly', async () => {
    api.script({ text: 'Hi', usage: { input_tokens: 1000, output_tokens: 200, cache_read_input_tokens: 5000, cache_creation_input_tokens: 0 } });
    const result = await streamGeneration(settings({ model: 'claude-sonnet-5-5' }), request(), { onText: () => {} }, never);
    expect(result.usage).toEqual({ input: 1000, output: 200, cacheRead: 5000, cacheWrite: 0 });
    // Sonnet: $2 in, $10 out per million; cache reads at 0.1×.
    expect(result.costUsd).toBeCloseTo((1000 * 2 + 200 * 10 + 5000 * 2 * 0.1) / 1e6, 12);
  });

  it('reports max_tokens as the stop reason when the reply is cut at its limit', async () => {
    api.script({ text: 'A long answer', stopReason: 'max_tokens' });
    const result = await streamGeneration(settings(), request(), { onText: () => {} }, never);
    expect(result.stopReason).toBe('max_tokens');
  });

  it('uses the configured base URL (a company gateway) with a path prefix trimmed of its slash', async () => {
    api.script({ text: 'ok' });
    const base = settings().baseUrl ?? '';
    await streamGeneration(settings({ baseUrl: `${base}/` }), request(), { onText: () => {} }, never);
    expect(api.log[0]?.path).toBe('/v1/messages');
  });
});

describe('Stop', () => {
  it('cancels the request at once, keeps the partial text, and the API sees the connection closed', async () => {
    api.script({ text: 'word '.repeat(400), chunkDelayMs: 20 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const pending = streamGeneration(
      settings(),
      request(),
      {
        onText: (delta) => {
          deltas.push(delta);
          if (deltas.length === 3) controller.abort();
        },
      },
      controller.signal,
    );
    const problem = await failure(pending);
    expect(problem.kind).toBe('cancelled');
    expect(problem.partialText).toBe(deltas.join(''));
    // The API saw the connection closed before its 400-word reply was done.
    await expect.poll(() => api.log[0]?.aborted).toBe(true);
  });

  it('does not call the API when already stopped', async () => {
    const controller = new AbortController();
    controller.abort();
    const problem = await failure(streamGeneration(settings(), request(), { onText: () => {} }, controller.signal));
    expect(problem.kind).toBe('cancelled');
    expect(api.log).toHaveLength(0);
  });

  it('cancels while waiting for the reply to start', async () => {
    api.script({ hangMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const problem = await failure(streamGeneration(settings(), request(), { onText: () => {} }, controller.signal));
    expect(problem.kind).toBe('cancelled');
    await expect.poll(() => api.log[0]?.aborted).toBe(true);
  });
});

describe('generateJson', () => {
  const Schema = z.object({ summary: z.string(), risks: z.array(z.string()) });
  const Output = { schema: Schema, jsonSchema: jsonSchemaOf(Schema) };

  it('asks for structured output with the JSON schema and returns the validated value', async () => {
    api.script({ json: { summary: 'Healthy account [rabc]', risks: ['Overdue task [t123]'] } });
    const { value, result } = await generateJson(settings(), request({ useCase: 'extract' }), Output, never);
    expect(value).toEqual({ summary: 'Healthy account [rabc]', risks: ['Overdue task [t123]'] });
    expect(result.usage.output).toBeGreaterThan(0);
    const format = (sentBody().output_config as { format: { type: string; schema: Record<string, unknown> } }).format;
    expect(format.type).toBe('json_schema');
    expect(format.schema).toMatchObject({ type: 'object', required: ['summary', 'risks'] });
    expect(format.schema).not.toHaveProperty('$schema');
  });

  it('works against the demo model, whose reply is valid for the schema', async () => {
    const { value } = await generateJson(settings(), request({ useCase: 'extract' }), Output, never);
    expect(Schema.safeParse(value).success).toBe(true);
  });

  it('reports text that is not JSON as malformed output, keeping the raw text', async () => {
    api.script({ text: 'Sure! Here is the JSON: {"summary": ' });
    const problem = await failure(generateJson(settings(), request(), Output, never));
    expect(problem.kind).toBe('malformed-output');
    expect(problem.rawText).toBe('Sure! Here is the JSON: {"summary": ');
    expect(problem.message).toMatch(/Regenerate/);
  });

  it('reports JSON that does not match the schema as malformed output, saying where', async () => {
    api.script({ json: { summary: 42 } });
    const problem = await failure(generateJson(settings(), request(), Output, never));
    expect(problem.kind).toBe('malformed-output');
    expect(problem.rawText).toBe('{"summary":42}');
    expect(problem.message).toMatch(/summary/);
  });

  it('says the answer was cut off when max_tokens truncated the JSON', async () => {
    api.script({ text: '{"summary": "Glob', stopReason: 'max_tokens' });
    const problem = await failure(generateJson(settings(), request(), Output, never));
    expect(problem.kind).toBe('malformed-output');
    expect(problem.message).toMatch(/cut off/);
  });

  it('accepts JSON wrapped in a Markdown code fence by a gateway', async () => {
    api.script({ text: '```json\n{"summary": "ok", "risks": []}\n```' });
    const { value } = await generateJson(settings(), request(), Output, never);
    expect(value).toEqual({ summary: 'ok', risks: [] });
  });
});

describe('listModels', () => {
  it('lists the models the API offers with their display names, newest first', async () => {
    const models = await listModels(settings());
    expect(models.slice(0, 5).map((model) => model.id)).toEqual(['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-sonnet-4-5', 'claude-haiku-4-5']);
    expect(models[0]?.displayName).toBe('Claude Opus 5.5');
    expect(models.find((model) => model.id === DEMO_MODEL.id)?.displayName).toBe('Demo model (offline)');
    expect(api.log[0]?.path).toMatch(/^\/v1\/models/);
  });

  it('falls back to the built-in list when the API cannot be reached', async () => {
    const models = await listModels(settings({ baseUrl: 'http://127.0.0.1:9' }));
    expect(models.map((model) => model.id)).toEqual([...FALLBACK_MODELS]);
  });

  it('falls back to the built-in list without a key, making no call', async () => {
    expect((await listModels(settings({ apiKey: '' }))).map((model) => model.id)).toEqual([...FALLBACK_MODELS]);
    expect(api.log).toHaveLength(0);
  });
});
