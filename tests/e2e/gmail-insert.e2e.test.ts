/**
 * Inserting drafts into Gmail's compose windows, through the real content script in the production build, against the
 * sandbox's Gmail pages (served with Trusted Types enforced). To prove each DOM case precisely, the insert command is
 * sent the way the background sends it (`tabs.sendMessage` evaluated in the service worker); the side panel's "Insert
 * into Gmail" itself is driven end to end by tests/e2e/gmail.e2e.test.ts.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { composeUrl } from '../../lib/features/mail/insert';
import { InsertOutcome } from '../../lib/features/mail/content-messages';
import { DANA, type DraftSnapshot } from '../sandbox/gmail';
import { serviceWorker } from './chromium';
import { harnessForFile } from './harness';

const harness = harnessForFile();

const BODY = 'div[g_editable="true"][role="textbox"][contenteditable="true"]';
const DRAFT = 'Hi Dana,\n\nHere is the revised quote for 240 seats.\nBest,\nSam';
const DRAFT_LINES = DRAFT.split('\n');

let pages: Page[] = [];
afterEach(async () => {
  for (const page of pages) await page.close();
  pages = [];
  harness().sandbox.gmail.reset();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function gmailTab(url: string): Promise<Page> {
  const page = await harness().browser.newPage();
  pages.push(page);
  await page.goto(url);
  await page.bringToFront();
  return page;
}

interface TabsApi {
  query(filter: { url: string }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** What the background does for "Insert into Gmail": the command to the Gmail tab's content script, the outcome back. */
async function insertVia(command: { text: string; subject?: string }): Promise<InsertOutcome> {
  const worker = await serviceWorker(harness().extension);
  let last = '';
  // The content script starts at document_idle, a moment after the page loads: until then nobody answers.
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = await worker.evaluate(async (message) => {
      const tabs = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome.tabs;
      const gmailTabs = await tabs.query({ url: 'https://mail.google.com/*' });
      const tabId = gmailTabs[0]?.id;
      if (gmailTabs.length !== 1 || tabId === undefined) return { error: `${gmailTabs.length} Gmail tabs` };
      try {
        return { outcome: await tabs.sendMessage(tabId, message) };
      } catch (error) {
        return { error: String(error) };
      }
    }, { type: 'gmail-insert', ...command });
    if ('outcome' in result) return InsertOutcome.parse(result.outcome);
    last = result.error;
    await sleep(100);
  }
  throw new Error(`The Gmail content script never answered: ${last}`);
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

/** Gmail fills a new compose's body (the signature) a moment after the compose appears. */
async function composeReady(page: Page, count = 1): Promise<void> {
  await page.waitForFunction((selector, n) => document.querySelectorAll(`${selector} .gmail_signature`).length >= n, {}, BODY, count);
}

interface BodyState {
  html: string;
  /** The rep's part of the body, line by line (one top-level node a line, as Gmail writes them). */
  lines: string[];
  /** Everything from the signature or the quote on. */
  rest: string;
}

/** A compose body; composes are told apart by Gmail's hidden compose id (1 for the first opened). */
async function body(page: Page, composeId = '1'): Promise<BodyState> {
  return page.evaluate(
    (selector, id) => {
      const root = [...document.querySelectorAll('.M9')].find((item) => item.querySelector<HTMLInputElement>('input[name="composeid"]')?.value === id);
      const element = root?.querySelector<HTMLElement>(selector);
      if (!element) throw new Error(`no compose body ${id}`);
      const nodes = [...element.childNodes];
      const notTheReps = '.gmail_signature_prefix, .gmail_signature, .gmail_quote';
      let start = nodes.findIndex((node) => node instanceof Element && (node.matches(notTheReps) || node.querySelector(notTheReps)));
      if (start < 0) start = nodes.length;
      // The empty line Gmail keeps above the signature belongs to the signature block.
      if (start > 0 && nodes[start - 1]?.nodeName === 'DIV' && nodes[start - 1]?.textContent === '') start -= 1;
      return {
        html: element.innerHTML,
        lines: nodes.slice(0, start).filter((node) => node.nodeName !== 'BR').map((node) => node.textContent ?? ''),
        rest: nodes.slice(start).map((node) => (node instanceof Element ? node.outerHTML : (node.textContent ?? ''))).join(''),
      };
    },
    BODY,
    composeId,
  );
}

