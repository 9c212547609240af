import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { harnessForFile } from './harness';

const harness = harnessForFile();

async function panelState(panel: Page): Promise<string | null> {
  return panel.$eval('[data-testid]', () => {
    const card = document.querySelector('[data-testid=record-card]');
    if (card) return `record:${card.getAttribute('data-record-id')}`;
    return document.querySelector('[data-testid=panel-state]')?.getAttribute('data-state') ?? null;
  });
}

async function shownRecordName(panel: Page, expectedId: string): Promise<string> {
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${expectedId}"]`, { timeout: 10_000 });
  return panel.$eval('[data-testid=record-name]', (node) => node.textContent ?? '');
}

describe('the side panel beside a Salesforce record', () => {
  it('shows the Account in view, with its name and object, read from the org', async () => {
    const { salesforceTab, openRecordPanel, recordUrl } = harness();
    const account = ACME.accounts.globex;
    const tab = await salesforceTab(new URL(recordUrl('Account', account.id)).pathname);
    const panel = await openRecordPanel(tab);
    expect(await shownRecordName(panel, account.id)).toBe(account.name);
    expect(await panel.$eval('[data-testid=record-object]', (node) => node.textContent)).toBe('Account');
    expect(await seriousA11yViolations(panel)).toEqual([]);
  });

  it('follows in-app navigation to another record without a page load', async () => {
    const { salesforceTab, openRecordPanel, recordUrl } = harness();
    const account = ACME.accounts.initech;
    const tab = await salesforceTab(new URL(recordUrl('Account', account.id)).pathname);
    const panel = await openRecordPanel(tab);
    await shownRecordName(panel, account.id);

    const loadsBefore = await tab.evaluate(() => performance.getEntriesByType('navigation').length);
    const opportunity = ACME.opportunities.initechMigration;
    await tab.locator(`a[data-record-id="${opportunity.id}"]`).click();
    expect(await shownRecordName(panel, opportunity.id)).toBe(opportunity.name);
    expect(await tab.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loadsBefore);
    expect(tab.url()).toContain(`/lightning/r/Opportunity/${opportunity.id}/view`);
  });

  it('says there is no record on a Salesforce page without one, and what to do off Salesforce', async () => {
    const { salesforceTab, openRecordPanel } = harness();
    const tab = await salesforceTab('/lightning/o/Account/list');
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector('[data-testid=panel-state][data-state=no-record]');
    expect(await seriousA11yViolations(panel)).toEqual([]);

    await tab.goto('about:blank');
    await panel.waitForSelector('[data-testid=panel-state][data-state=not-salesforce]');
    expect(await panelState(panel)).toBe('not-salesforce');
    expect(await seriousA11yViolations(panel)).toEqual([]);
  });

  it('sends the API session only to the org API host, never to the model API or Gmail', async () => {
    const { salesforceTab, openRecordPanel, recordUrl, sandbox } = harness();
    sandbox.org.clearLog();
    sandbox.model.clearLog();
    const contact = ACME.contacts.dana;
    const tab = await salesforceTab(new URL(recordUrl('Contact', contact.id)).pathname);
    const panel = await openRecordPanel(tab);
    await shownRecordName(panel, contact.id);

    const { apiHost } = sandbox.org.primary;
    const apiCalls = sandbox.org.log.filter((entry) => entry.path.startsWith('/services/data/'));
    expect(apiCalls.length).toBeGreaterThan(0);
    for (const call of apiCalls) {
      expect(call.host).toBe(apiHost);
      expect(call.headers.authorization).toMatch(/^Bearer 00D\w{12}!/);
    }
    const apiSessions = new Set(apiCalls.map((call) => call.headers.authorization?.replace(/^Bearer /, '')));
    for (const entry of sandbox.org.log.filter((e) => e.host !== apiHost)) {
      for (const sid of apiSessions) expect(JSON.stringify(entry.headers)).not.toContain(sid);
    }
    for (const entry of [...sandbox.model.log, ...sandbox.gmail.log]) {
      for (const sid of apiSessions) expect(JSON.stringify(entry)).not.toContain(sid);
    }
  });
});
