import { APIError } from '@anthropic-ai/sdk';
import { describe, expect, it, vi } from 'vitest';
import { ModelProblem, streamGeneration, toModelProblem, type GenerationRequest } from '../../../lib/model';
import { SPEND_LIMIT_REACHED } from '../../sandbox/anthropic';
import { useFakeMessagesApi } from './fake-api';

const { api, settings } = useFakeMessagesApi();

const request: GenerationRequest = {
  useCase: 'summary',
  system: [{ text: 'You summarise.', cacheable: true }],
  user: [{ text: 'Summarise.', cacheable: false }],
  maxTokens: 200,
};
const never = new AbortController().signal;

async function problemOf(overrides: Parameters<typeof settings>[0] = {}): Promise<ModelProblem> {
  try {
    await streamGeneration(settings(overrides), request, { onText: () => {} }, never);
  } catch (error) {
    if (error instanceof ModelProblem) return error;
    throw error;
  }
  throw new Error('expected a ModelProblem');
}

const messageCalls = () => api.log.filter((entry) => entry.path === '/v1/messages').length;

describe('errors in plain words', () => {
  it('no key: says to add one in options, and makes no call', async () => {
    const problem = await problemOf({ apiKey: '  ' });
    expect(problem.kind).toBe('no-key');
    expect(problem.message).toMatch(/Add your key in Groundwork options/);
    expect(api.log).toHaveLength(0);
  });

  it('bad key (401): says to check the key', async () => {
    const problem = await problemOf({ apiKey: 'not-a-key' });
    expect(problem.kind).toBe('bad-key');
    expect(problem.message).toMatch(/Check the key/);
  });

  it('browser access disabled (403 permission_error about browser/CORS access)', async () => {
    api.script({
      error: { status: 403, type: 'permission_error', message: 'Browser (CORS) access is disabled for this organization.' },
    });
    const problem = await problemOf();
    expect(problem.kind).toBe('browser-access-disabled');
    expect(problem.message).toMatch(/does not allow calls from a browser extension/);
  });

  it('another 403 is about what the key may do, not the browser', async () => {
    api.script({ error: { status: 403, type: 'permission_error', message: 'This key cannot use this workspace.' } });
    const problem = await problemOf();
    expect(problem.kind).toBe('bad-key');
    expect(problem.message).toContain('This key cannot use this workspace.');
  });

  it('rate limited (429): states the wait from retry-after', async () => {
    api.script({ error: { status: 429, type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit', retryAfter: 45 } });
    const problem = await problemOf();
    expect(problem.kind).toBe('rate-limited');
    expect(problem.retryAfterSeconds).toBe(45);
    expect(problem.message).toMatch(/Try again in 45 seconds/);
  });

  it('rate limited with a short wait: the client retries after the wait and the generation succeeds', async () => {
    api.script(
      { error: { status: 429, type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit', retryAfter: 1 } },
      { text: 'Recovered.' },
    );
    const result = await streamGeneration(settings({ maxRetries: 2 }), request, { onText: () => {} }, never);
    expect(result.text).toBe('Recovered.');
    expect(messageCalls()).toBe(2);
  });

  it('rate limited with a long wait: not retried, the rep is told the wait at once', async () => {
    api.script(
      { error: { status: 429, type: 'rate_limit_error', message: 'rate limit', retryAfter: 120 } },
      { text: 'Should not be reached.' },
    );
    // On a fake clock that never moves, a client that slept through the wait would never report.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const problem = await problemOf({ maxRetries: 2 }).finally(() => vi.useRealTimers());
    expect(problem.kind).toBe('rate-limited');
    expect(problem.message).toMatch(/about 2 minutes/);
    expect(messageCalls()).toBe(1);
  });

  it('spend limit reached (429 with enforced_spend_limit_reached): not retried, even with retries on', async () => {
    api.script(SPEND_LIMIT_REACHED, { text: 'Should not be reached.' });
    const problem = await problemOf({ maxRetries: 2 });
    expect(problem.kind).toBe('spend-limit');
    expect(problem.message).toMatch(/spend limit/);
    expect(messageCalls()).toBe(1);
  });

  it('overloaded (529): retried by the client, then reported when it persists', async () => {
    const overloaded = { error: { status: 529, type: 'overloaded_error', message: 'Overloaded' } };
    api.script(overloaded, overloaded);
    const problem = await problemOf({ maxRetries: 1 });
    expect(problem.kind).toBe('overloaded');
    expect(problem.message).toMatch(/overloaded/);
    expect(messageCalls()).toBe(2);
  });

  it('server error (500)', async () => {
    api.script({ error: { status: 500, type: 'api_error', message: 'Internal server error' } });
    expect((await problemOf()).kind).toBe('server');
  });

  it('request too large (413) and a prompt that is too long (400)', async () => {
    api.script({ error: { status: 413, type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' } });
    expect((await problemOf()).kind).toBe('request-too-large');
    api.script({ error: { status: 400, type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' } });
    expect((await problemOf()).kind).toBe('request-too-large');
  });

  it('an unknown model (404) says to choose another model', async () => {
    const problem = await problemOf({ model: 'gpt-4' });
    expect(problem.kind).toBe('server');
    expect(problem.message).toMatch(/Choose another model/);
  });

  it('timeout: a request that hangs before answering', async () => {
    api.script({ hangMs: 5_000 });
    const problem = await problemOf({ timeoutMs: 200 });
    expect(problem.kind).toBe('timeout');
    expect(problem.message).toMatch(/took too long/);
    // The API saw the client hang up before it answered: the client gave up rather than waiting the hang out.
    await expect.poll(() => api.log.at(-1)?.aborted).toBe(true);
  });

  it('timeout: a stream that stalls after it started keeps the text so far', async () => {
    api.script({ text: 'First piece arrives. Then nothing for a long while.', chunkDelayMs: 2_000 });
    const problem = await problemOf({ timeoutMs: 200 });
    expect(problem.kind).toBe('timeout');
    expect(problem.partialText).toBe('First piece arri');
  });

  it('network down: nothing listens at the address', async () => {
    const problem = await problemOf({ baseUrl: 'http://127.0.0.1:9' });
    expect(problem.kind).toBe('network');
    expect(problem.message).toMatch(/could not be reached/);
  });

  it('a connection cut mid-stream is a network problem carrying the partial text', async () => {
    api.script({ text: 'Globex is a customer since 2024 and has two open deals.', cutAfterChars: 20 });
    const problem = await problemOf();
    expect(problem.kind).toBe('network');
    expect(problem.partialText).toBe('Globex is a customer');
  });

  it('a broken SSE stream (a bad proxy) is a server problem, not a network one', async () => {
    api.script({ malformed: true });
    const problem = await problemOf();
    expect(problem.kind).toBe('server');
  });
});

describe('toModelProblem', () => {
  const apiError = (status: number, type: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    APIError.generate(status, { type: 'error', error: { type, message, ...extra } }, undefined, new Headers(headers));

  it('maps a billing error and a low credit balance to the spend limit', () => {
    expect(toModelProblem(apiError(400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API.')).kind).toBe('spend-limit');
    expect(toModelProblem(apiError(402, 'billing_error', 'Payment required')).kind).toBe('spend-limit');
  });

  it('reads the wait from the rate-limit reset header when retry-after is missing', () => {
    const reset = new Date(Date.now() + 30_000).toISOString();
    const problem = toModelProblem(apiError(429, 'rate_limit_error', 'rate limit', {}, { 'anthropic-ratelimit-requests-reset': reset }));
    expect(problem.kind).toBe('rate-limited');
    expect(problem.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(problem.retryAfterSeconds).toBeLessThanOrEqual(31);
  });

  it('maps a gateway timeout (504) to timeout and 503 to overloaded', () => {
    expect(toModelProblem(apiError(504, 'timeout_error', 'Gateway timeout')).kind).toBe('timeout');
    expect(toModelProblem(apiError(503, 'api_error', 'Unavailable')).kind).toBe('overloaded');
  });

  it('maps a 401 about the direct-browser-access header to browser access', () => {
    const problem = toModelProblem(apiError(401, 'authentication_error', "CORS requests must set 'anthropic-dangerous-direct-browser-access' header"));
    expect(problem.kind).toBe('browser-access-disabled');
  });

  it('maps fetch failures, aborts and unknown errors', () => {
    expect(toModelProblem(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(toModelProblem(Object.assign(new Error('aborted'), { name: 'AbortError' })).kind).toBe('cancelled');
    expect(toModelProblem(new Error('something odd')).kind).toBe('server');
  });

  it('passes a ModelProblem through unchanged', () => {
    const original = new ModelProblem('timeout', 'x');
    expect(toModelProblem(original)).toBe(original);
  });
});
