/**
 * Anthropic's Messages API on api.anthropic.com: POST /v1/messages (JSON or SSE), POST /v1/messages/count_tokens,
 * GET /v1/models[/{id}]. Requests are validated like the real API; replies come from a script (faults included) or,
 * when the script is empty, from the offline demo model (demo/), whatever model the request names: its Message then
 * says so in `model` (the demo model's id), as the API names the model that answered. Token counts and the prompt
 * cache are described in tokens.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, requestEntry, sendJson, type Handler } from '../http';
import { DEMO_MODEL, demoReply } from './demo';
import { limitReply, promptText } from './limits';
import { ApiError, commonHeaders, invalidRequest, newRequestId, sendError } from './errors';
import { checkModel, getModel, listModels } from './models';
import { newToolUseId, pause, sendMalformed, sendMessage, streamMessage, type PlannedReply } from './reply';
import { parseJsonBody, parseMessagesRequest, type MessagesRequest } from './request';
import { countInputTokens, countTokens, PromptCache } from './tokens';
import type { MessagesApiFake, MessagesApiOptions, MessagesLogEntry, ScriptedReply } from './types';

export type { MessagesApiFake, MessagesApiOptions, MessagesLogEntry, ScriptedReply, StopReason, Usage } from './types';
export { answerMessagesRequest, DEMO_MODEL } from './demo';
export { MODELS } from './models';

/** The 429 the API gives when the organization's monthly spend limit is reached: no retry-after, never retry it. */
export const SPEND_LIMIT_REACHED: ScriptedReply = {
  error: {
    status: 429,
    type: 'rate_limit_error',
    message:
      'Your organization has reached its monthly spend limit for its usage tier. API access resumes at the start of next month, or raise your tier.',
    errorCode: 'enforced_spend_limit_reached',
  },
};

const DEFAULT_CHUNK_DELAY_MS = 5;

