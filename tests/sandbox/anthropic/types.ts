import type { Handler, RequestLogEntry } from '../http';

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';

/** What the next POST /v1/messages answers; replies are consumed in order, then the demo model answers. */
export type ScriptedReply =
  | { text: string; stopReason?: StopReason; usage?: Partial<Usage>; chunkDelayMs?: number }
  /** Returned as the text of the reply (structured output). */
  | { json: unknown }
  /** Structured output computed from the request's prompt (system and user text): a scripted model that reads. */
  | { jsonFrom(prompt: string): unknown }
  /**
   * An HTTP error with the documented body. `retryAfter` (seconds) sets `retry-after`; `errorCode` sets
   * `error.details.error_code` (the API uses it to mark a spend-limit 429: see SPEND_LIMIT_REACHED).
   */
  | { error: { status: number; type: string; message: string; retryAfter?: number; errorCode?: string } }
  /** The stream (or body) stops after this many characters of text: the connection is destroyed, no message_stop. */
  | { cutAfterChars: number; text: string }
  /** A body that is not JSON (non-streaming) or a broken SSE event (streaming). */
  | { malformed: true }
  /** Nothing is sent for hangMs, then the connection is destroyed (timeouts, Stop/abort tests). */
  | { hangMs: number };

/** A request as the fake saw it; `aborted` is set when the connection closed before the reply ended (the client gave up, or a scripted cut or hang). */
export interface MessagesLogEntry extends RequestLogEntry {
  aborted?: boolean;
}

export interface MessagesApiOptions {
  /** Time from the request's arrival to the first text token (streaming) or to the reply (non-streaming), in ms. */
  firstTokenMs?: number;
  /** Delay between text chunks of demo-model streams, in ms (scripted text has its own chunkDelayMs). */
  chunkDelayMs?: number;
  /** Clock for the prompt cache's time to live; tests pass their own. */
  now?: () => number;
}

export interface MessagesApiFake {
  handler: Handler;
  /** Every request with headers and body. */
  log: MessagesLogEntry[];
  clearLog(): void;
  /** Queues replies for POST /v1/messages, consumed in order; when the queue is empty the demo model answers. */
  script(...replies: ScriptedReply[]): void;
  clearScript(): void;
  setFirstTokenLatency(ms: number): void;
  /** Empties the log, the script and the prompt cache, and restores the first-token latency given at creation. */
  reset(): void;
}
