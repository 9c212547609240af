/**
 * The Gmail features end to end, through the side panel: "Insert into Gmail" on a draft, "Draft reply" to the open
 * message grounded in the sender's Salesforce Contact, and "Log to Salesforce" after a field-by-field review. The
 * production build in real Chromium, against the sandbox org, model and Gmail pages.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DANA, type DraftSnapshot } from '../sandbox/gmail';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { showFeature } from './chromium';
import { harnessForFile } from './harness';
import { orgRequest } from './org-api';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-test-key-0006';
const BODY = 'div[g_editable="true"][role="textbox"][contenteditable="true"]';
const EMAIL = 'Subject: Your revised renewal quote\n\nHi Dana,\n\nThanks for the call. I will send the revised quote for the renewal this week.\n\nBest,\nAlex';
const EMAIL_LINES = ['Hi Dana,', '', 'Thanks for the call. I will send the revised quote for the renewal this week.', '', 'Best,', 'Alex'];
const REPLY =
  'Hi Dana,\n\nThanks for the note. I will send the revised quote for 240 seats, starting March 1, 2027, so that Priya Nair has it by November 28.\n\nBest,\nSam';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let keySaved = false;
let pages: Page[] = [];

afterEach(async () => {
  for (const page of pages) await page.close().catch(() => undefined);
  pages = [];
  harness().sandbox.gmail.reset();
});

async function withApiKey(): Promise<void> {
  if (keySaved) return;
  await harness().setApiKey(API_KEY);
  keySaved = true;
}

async function newTab(url: string): Promise<Page> {
  const page = await harness().browser.newPage();
  pages.push(page);
  await page.goto(url);
  return page;
}

/** Gmail fills a compose's body (the signature) a moment after it appears. */
async function composeReady(page: Page, count = 1): Promise<void> {
  await page.waitForFunction((selector, n) => document.querySelectorAll(`${selector} .gmail_signature`).length >= n, {}, BODY, count);
}

/** The rep's lines of the first compose body: everything above the signature or quote. */
async function repLines(page: Page): Promise<{ lines: string[]; rest: string }> {
  return page.$eval(BODY, (element) => {
    const nodes = [...element.childNodes];
    const notTheReps = '.gmail_signature_prefix, .gmail_signature, .gmail_quote';
    let start = nodes.findIndex((node) => node instanceof Element && (node.matches(notTheReps) || node.querySelector(notTheReps)));
    if (start < 0) start = nodes.length;
    if (start > 0 && nodes[start - 1]?.nodeName === 'DIV' && nodes[start - 1]?.textContent === '') start -= 1;
    return {
      lines: nodes.slice(0, start).filter((node) => node.nodeName !== 'BR').map((node) => node.textContent ?? ''),
      rest: nodes.slice(start).map((node) => (node instanceof Element ? node.outerHTML : (node.textContent ?? ''))).join(''),
    };
  });
}

async function waitFor<T>(read: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

const messageRequests = () => harness().sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages');
const draftsWith = (text: string): DraftSnapshot[] => harness().sandbox.gmail.drafts.filter((draft) => draft.bodyText.includes(text));

/** An email draft generated on Umbrella Health for Dana, from a scripted model reply; returns the record tab and panel. */
async function emailDraftInPanel(): Promise<{ tab: Page; panel: Page }> {
  await withApiKey();
  const { sandbox, salesforceTab, openRecordPanel, recordUrl } = harness();
  const tab = await salesforceTab(new URL(recordUrl('Account', ACME.accounts.umbrella.id)).pathname);
  pages.push(tab);
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.umbrella.id}"]`);
  await showFeature(panel, 'email');
  const existing = await panel.$('[data-testid=generation][data-feature=email][data-status=done]');
  if (!existing) {
    await panel.select('[data-testid=email-recipient]', ACME.contacts.dana.id);
    sandbox.model.script({ text: EMAIL });
    await panel.locator('[data-testid=generate]').click();
  }
  await panel.waitForSelector('[data-testid=generation][data-feature=email][data-status=done]', { timeout: 15_000 });
  return { tab, panel };
}

async function insertResult(panel: Page, kind: string): Promise<string> {
  const note = await panel.waitForSelector(`[data-testid=gmail-insert-result][data-kind=${kind}]`, { timeout: 10_000 });
  return (await note?.evaluate((node) => node.textContent ?? '')) ?? '';
}