export function createMessagesApi(options: MessagesApiOptions = {}): MessagesApiFake {
  const log: MessagesLogEntry[] = [];
  const queue: ScriptedReply[] = [];
  const cache = new PromptCache(options.now ?? Date.now);
  let firstTokenMs = options.firstTokenMs ?? 0;
  const chunkDelayMs = options.chunkDelayMs ?? DEFAULT_CHUNK_DELAY_MS;

  const planReply = (request: MessagesRequest, scripted: ScriptedReply | undefined): PlannedReply => {
    const base = { model: request.model, firstTokenMs, chunkDelayMs: 0, stopSequence: null };
    const usageFor = (text: string): PlannedReply['usage'] => ({ ...cache.account(request), output_tokens: countTokens(text) });
    if (scripted && 'text' in scripted && 'cutAfterChars' in scripted) {
      return { ...base, text: scripted.text, stopReason: 'end_turn', usage: usageFor(scripted.text), cutAfterChars: scripted.cutAfterChars };
    }
    if (scripted && 'text' in scripted) {
      const stopReason = scripted.stopReason ?? 'end_turn';
      return {
        ...base,
        text: scripted.text,
        stopReason,
        stopSequence: stopReason === 'stop_sequence' ? (request.stopSequences[0] ?? null) : null,
        usage: { ...usageFor(scripted.text), ...scripted.usage },
        chunkDelayMs: scripted.chunkDelayMs ?? 0,
      };
    }
    if (scripted && ('json' in scripted || 'jsonFrom' in scripted)) {
      const text = JSON.stringify('json' in scripted ? scripted.json : scripted.jsonFrom(promptText(request)));
      return { ...base, text, stopReason: 'end_turn', usage: usageFor(text) };
    }
    const answer = demoReply(request);
    if ('tool' in answer) {
      const toolUse = { id: newToolUseId(), ...answer.tool };
      return { ...base, model: DEMO_MODEL.id, text: '', toolUse, stopReason: 'tool_use', usage: usageFor(JSON.stringify(toolUse.input)), chunkDelayMs };
    }
    const limited = limitReply(answer.text, request);
    return { ...base, model: DEMO_MODEL.id, ...limited, usage: usageFor(limited.text), chunkDelayMs };
  };

  const createMessage = async (res: ServerResponse, body: string, headers: Record<string, string>, arrivedAt: number): Promise<void> => {
    const request = parseMessagesRequest(parseJsonBody(body), 'create');
    checkModel(request.model);
    const scripted = queue.shift();
    if (scripted && 'error' in scripted) {
      const { status, type, message, retryAfter, errorCode } = scripted.error;
      throw new ApiError(status, type, message, { retryAfter, errorCode });
    }
    if (scripted && 'hangMs' in scripted) {
      if (await pause(res, scripted.hangMs)) res.destroy();
      return;
    }
    if (scripted && 'malformed' in scripted) {
      sendMalformed(res, request.stream, headers);
      return;
    }
    const planned = planReply(request, scripted);
    // The time to first token counts from the request's arrival, as the client sees it: the fake's own work is inside it.
    const reply = { ...planned, firstTokenMs: Math.max(0, planned.firstTokenMs - (performance.now() - arrivedAt)) };
    await (request.stream ? streamMessage(res, reply, headers) : sendMessage(res, reply, headers));
  };

  const route = async (req: IncomingMessage, res: ServerResponse, body: string, headers: Record<string, string>, arrivedAt: number): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://api.anthropic.com');
    const path = url.pathname.replace(/\/+$/, '');
    const method = req.method ?? 'GET';
    const modelMatch = /^\/v1\/models\/([^/]+)$/.exec(path);
    const known =
      (method === 'POST' && (path === '/v1/messages' || path === '/v1/messages/count_tokens')) ||
      (method === 'GET' && (path === '/v1/models' || modelMatch !== null));
    if (!known) throw new ApiError(404, 'not_found_error', 'Not Found');
    checkCaller(req);
    if (path === '/v1/messages') return createMessage(res, body, headers, arrivedAt);
    if (path === '/v1/messages/count_tokens') {
      const request = parseMessagesRequest(parseJsonBody(body), 'count');
      checkModel(request.model);
      return sendJson(res, 200, { input_tokens: countInputTokens(request) }, headers);
    }
    if (modelMatch?.[1]) return sendJson(res, 200, getModel(decodeURIComponent(modelMatch[1])), headers);
    return sendJson(res, 200, listModels(url.searchParams), headers);
  };

  const handler: Handler = async (req, res) => {
    const arrivedAt = performance.now();
    const body = await readBody(req);
    const entry: MessagesLogEntry = requestEntry(req, body);
    log.push(entry);
    res.on('close', () => {
      if (!res.writableFinished) entry.aborted = true;
    });
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    if (req.method === 'OPTIONS') {
      answerPreflight(req, res, origin);
    } else {
      const headers = commonHeaders(newRequestId(), origin);
      try {
        await route(req, res, body, headers, arrivedAt);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        sendError(res, error, headers);
      }
    }
    entry.status = res.statusCode;
  };

  return {
    handler,
    log,
    clearLog: () => void log.splice(0),
    script: (...replies) => void queue.push(...replies),
    clearScript: () => void queue.splice(0),
    setFirstTokenLatency: (ms) => {
      firstTokenMs = ms;
    },
    reset: () => {
      log.splice(0);
      queue.splice(0);
      cache.clear();
      firstTokenMs = options.firstTokenMs ?? 0;
    },
  };
}

/**
 * The key may come as `x-api-key` or `Authorization: Bearer`; keys look like `sk-ant-…` (any such key is accepted).
 * A browser caller (it sends Origin) must opt in with `anthropic-dangerous-direct-browser-access: true`, as the SDK
 * does with `dangerouslyAllowBrowser`. `anthropic-version` is required; any dated value is accepted because SDK releases
 * send newer dates than the documented 2023-06-01.
 */
function checkCaller(req: IncomingMessage): void {
  const apiKey = req.headers['x-api-key'];
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const key = typeof apiKey === 'string' ? apiKey : bearer;
  if (!key) throw new ApiError(401, 'authentication_error', 'x-api-key header is required');
  if (!/^sk-ant-\S+$/.test(key)) throw new ApiError(401, 'authentication_error', 'invalid x-api-key');
  if (req.headers.origin && req.headers['anthropic-dangerous-direct-browser-access'] !== 'true') {
    throw new ApiError(
      401,
      'authentication_error',
      "CORS requests must set 'anthropic-dangerous-direct-browser-access' header",
    );
  }
  const version = req.headers['anthropic-version'];
  if (typeof version !== 'string' || version === '') throw invalidRequest('anthropic-version: header is required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) throw invalidRequest(`anthropic-version: invalid version: ${version}`);
}

function answerPreflight(req: IncomingMessage, res: ServerResponse, origin: string | undefined): void {
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    'access-control-allow-origin': origin ?? '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': typeof requested === 'string' ? requested : '*',
    'access-control-max-age': '86400',
  });
  res.end();
}

