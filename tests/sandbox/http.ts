import type { IncomingMessage, ServerResponse } from 'node:http';

/** A fake's entry point: it answers for whatever host name the request names. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** One request as a fake saw it; tests assert on these (hosts, paths, every Authorization header). */
export interface RequestLogEntry {
  time: number;
  method: string;
  host: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body: string;
  status?: number;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The log entry of a request as it arrived (its status is filled in once answered). */
export function requestEntry(req: IncomingMessage, body: string): RequestLogEntry {
  return { time: Date.now(), method: req.method ?? 'GET', host: hostOf(req), path: req.url ?? '/', headers: flatHeaders(req), body };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/html;charset=UTF-8', ...headers });
  res.end(html);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location });
  res.end();
}
