import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createMessagesApi, DEMO_MODEL, SPEND_LIMIT_REACHED } from '../../sandbox/anthropic';
import { countTokens, firstTokens, minCacheableTokens } from '../../sandbox/anthropic/tokens';

let clock = 1_000_000;
const api = createMessagesApi({ firstTokenMs: 0, chunkDelayMs: 0, now: () => clock });
let server: Server;
let base = '';

const KEY = 'sk-ant-api03-test-key';
const HEADERS = { 'content-type': 'application/json', 'x-api-key': KEY, 'anthropic-version': '2023-06-01' };
const CONTEXT = 'l1 Name: Dana Whitfield\nl2 Account: Umbrella Health\nl3 Stage: Negotiation\nl4 Amount: 120000';
/** Instructions that ask for citations: the demo model cites context lines only when told to. */
const CITING = 'Cite every fact with the ids of the context lines.';

beforeAll(async () => {
  server = createServer((req, res) => void api.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  api.reset();
  clock += 60 * 60_000;
});

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'claude-haiku-5-5', max_tokens: 512, messages: [{ role: 'user', content: `Summarise.\n${CONTEXT}` }], ...overrides };
}

async function post(path: string, payload: unknown, headers: Record<string, string> = HEADERS): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(payload) });
}

function without(headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
}

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const event = /^event: (.*)$/m.exec(chunk)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(chunk)?.[1] ?? '{}';
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}

function deltaText(events: SseEvent[]): string {
  return events
    .filter((item) => item.event === 'content_block_delta')
    .map((item) => (item.data.delta as { text: string }).text)
    .join('');
}

describe('POST /v1/messages', () => {
  it('returns a Message object from the demo model, named as such, citing the context lines', async () => {
    const res = await post('/v1/messages', body({ system: CITING }));
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const message = (await res.json()) as Record<string, unknown> & { content: { type: string; text: string }[] };
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: DEMO_MODEL.id, stop_reason: 'end_turn', stop_sequence: null });
    expect(message.id).toMatch(/^msg_/);
    const text = message.content[0]?.text ?? '';
    expect(text).toContain('Name: Dana Whitfield [l1]');
    expect(text).toContain('Stage: Negotiation [l3]');
    expect(message.usage).toEqual({
      input_tokens: countTokens(CITING) + countTokens(`Summarise.\n${CONTEXT}`),
      output_tokens: countTokens(text),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    });
  });

  it('streams the documented SSE events in order, with text deltas that add up to the reply', async () => {
    api.script({ text: 'Dana Whitfield is negotiating the Umbrella Health renewal. [l1]' });
    const res = await post('/v1/messages', body({ stream: true }));
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const raw = await res.text();
    const events = parseSse(raw);
    const order = events.map((item) => item.event).filter((name, index, all) => name !== all[index - 1]);
    expect(order).toEqual([
      'message_start', 'content_block_start', 'ping', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop',
    ]);
    expect(events.filter((item) => item.event === 'content_block_delta').length).toBeGreaterThan(2);
    for (const item of events) expect(item.data.type).toBe(item.event);
    expect(deltaText(events)).toBe('Dana Whitfield is negotiating the Umbrella Health renewal. [l1]');
    const delta = events.find((item) => item.event === 'message_delta')?.data;
    expect(delta).toMatchObject({ delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 16 } });
  });

  it('holds the first text delta until firstTokenMs have passed on its clock', async () => {
    api.setFirstTokenLatency(120);
    const { setTimeout: realTimeout } = globalThis;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const streaming = post('/v1/messages', body({ stream: true })).then((res) => res.text());
      // Real time passes only for the request to reach the API, which then waits on the fake clock.
      while (vi.getTimerCount() === 0) await new Promise((resolve) => realTimeout(resolve, 5));
      await vi.advanceTimersByTimeAsync(119);
      expect(vi.getTimerCount()).toBe(1);
      await vi.runAllTimersAsync();
      expect(deltaText(parseSse(await streaming))).not.toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('is read correctly by the official SDK, streaming and not', async () => {
    const client = new Anthropic({ apiKey: KEY, baseURL: base, maxRetries: 0 });
    api.script({ text: 'First scripted.' }, { text: 'Second scripted.', stopReason: 'max_tokens' });
    const first = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
    expect(first.content).toEqual([{ type: 'text', text: 'First scripted.' }]);
    const stream = client.messages.stream({ model: 'claude-sonnet-5-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
    const second = await stream.finalMessage();
    expect(second.content).toEqual([{ type: 'text', text: 'Second scripted.' }]);
    expect(second.stop_reason).toBe('max_tokens');
    const third = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
    expect(first.model).toBe('claude-sonnet-5-5');
    expect(third.model).toBe(DEMO_MODEL.id);
    expect(third.content[0]?.type === 'text' && third.content[0].text).toMatch(/nothing grounded to say/);
  });

  it('cuts the demo reply at max_tokens and at a stop sequence, reporting why', async () => {
    const short = (await (await post('/v1/messages', body({ max_tokens: 3 }))).json()) as { content: { text: string }[]; stop_reason: string };
    expect(short.stop_reason).toBe('max_tokens');
    const whole = (await (await post('/v1/messages', body())).json()) as { content: { text: string }[] };
    // The reply's first three tokens, as the Claude tokenizer splits it.
    expect(short.content[0]?.text).toBe(firstTokens(whole.content[0]?.text ?? '', 3));
    expect(countTokens(short.content[0]?.text ?? '')).toBe(3);
    const stopped = (await (await post('/v1/messages', body({ stop_sequences: ['- Account'] }))).json()) as Record<string, unknown>;
    expect(stopped).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: '- Account' });
    expect(JSON.stringify(stopped.content)).not.toContain('Umbrella');
  });
});

