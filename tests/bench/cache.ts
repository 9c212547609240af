/**
 * Prompt caching as the extension sends it: the real summary and brief prompts (lib/prompts renderPrompt over the
 * account's real context) through the real model client (lib/model streamGeneration) to the sandbox's Messages API,
 * which accounts the cache as the API documents it (tests/sandbox/anthropic/tokens.ts). Two summaries of one record
 * in a row (Regenerate), then a brief of the same record: what the second reads from the cache, and what each costs at
 * Sonnet's prices against the same requests with no cache at all.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildContext, PROMPT_CONTEXT_TOKENS } from '../../lib/context';
import { costOf, streamGeneration, type GenerationResult, type Usage } from '../../lib/model';
import { renderPrompt, type PromptId } from '../../lib/prompts';
import { createMessagesApi } from '../sandbox/anthropic';
import { GLOBEX } from './figures';
import type { BenchOrg } from './org';
import { groundworkClient } from './ours';
import type { CacheFigures, FigureOutput } from './results';

/** The writing prompts' default model family (lib/model defaultModelFor): its minimum cacheable length is 1,024 tokens. */
const MODEL = 'claude-sonnet-5-5';

const uncached = (usage: Usage): Usage => ({ input: usage.input + usage.cacheRead + usage.cacheWrite, output: usage.output, cacheRead: 0, cacheWrite: 0 });
const usd = (value: number): number => Math.round(value * 1_000_000) / 1_000_000;

export async function cacheFigure(org: BenchOrg): Promise<FigureOutput<CacheFigures>> {
  const context = buildContext(await groundworkClient(org).context(GLOBEX), { maxTokens: PROMPT_CONTEXT_TOKENS }).text;
  const api = createMessagesApi({ firstTokenMs: 0, chunkDelayMs: 0 });
  const server = createServer((req, res) => void api.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const settings = { apiKey: 'sk-ant-bench-key-000001', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, model: MODEL, maxRetries: 0 };
  const generate = async (id: PromptId): Promise<GenerationResult> => {
    const prompt = renderPrompt(id, { context });
    const request = { useCase: id === 'brief' ? ('brief' as const) : ('summary' as const), system: prompt.system, user: prompt.user, maxTokens: prompt.maxTokens };
    return streamGeneration(settings, request, { onText: () => {} }, new AbortController().signal);
  };
  try {
    const first = await generate('summary');
    const second = await generate('summary');
    const brief = await generate('brief');
    // Priced as the model asked for: the sandbox's demo model answers in its place.
    const cost = (usage: Usage) => usd(costOf(MODEL, usage));
    return {
      value: {
        model: MODEL,
        write_tokens_first_generation: first.usage.cacheWrite,
        read_tokens_second_generation: second.usage.cacheRead,
        uncached_input_tokens_second_generation: second.usage.input,
        read_tokens_other_feature_same_record: brief.usage.cacheRead,
        cost_usd_per_generation: {
          first_with_cache: cost(first.usage),
          second_with_cache: cost(second.usage),
          without_cache: cost(uncached(second.usage)),
        },
      },
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
