import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../fakes/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { serviceWorker } from './chromium';
import { harnessForFile } from './harness';
import { orgRequest } from './org-api';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-write-path-0001';
const OPPORTUNITY = ACME.opportunities.globexExpansion.id;
const MARCUS_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgSpKyXwUlMqEtJdNrAuZxCoW';

const NOTE = `Call with Rosa today.
Rosa confirmed the deal moves to Closed Won once legal signs; budget is now $520,000.
Send the signed order form to Rosa by 2026-12-04.`;

/** The model's proposal for NOTE: a task, two field updates (one with a quote that is not in the note), a follow-up. */
const PROPOSAL = {
  activity: {
    subject: { value: 'Call with Rosa', evidence: 'Call with Rosa today.' },
    description: { value: 'Rosa confirmed the deal will close once legal signs; budget is $520,000.', evidence: 'Rosa confirmed the deal moves to Closed Won once legal signs' },
  },
  fieldUpdates: [
    { field: 'Amount', value: '520000', evidence: 'budget is now $520,000' },
    { field: 'NextStep', value: 'Legal signature', evidence: 'Rosa said legal will sign on Monday' },
    { field: 'StageName', value: 'Signed', evidence: 'moves to Closed Won' },
  ],
  newContacts: [],
  followUps: [{ subject: 'Send signed order form to Rosa', dueDate: '2026-12-04', evidence: 'Send the signed order form to Rosa by 2026-12-04.' }],
};

/** The extension APIs the test calls inside the service worker. */
interface ExtensionApi {
  tabs: { query(filter: { url: string }): Promise<{ id?: number; windowId: number; url?: string }[]> };
  contextMenus: { onClicked: { dispatch(info: Record<string, unknown>, tab: object): void } };
}

let keySaved = false;
async function withApiKey(): Promise<void> {
  if (keySaved) return;
  await harness().setApiKey(API_KEY);
  keySaved = true;
}

async function openOpportunity(): Promise<{ tab: Page; panel: Page }> {
  const { salesforceTab, openRecordPanel } = harness();
  const tab = await salesforceTab(`/lightning/r/Opportunity/${OPPORTUNITY}/view`);
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${OPPORTUNITY}"]`);
  return { tab, panel };
}

const row = (panel: Page, card: string, field: string): string => `[data-card-id="${card}"] [data-testid=review-row][data-field="${field}"]`;

async function rowState(panel: Page, card: string, field: string): Promise<{ checked: string | null; evidence: string | null; error: string | null }> {
  return panel.$eval(row(panel, card, field), (node) => ({
    checked: node.getAttribute('data-checked'),
    evidence: node.getAttribute('data-evidence'),
    error: node.getAttribute('data-error'),
  }));
}

async function readOpportunity(): Promise<Record<string, unknown>> {
  const { body } = await orgRequest(harness().sandbox, {
    method: 'GET',
    path: `/services/data/v62.0/sobjects/Opportunity/${OPPORTUNITY}?fields=Amount,NextStep,StageName,LastModifiedDate`,
  });
  return typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body)) : {};
}

const compositeWrites = () =>
  harness().sandbox.org.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/composite') && entry.body.includes('"allOrNone":true'));

/** Types as the rep does (React's controlled fields ignore a value set from outside). */
async function typeInto(panel: Page, selector: string, text: string): Promise<void> {
  await panel.focus(selector);
  await panel.$eval(selector, (node) => (node as HTMLInputElement).select());
  await panel.keyboard.type(text);
}

async function propose(panel: Page): Promise<void> {
  harness().sandbox.model.script({ json: PROPOSAL });
  await panel.waitForSelector('[data-testid=note-input]');
  await typeInto(panel, '[data-testid=note-input]', NOTE);
  await panel.locator('[data-testid=propose-updates]').click();
  await panel.waitForSelector('[data-testid=notes-review]', { timeout: 15_000 });
}

