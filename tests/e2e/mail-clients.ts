/**
 * How a rep works each web mail client of the sandbox (Gmail, Outlook on the web), for the suites that run the same
 * cases on both (mail-insert.e2e.test.ts): where its pages are, how a compose is opened, what its body looks like, and
 * what the client saved. Composes are told apart by the order they were opened in their page ('1' first).
 */
import type { Page } from 'puppeteer-core';
import { OUTLOOK_ACCOUNT } from '../sandbox/outlook';
import type { Sandbox } from '../sandbox/sandbox';

/** A draft save as the client's server received it. */
export interface SavedDraft {
  key: string;
  kind: string;
  subject: string;
  bodyText: string;
  trusted: boolean;
  to: string[];
}

export interface BodyState {
  html: string;
  /** The rep's part of the body, line by line (one top-level node a line, as the editors write them). */
  lines: string[];
  /** Everything from the signature or the quoted history on. */
  rest: string;
}

/** One compose: its page and its key there. */
export interface ComposeAt {
  page: Page;
  key: string;
}

export interface MailDriver {
  name: 'Gmail' | 'Outlook';
  /** The match pattern of its tabs. */
  tabs: string;
  /** A compose's body. */
  body: string;
  /** A new message's subject box. */
  subjectBox: string;
  /** The parts of a body that are not the rep's (signature, quoted history). */
  notTheReps: string;
  /** A line of the signature, and of the quoted message, for a caret there. */
  signatureLine: string;
  quotedLine: string;
  /** Its kind of compose for a new message opened in the app, and for one already open when the page loaded. */
  newComposeKind: string;
  preopenedKind: string;
  inbox(sandbox: Sandbox): string;
  /** A page that opens with a compose in it. */
  preopened(sandbox: Sandbox): string;
  message(sandbox: Sandbox): string;
  /** The rep opens a new message in the app (the page shows the inbox). */
  openNewCompose(page: Page): Promise<void>;
  /** The rep replies to the open message; resolves once the reply shows its quoted message. */
  openReply(page: Page): Promise<void>;
  /** The reply's subject as the compose would send it. */
  replySubject(page: Page): Promise<string>;
  /** The client has filled the body (signature) of `count` composes. */
  composeReady(page: Page, count?: number): Promise<void>;
  /** The root of compose `key` in the page, as a selector. */
  composeRoot(page: Page, key: string): Promise<string>;
  /** The signature's variant the suite also covers (Gmail: without its "-- " line; Outlook: with a "-- " line). */
  otherSignature: string;
  /** Main-world script that gives the open compose that other signature. */
  toOtherSignature: string;
  /** Main-world script that translates the page's labels (the rep's language is German). */
  translate: string;
  /** Main-world script that breaks the body's markup the way a client release might. */
  breakBody: string;
  /** The page with no compose open, and the client's own prefilled new message for a draft. */
  noCompose(sandbox: Sandbox): string;
  prefilled(tabUrl: string, draft: { to: string[]; subject: string; body: string }): string;
  /** The prefilled compose's kind, and the lines its body starts with for the draft's lines. */
  prefilledKind: string;
  prefilledLines(lines: string[]): string[];
  /**
   * Two composes open at once, the second opened last (Gmail: two compose windows in its page; Outlook: a reply in the
   * reading pane and a new message popped out into a window of its own).
   */
  openTwoComposes(sandbox: Sandbox, open: (url: string) => Promise<Page>): Promise<[ComposeAt, ComposeAt]>;
  /** Whether an address is the client's prefilled new message opened for a draft (and on the default account). */
  isPrefilledCompose(url: string): boolean;
  /** Once the panel has put a reply in: the inline reply's body, its quoted message shown. */
  replyShown(page: Page): Promise<void>;
  /** The Task subject "Log to Salesforce" writes for the reply to Dana's renewal thread. */
  replyTaskSubject: string;
  /** Marcus Lee's message (a sender the org does not know), its body as rendered, and its conversation's id. */
  marcus(sandbox: Sandbox): string;
  renderedBody: string;
  conversationIdOf(url: string): string;
  drafts(sandbox: Sandbox, page: Page, key: string): Promise<SavedDraft[]>;
  allDrafts(sandbox: Sandbox): SavedDraft[];
}

const GMAIL_BODY = 'div[g_editable="true"][role="textbox"][contenteditable="true"]';
const OUTLOOK_BODY = 'div[id^="editorParent_"] > div[role="textbox"][contenteditable="true"]';

/** Main-world script renaming every element's aria-label from `from` to `to`. */
const relabel = (pairs: [string, string][]): string =>
  pairs.map(([from, to]) => `for (const node of document.querySelectorAll('[aria-label="${from}"]')) node.setAttribute('aria-label', '${to}');`).join('\n');

