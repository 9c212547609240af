/**
 * Test helper: the sandbox Salesforce on a plain HTTP server (port 0), and a client that sends real requests with the
 * Host header of the org's real host names.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSalesforce, type SalesforceFake } from '../../sandbox/salesforce';

export const API_HOST = 'acme.my.salesforce.com';
export const LIGHTNING_HOST = 'acme.lightning.force.com';
export const V = '/services/data/v62.0';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = unknown>(): T;
}

export interface SendOptions {
  host?: string;
  /** Session for `Authorization: Bearer`; null sends no Authorization header. Defaults to the full user's. */
  sid?: string | null;
  body?: unknown;
  /** A raw body (sent as is). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface OrgUnderTest {
  sf: SalesforceFake;
  port: number;
  /** The org's clock, in ms since the epoch; tests may move it. */
  clock: { now: number };
  send(method: string, path: string, options?: SendOptions): Promise<Reply>;
  close(): Promise<void>;
}

/** 2026-11-21 17:00 UTC: a fixed "now" so that dates in the seed are stable. */
export const START = Date.UTC(2026, 10, 21, 17, 0, 0);

export async function startOrg(): Promise<OrgUnderTest> {
  const clock = { now: START };
  const sf = createSalesforce({ now: () => new Date(clock.now) });
  const server: Server = createServer((req, res) => {
    Promise.resolve(sf.handler(req, res)).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const send = (method: string, path: string, options: SendOptions = {}): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const sid = options.sid === undefined ? sf.primary.sid : options.sid;
      const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const headers: Record<string, string> = {
        host: options.host ?? API_HOST,
        ...(sid === null ? {} : { authorization: `Bearer ${sid}` }),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      };
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });

  return {
    sf,
    port,
    clock,
    send,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const q = (soql: string): string => `${V}/query?q=${encodeURIComponent(soql)}`;

/** The Set-Cookie header's sid value and attributes. */
export function sidCookieOf(reply: Reply): { value: string; attributes: string } | undefined {
  const cookies = reply.headers['set-cookie'] ?? [];
  const sid = cookies.find((cookie) => cookie.startsWith('sid='));
  if (!sid) return undefined;
  const [pair = '', ...attributes] = sid.split(';');
  return { value: pair.slice(4), attributes: attributes.map((a) => a.trim()).join('; ') };
}
