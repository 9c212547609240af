/**
 * The Messages and Models APIs over fetch: what goes on the wire (headers, paths, pages), which replies are retried
 * (the API's x-should-retry, lost connections), and what a reply cut before message_stop becomes.
 */
import { describe, expect, it } from 'vitest';
import { AnthropicApi } from '../../../lib/model/api';
import { toModelProblem } from '../../../lib/model/problems';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A fetch that answers from a list, in order, and records each call. */
function scriptedFetch(replies: (() => Response | Promise<Response>)[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const reply = replies.shift();
    if (!reply) throw new Error('no scripted reply left');
    return reply();
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const apiError = (status: number, type: string, headers: Record<string, string> = {}) =>
  json(status, { type: 'error', error: { type, message: `${type} happened` } }, headers);

const api = (fetchImpl: typeof fetch, maxRetries = 2) =>
  new AnthropicApi({ apiKey: 'sk-ant-test', baseUrl: 'https://gateway.example/anthropic', timeoutMs: 5_000, maxRetries, fetch: fetchImpl });

const COUNT = { model: 'claude-haiku-5-5', messages: [{ role: 'user' as const, content: 'ping' }] };

describe('AnthropicApi', () => {
  it('sends the key, the API version and the direct-browser-access header to the configured gateway', async () => {
    const { fetch, calls } = scriptedFetch([json(200, { input_tokens: 7 })]);
    expect(await api(fetch).countTokens(COUNT)).toEqual({ input_tokens: 7 });
    expect(calls[0]?.url).toBe('https://gateway.example/anthropic/v1/messages/count_tokens');
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.body).toEqual(COUNT);
    expect(calls[0]?.headers.get('x-api-key')).toBe('sk-ant-test');
    expect(calls[0]?.headers.get('anthropic-version')).toBe('2023-06-01');
    expect(calls[0]?.headers.get('anthropic-dangerous-direct-browser-access')).toBe('true');
  });

  it('obeys x-should-retry: a 400 marked retryable is retried, a 529 marked not retryable is not', async () => {
    const retried = scriptedFetch([apiError(400, 'invalid_request_error', { 'x-should-retry': 'true', 'retry-after-ms': '1' }), json(200, { input_tokens: 3 })]);
    expect(await api(retried.fetch).countTokens(COUNT)).toEqual({ input_tokens: 3 });
    expect(retried.calls).toHaveLength(2);

    const refused = scriptedFetch([apiError(529, 'overloaded_error', { 'x-should-retry': 'false' }), json(200, { input_tokens: 3 })]);
    const error = await api(refused.fetch).countTokens(COUNT).catch((caught: unknown) => caught);
    expect(toModelProblem(error).kind).toBe('overloaded');
    expect(refused.calls).toHaveLength(1);
  });

  it('retries a lost connection, and reports a network problem when it stays lost', async () => {
    const lost = () => Promise.reject(new TypeError('fetch failed'));
    const { fetch, calls } = scriptedFetch([lost, lost]);
    const error = await api(fetch, 1).countTokens(COUNT).catch((caught: unknown) => caught);
    expect(calls).toHaveLength(2);
    expect(toModelProblem(error).kind).toBe('network');
  });

  it('reads every page of the model list, asking for the next after the last id', async () => {
    const { fetch, calls } = scriptedFetch([
      json(200, { data: [{ id: 'claude-sonnet-5-5', display_name: 'Claude Sonnet 5.5' }], has_more: true, last_id: 'claude-sonnet-5-5' }),
      json(200, { data: [{ id: 'claude-haiku-5-5', display_name: 'Claude Haiku 5.5' }], has_more: false, last_id: 'claude-haiku-5-5' }),
    ]);
    const ids: string[] = [];
    for await (const model of api(fetch).listModels()) ids.push(model.id);
    expect(ids).toEqual(['claude-sonnet-5-5', 'claude-haiku-5-5']);
    expect(calls.map((call) => call.url)).toEqual([
      'https://gateway.example/anthropic/v1/models?limit=100',
      'https://gateway.example/anthropic/v1/models?limit=100&after_id=claude-sonnet-5-5',
    ]);
  });

  it('is stopped at once by its signal while waiting to retry', async () => {
    const stop = new AbortController();
    const { fetch, calls } = scriptedFetch([
      () => {
        setTimeout(() => stop.abort(), 0);
        return apiError(429, 'rate_limit_error', { 'retry-after': '15' })();
      },
    ]);
    const error = await api(fetch).countTokens(COUNT, stop.signal).catch((caught: unknown) => caught);
    expect(toModelProblem(error).kind).toBe('cancelled');
    expect(calls).toHaveLength(1);
  });
});