/** The rep clicks into a body (focus puts the caret at its start) and types, with real key events. */
async function repTypes(page: Page, text: string, composeId = '1'): Promise<void> {
  await page.evaluate(
    (selector, id) => {
      const root = [...document.querySelectorAll('.M9')].find((item) => item.querySelector<HTMLInputElement>('input[name="composeid"]')?.value === id);
      root?.querySelector<HTMLElement>(selector)?.focus();
    },
    BODY,
    composeId,
  );
  await page.keyboard.type(text);
}

/** The rep's caret at a character of the first text in `selector` (inside the body). */
async function caretIn(page: Page, selector: string, offset: number): Promise<void> {
  await page.evaluate(
    (target, at) => {
      const element = document.querySelector<HTMLElement>(target);
      const body = element?.closest<HTMLElement>('[contenteditable="true"]');
      const walker = element ? document.createTreeWalker(element, NodeFilter.SHOW_TEXT) : null;
      const text = walker?.nextNode();
      if (!body || !text) throw new Error(`no text in ${target}`);
      body.focus();
      document.getSelection()?.collapse(text, at);
    },
    selector,
    offset,
  );
  // selectionchange is dispatched as a task: let it reach the content script.
  await sleep(50);
}

function draftsOf(composeId: string): DraftSnapshot[] {
  return harness().sandbox.gmail.drafts.filter((draft) => draft.composeId === composeId);
}

/** What the page's own (main-world) code can do to the compose, as Gmail's re-renders and updates would. */
async function inPage(page: Page, change: string): Promise<void> {
  await page.evaluate(change);
}

