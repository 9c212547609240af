/**
 * Gmail on mail.google.com: one page per account under /mail/u/0/ and /mail/u/1/ with Gmail's hash routing, compose
 * windows and draft autosave (page.ts, page-script.ts). Every response carries `Content-Security-Policy:
 * require-trusted-types-for 'script'`, as Gmail's do, so code running in the page's main world cannot assign HTML
 * strings. The page POSTs each draft save to /mail/u/N/__draft and each send to /mail/u/N/__send; they land in
 * `drafts` and `sent` (and in the log).
 */
import type { ServerResponse } from 'node:http';
import { readBody, redirect, requestEntry, type Handler, type RequestLogEntry } from '../http';
import { ACCOUNTS, type MailAccount } from './mailbox';
import { renderPage } from './page';
import type { DraftSnapshot } from './page-script';

export type { ComposeKind, DraftSnapshot } from './page-script';
export { ACCOUNTS, DANA } from './mailbox';

export const GMAIL_ORIGIN = 'https://mail.google.com';
const CSP = "require-trusted-types-for 'script'";

export interface GmailFake {
  handler: Handler;
  log: RequestLogEntry[];
  urls: { inbox: string; message: string; compose: string };
  /** Every draft autosave the pages posted, oldest first. */
  drafts: DraftSnapshot[];
  /** Every message "sent". */
  sent: DraftSnapshot[];
  /** Empties the log, drafts and sent. */
  reset(): void;
}

export interface GmailOptions {
  /** How long after a compose appears its body gets the signature (and prefill); Gmail takes a moment too. */
  fillDelayMs?: number;
}

export function createGmail(options: GmailOptions = {}): GmailFake {
  const log: RequestLogEntry[] = [];
  const drafts: DraftSnapshot[] = [];
  const sent: DraftSnapshot[] = [];
  const fillDelayMs = options.fillDelayMs ?? 100;

  const handler: Handler = async (req, res) => {
    const body = await readBody(req);
    const entry: RequestLogEntry = requestEntry(req, body);
    log.push(entry);
    res.setHeader('Content-Security-Policy', CSP);
    const url = new URL(req.url ?? '/', GMAIL_ORIGIN);
    serve(req.method ?? 'GET', url, body, res);
    entry.status = res.statusCode;
  };

  const serve = (method: string, url: URL, body: string, res: ServerResponse): void => {
    const path = url.pathname;
    if (path === '/' || path === '/mail' || path === '/mail/') return redirect(res, `/mail/u/0/${url.search}`);
    if (path === '/favicon.ico') {
      // An empty icon, so browsers log no 404 for it.
      res.writeHead(204, { 'Content-Type': 'image/x-icon' });
      res.end();
      return;
    }
    const match = /^\/mail\/u\/(\d+)(\/.*)?$/.exec(path);
    const account = ACCOUNTS.find((item) => String(item.index) === match?.[1]);
    if (!match || !account) return notFound(res);
    const rest = match[2] ?? '';
    if (rest === '') return redirect(res, `/mail/u/${account.index}/${url.search}`);
    if (method === 'GET' && rest === '/') return sendPage(res, account);
    if (method === 'POST' && (rest === '/__draft' || rest === '/__send')) {
      const snapshot = parseSnapshot(body);
      if (!snapshot) return badRequest(res);
      (rest === '/__draft' ? drafts : sent).push(snapshot);
      res.writeHead(204);
      res.end();
      return;
    }
    notFound(res);
  };

  const sendPage = (res: ServerResponse, account: MailAccount): void => {
    const base = `/mail/u/${account.index}`;
    const html = renderPage(account, {
      account: account.index,
      email: account.email,
      fillDelayMs,
      draftUrl: `${base}/__draft`,
      sendUrl: `${base}/__send`,
    });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache, no-store' });
    res.end(html);
  };

  const danaThread = ACCOUNTS[0]?.threads[0]?.threadId ?? '';
  return {
    handler,
    log,
    drafts,
    sent,
    urls: {
      inbox: `${GMAIL_ORIGIN}/mail/u/0/#inbox`,
      message: `${GMAIL_ORIGIN}/mail/u/0/#inbox/${danaThread}`,
      compose: `${GMAIL_ORIGIN}/mail/u/0/#inbox?compose=new`,
    },
    reset: () => {
      log.splice(0);
      drafts.splice(0);
      sent.splice(0);
    },
  };
}

function parseSnapshot(body: string): DraftSnapshot | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'composeId' in parsed && 'bodyHtml' in parsed && 'trusted' in parsed) {
      return parsed as DraftSnapshot;
    }
  } catch {
    // Not JSON: answered as a bad request below.
  }
  return undefined;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>Error 404 (Not Found)</title><p>The requested URL was not found on this server.</p>');
}

function badRequest(res: ServerResponse): void {
  res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Bad Request');
}
