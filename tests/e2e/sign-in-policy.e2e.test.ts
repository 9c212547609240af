/**
 * An administrator's policy that requires Groundwork's own Salesforce sign-in in every org, set through Chromium's
 * managed policy folder (as tests/e2e/policy.e2e.test.ts does): the browser session is never used for the API, even in
 * an org that would take it, and a sign-in of another user than the browser's is shown, never used.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { loginToSalesforce, serviceWorker } from './chromium';
import { harnessForFile } from './harness';
import { checkView, failing } from './layout';
import { CONSUMER_KEY, browserSid, dataBearers, forgetSignIns, oauthCalls, registerConnectedApp, signInFromPanel } from './sign-in';

const harness = harnessForFile({}, { managedPolicy: { salesforceClientId: CONSUMER_KEY, requireSalesforceSignIn: ['*'] } });

const GLOBEX = ACME.accounts.globex;
const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

async function panelState(panel: Page, state: string): Promise<string> {
  const notice = await panel.waitForSelector(`[data-testid=panel-state][data-state=${state}]`, { timeout: 15_000 });
  return (await notice?.evaluate((node) => node.textContent ?? '')) ?? '';
}

async function settingsPage(): Promise<Page> {
  const { browser, extensionId } = harness();
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('[data-testid=options-tab-orgs]').click();
  await page.waitForSelector('[data-testid=salesforce-client-id]');
  return page;
}

beforeEach(async () => {
  const { sandbox, extension, extensionId } = harness();
  sandbox.org.reset();
  await registerConnectedApp(sandbox, extensionId);
  await forgetSignIns(await serviceWorker(extension));
});

describe('a policy that requires the Salesforce sign-in', () => {
  it('sends nothing with the browser session, offers the sign-in, then reads through it; the options page shows the key as set', async () => {
    const { salesforceTab, openRecordPanel, sandbox, browser, extensionId } = harness();
    sandbox.org.clearLog();
    const tab = await salesforceTab(recordPath('Account', GLOBEX.id));
    const panel = await openRecordPanel(tab);
    const offered = await panelState(panel, 'sign-in-required');
    expect(offered).toContain('Your organization requires Groundwork to use its own Salesforce sign-in in this org');
    expect(dataBearers(sandbox.org.log)).toEqual([]);

    const sid = await browserSid(browser, sandbox.org.primary.apiHost);
    await signInFromPanel(panel);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${GLOBEX.id}"]`, { timeout: 15_000 });
    const reads = dataBearers(sandbox.org.log);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((read) => read.status === 200 && read.bearer !== sid)).toBe(true);

    const options = await settingsPage();
    const key = await options.$eval('[data-testid=salesforce-client-id]', (node) => ({ value: (node as HTMLInputElement).value, disabled: (node as HTMLInputElement).disabled }));
    expect(key).toEqual({ value: CONSUMER_KEY, disabled: true });
    expect(await options.$eval('#gw-sf-client-id-locked', (node) => node.textContent)).toBe('Set by your organization');
    expect(await options.$eval('[data-testid=salesforce-callback-url]', (node) => node.textContent)).toBe(`https://${extensionId}.chromiumapp.org/salesforce`);
    const row = await options.waitForSelector(`[data-testid=signed-in-org][data-org-id="${sandbox.org.primary.orgId.slice(0, 15)}"]`);
    expect(await row?.evaluate((node) => node.textContent)).toContain(ACME.users.admin.name);

    sandbox.org.clearLog();
    await options.locator('[data-testid=options-sign-out]').click();
    await options.waitForSelector('[data-testid=no-sign-ins]');
    // The stored sign-in goes before the background's answer about the revoke arrives, so the note can come a moment later.
    const note = await options.waitForSelector('[data-testid=sign-out-note]');
    expect(await note?.evaluate((node) => node.textContent)).toContain('Salesforce revoked the sign-in');
    expect(oauthCalls(sandbox.org.log, 'revoke').map((entry) => entry.status)).toEqual([200]);
    await options.close();
  });

  it('shows a sign-in of another user than the browser\'s session, and uses neither', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const tab = await salesforceTab(recordPath('Account', GLOBEX.id));
    const panel = await openRecordPanel(tab);
    await panelState(panel, 'sign-in-required');
    await signInFromPanel(panel);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${GLOBEX.id}"]`, { timeout: 15_000 });

    await loginToSalesforce(tab, sandbox.org.primary, 'restricted', recordPath('Account', GLOBEX.id));
    sandbox.org.clearLog();
    await tab.reload();
    const mismatch = await panelState(panel, 'user-mismatch');
    expect(mismatch).toContain(`Groundwork's Salesforce sign-in is ${ACME.users.admin.name}`);
    expect(mismatch).toContain(`this browser is logged in to Salesforce as ${ACME.users.restricted.name}`);
    expect(dataBearers(sandbox.org.log)).toEqual([]);
    expect(failing(await checkView(panel, 'panel-user-mismatch', [400]))).toEqual([]);

    await panel.locator('[data-testid=sign-out]').click();
    await panelState(panel, 'sign-in-required');
    expect(oauthCalls(sandbox.org.log, 'revoke').map((entry) => entry.status)).toEqual([200]);
  });
});