describe('Insert into Gmail', () => {
  it('writes into a pop-up compose opened after load, as Gmail lines above the signature, and Gmail autosaves it', async () => {
    const { sandbox } = harness();
    const page = await gmailTab(sandbox.gmail.urls.inbox);
    await sleep(300);
    await page.locator('[gh="cm"]').click();
    await composeReady(page);
    const before = await body(page);

    const outcome = await insertVia({ text: DRAFT, subject: 'Revised quote: 240 seats' });

    expect(outcome).toEqual({
      kind: 'inserted',
      where: 'top',
      compose: 'popup',
      method: 'editing-command',
      subjectSet: true,
      subject: 'Revised quote: 240 seats',
      to: [],
    });
    const after = await body(page);
    expect(after.lines).toEqual(DRAFT_LINES);
    // Gmail's own line structure: one div a line, <div><br></div> for the empty one.
    expect(after.html).toMatch(/^<div>Hi Dana,<\/div><div><br><\/div><div>Here is the revised quote for 240 seats\.<\/div><div>Best,<\/div><div>Sam<\/div>/);
    expect(after.rest).toBe(before.rest);
    const saved = await waitFor(() => draftsOf('1').find((draft) => draft.bodyText.includes('240 seats')), 'the autosave');
    expect(saved.trusted).toBe(true);
    expect(saved.account).toBe(0);
    expect(draftsOf('1').at(-1)?.subject).toBe('Revised quote: 240 seats');
    expect(await page.$eval('input[name="subjectbox"]', (input) => (input as HTMLInputElement).value)).toBe('Revised quote: 240 seats');
  });

  it('finds a compose that was already open when the page loaded', async () => {
    const { sandbox } = harness();
    const page = await gmailTab(sandbox.gmail.urls.compose);
    await composeReady(page);

    const outcome = await insertVia({ text: 'Quick note for Dana.' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top', compose: 'popup', subjectSet: false });
    expect((await body(page)).lines).toEqual(['Quick note for Dana.']);
  });

  it('inserts at the caret in the middle of what the rep wrote, keeping their words on both sides', async () => {
    const page = await gmailTab(harness().sandbox.gmail.urls.compose);
    await composeReady(page);
    await repTypes(page, 'Hello Dana, see below.');
    for (let step = 0; step < ' see below.'.length; step++) await page.keyboard.press('ArrowLeft');

    const outcome = await insertVia({ text: ' the quote is attached.' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'caret' });
    expect((await body(page)).lines).toEqual(['Hello Dana, the quote is attached. see below.']);
  });

  it('puts the draft after a selection instead of replacing the selected words', async () => {
    const page = await gmailTab(harness().sandbox.gmail.urls.compose);
    await composeReady(page);
    await repTypes(page, 'Hello Dana');
    await page.keyboard.down('Shift');
    for (let step = 0; step < 'Dana'.length; step++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.up('Shift');

    const outcome = await insertVia({ text: ' and team' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'caret' });
    expect((await body(page)).lines).toEqual(['Hello Dana and team']);
  });

  it('with the caret in the subject, writes at the top of the body above the rep\'s line and keeps their subject', async () => {
    const page = await gmailTab(harness().sandbox.gmail.urls.compose);
    await composeReady(page);
    await repTypes(page, 'P.S. call me');
    await page.locator('input[name="subjectbox"]').click();
    await page.keyboard.type('My own subject');

    const outcome = await insertVia({ text: DRAFT, subject: 'Revised quote' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top', subjectSet: false, subject: 'My own subject' });
    expect((await body(page)).lines).toEqual([...DRAFT_LINES, 'P.S. call me']);
  });

  it('with the caret in the signature, writes at the top and leaves the signature as it was', async () => {
    const page = await gmailTab(harness().sandbox.gmail.urls.compose);
    await composeReady(page);
    const before = await body(page);
    await caretIn(page, `${BODY} .gmail_signature div`, 3);

    const outcome = await insertVia({ text: DRAFT });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top' });
    const after = await body(page);
    expect(after.lines).toEqual(DRAFT_LINES);
    expect(after.rest).toBe(before.rest);
  });

  it('leaves a signature without the "-- " prefix intact too', async () => {
    const page = await gmailTab(harness().sandbox.gmail.urls.compose);
    await composeReady(page);
    await inPage(page, `(() => { const prefix = document.querySelector('.gmail_signature_prefix'); prefix.nextSibling.remove(); prefix.remove(); })()`);
    const before = await body(page);
    expect(before.rest).not.toContain('gmail_signature_prefix');
    await caretIn(page, `${BODY} .gmail_signature`, 0);

    const outcome = await insertVia({ text: DRAFT });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top' });
    const after = await body(page);
    expect(after.lines).toEqual(DRAFT_LINES);
    expect(after.rest).toBe(before.rest);
  });

  it('writes an inline reply above the signature and the quoted text, and never changes the reply\'s subject', async () => {
    const { sandbox } = harness();
    const page = await gmailTab(sandbox.gmail.urls.message);
    await page.locator('.ams.bkH').click();
    await composeReady(page);
    await page.locator('.ajR').click();
    await page.waitForSelector(`${BODY} div.gmail_quote`);
    const before = await body(page);
    const subjectBefore = await page.$eval('.ip input[name="subject"]', (input) => (input as HTMLInputElement).value);
    await caretIn(page, `${BODY} blockquote.gmail_quote div`, 2);

    const outcome = await insertVia({ text: DRAFT, subject: 'Something else' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top', compose: 'inline', subjectSet: false, to: [DANA.email] });
    expect(outcome.kind === 'inserted' && outcome.subject).toBe(subjectBefore);
    const after = await body(page);
    expect(after.lines).toEqual(DRAFT_LINES);
    expect(after.rest).toBe(before.rest);
    expect(after.rest).toContain('Before we sign the renewal');
    expect(await page.$eval('.ip input[name="subject"]', (input) => (input as HTMLInputElement).value)).toBe(subjectBefore);
    const saved = await waitFor(() => draftsOf('1').find((draft) => draft.bodyText.includes('240 seats')), 'the autosave');
    expect(saved).toMatchObject({ kind: 'inline', trusted: true, subject: subjectBefore });
  });

  it('with two composes open, writes into the one the rep focused last, not the newest', async () => {
    const page = await gmailTab(harness().sandbox.gmail.urls.inbox);
    await sleep(300);
    await page.locator('[gh="cm"]').click();
    await composeReady(page, 1);
    await page.locator('[gh="cm"]').click();
    await composeReady(page, 2);
    await repTypes(page, 'Second compose', '2');
    await repTypes(page, 'First compose: ', '1');
    // Then the rep clicks elsewhere in Gmail (as the side panel takes the focus): their caret is remembered.
    await page.locator('input.gb_qe').click();
    const secondBefore = await body(page, '2');

    const outcome = await insertVia({ text: 'the draft', subject: 'For the first' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'caret', subject: 'For the first' });
    expect((await body(page, '1')).lines).toEqual(['First compose: the draft']);
    expect(await body(page, '2')).toEqual(secondBefore);
  });

  it('lets the rep undo the insert with Ctrl+Z', async () => {
    const page = await gmailTab(harness().sandbox.gmail.urls.compose);
    await composeReady(page);
    await repTypes(page, 'Mine');
    const before = await body(page);

    await insertVia({ text: ' and more\nSecond line' });
    expect((await body(page)).lines).toEqual(['Mine and more', 'Second line']);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyZ');
    await page.keyboard.up('Control');

    expect(await body(page)).toEqual(before);
  });

  it('still writes with the labels in another language, Trusted Types enforced and the body re-rendered', async () => {
    const page = await gmailTab(harness().sandbox.gmail.urls.compose);
    await composeReady(page);
    await repTypes(page, 'Hallo Dana');
    const trustedTypesEnforced = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    expect(trustedTypesEnforced).toBe(true);
    await inPage(
      page,
      `(() => {
        document.documentElement.lang = 'de';
        for (const node of document.querySelectorAll('[aria-label="Message Body"]')) node.setAttribute('aria-label', 'Nachrichtentext');
        for (const node of document.querySelectorAll('[aria-label="New Message"]')) node.setAttribute('aria-label', 'Neue Nachricht');
        const body = document.querySelector('${BODY}');
        body.replaceWith(body.cloneNode(true));
      })()`,
    );

    const outcome = await insertVia({ text: 'Anbei das Angebot.' });

    // The caret went with the old body: the draft goes to the top of the new one.
    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top', compose: 'popup', method: 'editing-command' });
    expect((await body(page)).lines).toEqual(['Anbei das Angebot.', 'Hallo Dana']);
  });

  it('says so when Gmail\'s compose markup is no longer recognised, and writes nothing', async () => {
    const { sandbox } = harness();
    const page = await gmailTab(sandbox.gmail.urls.compose);
    await composeReady(page);
    await inPage(page, `document.querySelector('${BODY}').removeAttribute('g_editable')`);
    const before = await page.$eval('.M9 [contenteditable="true"]', (node) => node.innerHTML);
    const savesBefore = sandbox.gmail.drafts.length;

    const outcome = await insertVia({ text: DRAFT, subject: 'Revised quote' });

    expect(outcome.kind).toBe('dom-changed');
    expect(outcome.kind === 'dom-changed' && outcome.message).toMatch(/nothing was written/);
    await sleep(200);
    expect(await page.$eval('.M9 [contenteditable="true"]', (node) => node.innerHTML)).toBe(before);
    expect(await page.$eval('input[name="subjectbox"]', (input) => (input as HTMLInputElement).value)).toBe('');
    expect(sandbox.gmail.drafts.length).toBe(savesBefore);
  });

  it('on /mail/u/1/ with no compose open, answers no-compose for that account, and Gmail\'s compose URL opens one prefilled', async () => {
    const { sandbox } = harness();
    const page = await gmailTab('https://mail.google.com/mail/u/1/#inbox');

    const outcome = await insertVia({ text: DRAFT, subject: 'Revised quote' });

    expect(outcome).toMatchObject({ kind: 'no-compose', account: '1' });
    const account = outcome.kind === 'no-compose' ? (outcome.account ?? '0') : '0';
    await page.goto(composeUrl(account, { to: [DANA.email], subject: 'Revised quote & terms', body: DRAFT }));
    await composeReady(page);
    // Gmail's prefill, then the blank line its signature block starts with.
    expect((await body(page)).lines).toEqual([...DRAFT_LINES, '']);
    expect(await page.$eval('input[name="subjectbox"]', (input) => (input as HTMLInputElement).value)).toBe('Revised quote & terms');

    // And a later insert lands in that compose, saved on account 1.
    const next = await insertVia({ text: 'P.S. One more thing.\n' });
    expect(next).toMatchObject({ kind: 'inserted', compose: 'fullscreen', to: [DANA.email], subjectSet: false });
    const saved = await waitFor(() => sandbox.gmail.drafts.find((draft) => draft.bodyText.includes('One more thing')), 'the autosave');
    expect(saved).toMatchObject({ account: 1, trusted: true });
  });
});
