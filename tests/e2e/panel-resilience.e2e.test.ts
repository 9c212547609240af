import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { serviceWorker, showFeature } from './chromium';
import { harnessForFile } from './harness';

const harness = harnessForFile();

const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

async function waitForRecord(panel: Page, id: string): Promise<string> {
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`, { timeout: 20_000 });
  return panel.$eval('[data-testid=record-name]', (node) => node.textContent ?? '');
}

describe('the side panel when things go wrong', () => {
  it('keeps following the tab after the service worker is stopped', async () => {
    const { salesforceTab, openRecordPanel, extension } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.stark.id));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, ACME.accounts.stark.id);

    await (await serviceWorker(extension)).close();
    const opportunity = Object.values(ACME.opportunities)[0];
    if (!opportunity) throw new Error('the seed has no opportunity');
    await tab.goto(`https://${harness().sandbox.org.primary.lightningHost}${recordPath('Opportunity', opportunity.id)}`);
    expect(await waitForRecord(panel, opportunity.id)).toBe(opportunity.name);
  });

  it('says which tab to reload when the session ended (never to clear cookies), and recovers once the rep has logged in again', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.wayne.id));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, ACME.accounts.wayne.id);

    sandbox.org.expireSessions();
    await tab.evaluate((path) => {
      history.pushState({}, '', path);
    }, recordPath('Account', ACME.accounts.soylent.id));
    await panel.waitForSelector('[data-testid=panel-state][data-state=session-expired]');
    const notice = await panel.$eval('[data-testid=panel-state]', (node) => node.textContent);
    expect(notice).toContain(`Reload your Salesforce tab on ${sandbox.org.primary.lightningHost} (log in again if Salesforce asks)`);
    expect(notice).not.toMatch(/cookie/i);
    expect(await seriousA11yViolations(panel)).toEqual([]);

    const again = await salesforceTab(recordPath('Account', ACME.accounts.soylent.id));
    await again.bringToFront();
    expect(await waitForRecord(panel, ACME.accounts.soylent.id)).toBe(ACME.accounts.soylent.name);
  });

  it('keeps the record card, the open tab and the typed note when reading the record again fails, and says so with Try again', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const id = ACME.accounts.umbrella.id;
    const tab = await salesforceTab(recordPath('Account', id));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, id);
    await showFeature(panel, 'note');
    await panel.focus('[data-testid=note-input]');
    await panel.keyboard.type('Umbrella wants the renewal quote by Friday.');

    sandbox.org.injectFault({ kind: 'server-error', status: 503, times: 10 });
    await panel.locator('[data-testid=refresh-record]').click();
    const alert = await panel.waitForSelector('[data-testid=panel-state][data-state=server]');
    expect(await alert?.evaluate((node) => node.getAttribute('role'))).toBe('alert');
    expect(await panel.$(`[data-testid=record-card][data-record-id="${id}"]`)).not.toBeNull();
    expect(await panel.$eval('[data-testid=tab-panel]', (node) => node.getAttribute('data-tab'))).toBe('note');
    expect(await panel.$eval('[data-testid=note-input]', (node) => (node as HTMLTextAreaElement).value)).toBe('Umbrella wants the renewal quote by Friday.');
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');

    sandbox.org.clearFaults();
    await panel.locator('[data-testid=retry-button]').click();
    await panel.waitForSelector('[data-testid=panel-state]', { hidden: true });
    expect(await waitForRecord(panel, id)).toBe(ACME.accounts.umbrella.name);
    await tab.close();
  });

  it('retries a failed read from the keyboard alone', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    sandbox.org.injectFault({ kind: 'server-error', status: 503, times: 10 });
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.cyberdyne.id));
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector('[data-testid=panel-state][data-state=server]');
    sandbox.org.clearFaults();

    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('retry-button');
    await panel.keyboard.press('Enter');
    expect(await waitForRecord(panel, ACME.accounts.cyberdyne.id)).toBe(ACME.accounts.cyberdyne.name);
  });

  it('follows the system dark mode with no serious accessibility finding', async () => {
    const { salesforceTab, openRecordPanel } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.massive.id));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, ACME.accounts.massive.id);
    const luminance = (): Promise<number> =>
      panel.evaluate(() => {
        const [r = 0, g = 0, b = 0] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      });
    await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(await luminance()).toBeGreaterThan(0.8);
    await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await luminance()).toBeLessThan(0.2);
    expect(JSON.stringify(await seriousA11yViolations(panel), null, 1)).toBe('[]');
  });
});
