/**
 * Outlook on the web on outlook.office.com, outlook.office365.com and outlook.live.com: the mail app with its message
 * list, reading pane, new messages, reading-pane replies and pop-out composes (page.ts, page-script.ts), its deep link
 * for a prefilled new message, and draft autosave. Every response carries `Content-Security-Policy:
 * require-trusted-types-for 'script'`, so code in the page's main world cannot assign HTML strings. The page saves each
 * draft with a POST to /owa/service.svc?action=UpdateItem and sends with action=CreateItem (as Outlook's own service
 * calls are named); they land in `drafts` and `sent`.
 */
import type { ServerResponse } from 'node:http';
import { hostOf, readBody, redirect, requestEntry, type Handler, type RequestLogEntry } from '../http';
import { OUTLOOK_ACCOUNT } from './mailbox';
import { renderOutlookPage, type PageRoute } from './page';
import type { OutlookDraft } from './page-script';

export type { OutlookDraft } from './page-script';
export { OUTLOOK_ACCOUNT } from './mailbox';

export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'] as const;
const CSP = "require-trusted-types-for 'script'";

export interface OutlookFake {
  handler: Handler;
  log: RequestLogEntry[];
  /** Addresses on outlook.office.com (`host` gives another of the three). */
  urls(host?: string): { inbox: string; message: string; compose: string };
  /** Every draft save the pages posted, oldest first. */
  drafts: OutlookDraft[];
  sent: OutlookDraft[];
  reset(): void;
}

export interface OutlookOptions {
  /** How long after a compose appears Outlook fills its body (signature, quoted history). */
  fillDelayMs?: number;
}

/** outlook.live.com puts the account index in its addresses: `/mail/0/…`. */
const mailBase = (host: string): string => (host === 'outlook.live.com' ? '/mail/0' : '/mail');

export function createOutlook(options: OutlookOptions = {}): OutlookFake {
  const log: RequestLogEntry[] = [];
  const drafts: OutlookDraft[] = [];
  const sent: OutlookDraft[] = [];
  const fillDelayMs = options.fillDelayMs ?? 100;

  const handler: Handler = async (req, res) => {
    const body = await readBody(req);
    const entry = requestEntry(req, body);
    log.push(entry);
    res.setHeader('Content-Security-Policy', CSP);
    const host = hostOf(req);
    const url = new URL(req.url ?? '/', `https://${host}`);
    serve(host, req.method ?? 'GET', url, body, res);
    entry.status = res.statusCode;
  };

  const serve = (host: string, method: string, url: URL, body: string, res: ServerResponse): void => {
    if (!(OUTLOOK_HOSTS as readonly string[]).includes(host)) return notFound(res);
    const path = url.pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'Content-Type': 'image/x-icon' });
      res.end();
      return;
    }
    if (path === '/owa/service.svc' && method === 'POST') return saveItem(url.searchParams.get('action'), body, res);
    if (path === '/' || path === '/owa' || path === '/owa/') return redirect(res, `${mailBase(host)}/`);
    const route = routeOf(host, path, url.searchParams);
    if (!route || method !== 'GET') return notFound(res);
    // A popped-out draft opens as it was last saved.
    if (route.kind === 'popout' && route.draftId) route.saved = drafts.filter((draft) => draft.draftId === route.draftId).at(-1);
    const html = renderOutlookPage(OUTLOOK_ACCOUNT, route, { mailBase: mailBase(host), fillDelayMs, saveUrl: '/owa/service.svc' });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache, no-store' });
    res.end(html);
  };

  const saveItem = (action: string | null, body: string, res: ServerResponse): void => {
    const draft = parseDraft(body);
    if (!draft || (action !== 'UpdateItem' && action !== 'CreateItem')) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'ErrorInvalidRequest' }));
      return;
    }
    (action === 'UpdateItem' ? drafts : sent).push(draft);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ ResponseClass: 'Success' }));
  };

  const dana = OUTLOOK_ACCOUNT.conversations[0]?.messages[0]?.itemId ?? '';
  return {
    handler,
    log,
    drafts,
    sent,
    urls(host = OUTLOOK_HOSTS[0]) {
      const base = `https://${host}${mailBase(host)}`;
      return { inbox: `${base}/inbox`, message: `${base}/inbox/id/${encodeURIComponent(dana)}`, compose: `${base}/deeplink/compose` };
    },
    reset() {
      log.splice(0);
      drafts.splice(0);
      sent.splice(0);
    },
  };
}

/** Which view an address opens: the mail app (inbox or a message) or a pop-out compose window. */
function routeOf(host: string, path: string, query: URLSearchParams): PageRoute | null {
  const base = mailBase(host);
  if (path === `${base}` || path === `${base}/`) return { kind: 'app' };
  // The deep link works with and without outlook.live.com's account index.
  const deepLink = [`${base}/deeplink/compose`, '/mail/deeplink/compose'].find((prefix) => path.startsWith(prefix));
  if (deepLink) {
    const draftId = decodeURIComponent(path.slice(deepLink.length).replace(/^\//, ''));
    return {
      kind: 'popout',
      draftId: draftId || null,
      to: (query.get('to') ?? '').split(/[;,]/).map((item) => item.trim()).filter(Boolean),
      subject: query.get('subject') ?? '',
      body: query.get('body') ?? '',
    };
  }
  return path.startsWith(`${base}/`) ? { kind: 'app' } : null;
}

function parseDraft(body: string): OutlookDraft | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'draftId' in parsed && 'bodyHtml' in parsed && 'trusted' in parsed) return parsed as OutlookDraft;
  } catch {
    // Not JSON: a bad request.
  }
  return null;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>404</title><p>The page you are looking for cannot be found.</p>');
}
