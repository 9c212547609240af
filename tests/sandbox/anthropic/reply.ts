/**
 * Writing a Message: as one JSON object, or as the documented SSE stream (message_start, content_block_start, ping,
 * content_block_delta × n, content_block_stop, message_delta, message_stop). Both honour the client going away. A
 * tool call is one tool_use block, its input streamed as input_json_delta pieces.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { StopReason, Usage } from './types';

export interface PlannedReply {
  model: string;
  text: string;
  stopReason: StopReason;
  stopSequence: string | null;
  usage: Usage;
  firstTokenMs: number;
  chunkDelayMs: number;
  /** Destroy the connection after this many characters of text. */
  cutAfterChars?: number;
  /** The reply is a call of this tool (stop reason tool_use) instead of text. */
  toolUse?: ToolUse;
}

export interface ToolUse {
  id: string;
  name: string;
  input: unknown;
}

export function newToolUseId(): string {
  return `toolu_01${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}

const CHUNK_CHARS = 16;

export function newMessageId(): string {
  return `msg_01${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** Resolves after `ms`, or as soon as the client has gone; returns whether the client is still there. */
export function pause(res: ServerResponse, ms: number): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(!res.destroyed);
    }, ms);
    res.once('close', onClose);
  });
}

function messageObject(reply: PlannedReply, id: string): Record<string, unknown> {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model: reply.model,
    content: reply.toolUse ? [{ type: 'tool_use', ...reply.toolUse }] : [{ type: 'text', text: reply.text }],
    stop_reason: reply.stopReason,
    stop_sequence: reply.stopSequence,
    usage: reply.usage,
  };
}

export async function sendMessage(res: ServerResponse, reply: PlannedReply, headers: Record<string, string>): Promise<void> {
  if (!(await pause(res, reply.firstTokenMs))) return;
  const body = JSON.stringify(messageObject(reply, newMessageId()));
  res.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  if (reply.cutAfterChars === undefined) {
    res.end(body);
    return;
  }
  const textStart = body.indexOf('"text":"') + '"text":"'.length;
  res.write(body.slice(0, textStart + reply.cutAfterChars));
  res.destroy();
}

export function sseEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function chunksOf(text: string): string[] {
  return text.match(new RegExp(`[\\s\\S]{1,${CHUNK_CHARS}}`, 'g')) ?? [''];
}

export async function streamMessage(res: ServerResponse, reply: PlannedReply, headers: Record<string, string>): Promise<void> {
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const startMessage = { ...messageObject(reply, newMessageId()), content: [], stop_reason: null, stop_sequence: null };
  res.write(sseEvent('message_start', { type: 'message_start', message: { ...startMessage, usage: { ...reply.usage, output_tokens: 1 } } }));
  const block = reply.toolUse ? { type: 'tool_use', id: reply.toolUse.id, name: reply.toolUse.name, input: {} } : { type: 'text', text: '' };
  res.write(sseEvent('content_block_start', { type: 'content_block_start', index: 0, content_block: block }));
  res.write(sseEvent('ping', { type: 'ping' }));
  if (!(await pause(res, reply.firstTokenMs))) return;
  if (reply.toolUse) {
    for (const chunk of chunksOf(JSON.stringify(reply.toolUse.input))) {
      res.write(sseEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: chunk } }));
      if (!(await pause(res, reply.chunkDelayMs))) return;
    }
    endMessage(res, reply);
    return;
  }
  let sent = 0;
  for (const chunk of chunksOf(reply.text)) {
    const cut = reply.cutAfterChars !== undefined && sent + chunk.length > reply.cutAfterChars;
    const piece = cut && reply.cutAfterChars !== undefined ? chunk.slice(0, reply.cutAfterChars - sent) : chunk;
    if (piece) res.write(sseEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }));
    sent += piece.length;
    if (cut) {
      // Let the last bytes leave before the connection drops, as a real mid-stream failure would.
      await pause(res, 5);
      res.destroy();
      return;
    }
    if (!(await pause(res, reply.chunkDelayMs))) return;
  }
  endMessage(res, reply);
}

function endMessage(res: ServerResponse, reply: PlannedReply): void {
  res.write(sseEvent('content_block_stop', { type: 'content_block_stop', index: 0 }));
  res.write(
    sseEvent('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: reply.stopReason, stop_sequence: reply.stopSequence },
      usage: reply.usage,
    }),
  );
  res.write(sseEvent('message_stop', { type: 'message_stop' }));
  res.end();
}

/** A reply a broken proxy might give: a body that is not JSON, or an SSE event whose data is cut. */
export function sendMalformed(res: ServerResponse, stream: boolean, headers: Record<string, string>): void {
  if (!stream) {
    res.writeHead(200, { ...headers, 'content-type': 'application/json' });
    res.end('{"id":"msg_01broken","type":"message","content":[{"type":"text","text":"Hel');
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.write('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_del\n\n');
  res.end();
}