describe('write path: Log this note and Extract to Lead', () => {
  it('proposes a task, field updates and a follow-up with evidence and validation, and writes only what the rep confirms, once', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const { panel } = await openOpportunity();
    await propose(panel);

    expect(await panel.$$eval('[data-testid=review-card]', (cards) => cards.map((card) => card.getAttribute('data-kind')))).toEqual([
      'activity',
      'update',
      'follow-up',
    ]);
    expect(await rowState(panel, 'update', 'Amount')).toEqual({ checked: 'true', evidence: 'ok', error: '' });
    // A quote that is not in the note: flagged and unchecked.
    expect(await rowState(panel, 'update', 'NextStep')).toMatchObject({ checked: 'false', evidence: 'not-found' });
    // A value the restricted picklist does not have: shown inline, not writable.
    expect(await rowState(panel, 'update', 'StageName')).toMatchObject({ checked: 'false', error: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');

    // The rep edits the amount: the edited value is what gets written.
    await typeInto(panel, `${row(panel, 'update', 'Amount')} [data-testid=row-input]`, '515000');
    await panel.keyboard.press('Enter');
    await panel.waitForFunction(
      (selector) => document.querySelector(selector)?.getAttribute('data-evidence') === 'edited',
      {},
      row(panel, 'update', 'Amount'),
    );
    // The rep unticks the follow-up.
    await panel.locator('[data-card-id="follow_up_0"] [data-testid=card-include]').click();
    await panel.waitForFunction(() => document.querySelector('[data-testid=review-confirm]')?.textContent === 'Create 1 task, update 1 field on Globex Industries - Plant Automation Expansion');

    const before = (await readOpportunity()).NextStep;
    sandbox.org.clearLog();
    // A double click writes once.
    await panel.$eval('[data-testid=review-confirm]', (button) => {
      (button as HTMLButtonElement).click();
      (button as HTMLButtonElement).click();
    });
    await panel.waitForSelector('[data-testid=commit-result][data-state=committed]', { timeout: 15_000 });
    expect(compositeWrites()).toHaveLength(1);
    const after = await readOpportunity();
    expect(after.Amount).toBe(515000);
    expect(after.NextStep).toBe(before);
    expect(await panel.$$eval('[data-testid=result-created]', (nodes) => nodes.length)).toBe(1);

    // Undo, after its own confirmation, restores the amount and deletes the task.
    await panel.locator('[data-testid=undo]').click();
    await panel.locator('[data-testid=undo-confirm]').click();
    await panel.waitForSelector('[data-testid=commit-result][data-state=undone]', { timeout: 15_000 });
    expect((await readOpportunity()).Amount).toBe(480000);
    await panel.locator('[data-testid=result-done]').click();
  });

  it('shows the new values when the record changed after the proposal, and writes after the rep confirms again', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const { panel } = await openOpportunity();
    await propose(panel);
    await orgRequest(sandbox, {
      method: 'PATCH',
      path: `/services/data/v62.0/sobjects/Opportunity/${OPPORTUNITY}`,
      body: { Amount: 499000 },
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await panel.locator('[data-testid=review-confirm]').click();
    await panel.waitForSelector('[data-testid=record-changed]', { timeout: 15_000 });
    expect(await panel.$eval('[data-testid=record-changed]', (node) => node.textContent)).toContain('499000');
    expect((await readOpportunity()).Amount).toBe(499000);
    await panel.locator('[data-testid=review-confirm]').click();
    await panel.waitForSelector('[data-testid=commit-result][data-state=committed]', { timeout: 15_000 });
    expect((await readOpportunity()).Amount).toBe(520000);
    await panel.locator('[data-testid=result-done]').click();
  });

  it('extracts a lead from a right-click on a Gmail message, keeps the review across the panel closing, and creates it after review', async () => {
    await withApiKey();
    const { sandbox, browser, extension } = harness();
    await openOpportunity(); // the org the lead goes to: the last one used
    const gmail = await browser.newPage();
    await gmail.goto(MARCUS_THREAD);
    await gmail.bringToFront();
    await gmail.waitForSelector('span.gD[email]');
    await gmail.evaluate(() => {
      const bodies = [...document.querySelectorAll('.a3s')].filter((node) => node.getClientRects().length > 0);
      const body = bodies.at(-1) ?? document.body;
      const range = document.createRange();
      range.selectNodeContents(body);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    sandbox.model.script({
      json: {
        leads: [
          {
            FirstName: { value: 'Marcus', evidence: 'Marcus Lee' },
            LastName: { value: 'Lee', evidence: 'Marcus Lee' },
            Company: { value: 'Northwind Traders', evidence: 'VP Revenue Operations, Northwind Traders' },
            Email: { value: 'marcus.lee@northwind.example', evidence: 'marcus.lee@northwind.example' },
            Title: { value: 'VP Revenue Operations', evidence: 'VP Revenue Operations, Northwind Traders' },
            otherFields: [],
          },
        ],
      },
    });
    const worker = await serviceWorker(extension);
    // The real listeners run for a dispatched click (without the user gesture a real one has: the test opens the panel).
    await worker.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      const [tab] = await api.tabs.query({ url: 'https://mail.google.com/*' });
      if (!tab?.id) throw new Error('no Gmail tab');
      api.contextMenus.onClicked.dispatch(
        { menuItemId: 'groundwork-extract-lead', selectionText: 'Marcus Lee', frameId: 0, editable: false, pageUrl: url },
        tab,
      );
    }, MARCUS_THREAD);
    let panel = await harness().openPanel(gmail);
    await panel.waitForSelector('[data-testid=lead-review][data-phase=review]', { timeout: 15_000 });
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');

    // The review survives the panel closing.
    await panel.close();
    panel = await harness().openPanel(gmail);
    await panel.waitForSelector('[data-testid=lead-review][data-phase=review]', { timeout: 15_000 });
    expect(await panel.$eval('[data-testid=review-confirm]', (node) => node.textContent)).toBe('Create 1 lead');
    await panel.locator('[data-testid=review-confirm]').click();
    const created = await panel.waitForSelector('[data-testid=lead-created]', { timeout: 15_000 });
    const id = await created?.evaluate((node) => node.getAttribute('data-id'));
    const { body } = await orgRequest(sandbox, { method: 'GET', path: `/services/data/v62.0/sobjects/Lead/${id}?fields=LastName,Company,Email` });
    expect(body).toMatchObject({ LastName: 'Lee', Company: 'Northwind Traders', Email: 'marcus.lee@northwind.example' });
  });
});
