/**
 * Content scripts run inside Salesforce and Gmail pages, next to code we do not control. The API key and the settings
 * must be out of their reach: this file runs code in the content scripts' own isolated world (the execution context
 * Chromium gives the extension inside the page) and tries every storage area it has.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { serviceWorker } from './chromium';
import { lastingItem } from './extension-store';
import { harnessForFile } from './harness';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-storage-access-0001';
const ATTACKER_KEY = 'sk-ant-planted-by-a-page-0001';

/** Evaluates `expression` (awaited, returned as JSON) in the isolated world of Groundwork's content script on the page. */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.createCDPSession();
  const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const world = worlds.find((context) => context.auxData?.type === 'isolated' && context.name === 'Groundwork for Salesforce');
  if (!world) throw new Error(`No Groundwork content script world on ${page.url()}: ${worlds.map((context) => context.name).join(', ')}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

/** What the content script's world can read and do with every storage area, each answer or its refusal. */
const PROBE = `(async () => {
  const attempt = async (run) => { try { return { ok: await run() }; } catch (error) { return { refused: String(error && error.message || error) }; } };
  const attacker = { anthropicApiKey: '${ATTACKER_KEY}', baseUrl: 'https://collector.attacker.example', morningPrep: true };
  return {
    hasChromeStorage: typeof chrome !== 'undefined' && !!chrome.storage,
    localRead: await attempt(() => chrome.storage.local.get(null)),
    syncRead: await attempt(() => chrome.storage.sync.get(null)),
    sessionRead: await attempt(() => chrome.storage.session.get(null)),
    localWrite: await attempt(() => chrome.storage.local.set({ settings: attacker }).then(() => 'written')),
    syncWrite: await attempt(() => chrome.storage.sync.set({ settings: attacker }).then(() => 'written')),
    sessionWrite: await attempt(() => chrome.storage.session.set({ settings: attacker }).then(() => 'written')),
    indexedDb: await attempt(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('groundwork-local');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => { const names = [...open.result.objectStoreNames]; open.result.close(); resolve({ origin: location.origin, stores: names }); };
    })),
  };
})()`;

async function saveKeyAndBudget(): Promise<void> {
  const { browser, extensionId } = harness();
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('[data-testid=api-key-input]').fill(API_KEY);
  await page.locator('[data-testid=save-settings]').click();
  await page.waitForSelector('[data-testid=settings-status][data-tone=info]');
  await page.close();
}

describe('storage: out of content scripts’ reach', () => {
  it('a content script on Salesforce or Gmail can read neither the key nor any setting, and cannot change one', async () => {
    await saveKeyAndBudget();
    const { salesforceTab, openRecordPanel, sandbox, browser, extension } = harness();
    const tab = await salesforceTab(`/lightning/r/Account/${ACME.accounts.globex.id}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector('[data-testid=record-card]');
    const gmail = await browser.newPage();
    await gmail.goto(sandbox.gmail.urls.message);

    for (const [index, page] of [tab, gmail].entries()) {
      const seen = (await inContentScript(page, PROBE)) as Record<string, unknown>;
      expect(seen.hasChromeStorage, 'the probe runs in the content script world').toBe(true);
      expect(JSON.stringify([seen.localRead, seen.syncRead, seen.sessionRead, seen.indexedDb])).not.toContain(API_KEY);
      // chrome.storage.local holds nothing of the extension's: only what the first probe wrote there itself.
      expect(seen.localRead).toEqual(index === 0 ? { ok: {} } : { ok: { settings: expect.objectContaining({ anthropicApiKey: ATTACKER_KEY }) } });
      expect(seen.sessionRead).toEqual({ refused: expect.stringMatching(/not allowed|access/i) });
      expect(seen.sessionWrite).toEqual({ refused: expect.stringMatching(/not allowed|access/i) });
      // The page's own origin: a database of that name there is the page's, not the extension's.
      expect(seen.indexedDb).toEqual({ ok: { origin: new URL(page.url()).origin, stores: [] } });
    }

    // Whatever the content scripts wrote, the extension runs with the rep's settings: its key, Anthropic's host.
    const worker = await serviceWorker(extension);
    expect(await lastingItem(worker, 'settings')).toMatchObject({ anthropicApiKey: API_KEY, baseUrl: '', morningPrep: false });
    sandbox.model.clearLog();
    await tab.bringToFront();
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`);
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });
    const requests = sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.authorization ?? requests[0]?.headers['x-api-key']).toContain(API_KEY);
    expect(JSON.stringify(requests[0]?.headers)).not.toContain(ATTACKER_KEY);
  });

  it('settings the previous version kept in chrome.storage.local are moved over, and the options page shows them', async () => {
    const { extension, browser, extensionId } = harness();
    const worker = await serviceWorker(extension);
    const legacy = { anthropicApiKey: 'sk-ant-kept-by-old-version-01', budgets: { dailyUsd: 7, monthlyUsd: null, requestsPerMinute: 20 } };
    // As the previous version left the profile: the items in chrome.storage.local, this store not yet taken over.
    await worker.evaluate(async (settings) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void>; set(items: object): Promise<void> } } } }).chrome;
      await api.storage.local.clear();
      await api.storage.local.set({ settings, 'orgs:enabled': [{ orgId: '00D000000000009', apiHost: 'old.my.salesforce.com' }] });
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('groundwork-local');
        open.onsuccess = () => {
          const tx = open.result.transaction('items', 'readwrite');
          for (const key of ['store:migrated-from-storage-local', 'settings', 'orgs:enabled']) tx.objectStore('items').delete(key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }, legacy);

    // A context that starts now (the options page) takes the items over before its first read.
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#budgets`);
    await page.waitForSelector('[data-testid=budget-daily]');
    expect(await page.$eval('[data-testid=budget-daily]', (node) => (node as HTMLInputElement).value)).toBe('7');
    expect(await lastingItem(page, 'settings')).toMatchObject(legacy);
    expect(await lastingItem(page, 'orgs:enabled')).toEqual([{ orgId: '00D000000000009', apiHost: 'old.my.salesforce.com' }]);
    const left = await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(key: null): Promise<object> } } } }).chrome.storage.local.get(null));
    expect(left).toEqual({});
    await page.close();
  });
});
