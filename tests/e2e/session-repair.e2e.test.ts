/**
 * Session self-repair after the org's domain changes (a renamed My Domain, as enhanced domains rename sandboxes): the
 * old domain's session is dead but its cookie is still in the browser; once the rep has logged in on the new domain,
 * the panel reads with the new domain's session and sends nothing with the old one.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { harnessForFile } from './harness';
import { browserSid, dataBearers, orgControl } from './sign-in';

const harness = harnessForFile();
const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

/** The login form of a My Domain, as the rep meets it after the domain changed. */
async function logInOn(tab: Page, apiHost: string, startUrl: string): Promise<void> {
  const { users } = harness().sandbox.org.primary;
  await tab.goto(`https://${apiHost}/?startURL=${encodeURIComponent(startUrl)}`);
  await tab.locator('input[name=username]').fill(users.full.username);
  await tab.locator('input[name=pw]').fill(users.full.password);
  await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.locator('#Login').click()]);
}

describe('after the org\'s My Domain changes', () => {
  it('reads through the new domain\'s session, never the old domain\'s dead one', async () => {
    const { salesforceTab, openRecordPanel, sandbox, browser } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.globex.id));
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`, { timeout: 15_000 });
    const oldSid = await browserSid(browser, sandbox.org.primary.apiHost);

    await orgControl(sandbox, 'my-domain', { name: 'acme-corp' });
    sandbox.org.clearLog();
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
