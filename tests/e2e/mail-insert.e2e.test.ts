/**
 * Inserting drafts into the compose windows of Gmail and Outlook on the web, through the real content scripts in the
 * production build, against the sandbox's pages (served with Trusted Types enforced). The same cases run on both
 * clients (mail-clients.ts says how a rep works each). To prove each DOM case precisely, the insert command is sent
 * the way the background sends it (`tabs.sendMessage` evaluated in the service worker); the side panel's "Insert into
 * …" itself is driven end to end by tests/e2e/gmail.e2e.test.ts and outlook.e2e.test.ts.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { InsertOutcome } from '../../lib/features/mail/content-messages';
import { DANA } from '../sandbox/gmail';
import { serviceWorker } from './chromium';
import { harnessForFile } from './harness';
import { GMAIL_DRIVER, OUTLOOK_DRIVER, bodyState, type MailDriver, type SavedDraft } from './mail-clients';

const harness = harnessForFile();

const DRAFT = 'Hi Dana,\n\nHere is the revised quote for 240 seats.\nBest,\nSam';
const DRAFT_LINES = DRAFT.split('\n');

let pages: Page[] = [];
afterEach(async () => {
  for (const page of pages) if (!page.isClosed()) await page.close();
  pages = [];
  harness().sandbox.gmail.reset();
  harness().sandbox.outlook.reset();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function mailTab(url: string): Promise<Page> {
  const page = await harness().browser.newPage();
  pages.push(page);
  await page.goto(url);
  await page.bringToFront();
  return page;
}

interface TabsApi {
  query(filter: { url: string }): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** What the background does for "Insert into …": the command to the mail tab's content script, the outcome back. */
async function insertVia(page: Page, command: { text: string; subject?: string }): Promise<InsertOutcome> {
  const worker = await serviceWorker(harness().extension);
  let last = '';
  // The content script starts at document_idle, a moment after the page loads: until then nobody answers.
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = await worker.evaluate(
      async (message, url) => {
        const tabs = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome.tabs;
        const found = (await tabs.query({ url: `${new URL(url).origin}/*` })).filter((tab) => tab.url === url);
        const tabId = found[0]?.id;
        if (found.length !== 1 || tabId === undefined) return { error: `${found.length} tabs at ${url}` };
        try {
          return { outcome: await tabs.sendMessage(tabId, message) };
        } catch (error) {
          return { error: String(error) };
        }
      },
      { type: 'mail-insert', ...command },
      page.url(),
    );
    if ('outcome' in result) return InsertOutcome.parse(result.outcome);
    last = result.error;
    await sleep(100);
  }
  throw new Error(`The mail content script never answered: ${last}`);
}

interface PanelApi {
  windows: { getCurrent(): Promise<{ id?: number }> };
  runtime: { connect(info: { name: string }): PanelPort };
}
interface PanelPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: { type?: string; feature?: string; payload?: { state?: { lastInsert?: { at: string; message: string } } } }) => void): void };
}

/**
 * "Insert into …" as the side panel asks for it, over its port: the background picks the mail tab whose compose the
 * rep used last (in any window) and its content script that compose. Resolves with the words the panel would show.
 */
async function insertThroughPanel(tab: Page, draft: { subject: string; body: string }): Promise<string> {
  const panel = await harness().openPanel(tab);
  return panel.evaluate(async ({ subject, body }) => {
    const chrome = (globalThis as unknown as { chrome: PanelApi }).chrome;
    const windowId = (await chrome.windows.getCurrent()).id;
    const asked = new Date().toISOString();
    const port = chrome.runtime.connect({ name: 'groundwork-panel' });
    return new Promise<string>((resolve) => {
      port.onMessage.addListener((message) => {
        const last = message.type === 'feature-event' && message.feature === 'mail' ? message.payload?.state?.lastInsert : undefined;
        if (last && last.at >= asked) {
          port.disconnect();
          resolve(last.message);
        }
      });
      port.postMessage({ type: 'watch-window', windowId });
      port.postMessage({ type: 'feature', feature: 'mail', payload: { type: 'insert', source: 'draft', subject, body } });
    });
  }, draft);
}

