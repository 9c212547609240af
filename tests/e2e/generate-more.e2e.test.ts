import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { openOptions, serviceWorker, showFeature } from './chromium';
import { harnessForFile } from './harness';
import { lastingItems } from './extension-store';
import { orgRequest } from './org-api';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-test-key-0002';
const MORNING_PREP_ALARM = 'governance:morning-prep';

const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

let keySaved = false;
async function withApiKey(): Promise<void> {
  if (keySaved) return;
  await harness().setApiKey(API_KEY);
  keySaved = true;
}

async function openRecord(object: string, id: string): Promise<{ tab: Page; panel: Page }> {
  const { salesforceTab, openRecordPanel } = harness();
  const tab = await salesforceTab(recordPath(object, id));
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`);
  return { tab, panel };
}

const messageRequests = () => harness().sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages');

async function done(panel: Page): Promise<void> {
  await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });
}

const optionsPage = (section: string): Promise<Page> => openOptions(harness(), section);

/** The rep types at the end of the draft, as React's controlled fields need real key presses. */
async function typeAtEndOfDraft(panel: Page, text: string): Promise<void> {
  await panel.focus('[data-testid=email-body]');
  await panel.$eval('[data-testid=email-body]', (node) => {
    const area = node as HTMLTextAreaElement;
    area.setSelectionRange(area.value.length, area.value.length);
  });
  await panel.keyboard.type(text);
}

/** The audit log's outcome cells for a record, newest last, as the options page shows them. */
async function auditOutcomes(recordId: string, feature: string): Promise<string[]> {
  const page = await optionsPage('audit');
  await page.waitForSelector('[data-testid=audit-table], [data-testid=audit-empty]');
  const outcomes = await page.$$eval(
    `[data-testid=audit-row][data-feature=${feature}]`,
    (rows, id) =>
      rows
        .filter((row) => row.querySelector('[data-testid=audit-record]')?.textContent === id)
        .map((row) => row.querySelector('[data-testid=audit-outcome]')?.textContent?.trim() ?? ''),
    recordId,
  );
  await page.close();
  return outcomes;
}

/** Polls until the audit shows what is expected: outcomes are amendments written after the click's round trip. */
async function waitForOutcomes(recordId: string, feature: string, check: (outcomes: string[]) => boolean): Promise<string[]> {
  let outcomes: string[] = [];
  for (let attempt = 0; attempt < 60; attempt += 1) {
    outcomes = await auditOutcomes(recordId, feature);
    if (check(outcomes)) return outcomes;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return outcomes;
}

describe('generation: what the rep did with it, prohibited phrases, morning prep', () => {
  it('records a copied summary as accepted, a thumbs down with its reason, and a regenerate', async () => {
    await withApiKey();
    const id = ACME.accounts.globex.id;
    const { panel } = await openRecord('Account', id);
    await panel.locator('[data-testid=generate]').click();
    await done(panel);
    await panel.locator('[data-testid=copy]').click();
    // The rep is told whether the text is on the clipboard.
    await panel.waitForSelector('[data-testid=copy-status][data-result=copied]');
    await panel.locator('[data-testid=thumbs-down]').click();
    await panel.locator('[data-testid=feedback-reason]').fill('It missed the open support case');
    expect(await seriousA11yViolations(panel)).toEqual([]);
    await panel.locator('[data-testid=send-feedback-reason]').click();
    await panel.waitForSelector('[data-testid=feedback-thanks]');
    expect(await panel.$eval('[data-testid=feedback-thanks]', (node) => node.textContent)).toContain('It missed the open support case');
    expect(await waitForOutcomes(id, 'summary', (outcomes) => outcomes.includes('accepted (thumbs down)'))).toEqual(['accepted (thumbs down)']);

    await panel.locator('[data-testid=regenerate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]:not(:has([data-testid=feedback-thanks]))', { timeout: 15_000 });
    const outcomes = await waitForOutcomes(id, 'summary', (found) => found.includes('regenerated (thumbs down)'));
    expect([...outcomes].sort()).toEqual(['pending', 'regenerated (thumbs down)']);
  });

  it('keeps the rep’s edit of an email draft across the panel closing and reopening', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const id = ACME.accounts.umbrella.id;
    const { tab, panel } = await openRecord('Account', id);
    await showFeature(panel, 'email');
    sandbox.model.script({ text: 'Subject: Your renewal quote\n\nHi Dana,\n\nThanks for the call. I will send the revised quote this week.\n\nBest,\nAlex' });
    await panel.locator('[data-testid=generate]').click();
    await done(panel);
    await typeAtEndOfDraft(panel, ' (edited)');
    // Leaving the field keeps the edit in the extension's storage.
    await panel.keyboard.press('Tab');
    const worker = await serviceWorker(harness().extension);
    for (let attempt = 0; ; attempt += 1) {
      const kept = (await lastingItems(worker)).some(([key, value]) => key.endsWith(':email') && JSON.stringify(value).includes('Alex (edited)'));
      if (kept) break;
      if (attempt === 100) throw new Error('the edit was never kept');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    await panel.close();
    const reopened = await harness().openRecordPanel(tab);
    await showFeature(reopened, 'email');
    await reopened.waitForSelector('[data-testid=email-body]');
    expect(await reopened.$eval('[data-testid=email-body]', (node) => (node as HTMLTextAreaElement).value)).toMatch(/Alex \(edited\)$/);
    // Copying the edited draft records it as edited.
    await reopened.locator('[data-testid=copy]').click();
    expect(await waitForOutcomes(id, 'email', (outcomes) => outcomes.some((outcome) => outcome.startsWith('edited')))).toContainEqual(expect.stringMatching(/^edited/));
  });

  it('records every draft copied right after an edit as edited, 20 times over, though the rep switches tabs and the worker stops at once', async () => {
    await withApiKey();
    const { sandbox, browser, extension } = harness();
    const id = ACME.accounts.stark.id;
    const elsewhere = await browser.newPage();
    const { tab, panel } = await openRecord('Account', id);
    await showFeature(panel, 'email');
    const ROUNDS = 20;
    for (let round = 0; round < ROUNDS; round += 1) {
      sandbox.model.script({ text: `Subject: Your quote, take ${round}\n\nHi Victor,\n\nThanks for the call. I will send the revised quote this week.\n\nBest,\nAlex` });
      await tab.bringToFront();
      await panel.locator(round === 0 ? '[data-testid=generate]' : '[data-testid=regenerate]').click();
      await panel.waitForFunction(
        (subject) => document.querySelector('[data-testid=generation][data-status=done]') && (document.querySelector('[data-testid=email-subject]') as HTMLInputElement | null)?.value === subject,
        { timeout: 15_000 },
        `Your quote, take ${round}`,
      );
      await typeAtEndOfDraft(panel, ' (edited)');
      // Copy, then straight to another tab to paste, and the service worker is stopped before it can say anything.
      await panel.locator('[data-testid=copy]').click();
      await elsewhere.bringToFront();
      await (await serviceWorker(extension)).close();
    }
    // Each of the 20 drafts is in the audit trail as used after 9 characters of edits (the last still "edited", the
    // others since regenerated).
    const distances = async (): Promise<string[]> => {
      const page = await optionsPage('audit');
      await page.waitForSelector('[data-testid=audit-table], [data-testid=audit-empty]');
      const found = await page.$$eval(
        '[data-testid=audit-row][data-feature=email]',
        (rows, recordId) =>
          rows
            .filter((row) => row.querySelector('[data-testid=audit-record]')?.textContent === recordId)
            .map((row) => `${row.querySelector('[data-testid=audit-outcome]')?.textContent?.trim() ?? ''}:${row.querySelector('[data-testid=audit-edit-distance]')?.getAttribute('data-distance') ?? 'none'}`),
        id,
      );
      await page.close();
      return found;
    };
    let rows: string[] = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      rows = await distances();
      if (rows.length === ROUNDS && rows.every((row) => row.endsWith(':9'))) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(rows).toEqual(['edited:9', ...Array.from({ length: ROUNDS - 1 }, () => 'regenerated:9')]);
    await elsewhere.close();
    await tab.close();
  }, 180_000);

  it('fails an output that uses a prohibited phrase, says which, and offers Regenerate', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const options = await optionsPage('features');
    await options.locator('[data-testid=prohibited-phrases]').fill('guaranteed savings');
    await options.locator('[data-testid=save-settings]').click();
    await options.waitForSelector('[data-testid=settings-status][data-tone=info]');
    expect(await seriousA11yViolations(options)).toEqual([]);
    await options.close();

    const { panel } = await openRecord('Account', ACME.accounts.initech.id);
    sandbox.model.script({ text: '## Summary\n- Initech is a customer evaluating the platform, with Guaranteed Savings promised on the pilot by the team.' });
    await panel.locator('[data-testid=generate]').click();
    await done(panel);
    expect(await panel.$eval('[data-testid=generation-validation]', (node) => node.textContent)).toContain('"guaranteed savings"');
    expect(await panel.$('[data-testid=regenerate]')).not.toBeNull();
  });

  it('prepares the briefs of the day in the background, so opening the meeting record needs no model call', async () => {
    await withApiKey();
    const { sandbox, extension } = harness();
    const opportunityId = ACME.opportunities.globexExpansion.id;
    // The org is used once, as the rep would each morning; morning prep is switched on while the day has no meeting.
    const { tab, panel: first } = await openRecord('Account', ACME.accounts.globex.id);
    await first.close();
    const options = await optionsPage('features');
    await options.$eval('[data-testid=morning-prep]', (node) => (node as HTMLInputElement).click());
    await options.locator('[data-testid=save-settings]').click();
    await options.waitForSelector('[data-testid=settings-status][data-tone=info]');
    await options.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(messageRequests().filter((entry) => entry.body.includes('Globex pricing call'))).toEqual([]);

    // Then a meeting for today lands on the rep's calendar, and the hourly alarm comes.
    const username = sandbox.org.primary.users.full.username;
    const users = await orgRequest(sandbox, { method: 'GET', path: `/services/data/v62.0/query?q=${encodeURIComponent(`SELECT Id FROM User WHERE Username = '${username}'`)}` });
    const userId = (users.body as { records: { Id: string }[] }).records[0]?.Id;
    const now = new Date();
    const start = new Date(now.getTime() + (now.getUTCHours() >= 12 ? -3_600_000 : 3_600_000));
    const created = await orgRequest(sandbox, {
      method: 'POST',
      path: '/services/data/v62.0/sobjects/Event',
      body: { Subject: 'Globex pricing call', StartDateTime: start.toISOString(), DurationInMinutes: 30, WhatId: opportunityId, OwnerId: userId },
    });
    expect(created.status).toBe(201);

    sandbox.model.clearLog();
    const worker = await serviceWorker(extension);
    // chrome.alarms has no way to fire an alarm now; the event's own dispatch is what Chrome calls when it is due.
    await worker.evaluate(`chrome.alarms.onAlarm.dispatch({ name: ${JSON.stringify(MORNING_PREP_ALARM)}, scheduledTime: Date.now() })`);
    for (let attempt = 0; attempt < 60 && messageRequests().length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(messageRequests()).toHaveLength(1);
    expect(messageRequests()[0]?.body).toContain('Globex pricing call');
    // The stream ends and the brief is kept.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // The rep opens the meeting's record later, in the same Salesforce session.
    sandbox.model.clearLog();
    await tab.goto(harness().recordUrl('Opportunity', opportunityId));
    const panel = await harness().openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${opportunityId}"]`);
    await showFeature(panel, 'brief');
    await panel.waitForSelector('[data-testid=generation][data-feature=brief][data-status=done]');
    expect(await panel.$('[data-testid=generation-stale]')).toBeNull();
    expect(messageRequests()).toEqual([]);
  });
});
