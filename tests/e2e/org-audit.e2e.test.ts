/**
 * The audit trail in Salesforce itself: the administrator's policy (Chromium's managed policy folder) turns the org sink
 * on; the org has the repository's metadata deployed (as `sf project deploy start` would) and the permission sets
 * assigned as an admin would (PermissionSetAssignment records). What is checked is what the org holds.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { openOptions, serviceWorker } from './chromium';
import { checkView, failing } from './layout';
import { harnessForFile } from './harness';
import { assignPermissionSet, orgQuery, pollUntil } from './org-api';

const harness = harnessForFile({}, { managedPolicy: { orgAudit: { enabled: true, content: 'metadata' } } });
const API_KEY = 'sk-ant-e2e-test-key-0021';
const OBJECT = 'Groundwork_AI_Event__c';

const soql = <T>(query: string): Promise<T[]> => orgQuery<T>(harness().sandbox, query);

async function assign(permissionSet: string, userId: string): Promise<void> {
  expect(await assignPermissionSet(harness().sandbox, permissionSet, userId)).toBe(201);
}

/** Fires the sink's alarm through the worker's own listener, as Chromium would when it is due. */
async function fireOrgAuditAlarm(): Promise<void> {
  await (await serviceWorker(harness().extension)).evaluate(() => {
    const api = (globalThis as unknown as { chrome: { alarms: { onAlarm: { dispatch(alarm: { name: string; scheduledTime: number }): void } } } }).chrome;
    api.alarms.onAlarm.dispatch({ name: 'governance:org-audit', scheduledTime: Date.now() });
  });
}

let prepared = false;
async function prepare(): Promise<void> {
  if (prepared) return;
  const { sandbox, setApiKey } = harness();
  sandbox.org.deploy('acme');
  await setApiKey(API_KEY);
  prepared = true;
}

