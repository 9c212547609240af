/**
 * Test helper: Groundwork's OAuth sign-in and SalesforceSessions against the sandbox org over real HTTP. The browser's
 * OAuth window is played by `browserWindow`: it loads Salesforce's authorize page with the rep's browser session
 * cookie, follows redirects, answers the consent page as the rep would, and hands back the callback URL, exactly what
 * `identity.launchWebAuthFlow` resolves with. Every request the code under test makes goes through `fetch` (stubbed as
 * the global fetch) and is recorded.
 */
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import type { WebAuthFlow } from '../../../lib/browser/identity';
import { SalesforceSessions } from '../../../lib/salesforce/credentials';
import { SalesforceOAuth, TokenVault } from '../../../lib/salesforce/oauth';
import type { ApiSession, CookieJar } from '../../../lib/salesforce/session';
import { loopbackFetch } from '../../sandbox/loopback-fetch';
import { ACME } from '../../sandbox/salesforce/seed';
import { memoryStore } from '../memory-store';
import { API_HOST, sidCookieOf, startOrg, type OrgUnderTest } from '../sandbox/salesforce-client';

export const CALLBACK = 'https://gwextensionidgwextensionidgwexte.chromiumapp.org/salesforce';

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export type Consent = 'allow' | 'deny';

export interface OAuthWorld {
  org: OrgUnderTest;
  local: ReturnType<typeof memoryStore>;
  session: ReturnType<typeof memoryStore>;
  /** Every request the code under test sent, in order. */
  sent: SentRequest[];
  /** Where requests to hosts other than the org's go (host → fetch); everything else reaches the sandbox org. */
  routes: Map<string, typeof fetch>;
  /** The vault the sign-in keeps its tokens in (the test reads it back to know the tokens). */
  vault: TokenVault;
  oauth: SalesforceOAuth;
  sessions: SalesforceSessions;
  /** The rep's browser: its My Domain session cookie (set by logIn) and what it does in the OAuth window. */
  browser: {
    /** The session cookie of the API host the rep logged in on last. */
    sid: string | null;
    /** Every API host's `sid` cookie: host → value. */
    jar: Map<string, string>;
    consent: Consent;
    /** Changes the authorize URL before the window loads it (an attacker's or a test's hand). */
    tamperAuthorize?: (url: URL) => void;
    /** Changes the callback URL before it reaches Groundwork. */
    tamperCallback?: (url: URL) => void;
    closeWindow: boolean;
  };
  clientId: string;
  /** Admin policy: whether the org takes only the sign-in; the consumer key Groundwork is configured with. */
  policy: { required: boolean; clientId: string | null };
  logIn(user?: { username: string; password: string }, host?: string): Promise<string>;
  /** The org session the features hold: the browser's cookie session on the API host. */
  apiSession(): ApiSession;
  control(path: string, body?: Record<string, unknown>): Promise<unknown>;
  /** REST and OAuth requests of the org's log, as Salesforce saw them. */
  orgRequests(): { path: string; authorization: string | undefined; status: number | undefined }[];
  close(): Promise<void>;
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

export async function startOAuthWorld(): Promise<OAuthWorld> {
  const org = await startOrg();
  const toOrg = loopbackFetch(org.port);
  const sent: SentRequest[] = [];
  const routes = new Map<string, typeof fetch>();
  const recordingFetch: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ url, method: init?.method ?? 'GET', headers: headersOf(init), body: typeof init?.body === 'string' ? init.body : '' });
    return (routes.get(new URL(url).hostname) ?? toOrg)(input, init);
  };
  vi.stubGlobal('fetch', recordingFetch);

  const local = memoryStore();
  const session = memoryStore();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

  const world = {} as OAuthWorld;
  const browser: OAuthWorld['browser'] = { sid: null, jar: new Map(), consent: 'allow', closeWindow: false };
  const policy: OAuthWorld['policy'] = { required: false, clientId: null };

  /** The browser's own requests (not Groundwork's): not recorded in `sent`. */
  const browse = (url: string, init: RequestInit = {}): Promise<Response> =>
    toOrg(url, { ...init, headers: { ...headersOf(init), ...(browser.sid ? { cookie: `sid=${browser.sid}` } : {}) } });

  const flow: WebAuthFlow = {
    redirectUrl: () => CALLBACK,
    async launch(start) {
      if (browser.closeWindow) throw new Error('The user did not approve access.');
      const first = new URL(start);
      browser.tamperAuthorize?.(first);
      let next = first.href;
      for (let hop = 0; hop < 10; hop++) {
        if (next.startsWith(CALLBACK)) {
          const answer = new URL(next);
          browser.tamperCallback?.(answer);
          return answer.href;
        }
        const response = await browse(next);
        if (response.status === 302) {
          next = new URL(response.headers.get('location') ?? '', next).href;
          continue;
        }
        const page = await response.text();
        if (!page.includes('id="oaapprove"')) throw new Error(`the OAuth window shows no consent page: ${page.slice(0, 200)}`);
        const form = new URLSearchParams();
        for (const match of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
          form.set(match[1] ?? '', (match[2] ?? '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))));
        }
        form.set('decision', browser.consent);
        const decided = await browse(new URL('/services/oauth2/authorize', next).href, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
        next = new URL(decided.headers.get('location') ?? '', next).href;
      }
      throw new Error('too many redirects in the OAuth window');
    },
  };

  const cookies: CookieJar = {
    sidFor: async (url) => browser.jar.get(new URL(url).hostname) ?? null,
    allSids: async () => [...browser.jar].map(([domain, value]) => ({ domain, value })),
  };
  const vault = new TokenVault({ local, session, key: async () => key });
  const oauth = new SalesforceOAuth({
    vault,
    flow,
    fetch: (input, init) => fetch(input, init),
    clientIdFor: async () => policy.clientId,
    now: () => new Date(org.clock.now),
  });
  const sessions = new SalesforceSessions({
    cookies,
    oauth,
    oauthRequired: async () => policy.required,
    fetch: (input, init) => fetch(input, init),
  });

  async function control(path: string, body: Record<string, unknown> = {}): Promise<unknown> {
    const reply = await org.send('POST', `/__sandbox/${path}`, { sid: null, body });
    if (reply.status !== 200) throw new Error(`control ${path}: ${reply.status} ${reply.text}`);
    return reply.json();
  }

  Object.assign(world, {
    org,
    local,
    session,
    sent,
    routes,
    vault,
    oauth,
    sessions,
    browser,
    policy,
    clientId: '',
    control,
    async logIn(user = ACME.users.admin, host = API_HOST) {
      const reply = await org.send('POST', '/', {
        sid: null,
        host,
        raw: new URLSearchParams({ username: user.username, pw: user.password }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      browser.sid = sidCookieOf(reply)?.value ?? null;
      if (browser.sid) browser.jar.set(host, browser.sid);
      return browser.sid ?? '';
    },
    apiSession() {
      const sid = browser.sid ?? '';
      return { orgId: sid.slice(0, 15), apiHost: API_HOST, sessionId: sid };
    },
    orgRequests: () =>
      org.sf.log
        .filter((entry) => entry.path.startsWith('/services/'))
        .map((entry) => ({ path: entry.path, authorization: entry.headers.authorization, status: entry.status })),
    async close() {
      vi.unstubAllGlobals();
      await org.close();
    },
  } satisfies Partial<OAuthWorld>);
  return world;
}

/** Back to a fresh org with Groundwork's connected app registered and the rep logged in as Alex. */
export async function resetWorld(world: OAuthWorld): Promise<void> {
  world.org.sf.reset();
  world.org.clock.now = Date.UTC(2026, 10, 21, 17, 0, 0);
  world.sent.length = 0;
  Object.assign(world.browser, { consent: 'allow', closeWindow: false, tamperAuthorize: undefined, tamperCallback: undefined });
  world.browser.jar.clear();
  const app = (await world.control('connected-apps', { callbackUrls: [CALLBACK], name: 'Groundwork' })) as { clientId: string };
  world.clientId = app.clientId;
  Object.assign(world.policy, { required: false, clientId: app.clientId });
  for (const key of world.local.keys()) await world.local.remove(key);
  for (const key of world.session.keys()) await world.session.remove(key);
  await world.logIn();
}

/** One world for a test file, reset before each test. */
export function oauthWorldForFile(): () => OAuthWorld {
  let world: OAuthWorld | undefined;
  beforeAll(async () => {
    world = await startOAuthWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  beforeEach(async () => {
    if (world) await resetWorld(world);
  });
  return () => {
    if (!world) throw new Error('The OAuth world is not started yet.');
    return world;
  };
}
