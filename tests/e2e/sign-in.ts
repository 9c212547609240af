/**
 * E2E helpers for Groundwork's Salesforce sign-in: the sandbox org's connected app for the extension under test, the
 * consumer key entered as a rep would, and the browser's OAuth window (a page target puppeteer sees) driven as a rep
 * would drive it.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { RequestLogEntry } from '../sandbox/http';
import type { Sandbox } from '../sandbox/sandbox';
import { orgRequest } from './org-api';

/** A consumer key the connected app is registered under (any Salesforce-shaped key works). */
export const CONSUMER_KEY = '3MVG9GroundworkEndToEndTestsConnectedAppConsumerKey.Sandbox_0001';

/** Setup → App Manager → New Connected App, with the extension's callback URL (what `identity.getRedirectURL` gives). */
export async function registerConnectedApp(sandbox: Sandbox, extensionId: string, options: { preAuthorized?: boolean } = {}): Promise<void> {
  const reply = await orgRequest(sandbox, {
    method: 'POST',
    path: '/__sandbox/connected-apps',
    body: { clientId: CONSUMER_KEY, name: 'Groundwork', callbackUrls: [`https://${extensionId}.chromiumapp.org/salesforce`], ...options },
  });
  if (reply.status !== 200) throw new Error(`the connected app was not registered: ${JSON.stringify(reply.body)}`);
}

export async function orgControl(sandbox: Sandbox, path: string, body: Record<string, unknown> = {}): Promise<void> {
  const reply = await orgRequest(sandbox, { method: 'POST', path: `/__sandbox/${path}`, body });
  if (reply.status !== 200) throw new Error(`control ${path} failed: ${JSON.stringify(reply.body)}`);
}

/** The consumer key in the options page's "Salesforce sign-in" section, saved as a rep would. */
export async function enterConsumerKey(browser: Browser, extensionId: string, key: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('[data-testid=options-tab-orgs]').click();
  await page.locator('[data-testid=salesforce-client-id]').fill(key);
  await page.locator('[data-testid=save-settings]').click();
  await page.waitForSelector('[data-testid=settings-status][data-tone=info]');
  await page.close();
}

/** The OAuth window the extension opened (on Salesforce's authorize page, or where it went from there). */
export async function signInWindow(browser: Browser): Promise<Page> {
  const target = await browser.waitForTarget((candidate) => candidate.url().includes('/services/oauth2/authorize'), { timeout: 10_000 });
  const page = await target.asPage();
  await page.waitForSelector('#oaapprove, #oauth-error, #username', { timeout: 10_000 });
  return page;
}

/** Clicks "Sign in with Salesforce" in the panel and answers Salesforce's "Allow Access?" page. */
export async function signInFromPanel(panel: Page, decision: 'allow' | 'deny' = 'allow'): Promise<void> {
  await panel.locator('[data-testid=sign-in]').click();
  const window = await signInWindow(panel.browser());
  await window.locator(decision === 'allow' ? '#oaapprove' : '#oadeny').click();
}

/** The Bearer tokens the org's log shows, per request, for REST data requests. */
export function dataBearers(log: readonly RequestLogEntry[]): { path: string; bearer: string; status: number | undefined }[] {
  return log
    .filter((entry) => entry.path.startsWith('/services/data/'))
    .map((entry) => ({ path: entry.path, bearer: /^Bearer (.+)$/.exec(entry.headers.authorization ?? '')?.[1] ?? '', status: entry.status }));
}

export const oauthCalls = (log: readonly RequestLogEntry[], endpoint: 'token' | 'revoke' | 'userinfo' | 'authorize'): RequestLogEntry[] =>
  log.filter((entry) => entry.path.startsWith(`/services/oauth2/${endpoint}`));

/** The rep's browser session on the org's API host: the `sid` cookie Salesforce set at login. */
export async function browserSid(browser: Browser, apiHost: string): Promise<string> {
  const cookies = await browser.cookies();
  const sid = cookies.find((cookie) => cookie.name === 'sid' && cookie.domain.replace(/^\./, '') === apiHost);
  if (!sid) throw new Error(`no sid cookie on ${apiHost}`);
  return sid.value;
}

/** Forgets the extension's Salesforce sign-ins between tests (as a fresh profile would have none). */
export async function forgetSignIns(worker: { evaluate(fn: () => Promise<void>): Promise<void> }): Promise<void> {
  await worker.evaluate(async () => {
    // Who is signed in is kept in the extension's lasting store (IndexedDB, lib/browser/local-store.ts).
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('groundwork-local');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('the lasting store did not open'));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('items', 'readwrite');
      tx.objectStore('items').delete('salesforce-oauth:sign-ins');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('the sign-ins were not removed'));
    });
    db.close();
    const api = (globalThis as unknown as { chrome: { storage: { session: { remove(key: string): Promise<void> } } } }).chrome;
    await api.storage.session.remove('salesforce-oauth:access');
  });
}
