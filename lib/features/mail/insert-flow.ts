/**
 * "Insert into Gmail / Outlook" as the background runs it: find the mail tab the rep used last, ask its content script
 * to write the draft, and turn what happened into words for the panel. Nothing is written anywhere but the compose the
 * content script chose; when the client cannot take the draft, the panel puts it on the clipboard (it holds the rep's
 * click) and says so.
 */
import type { FeatureBrowser } from '../../browser';
import type { MailClientName } from '../../messaging/mail-sender';
import type { MailClient } from './client';
import { MAIL_MATCHES, gmail, mailClientOf } from './clients';
import { ComposeUse, InsertOutcome, type InsertDraftCommand } from './content-messages';
import type { InsertResult, MatchedPerson } from './messages';
import { OpenReplyOutcome } from './thread';
import { t } from '../../i18n';
import { draftText } from '../../i18n/draft-words';
import type { OutputLanguage } from '../../settings/languages';

export interface MailTab {
  tabId: number;
  url: string;
  client: MailClient;
}

async function composeUseOf(browser: FeatureBrowser, tabId: number): Promise<number | null> {
  try {
    const answer = ComposeUse.safeParse(await browser.sendToTab(tabId, { type: 'mail-compose-use' }));
    return answer.success ? answer.data.usedAt : null;
  } catch {
    return null;
  }
}

/**
 * The mail tab (any window: Outlook pops a compose out into a window of its own) whose content script saw the rep
 * work in a compose most recently; with no compose used anywhere, the window's active tab when it is a mail client,
 * else the mail tab used most recently.
 */
export async function findMailTab(browser: FeatureBrowser, windowId: number): Promise<MailTab | null> {
  const tabs = (await browser.tabsMatching(MAIL_MATCHES)).flatMap((tab) => {
    const client = mailClientOf(tab.url);
    return client ? [{ ...tab, client }] : [];
  });
  const uses = await Promise.all(tabs.map((tab) => composeUseOf(browser, tab.tabId)));
  let usedLast: MailTab | null = null;
  let usedAt = -Infinity;
  for (const [index, tab] of tabs.entries()) {
    const at = uses[index];
    if (typeof at === 'number' && at > usedAt) {
      usedLast = tab;
      usedAt = at;
    }
  }
  if (usedLast) return usedLast;
  const active = await browser.activeTab(windowId);
  const activeClient = mailClientOf(active?.url);
  if (active?.url && activeClient) return { tabId: active.tabId, url: active.url, client: activeClient };
  return tabs[0] ?? null;
}

export interface InsertRequest {
  subject: string;
  body: string;
  source: 'draft' | 'reply';
  /** The draft's language: a copied draft's "Subject:" line is written in it. */
  language: OutputLanguage;
  /** The person a reply goes to: named in the result, and the prefilled compose's recipient. */
  person: MatchedPerson | null;
}

export interface InsertFlowResult {
  result: Omit<InsertResult, 'at'>;
  /** The client the draft went to (or was meant for). */
  client: MailClientName;
  /** What went into the mail client, for "Log to Salesforce"; null when nothing did. */
  inserted: { subject: string; body: string; to: string[] } | null;
}

const noAnswer = (client: MailClient): string => `${t('insert_noAnswer', { client: client.name })} ${t('insert_onClipboard')}`;

function clipboard(client: MailClient, request: InsertRequest, message: string): InsertFlowResult {
  const text = request.source === 'draft' && request.subject ? draftText(request.subject, request.body, request.language) : request.body;
  return { result: { kind: 'clipboard', message, text, source: request.source }, client: client.name, inserted: null };
}

/** Opens the client's own prefilled new message on the tab's account, or says why it could not. */
async function openPrefilled(browser: FeatureBrowser, windowId: number, client: MailClient, tabUrl: string | null, request: InsertRequest, why: string): Promise<InsertFlowResult> {
  const to = request.person ? [request.person.email] : [];
  const url = client.composeUrl(tabUrl, { to, subject: request.subject || undefined, body: request.body });
  try {
    await browser.openTab(windowId, url);
  } catch {
    return clipboard(client, request, `${why} ${t('insert_couldNotOpen', { client: client.name })}`);
  }
  return {
    result: { kind: 'opened-compose', message: `${why} ${t('insert_opened', { client: client.name })}`, source: request.source },
    client: client.name,
    inserted: { subject: request.subject, body: request.body, to },
  };
}

function nameFor(email: string | undefined, request: InsertRequest): string | null {
  if (!email) return null;
  return request.person && request.person.email.toLowerCase() === email.toLowerCase() ? request.person.name : email;
}

/** "Inserted at your cursor in the reply to Dana Whitfield." */
export function insertedMessage(client: MailClient, outcome: Extract<InsertOutcome, { kind: 'inserted' }>, request: InsertRequest): string {
  const where = outcome.where === 'caret' ? t('insert_atCursor') : t('insert_atTop');
  const name = nameFor(outcome.to[0], request);
  const compose = name ? t(outcome.reply ? 'insert_replyTo' : 'insert_newTo', { name }) : t(outcome.reply ? 'insert_reply' : 'insert_new');
  const inserted = t(outcome.subjectSet ? 'insert_insertedWithSubject' : 'insert_inserted', { where, compose });
  const saved = outcome.method === 'dom-fallback' ? t('insert_mayNotBeSaved', { client: client.name }) : t('insert_undo', { client: client.name });
  return `${inserted} ${saved}`;
}

/** For a reply: an inline reply to the open message, opened by the client's own Reply button when none is open. */
async function ensureInlineReply(browser: FeatureBrowser, tabId: number): Promise<OpenReplyOutcome | null> {
  try {
    const answer = OpenReplyOutcome.safeParse(await browser.sendToTab(tabId, { type: 'mail-open-reply' }));
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
  const tab = await findMailTab(browser, windowId);
  // No mail tab at all: Gmail's prefilled compose, as before Outlook was supported.
  if (!tab) return openPrefilled(browser, windowId, gmail, null, request, t('insert_noMailTab'));
  const { client } = tab;
  if (request.source === 'reply') {
    const opened = await ensureInlineReply(browser, tab.tabId);
    if (opened === null) return clipboard(client, request, noAnswer(client));
    if (opened === 'dom-changed') {
      return clipboard(
        client,
        request,
        `${client.name}'s reply button has changed in a way Groundwork does not recognise, so nothing was written. The reply is on the clipboard: paste it into your reply.`,
      );
    }
  }
  const command: InsertDraftCommand = { type: 'mail-insert', text: request.body, ...(request.source === 'draft' && request.subject ? { subject: request.subject } : {}) };
  const outcome = await askToInsert(browser, tab.tabId, command);
  if (!outcome) return clipboard(client, request, noAnswer(client));
  switch (outcome.kind) {
    case 'inserted':
      return {
        result: { kind: 'inserted', message: insertedMessage(client, outcome, request), source: request.source },
        client: client.name,
        inserted: { subject: outcome.subject || request.subject, body: request.body, to: outcome.to },
      };
    case 'no-compose':
      return openPrefilled(browser, windowId, client, tab.url, request, t('insert_noCompose', { client: client.name }));
    case 'dom-changed':
      return clipboard(client, request, outcome.message);
  }
}