describe('validation and authentication', () => {
  async function expectError(res: Response, status: number, type: string, message: RegExp): Promise<void> {
    expect(res.status).toBe(status);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const json = (await res.json()) as { type: string; error: { type: string; message: string }; request_id: string };
    expect(json.type).toBe('error');
    expect(json.error.type).toBe(type);
    expect(json.error.message).toMatch(message);
    expect(json.request_id).toBe(res.headers.get('request-id'));
  }

  it('rejects a body without model, max_tokens or messages with 400 invalid_request_error', async () => {
    await expectError(await post('/v1/messages', { max_tokens: 5, messages: [] }), 400, 'invalid_request_error', /^model: Field required$/);
    await expectError(await post('/v1/messages', body({ max_tokens: undefined })), 400, 'invalid_request_error', /^max_tokens: Field required$/);
    await expectError(await post('/v1/messages', body({ messages: undefined })), 400, 'invalid_request_error', /^messages: Field required$/);
    await expectError(await post('/v1/messages', body({ messages: [] })), 400, 'invalid_request_error', /at least one message/);
  });

  it('rejects roles that do not alternate, an unknown field and a body that is not JSON', async () => {
    const twice = [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }];
    await expectError(await post('/v1/messages', body({ messages: twice })), 400, 'invalid_request_error', /roles must alternate/);
    await expectError(await post('/v1/messages', body({ colour: 'red' })), 400, 'invalid_request_error', /^colour: Extra inputs are not permitted$/);
    const broken = await fetch(`${base}/v1/messages`, { method: 'POST', headers: HEADERS, body: '{"model":' });
    await expectError(broken, 400, 'invalid_request_error', /not valid JSON/);
  });

  it('leaves the script untouched when a request is invalid', async () => {
    api.script({ text: 'kept' });
    await post('/v1/messages', body({ model: undefined }));
    const ok = (await (await post('/v1/messages', body())).json()) as { content: { text: string }[] };
    expect(ok.content[0]?.text).toBe('kept');
  });

  it('answers 401 authentication_error without a key or with a key not shaped sk-ant-…, and accepts Bearer', async () => {
    const noKey = without(HEADERS, 'x-api-key');
    await expectError(await post('/v1/messages', body(), noKey), 401, 'authentication_error', /x-api-key header is required/);
    await expectError(await post('/v1/messages', body(), { ...noKey, 'x-api-key': 'sk-proj-123' }), 401, 'authentication_error', /invalid x-api-key/);
    expect((await post('/v1/messages', body(), { ...noKey, authorization: `Bearer ${KEY}` })).status).toBe(200);
  });

  it('requires anthropic-version and, from a browser origin, the direct-browser-access header', async () => {
    const noVersion = without(HEADERS, 'anthropic-version');
    await expectError(await post('/v1/messages', body(), noVersion), 400, 'invalid_request_error', /anthropic-version/);
    const fromExtension = { ...HEADERS, origin: 'chrome-extension://abcdef' };
    await expectError(await post('/v1/messages', body(), fromExtension), 401, 'authentication_error', /anthropic-dangerous-direct-browser-access/);
    const allowed = await post('/v1/messages', body(), { ...fromExtension, 'anthropic-dangerous-direct-browser-access': 'true' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdef');
  });

  it('answers 404 not_found_error for an unknown path and a model that is not Claude', async () => {
    await expectError(await post('/v1/complete-me', {}), 404, 'not_found_error', /Not Found/);
    await expectError(await post('/v1/messages', body({ model: 'gpt-5' })), 404, 'not_found_error', /^model: gpt-5$/);
  });
});

describe('scripted faults', () => {
  it('consumes scripted replies in order, then falls back to the demo model', async () => {
    api.script({ text: 'one' }, { json: { ok: true } }, { text: 'three' });
    const texts: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const reply = (await (await post('/v1/messages', body({ system: CITING }))).json()) as { content: { text: string }[] };
      texts.push(reply.content[0]?.text ?? '');
    }
    expect(texts.slice(0, 3)).toEqual(['one', '{"ok":true}', 'three']);
    expect(texts[3]).toContain('Dana Whitfield [l1]');
  });

  it('answers a scripted 429 with retry-after and rate-limit headers, and a 529 overloaded_error', async () => {
    api.script(
      { error: { status: 429, type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit.', retryAfter: 7 } },
      { error: { status: 529, type: 'overloaded_error', message: 'Overloaded' } },
    );
    const limited = await post('/v1/messages', body());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(((await limited.json()) as { error: unknown }).error).toEqual({ type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit.' });
    const overloaded = await post('/v1/messages', body());
    expect(overloaded.status).toBe(529);
    expect(await overloaded.json()).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  it('marks the spend-limit 429 with error_code enforced_spend_limit_reached and no retry-after', async () => {
    api.script(SPEND_LIMIT_REACHED);
    const res = await post('/v1/messages', body());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeNull();
    const json = (await res.json()) as { error: { type: string; message: string; details: { error_code: string } } };
    expect(json.error.type).toBe('rate_limit_error');
    expect(json.error.message).toMatch(/monthly spend limit/);
    expect(json.error.details.error_code).toBe('enforced_spend_limit_reached');
  });

  it('cuts a stream after cutAfterChars characters with no message_stop', async () => {
    api.script({ cutAfterChars: 20, text: 'This reply is going to be cut before the end.' });
    const res = await post('/v1/messages', body({ stream: true }));
    const decoder = new TextDecoder();
    let raw = '';
    const reader = res.body?.getReader();
    await expect(
      (async () => {
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) return;
          raw += decoder.decode(chunk.value);
        }
      })(),
    ).rejects.toThrow();
    const events = parseSse(raw);
    expect(deltaText(events)).toBe('This reply is going ');
    expect(events.map((item) => item.event)).not.toContain('message_stop');
  });

  it('sends a body that is not JSON and an SSE event that does not parse when malformed', async () => {
    api.script({ malformed: true }, { malformed: true });
    const plain = await post('/v1/messages', body());
    expect(plain.status).toBe(200);
    await expect(plain.json()).rejects.toThrow();
    const streamed = await (await post('/v1/messages', body({ stream: true }))).text();
    const data = /^data: (.*)$/m.exec(streamed)?.[1] ?? '';
    expect(() => JSON.parse(data) as unknown).toThrow();
  });

  it('does not answer within hangMs, and logs that the client gave up', async () => {
    api.script({ hangMs: 5_000 });
    await expect(fetch(`${base}/v1/messages`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body()), signal: AbortSignal.timeout(80) })).rejects.toThrow();
    await expect.poll(() => api.log.at(-1)?.aborted).toBe(true);
  });
});

describe('usage and prompt caching', () => {
  // 1,201 tokens: over Sonnet's minimum cacheable length (1,024), under Haiku's (4,096).
  const longPrefix = 'Account history line. '.repeat(300);
  const cached = (question: string, model = 'claude-sonnet-5-5'): Record<string, unknown> =>
    body({
      model,
      system: [{ type: 'text', text: longPrefix, cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: question }],
    });
  const usageOf = async (payload: unknown): Promise<Record<string, number>> =>
    ((await (await post('/v1/messages', payload)).json()) as { usage: Record<string, number> }).usage;

  it('reports a cache write on the first request and a cache read on a repeat within five minutes', async () => {
    const first = await usageOf(cached('What changed?'));
    expect(first).toEqual({ input_tokens: 3, cache_creation_input_tokens: 1201, cache_read_input_tokens: 0, output_tokens: expect.any(Number) as number });
    clock += 4 * 60_000;
    const second = await usageOf(cached('Anything else?'));
    expect(second).toMatchObject({ input_tokens: 3, cache_creation_input_tokens: 0, cache_read_input_tokens: 1201 });
  });

  it('reads the longest cached prefix and writes only what follows it (a second breakpoint on the context)', async () => {
    const context = 'Opportunity line. '.repeat(100);
    const twoBreakpoints = (question: string) =>
      body({
        model: 'claude-sonnet-5-5',
        system: [{ type: 'text', text: longPrefix, cache_control: { type: 'ephemeral' } }],
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: context, cache_control: { type: 'ephemeral' } },
              { type: 'text', text: question },
            ],
          },
        ],
      });
    await usageOf(cached('What changed?'));
    const first = await usageOf(twoBreakpoints('Summarise.'));
    expect(first).toMatchObject({ cache_read_input_tokens: 1201, cache_creation_input_tokens: countTokens(context), input_tokens: 4 });
    const second = await usageOf(twoBreakpoints('Write the brief.'));
    expect(second).toMatchObject({ cache_read_input_tokens: 1201 + countTokens(context), cache_creation_input_tokens: 0 });
  });

  it('writes the cache again once five minutes pass without a hit', async () => {
    await usageOf(cached('What changed?'));
    clock += 5 * 60_000 + 1;
    expect(await usageOf(cached('What changed?'))).toMatchObject({ cache_creation_input_tokens: 1201, cache_read_input_tokens: 0 });
  });

  it("does not cache a prefix under the model's minimum cacheable length: 1,024 tokens for Sonnet, 4,096 for Haiku", async () => {
    const small = body({ model: 'claude-sonnet-5-5', system: [{ type: 'text', text: 'Short system prompt.', cache_control: { type: 'ephemeral' } }] });
    await usageOf(small);
    expect(await usageOf(small)).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    await usageOf(cached('What changed?', 'claude-haiku-5-5'));
    expect(await usageOf(cached('What changed?', 'claude-haiku-5-5'))).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect([minCacheableTokens('claude-haiku-4-5'), minCacheableTokens('claude-sonnet-4-5'), minCacheableTokens('claude-opus-4-5')]).toEqual([4096, 1024, 4096]);
  });

  it('counts tokens with the Claude tokenizer: count_tokens gives the tokens of the system and message text', async () => {
    const res = await post('/v1/messages/count_tokens', {
      model: 'claude-haiku-5-5',
      system: 'The quick brown fox jumps over the lazy dog.',
      messages: [{ role: 'user', content: '{"Name":"Globex Industries","AnnualRevenue":850000000}' }],
    });
    expect(await res.json()).toEqual({ input_tokens: 10 + 13 });
  });
});