describe('Gmail from the side panel', () => {
  it('inserts a record’s email draft into the open pop-up compose of the Gmail tab, which Gmail autosaves, and says where', async () => {
    const { tab, panel } = await emailDraftInPanel();
    const gmail = await newTab(harness().sandbox.gmail.urls.inbox);
    await gmail.bringToFront();
    await sleep(300);
    await gmail.locator('[gh="cm"]').click();
    await composeReady(gmail);
    const before = await repLines(gmail);
    // The rep goes back to the record to pick the draft: the Gmail tab stays open behind it.
    await tab.bringToFront();
    await panel.waitForSelector('[data-testid=generation][data-feature=email][data-status=done]');

    await panel.locator('[data-testid=insert-into-gmail]').click();

    expect(await insertResult(panel, 'inserted')).toMatch(/^Inserted at the top of the message in the new message and filled in the empty subject\./);
    const after = await repLines(gmail);
    expect(after.lines).toEqual(EMAIL_LINES);
    expect(after.rest).toBe(before.rest);
    expect(await gmail.$eval('input[name="subjectbox"]', (input) => (input as HTMLInputElement).value)).toBe('Your revised renewal quote');
    const saved = await waitFor(() => draftsWith('revised quote for the renewal').at(-1), 'the autosave');
    expect(saved.trusted).toBe(true);
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');
  });

  it('opens Gmail’s prefilled compose when the Gmail tab has no compose open', async () => {
    const { tab, panel } = await emailDraftInPanel();
    const gmail = await newTab(harness().sandbox.gmail.urls.inbox);
    await sleep(500);
    await tab.bringToFront();
    const browser = harness().browser;

    await panel.locator('[data-testid=insert-into-gmail]').click();

    expect(await insertResult(panel, 'opened-compose')).toContain('No compose window was open in Gmail. A new message opened in Gmail with the draft in it.');
    const target = await browser.waitForTarget((candidate) => candidate.url().includes('view=cm'), { timeout: 10_000 });
    const compose = await target.asPage();
    if (!compose) throw new Error('no compose page');
    pages.push(compose);
    expect(new URL(compose.url()).pathname).toBe('/mail/u/0/');
    await composeReady(compose);
    expect((await repLines(compose)).lines.slice(0, EMAIL_LINES.length)).toEqual(EMAIL_LINES);
    expect(await compose.$eval('input[name="subjectbox"]', (input) => (input as HTMLInputElement).value)).toBe('Your revised renewal quote');
    expect(await gmail.$$eval(BODY, (bodies) => bodies.length)).toBe(0);
  });

  it('drafts a reply to Dana from her Contact and the thread, inserts it into an inline reply above the quote, and logs it as a completed Task', async () => {
    await withApiKey();
    const { sandbox, salesforceTab, openRecordPanel, recordUrl } = harness();
    const tab = await salesforceTab(new URL(recordUrl('Contact', ACME.contacts.dana.id)).pathname);
    pages.push(tab);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.contacts.dana.id}"]`);
    await tab.goto(sandbox.gmail.urls.message);
    await panel.waitForSelector('[data-testid=gmail-card][data-state=found]');
    sandbox.model.clearLog();
    sandbox.model.script({ text: REPLY });

    await panel.locator('[data-testid=draft-reply]').click();

    await panel.waitForSelector('[data-testid=reply][data-status=done]', { timeout: 15_000 });
    const drafted = await panel.$eval('[data-testid=reply-body]', (node) => (node as HTMLTextAreaElement).value);
    expect(drafted).toBe(REPLY);
    expect(await panel.$eval('[data-testid=reply-grounding]', (node) => node.textContent)).toContain('Every number, date, email, phone and name was found');
    const body = messageRequests().at(-1)?.body ?? '';
    expect(body).toContain('Before we sign the renewal I need a revised quote for 240 seats');
    expect(body).toContain('<thread>');
    expect(body).toContain('Director of Operations');
    expect(body).toContain('Umbrella Health');
    expect(body).not.toContain(ACME.pii.ssn);
    expect(body).not.toContain('318-50-2274');
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');

    // The rep edits the reply before inserting it: their words go into Gmail.
    await panel.locator('[data-testid=reply-body]').click();
    await panel.keyboard.down('Control');
    await panel.keyboard.press('End');
    await panel.keyboard.up('Control');
    await panel.keyboard.type('\nP.S. Our implementation lead will reach out.');
    await panel.locator('[data-testid=insert-reply]').click();

    expect(await insertResult(panel, 'inserted')).toMatch(/^Inserted .* in the reply to Dana Whitfield\./);
    await tab.waitForSelector(`.ip.adB ${BODY}`);
    await tab.locator('.ajR').click();
    await tab.waitForSelector(`${BODY} div.gmail_quote`);
    const reply = await repLines(tab);
    expect(reply.lines).toEqual([...drafted.split('\n'), 'P.S. Our implementation lead will reach out.']);
    expect(reply.rest).toContain('Before we sign the renewal');
    expect(reply.rest).not.toContain('Thanks for the note');
    const saved = await waitFor(() => draftsWith('Thanks for the note').at(-1), 'the autosave');
    expect(saved).toMatchObject({ kind: 'inline', trusted: true });

    // Log to Salesforce: the review first, then one write after the rep confirms.
    await panel.locator('[data-testid=log-email]').click();
    await panel.waitForSelector('[data-testid=gmail-log][data-state=review] [data-testid=review-card]');
    const values = await panel.$$eval('[data-testid=row-input]', (nodes) => nodes.map((node) => (node as HTMLInputElement).value));
    expect(values).toEqual(expect.arrayContaining(['Email: Re: Umbrella Health renewal: revised quote for 2027', 'Completed']));
    expect(await panel.$eval('[data-testid=gmail-log]', (node) => node.textContent)).toContain('Dana Whitfield (Contact)');
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');
    expect(await panel.$eval('[data-testid=review-confirm]', (node) => node.textContent)).toBe('Create 1 task');
    await panel.locator('[data-testid=review-confirm]').click();

    const logged = await panel.waitForSelector('[data-testid=log-result]', { timeout: 10_000 });
    const taskId = (await logged?.evaluate((node) => node.getAttribute('data-task-id'))) ?? '';
    const task = await orgRequest(sandbox, {
      method: 'GET',
      path: `/services/data/v62.0/sobjects/Task/${taskId}?fields=Subject,Status,ActivityDate,WhoId,WhatId,Description`,
    });
    expect(task.status).toBe(200);
    expect(task.body).toMatchObject({
      Subject: 'Email: Re: Umbrella Health renewal: revised quote for 2027',
      Status: 'Completed',
      WhoId: ACME.contacts.dana.id,
      WhatId: ACME.accounts.umbrella.id,
    });
    const description = (task.body as { Description?: string }).Description ?? '';
    expect(description).toContain(`To: ${DANA.email}`);
    expect(description).toContain('P.S. Our implementation lead will reach out.');
  });

  it('when Gmail’s compose markup is not recognised, copies the draft to the clipboard, says so, and writes nothing in Gmail', async () => {
    const { tab, panel } = await emailDraftInPanel();
    const { sandbox, browser, extensionId } = harness();
    await browser.defaultBrowserContext().overridePermissions(`chrome-extension://${extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const gmail = await newTab(sandbox.gmail.urls.compose);
    await composeReady(gmail);
    await gmail.evaluate((selector) => document.querySelector(selector)?.removeAttribute('g_editable'), BODY);
    const before = await gmail.$eval('.M9 [contenteditable="true"]', (node) => node.innerHTML);
    const savesBefore = sandbox.gmail.drafts.length;
    await tab.bringToFront();

    await panel.locator('[data-testid=insert-into-gmail]').click();

    expect(await insertResult(panel, 'clipboard')).toContain('nothing was written');
    await panel.waitForSelector('[data-testid=gmail-insert-result][data-copied=true]');
    expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(`Subject: Your revised renewal quote\n\n${EMAIL_LINES.join('\n')}`);
    await sleep(200);
    expect(await gmail.$eval('.M9 [contenteditable="true"]', (node) => node.innerHTML)).toBe(before);
    expect(await gmail.$eval('input[name="subjectbox"]', (input) => (input as HTMLInputElement).value)).toBe('');
    expect(sandbox.gmail.drafts.length).toBe(savesBefore);
  });
});
