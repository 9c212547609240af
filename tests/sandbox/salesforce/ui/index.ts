/**
 * Pages and sign-in, as a My Domain org serves them:
 * - API host (`<org>.my.salesforce.com`): the login form at `/` (fields `username`, `pw`, submit `#Login`, optional
 *   `startURL`); a good login sets the API-usable `sid` cookie on this host and goes through frontdoor to the
 *   Lightning host. Classic pages `/<id>`, `/<id>/e`, `/<prefix>/o`, `/home/home.jsp` need that cookie.
 * - Lightning and Setup hosts: `/secur/frontdoor.jsp` sets a different `sid` cookie there (a UI-only session the REST
 *   API refuses), then the Lightning-like single-page app serves `/lightning/…` and `/one/one.app`, fed by the
 *   private JSON endpoints `/ui-data/view?path=…` and `POST /ui-data/save`.
 * Without a valid cookie, pages redirect to the login form with `startURL`.
 */
import type { ServerResponse } from 'node:http';
import { sendHtml, sendJson } from '../../http';
import { normalizeId } from '../ids';
import { SalesforceError } from '../model';
import type { HostKind, Org } from '../org';
import type { Session } from '../sessions';
import { updateRecord } from '../writes';
import { classicHome, classicListPage, classicRecordPage, errorPage, lightningShell, loginPage } from './pages';
import { ViewBuilder } from './views';

export interface UiRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

const LOGIN_ERROR =
  "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";
const HOME = '/lightning/page/home';

function cookies(headers: Record<string, string>): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) jar.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return jar;
}

/** Host-only (no Domain attribute), as Salesforce sets `sid`. */
function sidCookie(value: string): string {
  return `sid=${value}; Path=/; Secure; HttpOnly; SameSite=None`;
}

const CLEARED_SID = 'sid=; Path=/; Secure; HttpOnly; SameSite=None; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT';

function redirect(res: ServerResponse, location: string, cookie?: string): void {
  res.writeHead(302, { Location: location, ...(cookie ? { 'Set-Cookie': cookie } : {}) });
  res.end();
}

function hostOfKind(org: Org, kind: HostKind): string {
  return kind === 'api' ? org.apiHost : kind === 'lightning' ? org.lightningHost : org.setupHost;
}

/** The live session of the request's `sid` cookie. */
export function cookieSession(org: Org, request: UiRequest): Session | undefined {
  return org.sessions.find(cookies(request.headers).get('sid'));
}

/** The My Domain login page, coming back to `startUrl` once logged in. */
export function loginUrl(org: Org, startUrl: string): string {
  return `https://${org.apiHost}/?ec=302&startURL=${encodeURIComponent(startUrl)}`;
}

