/**
 * Token estimates and the prompt cache.
 *
 * Tokens: ceil(characters / 4) of the prompt text, deterministic so tests can predict the numbers. The prompt is, in
 * the API's cache order: the output schema (as JSON), the tools (as JSON), the system blocks, then every message's
 * blocks (text as is, other blocks as JSON).
 *
 * Cache: a block carrying `cache_control` (or the last block when the request has a top-level `cache_control`) is a
 * breakpoint; the prefix up to it is cacheable when it is at least 1,024 estimated tokens. The first request with a
 * prefix reports it as cache_creation_input_tokens; a request within the TTL (5 minutes, or 1 hour with ttl "1h",
 * refreshed on every hit) reports the longest cached prefix as cache_read_input_tokens. input_tokens is the rest, as in
 * the real API.
 */
import { createHash } from 'node:crypto';
import type { Block, MessagesRequest } from './request';

export const MIN_CACHEABLE_TOKENS = 1024;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
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
  return estimateTokens(promptBlocks(request).map((block) => block.text).join(''));
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
    const total = estimateTokens(blocks.map((block) => block.text).join(''));
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
    let prefix = '';
    for (const block of blocks) {
      prefix += block.text;
      hash.update('\u0000').update(block.text);
      const tokens = estimateTokens(prefix);
      if (block.cacheControl && tokens >= MIN_CACHEABLE_TOKENS) {
        points.push({ key: hash.copy().digest('hex'), tokens, ttlMs: block.cacheControl.ttlMs });
      }
    }
    return points;
  }
}