describe('structured output', () => {
  const Proposal = z.object({
    summary: z.string().min(3),
    stage: z.enum(['Prospecting', 'Negotiation', 'Closed Won']),
    amount: z.number().int().min(1000),
    contacts: z.array(z.object({ name: z.string(), email: z.email() })).min(2),
    nextStep: z.string().nullable(),
    notes: z.string().optional(),
  });
  const config = { output_config: { format: { type: 'json_schema', schema: z.toJSONSchema(Proposal) } } };

  it('makes the demo model answer with JSON that conforms to the schema', async () => {
    const reply = (await (await post('/v1/messages', body(config))).json()) as { content: { text: string }[] };
    const parsed = Proposal.parse(JSON.parse(reply.content[0]?.text ?? ''));
    expect(parsed.contacts).toHaveLength(2);
    expect(parsed.stage).toBe('Prospecting');
  });

  it('fills a string property from the context line with the same field name', async () => {
    const schema = z.toJSONSchema(z.object({ Name: z.string(), Account: z.string() }));
    const reply = (await (await post('/v1/messages', body({ output_config: { format: { type: 'json_schema', schema } } }))).json()) as {
      content: { text: string }[];
    };
    expect(JSON.parse(reply.content[0]?.text ?? '')).toEqual({ Name: 'Dana Whitfield', Account: 'Umbrella Health' });
  });

  it('returns a scripted json reply as the text of the message', async () => {
    api.script({ json: { summary: 'Renewal', stage: 'Negotiation' } });
    const reply = (await (await post('/v1/messages', body(config))).json()) as { content: { text: string }[] };
    expect(JSON.parse(reply.content[0]?.text ?? '')).toEqual({ summary: 'Renewal', stage: 'Negotiation' });
  });
});

