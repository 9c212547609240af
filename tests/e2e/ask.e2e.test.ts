import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { QueryPlan } from '../../lib/features/ask/plan';
import type { StoredRecord } from '../sandbox/salesforce/model';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { showFeature, stopButtonWhileTextGrows } from './chromium';
import { harnessForFile } from './harness';

const harness = harnessForFile();

beforeAll(async () => {
  await harness().setApiKey('sk-ant-e2e-test-key-ask');
});

const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

function plan(object: string, parts: Partial<QueryPlan>): QueryPlan {
  return { object, fields: [], filters: [], filterLogic: [], scope: null, aggregates: [], groupBy: [], orderBy: [], limit: null, ...parts };
}

async function openRecord(object: string, id: string, user: 'full' | 'restricted' = 'full'): Promise<{ tab: Page; panel: Page }> {
  const { salesforceTab, openRecordPanel } = harness();
  const tab = await salesforceTab(recordPath(object, id), user);
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`);
  await showFeature(panel, 'ask');
  return { tab, panel };
}

/** Types the question, presses Enter, and waits for the outcome of this question (with the plan the model will return). */
async function ask(panel: Page, question: string, scripted: QueryPlan): Promise<string> {
  harness().sandbox.model.script({ json: scripted });
  await panel.locator('[data-testid=ask-input]').fill(question);
  await panel.keyboard.press('Enter');
  const outcome = await panel.waitForFunction(
    (text) => {
      const node = document.querySelector('[data-testid=ask-outcome]');
      const phase = node?.getAttribute('data-phase');
      const asked = node?.querySelector('[data-testid=ask-question]')?.textContent ?? '';
      return asked.includes(text) && (phase === 'done' || phase === 'refused' || phase === 'failed') ? phase : false;
    },
    { timeout: 15_000 },
    question,
  );
  return String(await outcome.jsonValue());
}

const rowIds = (panel: Page): Promise<string[]> =>
  panel.$$eval('[data-testid=ask-row]', (rows) => rows.map((row) => row.getAttribute('data-record-id') ?? ''));
const shownSoql = (panel: Page): Promise<string> => panel.$eval('[data-testid=ask-soql]', (node) => node.textContent ?? '');

const seed = () => harness().sandbox.org.org('acme').seed.db;
const records = (objectName: string): StoredRecord[] => [...(seed().records.get(objectName)?.values() ?? [])];
const sorted = (ids: readonly unknown[]): string[] => ids.map(String).sort();

/** The SOQL of every query the org received, decoded. */
const queriesReceived = (): string[] =>
  harness()
    .sandbox.org.log.filter((entry) => entry.path.includes('/query?q='))
    .map((entry) => decodeURIComponent(entry.path.split('q=')[1] ?? ''));

const planRequests = () =>
  harness().sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages' && entry.body.includes('query planner'));

/** The quarter the org's clock is in, as [first day, first day of the next quarter). */
function thisQuarter(): [string, string] {
  const now = seed().now();
  const first = Math.floor(now.getUTCMonth() / 3) * 3;
  const day = (year: number, month: number): string => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  return [day(now.getUTCFullYear(), first), day(now.getUTCFullYear(), first + 3)];
}

describe('Ask: questions answered from live data with the query shown', () => {
  it("answers \"which of this account's open deals close this quarter\" (THIS_QUARTER), showing the SOQL the org ran", async () => {
    const { panel } = await openRecord('Account', ACME.accounts.globex.id);
    expect(await panel.$eval('[data-testid=ask-input]', (node) => node.getAttribute('placeholder'))).toBe(
      "Which of this account's open deals close this quarter?",
    );
    const phase = await ask(
      panel,
      "Which of this account's open deals close this quarter?",
      plan('Opportunity', {
        fields: ['Name', 'StageName', 'CloseDate', 'Amount'],
        filters: [
          { field: 'IsClosed', operator: '=', value: false },
          { field: 'CloseDate', operator: '=', value: 'THIS_QUARTER' },
        ],
        scope: { relation: 'AccountId' },
        orderBy: [{ field: 'CloseDate', aggregate: null, direction: 'ASC' }],
      }),
    );
    expect(phase).toBe('done');
    const [start, end] = thisQuarter();
    const expected = records('Opportunity').filter(
      (o) => o.AccountId === ACME.accounts.globex.id && o.IsClosed === false && String(o.CloseDate) >= start && String(o.CloseDate) < end,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(await rowIds(panel))).toEqual(sorted(expected.map((o) => o.Id)));

    const soql = await shownSoql(panel);
    expect(queriesReceived().at(-1)).toBe(soql);
    expect(soql).toContain(`AccountId = '${ACME.accounts.globex.id}'`);
    expect(soql).toContain('CloseDate = THIS_QUARTER');
    const href = await panel.$eval('[data-testid=ask-row] [data-testid=ask-record-link]', (node) => node.getAttribute('href'));
    expect(href).toMatch(new RegExp(`^https://${harness().sandbox.org.primary.lightningHost}/lightning/r/Opportunity/[A-Za-z0-9]{18}/view$`));
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');
  });

  it('filters through a parent (Account.Industry) and links parent columns to their records', async () => {
    const { panel } = await openRecord('Account', ACME.accounts.globex.id);
    const phase = await ask(
      panel,
      'Which contacts work at banks?',
      plan('Contact', { fields: ['Name', 'Account.Name'], filters: [{ field: 'Account.Industry', operator: '=', value: 'Banking' }] }),
    );
    expect(phase).toBe('done');
    const banks = new Set(records('Account').filter((a) => a.Industry === 'Banking').map((a) => a.Id));
    const expected = records('Contact').filter((c) => banks.has(String(c.AccountId)));
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(await rowIds(panel))).toEqual(sorted(expected.map((c) => c.Id)));
    expect(await shownSoql(panel)).toBe(queriesReceived().at(-1));
    const parentLinks = await panel.$$eval('[data-testid=ask-record-link]', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(parentLinks.some((href) => href.includes('/lightning/r/Account/'))).toBe(true);
  });

  it('totals Amount by stage (SUM GROUP BY) as the seed does, and summarizes the totals citing rows', async () => {
    const { sandbox } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.globex.id);
    const phase = await ask(
      panel,
      'Total pipeline by stage?',
      plan('Opportunity', {
        fields: ['StageName'],
        aggregates: [{ function: 'SUM', field: 'Amount' }],
        groupBy: ['StageName'],
        orderBy: [{ field: 'Amount', aggregate: 'SUM', direction: 'DESC' }],
      }),
    );
    expect(phase).toBe('done');
    const expected = new Map<string, number>();
    for (const o of records('Opportunity')) expected.set(String(o.StageName), (expected.get(String(o.StageName)) ?? 0) + Number(o.Amount ?? 0));
    const shown = await panel.$$eval('[data-testid=ask-row]', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
    expect(new Map(shown.map(([stage, sum]) => [stage ?? '', Number((sum ?? '').replace(/,/g, ''))]))).toEqual(expected);
    expect(await shownSoql(panel)).toMatch(/^SELECT StageName, SUM\(Amount\) \w+ FROM Opportunity GROUP BY StageName ORDER BY SUM\(Amount\) DESC/);

    const [topStage, topSum] = shown[0] ?? [];
    sandbox.model.script({ text: `The largest total is in ${topStage}, at ${topSum} [q1].`, chunkDelayMs: 20 });
    await panel.locator('[data-testid=ask-summarize]').click();
    const summary = await panel.waitForSelector('[data-testid=ask-summary][data-status=done]', { timeout: 15_000 });
    expect(await summary?.evaluate((node) => node.textContent ?? '')).toContain(`The largest total is in ${topStage}`);
    expect(await panel.$$eval('[data-testid=ask-summary] [data-testid=citation]', (nodes) => nodes.map((node) => node.textContent))).toEqual(['q1']);
    expect(await panel.$eval('[data-testid=ask-grounding]', (node) => node.textContent)).toMatch(/found in the results · 1 row cited/);
    const answerRequest = sandbox.model.log.at(-1)?.body ?? '';
    expect(answerRequest).toContain(`\\nq1 Stage: ${topStage}`);
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');
  });

  it('stops a streaming summary at once from a Stop button that stays put while the text grows, and keeps what was written', async () => {
    const { sandbox } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.globex.id);
    await ask(panel, 'Contacts of this account?', plan('Contact', { fields: ['Name', 'Title'], scope: { relation: 'AccountId' } }));
    sandbox.model.script({ text: 'These contacts work at the account [q1]. '.repeat(60), chunkDelayMs: 60 });
    await panel.locator('[data-testid=ask-summarize]').click();
    await panel.waitForSelector('[data-testid=ask-summary][data-status=streaming]');
    await panel.waitForFunction(() => (document.querySelector('[data-testid=ask-summary] [data-testid=generation-text]')?.textContent ?? '').length > 40);
    const stop = await stopButtonWhileTextGrows(panel, '[data-testid=ask-stop-summary]', '[data-testid=ask-summary] [data-testid=generation-text]');
    expect(stop.after).toEqual(stop.before);
    // Held as a hand holds it: a press that starts on the button and ends on it.
    await panel.locator('[data-testid=ask-stop-summary]').click({ delay: 150 });
    const stopped = await panel.waitForSelector('[data-testid=ask-summary][data-status=stopped]');
    expect(await stopped?.evaluate((node) => node.textContent ?? '')).toContain('These contacts work at the account');
    await panel.waitForFunction(() => true);
    const last = sandbox.model.log.at(-1);
    expect(last && 'aborted' in last ? last.aborted : undefined).toBe(true);
  });

  it("pages through the bulk account's 2,150 contacts with Load more, following nextRecordsUrl", async () => {
    const { panel } = await openRecord('Account', ACME.bulk.accountId);
    const phase = await ask(panel, "List this account's contacts", plan('Contact', { fields: ['Name', 'Email'], scope: { relation: 'AccountId' } }));
    expect(phase).toBe('done');
    const first = await rowIds(panel);
    expect(first).toHaveLength(200);
    expect(await panel.$eval('[data-testid=ask-count]', (node) => node.textContent)).toBe('Showing 200 of 2,000 rows');
    await panel.locator('[data-testid=ask-load-more]').click();
    await panel.waitForFunction(() => document.querySelectorAll('[data-testid=ask-row]').length === 400, { timeout: 15_000 });
    const all = await rowIds(panel);
    expect(new Set(all).size).toBe(400);
    const onAccount = new Set(records('Contact').filter((c) => c.AccountId === ACME.bulk.accountId).map((c) => c.Id));
    expect(onAccount.size).toBe(ACME.bulk.contactCount);
    expect(all.every((id) => onAccount.has(id))).toBe(true);
    expect(harness().sandbox.org.log.some((entry) => /\/services\/data\/v62\.0\/query\/01g[A-Za-z0-9]+-200$/.test(entry.path))).toBe(true);
  });

  it('refuses, before any query runs, a plan naming a field the restricted rep cannot read; the model never sees hidden fields', async () => {
    const { sandbox } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.globex.id, 'restricted');
    sandbox.org.clearLog();
    sandbox.model.clearLog();
    const phase = await ask(
      panel,
      'Which accounts have annual revenue over 100 million?',
      plan('Account', { fields: ['Name', 'AnnualRevenue'], filters: [{ field: 'AnnualRevenue', operator: '>', value: 100_000_000 }] }),
    );
    expect(phase).toBe('refused');
    expect(await panel.$eval('[data-testid=ask-refused]', (node) => node.textContent)).toMatch(/AnnualRevenue/);
    expect(queriesReceived()).toEqual([]);
    expect(await panel.$('[data-testid=ask-soql]')).toBeNull();

    const [request] = planRequests();
    const sent = JSON.stringify(JSON.parse(request?.body ?? '{}'));
    const accountSchema = /Account \\"Accounts\\"[\s\S]*?\\n\\n/.exec(sent)?.[0] ?? '';
    expect(accountSchema).toContain('Name');
    expect(accountSchema).not.toContain('AnnualRevenue');
    for (const hidden of ['SSN__c', 'Birthdate', 'Probability', 'ExpectedRevenue']) expect(sent).not.toContain(hidden);

    await panel.locator('[data-testid=ask-rephrase]').click();
    expect(await panel.$eval('[data-testid=ask-input]', (node) => (node instanceof HTMLInputElement ? node.value : ''))).toBe(
      'Which accounts have annual revenue over 100 million?',
    );
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');
  });

  it("says Salesforce's refusal (a request limit) in words", async () => {
    const { sandbox } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.globex.id);
    sandbox.org.injectFault({ kind: 'request-limit', path: /\/query\?q=/ });
    const phase = await ask(panel, 'How many open cases are there?', plan('Case', { aggregates: [{ function: 'COUNT', field: null }], filters: [{ field: 'IsClosed', operator: '=', value: false }] }));
    expect(phase).toBe('failed');
    expect(await panel.$eval('[data-testid=ask-error]', (node) => node.textContent)).toMatch(/used up today's Salesforce API requests/);
    sandbox.org.clearFaults();
  });

  it('answers on a page without a record, unscoped, as the rep', async () => {
    const { salesforceTab, openPanel } = harness();
    const tab = await salesforceTab('/lightning/page/home');
    const panel = await openPanel(tab);
    await panel.waitForSelector('[data-testid=panel-state][data-state=no-record]');
    await panel.waitForSelector('[data-testid=ask-input]');
    const phase = await ask(
      panel,
      'Which open deals close this quarter?',
      plan('Opportunity', {
        fields: ['Name', 'Account.Name', 'CloseDate'],
        filters: [
          { field: 'IsClosed', operator: '=', value: false },
          { field: 'CloseDate', operator: '=', value: 'THIS_QUARTER' },
        ],
      }),
    );
    expect(phase).toBe('done');
    const [start, end] = thisQuarter();
    const expected = records('Opportunity').filter((o) => o.IsClosed === false && String(o.CloseDate) >= start && String(o.CloseDate) < end);
    expect(sorted(await rowIds(panel))).toEqual(sorted(expected.map((o) => o.Id)));
    expect(await shownSoql(panel)).not.toContain('AccountId =');
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');
  });

  it('keeps the question, the SOQL and the rows when the panel is closed and opened again', async () => {
    const { tab, panel } = await openRecord('Account', ACME.accounts.globex.id);
    await ask(panel, 'Contacts of this account', plan('Contact', { fields: ['Name'], scope: { relation: 'AccountId' } }));
    const soql = await shownSoql(panel);
    const ids = await rowIds(panel);
    await panel.locator('[data-testid=ask-input]').fill('A question I have not sent yet');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await panel.close();

    const reopened = await harness().openRecordPanel(tab);
    await reopened.waitForSelector('[data-testid=ask-soql]');
    expect(await shownSoql(reopened)).toBe(soql);
    expect(await rowIds(reopened)).toEqual(ids);
    expect(await reopened.$eval('[data-testid=ask-question]', (node) => node.textContent)).toContain('Contacts of this account');
    await reopened.waitForFunction(() => {
      const input = document.querySelector('[data-testid=ask-input]');
      return input instanceof HTMLInputElement && input.value === 'A question I have not sent yet';
    });
  });
});