/** Where a signed-in user goes for a startURL: through frontdoor for Lightning/Setup, straight for Classic paths. */
function destination(org: Org, user: Session['user'], startUrl: string): string {
  let host = org.lightningHost;
  let path = HOME;
  if (/^https:\/\//i.test(startUrl)) {
    const target = new URL(startUrl);
    if (target.hostname === org.lightningHost || target.hostname === org.setupHost) {
      host = target.hostname;
      path = target.pathname + target.search + target.hash;
    }
  } else if (startUrl.startsWith('/') && !startUrl.startsWith('//')) {
    if (!/^\/(lightning|one)\//.test(startUrl)) return `https://${org.apiHost}${startUrl}`;
    path = startUrl;
  }
  const otp = org.sessions.issueOneTimeToken(user, Date.now());
  return `https://${host}/secur/frontdoor.jsp?otp=${encodeURIComponent(otp)}&retURL=${encodeURIComponent(path)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// API host

function serveLogin(org: Org, request: UiRequest, res: ServerResponse): void {
  const orgLabel = org.name;
  if (request.method === 'POST') {
    const form = new URLSearchParams(request.body);
    const username = form.get('username') ?? '';
    const startUrl = form.get('startURL') ?? '';
    const user = org.findUserByUsername(username);
    if (!user || user.password !== (form.get('pw') ?? '')) {
      sendHtml(res, 200, loginPage({ orgLabel, startUrl, username, error: LOGIN_ERROR }));
      return;
    }
    const session = org.sessions.create('ui', user, org.apiHost);
    redirect(res, destination(org, user, startUrl), sidCookie(session.sid));
    return;
  }
  const startUrl = request.url.searchParams.get('startURL') ?? '';
  const session = cookieSession(org, request);
  if (session && session.kind !== 'lightning') {
    redirect(res, destination(org, session.user, startUrl));
    return;
  }
  sendHtml(res, 200, loginPage({ orgLabel, startUrl }));
}

/** `frontdoor.jsp?sid=<API session>` on the API host: sign in the browser with an existing session. */
function serveApiFrontdoor(org: Org, request: UiRequest, res: ServerResponse): void {
  const given = org.sessions.find(request.url.searchParams.get('sid') ?? undefined);
  const retUrl = request.url.searchParams.get('retURL') ?? HOME;
  if (!given || given.kind === 'lightning') {
    redirect(res, loginUrl(org, retUrl));
    return;
  }
  const session = org.sessions.create('ui', given.user, org.apiHost);
  redirect(res, destination(org, given.user, retUrl), sidCookie(session.sid));
}

function serveClassic(org: Org, request: UiRequest, res: ServerResponse): void {
  const path = request.url.pathname;
  const session = cookieSession(org, request);
  const record = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})(\/e)?\/?$/.exec(path);
  const list = /^\/([a-zA-Z0-9]{3})\/o\/?$/.exec(path);
  const isHome = path === '/home/home.jsp';
  if (!record && !list && !isHome) {
    sendHtml(res, 404, errorPage(404, 'URL No Longer Exists', 'The page you are looking for does not exist.'));
    return;
  }
  if (!session || session.kind === 'lightning') {
    redirect(res, loginUrl(org, path + request.url.search));
    return;
  }
  const views = new ViewBuilder(org, session.user);
  if (isHome) {
    sendHtml(res, 200, classicHome(session.user));
    return;
  }
  if (list?.[1]) {
    const object = org.objectByPrefix(list[1]);
    const view = object ? views.list(object.name) : views.notFound();
    if (!object || view.kind !== 'list') {
      sendHtml(res, 404, errorPage(404, 'URL No Longer Exists', 'The page you are looking for does not exist.'));
      return;
    }
    sendHtml(res, 200, classicListPage(object, view.rows.map((row) => ({ id: row.link.id, name: row.link.name }))));
    return;
  }
  const view = views.record(record?.[1] ?? '', 'view');
  if (view.kind !== 'record') {
    sendHtml(res, 404, errorPage(404, 'Insufficient Privileges', view.kind === 'error' ? view.message : ''));
    return;
  }
  sendHtml(res, 200, classicRecordPage(view, record?.[2] === '/e'));
}

// ---------------------------------------------------------------------------------------------------------------
// Lightning and Setup hosts

function serveUiFrontdoor(org: Org, host: string, request: UiRequest, res: ServerResponse): void {
  const params = request.url.searchParams;
  const otp = params.get('otp');
  const viaSid = org.sessions.find(params.get('sid') ?? undefined);
  const user = otp ? org.sessions.redeemOneTimeToken(otp, Date.now()) : viaSid?.kind !== 'lightning' ? viaSid?.user : undefined;
  const retUrl = params.get('retURL') ?? HOME;
  const safeRetUrl = retUrl.startsWith('/') && !retUrl.startsWith('//') ? retUrl : HOME;
  if (!user) {
    redirect(res, loginUrl(org, `https://${host}${safeRetUrl}`));
    return;
  }
  const session = org.sessions.create('lightning', user, host);
  redirect(res, safeRetUrl, sidCookie(session.sid));
}