describe('GET /v1/models', () => {
  const get = (path: string): Promise<Response> => fetch(`${base}${path}`, { headers: HEADERS });

  it('lists models in the documented shape, newest first', async () => {
    const list = (await (await get('/v1/models')).json()) as { data: { id: string; type: string; display_name: string; created_at: string }[]; has_more: boolean; first_id: string; last_id: string };
    expect(list.data.map((item) => item.id)).toEqual(expect.arrayContaining(['claude-haiku-5-5', 'claude-sonnet-5-5', 'claude-opus-5-5']));
    expect(list.data[0]).toMatchObject({ type: 'model', id: 'claude-opus-5-5', display_name: 'Claude Opus 5.5' });
    expect(list.has_more).toBe(false);
    expect(list.first_id).toBe(list.data[0]?.id);
    expect(list.last_id).toBe(list.data.at(-1)?.id);
  });

  it('pages with limit and after_id, and returns one model by id', async () => {
    const page = (await (await get('/v1/models?limit=2')).json()) as { data: { id: string }[]; has_more: boolean; last_id: string };
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    const next = (await (await get(`/v1/models?limit=2&after_id=${page.last_id}`)).json()) as { data: { id: string }[] };
    expect(next.data[0]?.id).toBe('claude-haiku-5-5');
    expect(await (await get('/v1/models/claude-haiku-5-5')).json()).toMatchObject({ id: 'claude-haiku-5-5', type: 'model' });
    expect((await get('/v1/models/claude-nonexistent')).status).toBe(404);
  });

  it('logs every request with its headers and body', async () => {
    await post('/v1/messages', body());
    const entry = api.log.at(-1);
    expect(entry).toMatchObject({ method: 'POST', path: '/v1/messages', status: 200 });
    expect(entry?.headers['x-api-key']).toBe(KEY);
    expect(JSON.parse(entry?.body ?? '{}')).toMatchObject({ model: 'claude-haiku-5-5' });
  });
});

