/**
 * The team's usage from the org in the options page: a rep's events reach the org through the org sink (the
 * administrator's policy on, the repository's metadata deployed, permission sets assigned as an admin would), and the
 * usage view's "Team (from Salesforce)" reads them back with the viewer's own session: the whole team for a holder of
 * "Groundwork AI Admin", a plain refusal for anyone else. What is checked is what the org holds and what the page shows.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { openOptions } from './chromium';
import { harnessForFile } from './harness';
import { checkView, failing } from './layout';
import { assignPermissionSet, orgQuery, orgRequest, pollUntil } from './org-api';

const harness = harnessForFile({}, { managedPolicy: { orgAudit: { enabled: true, content: 'metadata' } } });
const API_KEY = 'sk-ant-e2e-test-key-0021';
const OBJECT = 'Groundwork_AI_Event__c';
const V = '/services/data/v62.0';

const soql = <T>(query: string): Promise<T[]> => orgQuery<T>(harness().sandbox, query);

async function assign(permissionSet: string, userId: string): Promise<void> {
  expect(await assignPermissionSet(harness().sandbox, permissionSet, userId)).toBe(201);
}

const poll = pollUntil;

/** The usage section of the options page, switched to the team's usage from Salesforce. */
async function teamUsage(): Promise<Page> {
  const page = await openOptions(harness(), 'usage');
  await page.locator('[data-testid=usage-source-team]').click();
  await page.waitForSelector('[data-testid=team-usage]:not([data-state=loading])', { timeout: 15_000 });
  return page;
}

const samsEvents = async (): Promise<{ Event_Id__c: string; Feature__c: string }[]> => {
  const sam = harness().sandbox.org.primary.users.restricted.id;
  return soql(`SELECT Event_Id__c, Feature__c FROM ${OBJECT} WHERE User__c = '${sam}'`);
};

let prepared = false;
async function prepare(): Promise<void> {
  if (prepared) return;
  const { sandbox, setApiKey } = harness();
  sandbox.org.deploy('acme');
  await assign('Groundwork_AI_User', sandbox.org.primary.users.restricted.id);
  await assign('Groundwork_AI_Admin', sandbox.org.primary.users.full.id);
  await setApiKey(API_KEY);
  prepared = true;
}