async function waitFor<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** What follows is a list of cases both clients run: each says what a rep would see. */
describe.each([GMAIL_DRIVER, OUTLOOK_DRIVER])('Insert into $name', (driver: MailDriver) => {
  const body = (page: Page, key = '1') => bodyState(page, driver, key);
  // The newest save: a closed page of the case before may still land its last save (compose ids restart at 1 per page).
  const savedWith = (page: Page, key: string, text: string): Promise<SavedDraft> =>
    waitFor(async () => (await driver.drafts(harness().sandbox, page, key)).findLast((draft) => draft.bodyText.includes(text)), 'the autosave');

  /** The rep clicks into a body (focus puts the caret at its start) and types, with real key events. */
  async function repTypes(page: Page, text: string, key = '1'): Promise<void> {
    const root = await driver.composeRoot(page, key);
    await page.evaluate((rootSelector, selector) => document.querySelector(rootSelector)?.querySelector<HTMLElement>(selector)?.focus(), root, driver.body);
    await page.keyboard.type(text);
  }

  /** The rep's caret at a character of the first text in `selector` (inside the body). */
  async function caretIn(page: Page, selector: string, offset: number): Promise<void> {
    await page.evaluate(
      (target, at) => {
        const element = document.querySelector<HTMLElement>(target);
        const editor = element?.closest<HTMLElement>('[contenteditable="true"]');
        const walker = element ? document.createTreeWalker(element, NodeFilter.SHOW_TEXT) : null;
        const text = walker?.nextNode();
        if (!editor || !text) throw new Error(`no text in ${target}`);
        editor.focus();
        document.getSelection()?.collapse(text, at);
      },
      selector,
      offset,
    );
    // selectionchange is dispatched as a task: let it reach the content script.
    await sleep(50);
  }

  const subjectOf = (page: Page): Promise<string> => page.$eval(driver.subjectBox, (input) => (input as HTMLInputElement).value);

  it('writes into a new message opened after load, as the editor\'s lines above the signature, and the client saves it', async () => {
    const page = await mailTab(driver.inbox(harness().sandbox));
    await sleep(300);
    await driver.openNewCompose(page);
    await driver.composeReady(page);
    const before = await body(page);

    const outcome = await insertVia(page, { text: DRAFT, subject: 'Revised quote: 240 seats' });

    expect(outcome).toEqual({
      kind: 'inserted',
      where: 'top',
      compose: driver.newComposeKind,
      reply: false,
      method: 'editing-command',
      subjectSet: true,
      subject: 'Revised quote: 240 seats',
      to: [],
    });
    const after = await body(page);
    expect(after.lines).toEqual(DRAFT_LINES);
    // The editor's own line structure: one div a line, <div><br></div> for the empty one.
    expect(after.html).toMatch(/^<div[^>]*>Hi Dana,<\/div><div[^>]*><br><\/div><div[^>]*>Here is the revised quote for 240 seats\.<\/div><div[^>]*>Best,<\/div><div[^>]*>Sam<\/div>/);
    expect(after.rest).toBe(before.rest);
    const saved = await savedWith(page, '1', '240 seats');
    expect(saved.trusted).toBe(true);
    expect((await driver.drafts(harness().sandbox, page, '1')).at(-1)?.subject).toBe('Revised quote: 240 seats');
    expect(await subjectOf(page)).toBe('Revised quote: 240 seats');
  });

  it('finds a compose that was already open when the page loaded', async () => {
    const page = await mailTab(driver.preopened(harness().sandbox));
    await driver.composeReady(page);

    const outcome = await insertVia(page, { text: 'Quick note for Dana.' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top', compose: driver.preopenedKind, subjectSet: false });
    expect((await body(page)).lines).toEqual(['Quick note for Dana.']);
  });

  it('inserts at the caret in the middle of what the rep wrote, keeping their words on both sides', async () => {
    const page = await mailTab(driver.preopened(harness().sandbox));
    await driver.composeReady(page);
    await repTypes(page, 'Hello Dana, see below.');
    for (let step = 0; step < ' see below.'.length; step++) await page.keyboard.press('ArrowLeft');

    const outcome = await insertVia(page, { text: ' the quote is attached.' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'caret' });
    expect((await body(page)).lines).toEqual(['Hello Dana, the quote is attached. see below.']);
  });

  it('puts the draft after a selection instead of replacing the selected words', async () => {
    const page = await mailTab(driver.preopened(harness().sandbox));
    await driver.composeReady(page);
    await repTypes(page, 'Hello Dana');
    await page.keyboard.down('Shift');
    for (let step = 0; step < 'Dana'.length; step++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.up('Shift');

    const outcome = await insertVia(page, { text: ' and team' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'caret' });
    expect((await body(page)).lines).toEqual(['Hello Dana and team']);
  });

  it('with the caret in the subject, writes at the top of the body above the rep\'s line and keeps their subject', async () => {
    const page = await mailTab(driver.preopened(harness().sandbox));
    await driver.composeReady(page);
    await repTypes(page, 'P.S. call me');
    await page.locator(driver.subjectBox).click();
    await page.keyboard.type('My own subject');

    const outcome = await insertVia(page, { text: DRAFT, subject: 'Revised quote' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top', subjectSet: false, subject: 'My own subject' });
    expect((await body(page)).lines).toEqual([...DRAFT_LINES, 'P.S. call me']);
  });

  it('with the caret in the signature, writes at the top and leaves the signature as it was', async () => {
    const page = await mailTab(driver.preopened(harness().sandbox));
    await driver.composeReady(page);
    const before = await body(page);
    await caretIn(page, driver.signatureLine, 3);

    const outcome = await insertVia(page, { text: DRAFT });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top' });
    const after = await body(page);
    expect(after.lines).toEqual(DRAFT_LINES);
    expect(after.rest).toBe(before.rest);
  });

  it(`leaves a signature ${driver.otherSignature} intact too`, async () => {
    const page = await mailTab(driver.preopened(harness().sandbox));
    await driver.composeReady(page);
    await page.evaluate(driver.toOtherSignature);
    const before = await body(page);
    await caretIn(page, driver.signatureLine, 0);

    const outcome = await insertVia(page, { text: DRAFT });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top' });
    const after = await body(page);
    expect(after.lines).toEqual(DRAFT_LINES);
    expect(after.rest).toBe(before.rest);
  });

  it('writes an inline reply above the signature and the quoted text, and never changes the reply\'s subject', async () => {
    const page = await mailTab(driver.message(harness().sandbox));
    await driver.openReply(page);
    await driver.composeReady(page);
    const before = await body(page);
    const subjectBefore = await driver.replySubject(page);
    await caretIn(page, driver.quotedLine, 2);

    const outcome = await insertVia(page, { text: DRAFT, subject: 'Something else' });

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top', compose: 'inline', reply: true, subjectSet: false, to: [DANA.email] });
    expect(outcome.kind === 'inserted' && outcome.subject).toBe(subjectBefore);
    const after = await body(page);
    expect(after.lines).toEqual(DRAFT_LINES);
    expect(after.rest).toBe(before.rest);
    expect(after.rest).toContain('Before we sign the renewal');
    expect(await driver.replySubject(page)).toBe(subjectBefore);
    const saved = await savedWith(page, '1', '240 seats');
    expect(saved).toMatchObject({ kind: 'inline', trusted: true, subject: subjectBefore });
  });

  it('with two composes open, the panel\'s insert goes into the one the rep focused last, not the newest', async () => {
    const [first, second] = await driver.openTwoComposes(harness().sandbox, mailTab);
    await second.page.bringToFront();
    await repTypes(second.page, 'Second compose', second.key);
    await first.page.bringToFront();
    await repTypes(first.page, 'First compose: ', first.key);
    // Then the rep clicks elsewhere in the page (as the side panel takes the focus): their caret is remembered.
    await first.page.locator('input[type="search"], input.gb_qe').click();
    const secondBefore = await body(second.page, second.key);

    // The panel of the second compose's window: the background still finds the compose used last.
    const said = await insertThroughPanel(second.page, { subject: 'For the first', body: 'the draft' });

    expect(said).toMatch(new RegExp(`^Inserted at your cursor in the (reply to .+|new message)( and filled in the empty subject)?\\. Ctrl\\+Z in ${driver.name} undoes it\\.$`));
    expect((await body(first.page, first.key)).lines).toEqual(['First compose: the draft']);
    expect(await body(second.page, second.key)).toEqual(secondBefore);
  });

  it('lets the rep undo the insert with Ctrl+Z', async () => {
    const page = await mailTab(driver.preopened(harness().sandbox));
    await driver.composeReady(page);
    await repTypes(page, 'Mine');
    const before = await body(page);

    await insertVia(page, { text: ' and more\nSecond line' });
    expect((await body(page)).lines).toEqual(['Mine and more', 'Second line']);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyZ');
    await page.keyboard.up('Control');

    expect(await body(page)).toEqual(before);
  });

  it('still writes with the labels in another language, Trusted Types enforced and the body re-rendered', async () => {
    const page = await mailTab(driver.preopened(harness().sandbox));
    await driver.composeReady(page);
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
    await page.evaluate(driver.translate);
    await page.evaluate((selector) => {
      const editor = document.querySelector(selector);
      editor?.replaceWith(editor.cloneNode(true));
    }, driver.body);

    const outcome = await insertVia(page, { text: 'Anbei das Angebot.' });

    // The caret went with the old body: the draft goes to the top of the new one.
    expect(outcome).toMatchObject({ kind: 'inserted', where: 'top', compose: driver.preopenedKind, method: 'editing-command' });
    expect((await body(page)).lines).toEqual(['Anbei das Angebot.', 'Hallo Dana']);
  });

  it(`says so when ${driver.name}'s compose markup is no longer recognised, and writes nothing`, async () => {
    const { sandbox } = harness();
    const page = await mailTab(driver.preopened(sandbox));
    await driver.composeReady(page);
    await page.evaluate(driver.breakBody);
    const editor = `${await driver.composeRoot(page, '1')} [contenteditable="true"][aria-multiline="true"]`;
    const before = await page.$eval(editor, (node) => node.innerHTML);
    const savesBefore = driver.allDrafts(sandbox).length;
    const subjectBefore = await subjectOf(page);

    const outcome = await insertVia(page, { text: DRAFT, subject: 'Revised quote' });

    expect(outcome.kind).toBe('dom-changed');
    expect(outcome.kind === 'dom-changed' && outcome.message).toMatch(new RegExp(`^${driver.name}'s compose window has changed.*nothing was written`));
    await sleep(200);
    expect(await page.$eval(editor, (node) => node.innerHTML)).toBe(before);
    expect(await subjectOf(page)).toBe(subjectBefore);
    expect(driver.allDrafts(sandbox).length).toBe(savesBefore);
  });

  it('with no compose open answers no-compose, and the client\'s own prefilled new message takes the draft and later inserts', async () => {
    const { sandbox } = harness();
    const page = await mailTab(driver.noCompose(sandbox));

    const outcome = await insertVia(page, { text: DRAFT, subject: 'Revised quote' });

    expect(outcome).toEqual({ kind: 'no-compose', message: `No compose window is open in this ${driver.name} tab.` });
    await page.goto(driver.prefilled(page.url(), { to: [DANA.email], subject: 'Revised quote & terms', body: DRAFT }));
    await driver.composeReady(page);
    expect((await body(page)).lines).toEqual(driver.prefilledLines(DRAFT_LINES));
    expect(await subjectOf(page)).toBe('Revised quote & terms');

    // And a later insert lands in that compose, saved there.
    const next = await insertVia(page, { text: 'P.S. One more thing.\n' });
    expect(next).toMatchObject({ kind: 'inserted', compose: driver.prefilledKind, to: [DANA.email], subjectSet: false });
    const saved = await savedWith(page, '1', 'One more thing');
    expect(saved.trusted).toBe(true);
  });
});
