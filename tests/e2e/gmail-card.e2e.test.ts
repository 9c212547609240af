/**
 * The mail card end to end, in Gmail and in Outlook on the web: with an email open, the panel shows the sender's
 * Contact, its Account, that account's open opportunities and open cases, all read from the sandbox org in one
 * request, each a link.
 */
import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../sandbox/salesforce/model';
import { ACME } from '../sandbox/salesforce/seed';
import { serviceWorker } from './chromium';
import { harnessForFile } from './harness';
import { checkView, failing } from './layout';
import { GMAIL_DRIVER, OUTLOOK_DRIVER, type MailDriver } from './mail-clients';

const harness = harnessForFile();

interface SessionStorage {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** Senders already looked up are kept for the browser session: each client's case starts as a fresh session would. */
async function forgetKeptSenders(): Promise<void> {
  const worker = await serviceWorker(harness().extension);
  await worker.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: { storage: { session: SessionStorage } } }).chrome.storage.session;
    const kept = Object.keys(await storage.get(null)).filter((key) => key.startsWith('sender:'));
    await storage.remove(kept);
  });
}

describe.each([GMAIL_DRIVER, OUTLOOK_DRIVER])('the mail card in $name', (driver: MailDriver) => {
  it('shows a known sender’s account, its open opportunities and its open cases from one org request, each linked', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const tab = await salesforceTab(`/lightning/r/Account/${ACME.accounts.globex.id}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`);

    await forgetKeptSenders();
    sandbox.org.clearLog();
    await tab.goto(driver.message(sandbox));
    await panel.waitForSelector('[data-testid=gmail-card][data-state=found] [data-testid=sender-account]', { timeout: 15_000 });

    const { lightningHost } = sandbox.org.primary;
    const umbrella = ACME.accounts.umbrella.id;
    expect(await panel.$eval('[data-testid=sender-match]', (node) => node.textContent)).toContain(ACME.contacts.dana.name);
    expect(await panel.$eval('[data-testid=sender-account-link]', (node) => [node.textContent, node.getAttribute('href')])).toEqual([
      ACME.accounts.umbrella.name,
      `https://${lightningHost}/lightning/r/Account/${umbrella}/view`,
    ]);

    // What the org holds: the account's open opportunities, soonest close first, and its open cases (anyone's).
    const db = sandbox.org.org('acme').seed.db;
    const rows = (objectName: string): StoredRecord[] => [...(db.records.get(objectName)?.values() ?? [])];
    const openOpportunities = rows('Opportunity')
      .filter((record) => record.AccountId === umbrella && record.IsClosed === false)
      .sort((a, b) => String(a.CloseDate).localeCompare(String(b.CloseDate)))
      .map((record) => String(record.Id));
    const openCases = rows('Case')
      .filter((record) => record.AccountId === umbrella && record.IsClosed === false)
      .map((record) => String(record.Id));
    expect(openOpportunities.length).toBeGreaterThan(0);
    expect(openCases.length).toBeGreaterThan(0);
    const shown = (testId: string) => panel.$$eval(`[data-testid=${testId}]`, (nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''));
    expect(await shown('sender-opportunity')).toEqual(openOpportunities.slice(0, 5));
    expect([...(await shown('sender-case'))].sort()).toEqual([...openCases].sort().slice(0, 5));
    const [firstOpportunity] = openOpportunities;
    expect(await panel.$eval(`[data-testid=sender-opportunity][data-id="${firstOpportunity}"] a`, (node) => node.getAttribute('href'))).toBe(
      `https://${lightningHost}/lightning/r/Opportunity/${firstOpportunity}/view`,
    );

    // One request to the org for the whole card: a composite of the contact, lead and account queries.
    const lookups = sandbox.org.log.filter((entry) => entry.path.startsWith('/services/') && entry.body.includes('dana'));
    expect(lookups.map((entry) => `${entry.method} ${entry.path.replace(/v\d+\.0/, 'vNN')}`)).toEqual(['POST /services/data/vNN/composite']);
    expect(decodeURIComponent(lookups[0]?.body ?? '')).toContain('FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Email = ');

    if (driver === GMAIL_DRIVER) expect(failing(await checkView(panel, 'panel-gmail-account', [400]))).toEqual([]);
    await tab.close();
  });
});
