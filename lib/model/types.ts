/** What the model client is given and gives back; plain data, so it can cross ports and go to the audit store. */
import { z } from 'zod/mini';

/** A failed model call as the panel shows it. */
export const GenerationProblem = z.object({
  kind: z.string(),
  message: z.string(),
  retryAfterSeconds: z.optional(z.number()),
});

export interface ModelSettings {
  apiKey: string;
  /** A company gateway that speaks the Anthropic API; default https://api.anthropic.com. */
  baseUrl?: string;
  model: string;
  /** Display names by model id, as the API's model list gives them: the name a result is shown by. */
  modelNames?: Readonly<Record<string, string>>;
  /**
   * How long to wait for the reply to start, and then for each next piece of a streamed reply, before giving up;
   * default 60 s. A request that hangs ends as a 'timeout' problem.
   */
  timeoutMs?: number;
  /** Automatic retries of rate limits, overload, server errors and timeouts (the SDK's policy); default 2. */
  maxRetries?: number;
}

/** A model as GET /v1/models lists it. */
export interface ModelInfo {
  id: string;
  displayName: string;
}

export type UseCase = 'summary' | 'brief' | 'insights' | 'email' | 'extract' | 'ask-plan' | 'ask-answer';

/**
 * A block of the prompt (system or user turn). A `cacheable` block ends a prefix that is the same on the next request
 * (the static instructions, or the record's context), marked as a prompt-cache breakpoint.
 */
export interface PromptBlock {
  text: string;
  cacheable: boolean;
}

/** The prompt's text as one string, as the audit keeps what was sent. */
export const textOf = (blocks: readonly PromptBlock[]): string => blocks.map((block) => block.text).join('\n\n');

export interface GenerationRequest {
  useCase: UseCase;
  /** Static, cacheable instructions first. */
  system: PromptBlock[];
  /** The user turn: the delimited context (cacheable), then the rep's choices and the task. */
  user: PromptBlock[];
  maxTokens: number;
  /** A JSON schema: the reply is constrained to it (output_config.format). */
  outputSchema?: object;
}

/**
 * An answer the model gives as JSON: the JSON schema it is held to, and the zod schema it is checked with. The JSON
 * schema is data written from the zod schema ahead of time (`npm run schemas`, scripts/output-schemas.ts), so the
 * worker does not carry zod's JSON Schema converter; tests/unit/model/output-schemas.test.ts fails while they differ.
 */
export interface StructuredOutput<T> {
  schema: z.ZodMiniType<T>;
  jsonSchema: Record<string, unknown>;
}

export interface StreamEvents {
  onText(delta: string): void;
}

export interface Usage {
  /** Input tokens neither written to nor read from the prompt cache. */
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export interface GenerationResult {
  text: string;
  stopReason: string | null;
  usage: Usage;
  /** The model the API says answered. */
  model: string;
  /** That model's display name from the model list (its id when the list does not name it): what the rep is shown. */
  modelName: string;
  /** From sending the request to the end of the reply. */
  latencyMs: number;
  /** From sending the request to the first text; null when no text came. */
  firstTokenMs: number | null;
  costUsd: number;
}