async function openRecord(object: string, id: string, user: 'full' | 'restricted'): Promise<{ tab: Page; panel: Page }> {
  const { salesforceTab, openRecordPanel, recordUrl } = harness();
  const tab = await salesforceTab(new URL(recordUrl(object, id)).pathname, user);
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`);
  return { tab, panel };
}

async function generate(panel: Page, feature: 'summary' | 'email'): Promise<void> {
  await panel.locator(`[data-testid=feature-${feature}]`).click();
  await panel.locator('[data-testid=generate]').click();
  await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });
}

const poll = pollUntil;

/** The local audit trail's entries of one org user, as the options page reads them from the chain. */
async function localEntries(userId: string): Promise<{ id: string; feature: string; outcome: string }[]> {
  return (await localChain(userId)).entries;
}

/** The local chain's entries of one org user and every outcome amendment, read from IndexedDB by the options page. */
async function localChain(userId: string): Promise<{ entries: { id: string; feature: string; outcome: string }[]; outcomes: string[] }> {
  const { browser, extensionId } = harness();
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const entries = await page.evaluate(async (user) => {
    const request = indexedDB.open('groundwork-audit');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<{ kind: string; entry?: { id: string; feature: string; outcome: string; user?: { id?: string } } }[]>((resolve) => {
      const read = db.transaction('chain').objectStore('chain').getAll();
      read.onsuccess = () => resolve(read.result as never);
    });
    db.close();
    return {
      entries: all.flatMap((record) => (record.kind === 'entry' && record.entry?.user?.id === user ? [{ id: record.entry.id, feature: record.entry.feature, outcome: record.entry.outcome }] : [])),
      outcomes: all.flatMap((record) => (record.kind === 'outcome' ? [(record as unknown as { outcome: string }).outcome] : [])),
    };
  }, userId);
  await page.close();
  return entries;
}

describe('the audit trail in the org', () => {
  it('tells a rep without the permission set once, in plain words, and nothing else breaks', async () => {
    await prepare();
    const { panel } = await openRecord('Account', ACME.accounts.globex.id, 'restricted');
    await generate(panel, 'summary');
    const notice = await panel.waitForSelector('[data-testid=org-audit-notice]', { timeout: 15_000 });
    expect(await notice?.evaluate((node) => node.textContent)).toContain('"Groundwork AI User" permission set');
    await panel.locator('[data-testid=org-audit-notice-dismiss]').click();
    await panel.waitForSelector('[data-testid=org-audit-notice]', { hidden: true });
    // The next generation works as before and the message does not come back.
    await panel.locator('[data-testid=regenerate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await panel.$('[data-testid=org-audit-notice]')).toBeNull();
  });

  it('records generating, accepting and editing as one event per audit entry, through a worker stop and an unreachable org', async () => {
    await prepare();
    const { sandbox, extension } = harness();
    const alex = sandbox.org.primary.users.full.id;
    await assign('Groundwork_AI_User', alex);
    const { panel } = await openRecord('Account', ACME.accounts.globex.id, 'full');
    // The org refused the first rep's events: the sink tries a refusing org again on its alarm (every few minutes),
    // which the test fires now through the worker's own listener.
    await fireOrgAuditAlarm();
    await generate(panel, 'summary');
    await panel.locator('[data-testid=copy]').click();
    await generate(panel, 'email');
    await panel.focus('[data-testid=email-body]');
    await panel.keyboard.type(' (edited)');
    await panel.locator('[data-testid=copy]').click();

    // Right after the copy the org becomes unreachable for the sink's writes, and the worker is stopped: the panel
    // sends the copy's report again once the worker is back.
    sandbox.org.injectFault({ kind: 'drop-connection', path: /composite\/sobjects/, times: 1_000 });
    await (await serviceWorker(extension)).close();
    const offline = await openRecord('Account', ACME.accounts.initech.id, 'full');
    await generate(offline.panel, 'summary');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // The options page says what waits, for which org, and why.
    const status = await openOptions(harness(), 'audit');
    const orgId = sandbox.org.primary.orgId;
    await status.waitForSelector(`[data-testid=org-audit-waiting-org][data-org-id^="${orgId.slice(0, 15)}"]`, { timeout: 15_000 });
    expect(await status.$eval('[data-testid=org-audit-waiting-org]', (node) => node.textContent)).toMatch(/^acme\.my\.salesforce\.com: \d+ events?/);
    expect(await status.$eval('[data-testid=org-audit-problem]', (node) => node.textContent)).toContain('They are kept in this browser and sent on your next use of Groundwork');
    expect(failing(await checkView(status, 'options-audit-org-sink-waiting', [1280, 400]))).toEqual([]);
    // The Salesforce tab is the active one again (the panel follows it).
    await status.close();
    await offline.tab.bringToFront();
    sandbox.org.clearFaults();
    await (await serviceWorker(extension)).close();
    // The panel wakes the worker (which sends what waits when it starts); the alarm comes too.
    await offline.panel.reload();
    await offline.panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.initech.id}"]`);
    await fireOrgAuditAlarm();

    const local = await poll(() => localEntries(alex), (entries) => entries.length >= 3);
    const events = await poll(
      () => soql<{ Event_Id__c: string; Feature__c: string; Outcome__c: string; Edit_Distance__c: number | null }>(`SELECT Event_Id__c, Feature__c, Outcome__c, Edit_Distance__c FROM ${OBJECT} WHERE User__c = '${alex}'`),
      (found) => found.length >= local.length && found.some((event) => event.Outcome__c === 'edited'),
    );
    expect(events.map((event) => event.Event_Id__c).sort()).toEqual(local.map((entry) => entry.id).sort());
    expect(new Set(events.map((event) => event.Event_Id__c)).size).toBe(events.length);
    expect(events.find((event) => event.Feature__c === 'email')).toMatchObject({ Outcome__c: 'edited', Edit_Distance__c: ' (edited)'.length });
    expect(events.filter((event) => event.Feature__c === 'summary').map((event) => event.Outcome__c).sort()).toEqual(['accepted', 'pending']);
    // Once the org has them all, the options page says so, with what was sent.
    const done = await openOptions(harness(), 'audit');
    await done.waitForSelector('[data-testid=org-audit-waiting][data-events="0"]', { timeout: 15_000 });
    expect(Number(await done.$eval('[data-testid=org-audit-sent]', (node) => node.getAttribute('data-sent')))).toBeGreaterThanOrEqual(local.length);
    expect(await done.$('[data-testid=org-audit-problem]')).toBeNull();
    expect(failing(await checkView(done, 'options-audit-org-sink-sent', [1280, 400]))).toEqual([]);
    await done.close();
  }, 120_000);
});