function serveUiData(org: Org, session: Session | undefined, request: UiRequest, res: ServerResponse): void {
  if (!session) {
    sendJson(res, 401, { error: 'INVALID_SESSION_ID', message: 'Session expired or invalid' });
    return;
  }
  const views = new ViewBuilder(org, session.user);
  if (request.url.pathname === '/ui-data/view' && request.method === 'GET') {
    const view = views.forPath(request.url.searchParams.get('path') ?? HOME);
    sendJson(res, 200, view);
    return;
  }
  if (request.url.pathname === '/ui-data/save' && request.method === 'POST') {
    saveFromPage(org, session, request.body, res);
    return;
  }
  sendJson(res, 404, { error: 'NOT_FOUND' });
}

function saveFromPage(org: Org, session: Session, body: string, res: ServerResponse): void {
  try {
    const input = JSON.parse(body) as { id?: unknown; values?: unknown };
    const id = typeof input.id === 'string' ? normalizeId(input.id) : null;
    const object = id ? org.objectByPrefix(id) : undefined;
    if (!id || !object || typeof input.values !== 'object' || input.values === null) {
      sendJson(res, 400, { message: 'Nothing to save.' });
      return;
    }
    const access = org.accessFor(session.user);
    updateRecord({ org, user: session.user, access }, object, id, input.values as Record<string, unknown>);
    sendJson(res, 200, { ok: true });
  } catch (error) {
    if (error instanceof SalesforceError) sendJson(res, 400, { message: error.message, errorCode: error.errorCode });
    else if (error instanceof SyntaxError) sendJson(res, 400, { message: 'Malformed request.' });
    else throw error;
  }
}

function serveLightning(org: Org, host: string, request: UiRequest, res: ServerResponse): void {
  const path = request.url.pathname;
  const session = cookieSession(org, request);
  if (path.startsWith('/ui-data/')) {
    serveUiData(org, session, request, res);
    return;
  }
  if (path === '/') {
    redirect(res, HOME);
    return;
  }
  if (!path.startsWith('/lightning/') && path !== '/one/one.app') {
    sendHtml(res, 404, errorPage(404, 'Page not found', "We can't find the page you're looking for."));
    return;
  }
  if (!session) {
    redirect(res, loginUrl(org, `https://${host}${path}${request.url.search}`));
    return;
  }
  const views = new ViewBuilder(org, session.user);
  // one.app keeps the record in the fragment, which never reaches the server: the page script resolves it.
  const view = path === '/one/one.app' ? null : views.forPath(path + request.url.search);
  sendHtml(res, 200, lightningShell({ user: session.user, view, loginUrl: loginUrl(org, `https://${host}${path}`) }));
}

function serveLogout(org: Org, kind: HostKind, request: UiRequest, res: ServerResponse): void {
  const sid = cookies(request.headers).get('sid');
  if (sid) org.sessions.end(sid);
  const next = kind === 'api' ? `https://${org.apiHost}/` : `https://${org.apiHost}/secur/logout.jsp`;
  redirect(res, next, CLEARED_SID);
}

export function serveUi(org: Org, kind: HostKind, request: UiRequest, res: ServerResponse): void {
  const path = request.url.pathname;
  if (path === '/secur/logout.jsp') {
    serveLogout(org, kind, request, res);
    return;
  }
  if (kind === 'api') {
    if (path === '/' || path === '/login.jsp') serveLogin(org, request, res);
    else if (path === '/secur/frontdoor.jsp') serveApiFrontdoor(org, request, res);
    else if (path.startsWith('/lightning/') || path === '/one/one.app') {
      redirect(res, `https://${org.lightningHost}${path}${request.url.search}`);
    } else serveClassic(org, request, res);
    return;
  }
  const host = hostOfKind(org, kind);
  if (path === '/secur/frontdoor.jsp') serveUiFrontdoor(org, host, request, res);
  else serveLightning(org, host, request, res);
}
