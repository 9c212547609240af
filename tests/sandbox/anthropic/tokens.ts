/**
 * Token counts and the prompt cache.
 *
 * Tokens: counted with the Claude tokenizer that @anthropic-ai/tokenizer 0.0.4 ships (its BPE table, run by tiktoken's
 * WASM; nothing is fetched). It is the tokenizer of older Claude models: Anthropic says newer models' tokenizer yields
 * about 30% more tokens for the same text, and the API counts a few tokens more per request for the turn's framing,
 * so these counts are a close, low reading of what the API would bill. The prompt is, in the API's cache order: the
 * output schema (as JSON), the tools (as JSON), the system blocks, then every message's blocks (text as is, other
 * blocks as JSON).
 *
 * Cache: a block carrying `cache_control` (or the last block when the request has a top-level `cache_control`) is a
 * breakpoint; the prefix up to it is cacheable when it holds at least the model's minimum cacheable length
 * (minCacheableTokens). The first request with a prefix reports it as cache_creation_input_tokens; a request within
 * the TTL (5 minutes, or 1 hour with ttl "1h", refreshed on every hit) reports the longest cached prefix as
 * cache_read_input_tokens. input_tokens is the rest, as in the real API.
 */
import { createHash } from 'node:crypto';
import { getTokenizer } from '@anthropic-ai/tokenizer';
import type { Block, MessagesRequest } from './request';

/** What counts the tokens, for reports that must say so. */
export const TOKEN_COUNTER = '@anthropic-ai/tokenizer 0.0.4 (the Claude tokenizer of older models, run offline)';

let tokenizer: ReturnType<typeof getTokenizer> | undefined;

/** Tokens in a text, as the Claude tokenizer counts them (NFKC-normalised, special tokens as text). */
export function countTokens(text: string): number {
  // Built once: reading its BPE table takes a quarter of a second, encoding is fast.
  tokenizer ??= getTokenizer();
  return tokenizer.encode(text.normalize('NFKC'), 'all').length;
}

/** The text's first `max` tokens, as a reply cut at max_tokens ends. */
export function firstTokens(text: string, max: number): string {
  tokenizer ??= getTokenizer();
  const tokens = tokenizer.encode(text.normalize('NFKC'), 'all');
  if (tokens.length <= max) return text;
  return new TextDecoder().decode(tokenizer.decode(tokens.slice(0, max)));
}

/**
 * The minimum cacheable prompt length by model, as Anthropic documents it: 4,096 tokens for Claude Haiku 4.5 and
 * Opus 4.5/4.6, 2,048 for Sonnet 4.6 and the Haiku 3 models, 1,024 for Sonnet 4.5 and Sonnet 5, 512 for Opus 5. A
 * model the table does not know (the sandbox's 5.5 names, the demo model) takes its family's newest documented value:
 * Haiku 4,096, Sonnet 1,024, Opus 512.
 */
const MIN_CACHEABLE: readonly [RegExp, number][] = [
  [/^claude-(opus-4-[56]|haiku-4-5)/, 4096],
  [/^claude-(sonnet-4-6|3-5-haiku|3-haiku|haiku-3)/, 2048],
  [/haiku/, 4096],
  [/opus-[5-9]/, 512],
  [/opus/, 4096],
];
export const DEFAULT_MIN_CACHEABLE_TOKENS = 1024;

export function minCacheableTokens(model: string): number {
  return MIN_CACHEABLE.find(([pattern]) => pattern.test(model))?.[1] ?? DEFAULT_MIN_CACHEABLE_TOKENS;
}

export interface InputUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

function promptBlocks(request: MessagesRequest): Block[] {
  const schema: Block[] = request.outputSchema ? [{ type: 'schema', text: JSON.stringify(request.outputSchema) }] : [];
  const blocks = [...schema, ...request.tools, ...request.system, ...request.messages.flatMap((message) => message.content)];
  const last = blocks[blocks.length - 1];
  if (request.cacheControl && last && !last.cacheControl) {
    blocks[blocks.length - 1] = { ...last, cacheControl: request.cacheControl };
  }
  return blocks;
}

export function countInputTokens(request: MessagesRequest): number {
  return promptBlocks(request).reduce((sum, block) => sum + countTokens(block.text), 0);
}

interface Breakpoint {
  key: string;
  tokens: number;
  ttlMs: number;
}

export class PromptCache {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  clear(): void {
    this.expiries.clear();
  }

  /** The usage of one request, recording its cacheable prefixes. */
  account(request: MessagesRequest): InputUsage {
    const blocks = promptBlocks(request);
    const total = blocks.reduce((sum, block) => sum + countTokens(block.text), 0);
    const breakpoints = this.breakpoints(request.model, blocks);
    const now = this.now();
    const hit = [...breakpoints].reverse().find((point) => (this.expiries.get(point.key) ?? 0) > now);
    const read = hit?.tokens ?? 0;
    const lastPoint = breakpoints[breakpoints.length - 1];
    const creation = lastPoint ? lastPoint.tokens - read : 0;
    for (const point of breakpoints) this.expiries.set(point.key, now + point.ttlMs);
    return { input_tokens: total - read - creation, cache_creation_input_tokens: creation, cache_read_input_tokens: read };
  }

  private breakpoints(model: string, blocks: Block[]): Breakpoint[] {
    const points: Breakpoint[] = [];
    const hash = createHash('sha256').update(model);
    const minimum = minCacheableTokens(model);
    let tokens = 0;
    for (const block of blocks) {
      tokens += countTokens(block.text);
      hash.update('\u0000').update(block.text);
      if (block.cacheControl && tokens >= minimum) {
        points.push({ key: hash.copy().digest('hex'), tokens, ttlMs: block.cacheControl.ttlMs });
      }
    }
    return points;
  }
}