/** Logs in as the user and opens a record's panel (enabling the org the first time, as a rep would). */
async function loggedInWithPanel(user: 'full' | 'restricted'): Promise<{ tab: Page; panel: Page }> {
  const { salesforceTab, openRecordPanel, recordUrl } = harness();
  const tab = await salesforceTab(new URL(recordUrl('Account', ACME.accounts.globex.id)).pathname, user);
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`);
  return { tab, panel };
}

async function closeAll(...pages: Page[]): Promise<void> {
  for (const page of pages) await page.close();
}

describe('the team usage from the org', () => {
  it('says in words that the org keeps no Groundwork events when nothing is deployed there, then that a period is empty', async () => {
    const { tab, panel } = await loggedInWithPanel('full');
    const undeployed = await teamUsage();
    const problem = await undeployed.waitForSelector('[data-testid=team-usage-problem][data-problem=not-deployed]');
    expect(await problem?.evaluate((node) => node.textContent)).toContain('The Groundwork AI Event object is not deployed in acme.my.salesforce.com');
    await prepare();
    const empty = await teamUsage();
    await empty.waitForSelector('[data-testid=team-usage][data-state=ready]');
    expect(await empty.$eval('[data-testid=team-usage-empty]', (node) => node.textContent)).toContain("No rep's Groundwork events reached acme.my.salesforce.com in this period");
    await closeAll(undeployed, empty, panel, tab);
  }, 90_000);

  it('tells a rep without the admin permission set, in plain words, that the team view is for admins', async () => {
    await prepare();
    const { tab, panel } = await loggedInWithPanel('restricted');
    await panel.locator('[data-testid=feature-summary]').click();
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });
    expect((await poll(samsEvents, (events) => events.length >= 1)).length).toBeGreaterThanOrEqual(1);

    const page = await teamUsage();
    const problem = await page.waitForSelector('[data-testid=team-usage-problem][data-problem=not-admin]');
    expect(await problem?.evaluate((node) => node.textContent)).toContain('needs the "Groundwork AI Admin" permission set, which you do not have there');
    expect(await page.$('[data-testid=team-usage-user-row]')).toBeNull();
    expect(failing(await checkView(page, 'options-usage-team-not-admin', [1280, 400]))).toEqual([]);
    // "My browser" still shows Sam's own use.
    await page.locator('[data-testid=usage-source-browser]').click();
    await page.waitForSelector('[data-testid=usage-feature-row][data-feature=summary]');
    await closeAll(page, panel, tab);
  }, 90_000);

  it("shows an admin another rep's events from the org, per rep, feature, department and role", async () => {
    await prepare();
    const { sandbox, salesforceTab } = harness();
    const sam = sandbox.org.primary.users.restricted;
    // An event Sam recorded on another computer: it is in the org only, never in this browser.
    const elsewhere = await orgRequest(sandbox, {
      method: 'PATCH',
      path: `${V}/composite/sobjects/${OBJECT}/Event_Id__c`,
      sid: sandbox.org.primary.restrictedSid,
      body: {
        allOrNone: true,
        records: [{ attributes: { type: OBJECT }, Event_Id__c: 'laptop-1', User__c: sam.id, Occurred_At__c: new Date().toISOString(), Feature__c: 'email', Prompt_Id__c: 'email-draft', Prompt_Version__c: '3', Outcome__c: 'accepted', Approved__c: 1, Cost_USD__c: 0.02 }],
      },
    });
    expect((elsewhere.body as { success: boolean }[])[0]?.success).toBe(true);
    const inOrg = await samsEvents();

    // Alex, the admin, logs in in this browser (the session the view reads with is Alex's now).
    const tab = await salesforceTab('/lightning/page/home', 'full');
    const before = sandbox.org.log.length;
    const page = await teamUsage();
    await page.waitForSelector('[data-testid=team-usage][data-state=ready]');
    const rows = await page.$$eval('[data-testid=team-usage-user-row]', (nodes) =>
      nodes.map((node) => ({ name: node.querySelector('th')?.textContent, events: Number(node.getAttribute('data-events')) })),
    );
    expect(rows).toEqual([{ name: 'Sam Lee', events: inOrg.length }]);
    const features = await page.$$eval('[data-testid=team-usage-feature-row] th', (nodes) => nodes.map((node) => node.textContent));
    expect(features.sort()).toEqual(['Email draft', 'Summary']);
    const departments = await page.$$eval('[data-testid=team-usage-department-row] th', (nodes) => nodes.map((node) => node.textContent));
    expect(departments).toEqual(['Sales · Account Executive, West']);
    expect(await page.$eval('[data-testid=team-usage-events]', (node) => node.textContent)).toBe(String(inOrg.length));
    expect(failing(await checkView(page, 'options-usage-team', [1280, 400]))).toEqual([]);

    // Read with Alex's own session: the permission set assignment, then one composite request of aggregate queries.
    const reads = sandbox.org.log.slice(before).filter((entry) => entry.path.startsWith(`${V}/query`) || entry.path === `${V}/composite`);
    const sessions = new Set(reads.map((entry) => entry.headers.authorization?.replace(/^Bearer /, '') ?? ''));
    expect(sessions.size).toBe(1);
    const who = await orgRequest(sandbox, { method: 'GET', path: '/services/oauth2/userinfo', sid: [...sessions][0] ?? '' });
    expect((who.body as { user_id: string }).user_id).toBe(sandbox.org.primary.users.full.id);
    const adminCheck = decodeURIComponent(reads[0]?.path ?? '');
    expect(adminCheck).toContain(`AssigneeId = '${sandbox.org.primary.users.full.id}'`);
    expect(adminCheck).toContain("Name = 'Groundwork_AI_Admin'");
    const composite = JSON.parse(reads[1]?.body ?? '{}') as { compositeRequest: { url: string }[] };
    expect(composite.compositeRequest.map((sub) => decodeURIComponent(sub.url))).toEqual(expect.arrayContaining([expect.stringContaining('GROUP BY User__c, User__r.Name, Outcome__c')]));
    await page.close();
    await tab.close();
  }, 90_000);
});