describe('tool use', () => {
  const note = 'Call with Rosa today. Moving to Negotiation, budget is now $250k.';
  const tool = {
    name: 'propose_changes',
    description: 'Propose Salesforce changes from a note.',
    input_schema: { type: 'object' as const, ...(z.toJSONSchema(
      z.object({
        activity: z.object({ subject: z.object({ value: z.string(), evidence: z.string() }) }),
        fieldUpdates: z.array(z.object({ field: z.string(), value: z.string(), evidence: z.string() })),
      }),
    ) as Record<string, unknown>) },
  };
  const request = {
    model: 'claude-sonnet-5-5',
    max_tokens: 1000,
    system: 'Propose changes.',
    messages: [{ role: 'user' as const, content: `<context>\n${note}\n</context>\n\n<fields>\n- StageName (Stage; picklist: Prospecting, Negotiation; restricted)\n- Amount (Amount; currency)\n</fields>` }],
    tools: [tool],
  };

  it('calls the tool the request forces, its input valid against the tool’s schema and read from the note, streaming and not', async () => {
    const client = new Anthropic({ apiKey: KEY, baseURL: base, maxRetries: 0 });
    const forced = { ...request, tool_choice: { type: 'tool' as const, name: 'propose_changes' } };
    const created = await client.messages.create(forced);
    expect(created).toMatchObject({ model: DEMO_MODEL.id, stop_reason: 'tool_use' });
    const [block] = created.content;
    expect(block?.type === 'tool_use' && block.name).toBe('propose_changes');
    expect(block?.type === 'tool_use' && block.id).toMatch(/^toolu_/);
    expect(block?.type === 'tool_use' && block.input).toEqual({
      activity: { subject: { value: 'Call with Rosa today', evidence: 'Call with Rosa today.' } },
      fieldUpdates: [
        { field: 'StageName', value: 'Negotiation', evidence: 'Negotiation' },
        { field: 'Amount', value: '250000', evidence: '$250k' },
      ],
    });
    const streamed = await client.messages.stream(forced).finalMessage();
    expect(streamed.content[0]?.type === 'tool_use' && streamed.content[0].input).toEqual(block?.type === 'tool_use' ? block.input : null);
    expect(streamed.stop_reason).toBe('tool_use');
  });

  it('answers in text when tool_choice is none, and refuses a tool_choice naming no defined tool', async () => {
    const none = (await (await post('/v1/messages', { ...request, tool_choice: { type: 'none' } })).json()) as { content: { type: string }[] };
    expect(none.content[0]?.type).toBe('text');
    const missing = await post('/v1/messages', { ...request, tool_choice: { type: 'tool', name: 'delete_everything' } });
    expect(missing.status).toBe(400);
  });
});