export const GMAIL_DRIVER: MailDriver = {
  name: 'Gmail',
  tabs: 'https://mail.google.com/*',
  body: GMAIL_BODY,
  subjectBox: 'input[name="subjectbox"]',
  notTheReps: '.gmail_signature_prefix, .gmail_signature, .gmail_quote',
  signatureLine: `${GMAIL_BODY} .gmail_signature div`,
  quotedLine: `${GMAIL_BODY} blockquote.gmail_quote div`,
  newComposeKind: 'popup',
  preopenedKind: 'popup',
  inbox: (sandbox) => sandbox.gmail.urls.inbox,
  preopened: (sandbox) => sandbox.gmail.urls.compose,
  message: (sandbox) => sandbox.gmail.urls.message,
  openNewCompose: (page) => page.locator('[gh="cm"]').click(),
  async openReply(page) {
    await page.locator('.ams.bkH').click();
    await GMAIL_DRIVER.composeReady(page);
    await page.locator('.ajR').click();
    await page.waitForSelector(`${GMAIL_BODY} div.gmail_quote`);
  },
  replySubject: (page) => page.$eval('.ip input[name="subject"]', (input) => (input as HTMLInputElement).value),
  async composeReady(page, count = 1) {
    await page.waitForFunction((selector, n) => document.querySelectorAll(`${selector} .gmail_signature`).length >= n, {}, GMAIL_BODY, count);
  },
  composeRoot: async (_page, key) => `.M9:has(input[name="composeid"][value="${key}"])`,
  otherSignature: 'without its "-- " line',
  toOtherSignature: `(() => { const prefix = document.querySelector('.gmail_signature_prefix'); prefix.nextSibling.remove(); prefix.remove(); })()`,
  translate: `document.documentElement.lang = 'de';\n${relabel([['Message Body', 'Nachrichtentext'], ['New Message', 'Neue Nachricht']])}`,
  breakBody: `document.querySelector('${GMAIL_BODY}').removeAttribute('g_editable')`,
  noCompose: () => 'https://mail.google.com/mail/u/1/#inbox',
  prefilled: (tabUrl, draft) => {
    const account = /\/mail\/u\/(\d+)\//.exec(tabUrl)?.[1] ?? '0';
    const query = [`view=cm`, `fs=1`, `to=${encodeURIComponent(draft.to.join(','))}`, `su=${encodeURIComponent(draft.subject)}`, `body=${encodeURIComponent(draft.body)}`];
    return `https://mail.google.com/mail/u/${account}/?${query.join('&')}`;
  },
  prefilledKind: 'fullscreen',
  // Gmail's prefill, then the blank line its signature block starts with.
  prefilledLines: (lines) => [...lines, ''],
  async openTwoComposes(sandbox, open) {
    const page = await open(sandbox.gmail.urls.inbox);
    await page.waitForSelector('[gh="cm"]');
    await page.locator('[gh="cm"]').click();
    await GMAIL_DRIVER.composeReady(page, 1);
    await page.locator('[gh="cm"]').click();
    await GMAIL_DRIVER.composeReady(page, 2);
    return [
      { page, key: '1' },
      { page, key: '2' },
    ];
  },
  isPrefilledCompose: (url) => url.startsWith('https://mail.google.com/mail/u/0/?view=cm'),
  async replyShown(page) {
    await page.waitForSelector(`.ip.adB ${GMAIL_BODY}`);
    await page.locator('.ajR').click();
    await page.waitForSelector(`${GMAIL_BODY} div.gmail_quote`);
  },
  replyTaskSubject: 'Email: Re: Umbrella Health renewal: revised quote for 2027',
  marcus: () => 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgSpKyXwUlMqEtJdNrAuZxCoW',
  renderedBody: '.a3s',
  conversationIdOf: (url) => url.split('/').at(-1) ?? '',
  async drafts(sandbox, _page, key) {
    return sandbox.gmail.drafts.filter((draft) => draft.composeId === key).map((draft) => ({ ...draft, key: draft.composeId }));
  },
  allDrafts: (sandbox) => sandbox.gmail.drafts.map((draft) => ({ ...draft, key: draft.composeId })),
};

