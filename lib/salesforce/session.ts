import { isApiHost } from './hosts';

/** What session discovery needs from the browser's cookie store (a wrapper over `browser.cookies`). */
export interface CookieJar {
  /** The `sid` cookie the browser would send to this URL from the tab in view (its container's, in Firefox), if any. */
  sidFor(url: string): Promise<string | null>;
  /** Every `sid` cookie the extension can read, with the host it belongs to: the tab in view's cookie store first. */
  allSids(): Promise<{ domain: string; value: string }[]>;
}

export interface ApiSession {
  /** The 15-character org id the session belongs to. */
  orgId: string;
  /** The org's My Domain API host, e.g. `acme.my.salesforce.com`. */
  apiHost: string;
  sessionId: string;
}

const ORG_ID_PREFIX = /^(00D[a-zA-Z0-9]{12})!/;

export function orgIdOfSid(sid: string): string | null {
  return ORG_ID_PREFIX.exec(sid)?.[1] ?? null;
}

/**
 * The session of an org the rep used before, read from its API host's cookie: for work that has no page of the org
 * open (a Gmail tab, a context-menu click elsewhere, a background job). Null when the cookie is gone or belongs to
 * another org now.
 */
/**
 * A short, stable tag of a session, for keying what is read with it (reads, describes, who the user is): a hash, so
 * the session id itself is never written to storage.
 */
export async function sessionTag(session: ApiSession): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(session.sessionId));
  return [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function sessionOfOrg(org: { orgId: string; apiHost: string }, jar: CookieJar): Promise<ApiSession | null> {
  const sid = await jar.sidFor(`https://${org.apiHost}/`);
  if (sid && orgIdOfSid(sid) === org.orgId) return { orgId: org.orgId, apiHost: org.apiHost, sessionId: sid };
  // The org's domain may have changed since (enhanced domains, a renamed My Domain): its session is on another API host.
  const moved = (await jar.allSids())
    .map(({ domain, value }) => ({ host: domain.replace(/^\./, '').toLowerCase(), value }))
    .find(({ host, value }) => isApiHost(host) && orgIdOfSid(value) === org.orgId);
  return moved ? { orgId: org.orgId, apiHost: moved.host, sessionId: moved.value } : null;
}

/**
 * The session usable for the REST API of the org whose page is open. The page's own `sid` tells which org it is (its
 * value starts with the org id); the usable session is the `sid` on an API host of that same org. On a Lightning page
 * the page's own `sid` is never the answer: Salesforce refuses it for the API.
 */
export async function findApiSession(pageUrl: string, jar: CookieJar): Promise<ApiSession | null> {
  const pageSid = await jar.sidFor(pageUrl);
  const orgId = pageSid ? orgIdOfSid(pageSid) : null;
  if (!orgId) return null;
  const pageHost = new URL(pageUrl).hostname.toLowerCase();
  const candidates = (await jar.allSids())
    .map(({ domain, value }) => ({ host: domain.replace(/^\./, '').toLowerCase(), value }))
    .filter(({ host, value }) => isApiHost(host) && orgIdOfSid(value) === orgId);
  // The page's own host first (Classic pages live on the API host), then the My Domain whose name matches the page's.
  const pageLabel = pageHost.split('.')[0];
  candidates.sort((a, b) => rank(a.host) - rank(b.host));
  function rank(host: string): number {
    if (host === pageHost) return 0;
    return host.split('.')[0] === pageLabel ? 1 : 2;
  }
  const best = candidates[0];
  return best ? { orgId, apiHost: best.host, sessionId: best.value } : null;
}
