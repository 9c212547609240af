/**
 * What an evaluation run talks to: the sandbox org (seeded at a fixed clock, so dates, "overdue" and "this quarter"
 * are the same on every run) on a plain HTTP port, and either the sandbox's Messages API with the offline demo model
 * or Anthropic's real API. The product's own clients call `https://acme.my.salesforce.com/…` and
 * `https://api.anthropic.com/…` through the global fetch, as in the extension; the run's fetch sends each host where
 * it belongs, and meters every model reply (tokens, model) to the case that asked for it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OrgClient } from '../../lib/salesforce/client';
import { singleSession } from '../../lib/salesforce/credentials';
import { sharedOrgClients, type ClientFor } from '../../lib/salesforce/org-clients';
import type { CookieJar } from '../../lib/salesforce/session';
import { createMessagesApi, DEMO_MODEL } from '../sandbox/anthropic';
import type { Handler } from '../sandbox/http';
import { loopbackFetch } from '../sandbox/loopback-fetch';
import { createSalesforce, type SalesforceFake } from '../sandbox/salesforce';

/** Wednesday 18 November 2026, 17:00 UTC: the day every case is written against ("today", "next Friday", "this quarter"). */
export const EVAL_NOW = new Date('2026-11-18T17:00:00.000Z');
export const EVAL_TODAY = EVAL_NOW.toISOString().slice(0, 10);

export const ORG_API_HOST = 'acme.my.salesforce.com';
export const ORG_LIGHTNING_HOST = 'acme.lightning.force.com';

export type ModelChoice = { kind: 'demo' } | { kind: 'claude'; apiKey: string };

/** One model call: what was sent (the user turn) and the reply's usage as the API reported it. */
export interface MeteredCall {
  sent: string;
  /** The reply budget the request gave (its max_tokens). */
  maxTokens: number;
  model: string;
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export interface World {
  org: SalesforceFake;
  /** The session of the org's full user (the rep the cases are written for). */
  sid: string;
  /** The browser's cookie store as the extension reads it: that session's sid on the org's API host. */
  cookies: CookieJar;
  /** The product's shared org clients (one per session, describes fetched once for every feature). */
  clientFor: ClientFor;
  /** The rep's org client. */
  client(): OrgClient;
  /** Runs `work` with every model reply it causes recorded into `calls`. */
  metered<T>(calls: MeteredCall[], work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const SALESFORCE_HOST = /(^|\.)(salesforce\.com|force\.com|salesforce-setup\.com)$/i;
const MODEL_HOST = 'api.anthropic.com';

async function serve(handler: Handler): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port };
}

const numberOf = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** The usage and model of a Messages API reply, streamed (SSE) or whole. */
export function usageOfReply(text: string): Omit<MeteredCall, 'sent' | 'maxTokens'> | null {
  const events = text.includes('event: ')
    ? text.split('\n').flatMap((line) => (line.startsWith('data: ') ? [line.slice(6)] : []))
    : [text];
  let call: Omit<MeteredCall, 'sent' | 'maxTokens'> | null = null;
  for (const data of events) {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(data) as Record<string, unknown>;
    } catch {
      continue;
    }
    const message = (event.type === 'message_start' ? event.message : event.type === 'message' ? event : null) as Record<string, unknown> | null;
    if (message) {
      const usage = (message.usage ?? {}) as Record<string, unknown>;
      call = {
        model: String(message.model ?? ''),
        input: numberOf(usage.input_tokens),
        output: numberOf(usage.output_tokens),
        cacheRead: numberOf(usage.cache_read_input_tokens),
        cacheWrite: numberOf(usage.cache_creation_input_tokens),
      };
    }
    if (event.type === 'message_delta' && call) call.output = numberOf((event.usage as Record<string, unknown> | undefined)?.output_tokens);
  }
  return call;
}

/** What a Messages API request body sent: its user turn (the context and inputs the prompt was rendered with) and budget. */
function requestOf(body: RequestInit['body']): Pick<MeteredCall, 'sent' | 'maxTokens'> {
  if (typeof body !== 'string') return { sent: '', maxTokens: 0 };
  const parsed = JSON.parse(body) as { max_tokens?: unknown; messages?: { content?: unknown }[] };
  const content = parsed.messages?.[0]?.content;
  const sent = typeof content === 'string' ? content : Array.isArray(content) ? content.map((block: { text?: string }) => block.text ?? '').join('\n') : '';
  return { sent, maxTokens: numberOf(parsed.max_tokens) };
}

export async function startWorld(model: ModelChoice): Promise<World> {
  const org = createSalesforce({ now: () => EVAL_NOW });
  const orgServer = await serve(org.handler);
  const toOrg = loopbackFetch(orgServer.port);
  const modelServer = model.kind === 'demo' ? await serve(createMessagesApi({ chunkDelayMs: 0, now: () => EVAL_NOW.getTime() }).handler) : null;
  const realFetch = globalThis.fetch;
  const toModel: typeof fetch = modelServer ? loopbackFetch(modelServer.port) : realFetch;
  const meter = new AsyncLocalStorage<MeteredCall[]>();

  const record = async (body: RequestInit['body'], response: Response): Promise<void> => {
    const calls = meter.getStore();
    if (!calls || !response.ok) return;
    const call = usageOfReply(await response.clone().text());
    if (call) calls.push({ ...requestOf(body), ...call });
  };

  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (SALESFORCE_HOST.test(url.hostname)) return toOrg(input, init);
    if (url.hostname !== MODEL_HOST) throw new Error(`The evaluation makes no request to ${url.host}.`);
    const response = await toModel(input, init);
    if (url.pathname === '/v1/messages') await record(init?.body, response);
    return response;
  };

  const sid = org.primary.sid;
  const clientFor = sharedOrgClients((session) => new OrgClient(session, singleSession(session)));
  return {
    org,
    sid,
    cookies: { sidFor: async () => sid, allSids: async () => [{ domain: ORG_API_HOST, value: sid }] },
    clientFor,
    client: () => clientFor({ orgId: sid.slice(0, 15), apiHost: ORG_API_HOST, sessionId: sid }),
    metered: (calls, work) => meter.run(calls, work),
    close: async () => {
      globalThis.fetch = realFetch;
      for (const { server } of [orgServer, ...(modelServer ? [modelServer] : [])]) {
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
      }
    },
  };
}

/** The model id the demo answers as. */
export const DEMO_MODEL_ID = DEMO_MODEL.id;