export const OUTLOOK_DRIVER: MailDriver = {
  name: 'Outlook',
  tabs: 'https://outlook.office.com/*',
  body: OUTLOOK_BODY,
  subjectBox: 'input.fui-Input__input',
  notTheReps: '#Signature, #appendonsend, #divRplyFwdMsg',
  signatureLine: `${OUTLOOK_BODY} #Signature div`,
  quotedLine: `${OUTLOOK_BODY} #divRplyFwdMsg + div div`,
  newComposeKind: 'pane',
  preopenedKind: 'window',
  inbox: (sandbox) => sandbox.outlook.urls().inbox,
  preopened: (sandbox) => sandbox.outlook.urls().compose,
  message: (sandbox) => sandbox.outlook.urls().message,
  openNewCompose: (page) => page.locator('button.newMailButton').click(),
  async openReply(page) {
    await page.locator('button[name="Reply"]').click();
    await page.waitForSelector(`${OUTLOOK_BODY} #divRplyFwdMsg`);
  },
  // A reading-pane reply has no subject box: it goes out with the conversation's subject.
  replySubject: (page) => page.$eval('[data-app-section="ConversationContainer"]:not([style*="none"]) [role="heading"]', (node) => node.textContent ?? ''),
  async composeReady(page, count = 1) {
    await page.waitForFunction((selector, n) => document.querySelectorAll(`${selector} #Signature`).length >= n, {}, OUTLOOK_BODY, count);
  },
  composeRoot: async (_page, key) => `#docking_InitVisiblePart_${Number(key) - 1}`,
  otherSignature: 'with a "-- " line',
  toOtherSignature: `(() => { const line = document.createElement('div'); line.textContent = '-- '; document.querySelector('#Signature').prepend(line); })()`,
  translate: `document.documentElement.lang = 'de';\n${relabel([['Message body', 'Nachrichtentext'], ['Subject', 'Betreff'], ['To', 'An']])}\nfor (const input of document.querySelectorAll('input[placeholder]')) input.placeholder = 'Betreff hinzufügen';`,
  breakBody: `(() => { const parent = document.querySelector('[id^="editorParent_"]'); parent.id = 'composeBodyHost'; })()`,
  noCompose: (sandbox) => sandbox.outlook.urls('outlook.live.com').inbox,
  prefilled: (tabUrl, draft) => {
    const query = new URLSearchParams({ to: draft.to.join(';'), subject: draft.subject, body: draft.body });
    return `${new URL(tabUrl).origin}/mail/deeplink/compose?${query.toString().replace(/\+/g, '%20')}`;
  },
  prefilledKind: 'window',
  // Outlook's prefill (the blank line before its signature belongs to the signature block).
  prefilledLines: (lines) => lines,
  async openTwoComposes(sandbox, open) {
    const main = await open(sandbox.outlook.urls().message);
    await OUTLOOK_DRIVER.openReply(main);
    await OUTLOOK_DRIVER.composeReady(main);
    const window = await open(sandbox.outlook.urls().compose);
    await OUTLOOK_DRIVER.composeReady(window);
    return [
      { page: main, key: '1' },
      { page: window, key: '1' },
    ];
  },
  isPrefilledCompose: (url) => url.startsWith('https://outlook.office.com/mail/deeplink/compose?'),
  async replyShown(page) {
    await page.waitForSelector(`[data-app-section="ConversationContainer"] ${OUTLOOK_BODY} #divRplyFwdMsg`);
  },
  // A reading-pane reply goes out with the conversation's subject (Outlook adds its "RE:" in the rep's language).
  replyTaskSubject: 'Email: Umbrella Health renewal: revised quote for 2027',
  marcus: (sandbox) => `${sandbox.outlook.urls().inbox}/id/${encodeURIComponent(OUTLOOK_ACCOUNT.conversations[1]?.messages[0]?.itemId ?? '')}`,
  renderedBody: '[data-app-section="ConversationContainer"] [role="document"]',
  conversationIdOf: (url) => decodeURIComponent(url.split('/id/').at(-1) ?? ''),
  async drafts(sandbox, page, key) {
    const root = await OUTLOOK_DRIVER.composeRoot(page, key);
    const draftId = await page.$eval(root, (node) => node.getAttribute('data-draft-id') ?? '').catch(() => '');
    return OUTLOOK_DRIVER.allDrafts(sandbox).filter((draft) => draft.key === draftId);
  },
  allDrafts: (sandbox) => sandbox.outlook.drafts.map((draft) => ({ ...draft, key: draft.draftId })),
};

/** A compose body as a rep reads it: their lines, then the client's parts (signature, quote) untouched. */
export async function bodyState(page: Page, driver: MailDriver, key = '1'): Promise<BodyState> {
  const root = await driver.composeRoot(page, key);
  return page.evaluate(
    (rootSelector, bodySelector, notTheReps) => {
      const element = document.querySelector(rootSelector)?.querySelector<HTMLElement>(bodySelector);
      if (!element) throw new Error(`no compose body in ${rootSelector}`);
      const nodes = [...element.childNodes];
      let start = nodes.findIndex((node) => node instanceof Element && (node.matches(notTheReps) || node.querySelector(notTheReps)));
      if (start < 0) start = nodes.length;
      // The empty line the client keeps above the signature belongs to the signature block.
      if (start > 0 && nodes[start - 1]?.nodeName === 'DIV' && nodes[start - 1]?.textContent === '') start -= 1;
      return {
        html: element.innerHTML,
        lines: nodes.slice(0, start).filter((node) => node.nodeName !== 'BR').map((node) => node.textContent ?? ''),
        rest: nodes.slice(start).map((node) => (node instanceof Element ? node.outerHTML : (node.textContent ?? ''))).join(''),
      };
    },
    root,
    driver.body,
    driver.notTheReps,
  );
}
