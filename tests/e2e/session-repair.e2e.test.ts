/**
 * Session self-repair after the org's domain changes (a renamed My Domain, as enhanced domains rename sandboxes): the
 * old domain's session is dead but its cookie is still in the browser; once the rep has logged in on the new domain,
 * the panel reads with the new domain's session (found again after one refusal, when the panel's tab is still on the
 * old domain); before that, it says which tab to reload.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { harnessForFile } from './harness';
import { browserSid, dataBearers, orgControl } from './sign-in';

const harness = harnessForFile();

// Each test starts from the org's first domain, with no cookie of an earlier test's new domain in the browser.
beforeEach(async () => {
  const { sandbox, browser } = harness();
  sandbox.org.reset();
  const renamed = (await browser.cookies()).filter((cookie) => cookie.domain.includes('acme-corp.'));
  await browser.deleteCookie(...renamed);
});
const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

/** The login form of a My Domain, as the rep meets it after the domain changed. */
async function logInOn(tab: Page, apiHost: string, startUrl: string): Promise<void> {
  const { users } = harness().sandbox.org.primary;
  await tab.goto(`https://${apiHost}/?startURL=${encodeURIComponent(startUrl)}`);
  await tab.locator('input[name=username]').fill(users.full.username);
  await tab.locator('input[name=pw]').fill(users.full.password);
  await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.locator('#Login').click()]);
}

/** Globex read in the panel with the first domain's session; then the admin renames the My Domain (the log starts there). */
async function globexThenRenamed(): Promise<{ tab: Page; panel: Page; oldSid: string }> {
  const { salesforceTab, openRecordPanel, sandbox, browser } = harness();
  const tab = await salesforceTab(recordPath('Account', ACME.accounts.globex.id));
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`, { timeout: 15_000 });
  const oldSid = await browserSid(browser, sandbox.org.primary.apiHost);
  await orgControl(sandbox, 'my-domain', { name: 'acme-corp' });
  sandbox.org.clearLog();
  return { tab, panel, oldSid };
}

describe('after the org\'s My Domain changes', () => {
  it('reads through the new domain\'s session, never the old domain\'s dead one', async () => {
    const { sandbox, browser } = harness();
    const { tab, panel, oldSid } = await globexThenRenamed();
    await logInOn(tab, 'acme-corp.my.salesforce.com', recordPath('Account', ACME.accounts.initech.id));
    expect(new URL(tab.url()).hostname).toBe('acme-corp.lightning.force.com');
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.initech.id}"]`, { timeout: 15_000 });

    const newSid = await browserSid(browser, 'acme-corp.my.salesforce.com');
    const reads = sandbox.org.log.filter((entry) => entry.path.startsWith('/services/data/'));
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads.map((entry) => entry.host))).toEqual(new Set(['acme-corp.my.salesforce.com']));
    expect(dataBearers(reads).every((read) => read.bearer === newSid && read.status === 200)).toBe(true);
    expect(dataBearers(sandbox.org.log).some((read) => read.bearer === oldSid)).toBe(false);
  });
});

describe('a tab still on the old domain after the My Domain change', () => {
  it('says which tab to reload while no session of the org is alive, then, on Try again, reads through the new domain\'s session after one refusal', async () => {
    const { sandbox, browser } = harness();
    const oldLightning = sandbox.org.primary.lightningHost;
    const { tab, panel, oldSid } = await globexThenRenamed();
    await tab.evaluate((path) => history.pushState({}, '', path), recordPath('Account', ACME.accounts.initech.id));
    const ended = await panel.waitForSelector('[data-testid=panel-state][data-state=session-expired]', { timeout: 15_000 });
    const words = (await ended?.evaluate((node) => node.textContent ?? '')) ?? '';
    expect(words).toContain(`Reload your Salesforce tab on ${oldLightning} (log in again if Salesforce asks)`);
    expect(words).not.toMatch(/cookie/i);
    // Refused once; no other session of the org to try, so nothing more was sent.
    expect(dataBearers(sandbox.org.log).map((read) => [read.bearer === oldSid, read.status])).toEqual([[true, 401]]);

    const other = await browser.newPage();
    await logInOn(other, 'acme-corp.my.salesforce.com', recordPath('Account', ACME.accounts.umbrella.id));
    const newSid = await browserSid(browser, 'acme-corp.my.salesforce.com');
    // The panel follows the new tab, read with the new domain's session, and then the old tab again, as it was left.
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.umbrella.id}"]`, { timeout: 15_000 });
    await tab.bringToFront();
    await panel.waitForSelector('[data-testid=panel-state][data-state=session-expired]', { timeout: 15_000 });
    expect(new URL(tab.url()).hostname).toBe(oldLightning);
    sandbox.org.clearLog();
    await panel.locator('[data-testid=retry-button]').click();
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.initech.id}"]`, { timeout: 15_000 });
    const reads = sandbox.org.log.filter((entry) => entry.path.startsWith('/services/data/'));
    expect(reads.slice(0, 2).map((entry) => [entry.host, entry.headers.authorization === `Bearer ${oldSid}`, entry.status])).toEqual([
      [sandbox.org.primary.apiHost, true, 401],
      ['acme-corp.my.salesforce.com', false, 200],
    ]);
    expect(await panel.$('[data-testid=panel-state]')).toBeNull();
    expect(reads.slice(1).every((entry) => entry.host === 'acme-corp.my.salesforce.com' && entry.headers.authorization === `Bearer ${newSid}`)).toBe(true);
    await other.close();
  });
});
