/**
 * "Insert into Gmail" as the background runs it: find the Gmail tab, ask its content script to write the draft, and
 * turn what happened into words for the panel. Nothing is written anywhere but the compose the content script chose;
 * when Gmail cannot take the draft, the panel puts it on the clipboard (it holds the rep's click) and says so.
 */
import type { FeatureBrowser } from '../../browser';
import type { InsertResult, MatchedPerson } from './messages';
import { composeUrl } from './insert';
import { InsertOutcome, type InsertDraftCommand } from './content-messages';
import { gmailAccountOf } from './selectors';
import { OpenReplyOutcome } from './thread';

export const isGmailUrl = (url: string | undefined): url is string => {
  try {
    return url !== undefined && new URL(url).hostname === 'mail.google.com';
  } catch {
    return false;
  }
};

/** The window's active tab when it is Gmail, else its most recently used Gmail tab. */
export async function findGmailTab(browser: FeatureBrowser, windowId: number): Promise<{ tabId: number; url: string } | null> {
  const active = await browser.activeTab(windowId);
  if (active && isGmailUrl(active.url)) return { tabId: active.tabId, url: active.url };
  const [recent] = await browser.gmailTabs(windowId);
  return recent ?? null;
}

export interface InsertRequest {
  subject: string;
  body: string;
  source: 'draft' | 'reply';
  /** The person a reply goes to: named in the result, and the prefilled compose's recipient. */
  person: MatchedPerson | null;
}

export interface InsertFlowResult {
  result: Omit<InsertResult, 'at'>;
  /** What went into Gmail, for "Log to Salesforce"; null when nothing did. */
  inserted: { subject: string; body: string; to: string[] } | null;
}

const NO_ANSWER =
  'Groundwork could not reach this Gmail tab (it may need reloading), so nothing was written into it. The draft is on ' +
  'the clipboard: paste it into the message.';

function clipboard(request: InsertRequest, message: string): InsertFlowResult {
  const text = request.source === 'draft' && request.subject ? `Subject: ${request.subject}\n\n${request.body}` : request.body;
  return { result: { kind: 'clipboard', message, text, source: request.source }, inserted: null };
}

/** Opens Gmail's own prefilled compose (`?view=cm`) on the account, or says why it could not. */
async function openPrefilled(browser: FeatureBrowser, windowId: number, account: string, request: InsertRequest, why: string): Promise<InsertFlowResult> {
  const to = request.person ? [request.person.email] : [];
  const url = composeUrl(account, { to, subject: request.subject || undefined, body: request.body });
  try {
    await browser.openTab(windowId, url);
  } catch {
    return clipboard(request, `${why} Groundwork could not open a new message in Gmail either, so the draft is on the clipboard.`);
  }
  return {
    result: { kind: 'opened-compose', message: `${why} A new message opened in Gmail with the draft in it.`, source: request.source },
    inserted: { subject: request.subject, body: request.body, to },
  };
}

function nameFor(email: string | undefined, request: InsertRequest): string | null {
  if (!email) return null;
  return request.person && request.person.email.toLowerCase() === email.toLowerCase() ? request.person.name : email;
}

/** "Inserted at your cursor in the reply to Dana Whitfield." */
export function insertedMessage(outcome: Extract<InsertOutcome, { kind: 'inserted' }>, request: InsertRequest): string {
  const where = outcome.where === 'caret' ? 'at your cursor' : 'at the top of the message';
  const name = nameFor(outcome.to[0], request);
  const compose = outcome.compose === 'inline' ? `the reply${name ? ` to ${name}` : ''}` : `the new message${name ? ` to ${name}` : ''}`;
  const subject = outcome.subjectSet ? ' and filled in the empty subject' : '';
  const saved =
    outcome.method === 'dom-fallback' ? ' Gmail may not have saved it yet: type a character in the message so it does.' : ' Ctrl+Z in Gmail undoes it.';
  return `Inserted ${where} in ${compose}${subject}.${saved}`;
}

/** For a reply: an inline reply under the open message, opened by Gmail's own Reply button when none is open. */
async function ensureInlineReply(browser: FeatureBrowser, tabId: number): Promise<OpenReplyOutcome | null> {
  try {
    const answer = OpenReplyOutcome.safeParse(await browser.sendToTab(tabId, { type: 'gmail-open-reply' }));
    return answer.success ? answer.data : null;
  } catch {
    return null;
  }
}

async function askToInsert(browser: FeatureBrowser, tabId: number, command: InsertDraftCommand): Promise<InsertOutcome | null> {
  try {
    const answer = InsertOutcome.safeParse(await browser.sendToTab(tabId, command));
    return answer.success ? answer.data : null;
  } catch {
    return null;
  }
}

export async function runInsert(browser: FeatureBrowser, windowId: number, request: InsertRequest): Promise<InsertFlowResult> {
  const tab = await findGmailTab(browser, windowId);
  if (!tab) return openPrefilled(browser, windowId, '0', request, 'No Gmail tab is open in this window.');
  if (request.source === 'reply') {
    const opened = await ensureInlineReply(browser, tab.tabId);
    if (opened === null) return clipboard(request, NO_ANSWER);
    if (opened === 'dom-changed') {
      return clipboard(request, "Gmail's reply button has changed in a way Groundwork does not recognise, so nothing was written. The reply is on the clipboard: paste it into your reply.");
    }
  }
  const command: InsertDraftCommand = { type: 'gmail-insert', text: request.body, ...(request.source === 'draft' && request.subject ? { subject: request.subject } : {}) };
  const outcome = await askToInsert(browser, tab.tabId, command);
  if (!outcome) return clipboard(request, NO_ANSWER);
  switch (outcome.kind) {
    case 'inserted':
      return {
        result: { kind: 'inserted', message: insertedMessage(outcome, request), source: request.source },
        inserted: { subject: outcome.subject || request.subject, body: request.body, to: outcome.to },
      };
    case 'no-compose':
      return openPrefilled(browser, windowId, outcome.account ?? gmailAccountOf(tab.url) ?? '0', request, 'No compose window was open in Gmail.');
    case 'dom-changed':
      return clipboard(request, outcome.message);
  }
}
