/**
 * The prompt cache from end to end: the real prompts (lib/prompts) over a real context, sent by the real model client
 * (lib/model) to the sandbox's Messages API, which accounts the cache as the API documents it. What the usage says is
 * what the rep is billed for.
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../lib/context';
import { streamGeneration, type GenerationResult } from '../../../lib/model';
import { renderPrompt, type PromptId } from '../../../lib/prompts';
import { globexGraph, NOW } from '../context/graph-fixture';
import { useFakeMessagesApi } from '../model/fake-api';

const { settings } = useFakeMessagesApi();
const context = buildContext(globexGraph(), { maxTokens: 4_000, now: NOW }).text;

async function generate(id: PromptId, extra: Record<string, string> = {}): Promise<GenerationResult> {
  const prompt = renderPrompt(id, { context, extra });
  const request = { useCase: 'summary' as const, system: prompt.system, user: prompt.user, maxTokens: prompt.maxTokens };
  return streamGeneration(settings({ model: 'claude-sonnet-5-5' }), request, { onText: () => {} }, new AbortController().signal);
}

describe('prompt caching of the real prompts', () => {
  it('a second generation on the same record reads everything but the task from the cache', async () => {
    const first = await generate('summary');
    expect(first.usage.cacheRead).toBe(0);
    expect(first.usage.cacheWrite).toBeGreaterThan(1_024);
    const second = await generate('summary', { last_visit: '2026-05-01' });
    expect(second.usage.cacheRead).toBe(first.usage.cacheWrite);
    expect(second.usage.cacheWrite).toBe(0);
    // Only the rep's choices and the task are sent uncached.
    expect(second.usage.input).toBeLessThan(60);
  });

  it('another prompt on the same record reads the shared preamble, and writes its own instructions and the context', async () => {
    const summary = await generate('summary');
    const brief = await generate('brief');
    expect(brief.usage.cacheRead).toBeGreaterThanOrEqual(1_024);
    expect(brief.usage.cacheRead).toBeLessThan(summary.usage.cacheWrite);
    expect(brief.usage.cacheWrite).toBeGreaterThan(0);
  });
});
