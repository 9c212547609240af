/**
 * What the mail features need to know about one web mail client, so that one feature (sender card, "Draft reply",
 * "Insert into …", "Log to Salesforce", "Extract to Lead") runs on Gmail and Outlook alike, and a third client is one
 * more small module in `clients/`. Everything page-specific lives in a client's `MailDom`: the shared compose, insert
 * and thread code asks it where things are and never names a selector of its own.
 */

import type { MailClientName } from '../../messaging/mail-sender';

/**
 * popup: Gmail's compose window; fullscreen: Gmail's maximised one; inline: a reply under the open message (Gmail) or
 * in the reading pane (Outlook); pane: Outlook's new message in the reading pane; window: a compose popped out into a
 * browser window of its own (Outlook).
 */
export const COMPOSE_KINDS = ['popup', 'fullscreen', 'inline', 'pane', 'window'] as const;
export type ComposeKind = (typeof COMPOSE_KINDS)[number];

/** A message's sender as the page shows it. */
export interface PageSender {
  name: string;
  email: string;
}

/** Where things are in one client's page. Translated labels (aria-label, placeholder, text) are never used. */
export interface MailDom {
  /** A compose's message body: the rich-text editor the client saves drafts from. */
  composeBody: string;
  /** Anything that looks like a compose, recognised or not: tells "the client changed" from "nothing open". */
  composeLike: string;
  /** The parts of a body that are not the rep's text (signature, quoted history): drafts go above the first of them. */
  notTheRepsText: string;
  /** A new message's editable subject box (a reply's subject is never set). */
  subjectBox: string;
  /** The compose a body belongs to (recipients, subject and body live under it). */
  composeRootOf(body: Element): HTMLElement | null;
  /** The compose an element outside the body (subject, recipients) belongs to, if any. */
  composeRootAround(element: Element): HTMLElement | null;
  composeKind(root: Element): ComposeKind;
  /** Whether the compose answers a message (its subject is the thread's, never changed). */
  isReply(root: Element): boolean;
  /** The subject the compose will send. */
  subjectOf(root: Element): string;
  /** The addresses in the compose's To field. */
  recipientsOf(root: Element): string[];

  /** The messages of the open conversation in `root`, oldest first (hidden ones too: callers keep what is on screen). */
  messagesIn(root: ParentNode): Element[];
  senderOf(message: Element): PageSender | null;
  /** The message's date as the page gives it (a full date where it has one). */
  dateOf(message: Element): string;
  bodyOf(message: Element): Element | null;
  /** The open conversation's subject heading. */
  threadSubject: string;
  /** The client's own Reply button for this message. */
  replyButtonOf(message: Element): HTMLElement | null;
}

export interface DraftForUrl {
  to?: readonly string[];
  subject?: string;
  body?: string;
}

export interface MailClient {
  /** The client's name as the rep knows it ("Insert into Outlook"). */
  name: MailClientName;
  /** Host names it is served on. */
  hosts: readonly string[];
  /** Its content script's match patterns (also its host permissions). */
  matches: readonly string[];
  dom: MailDom;
  /** The client's own prefilled new message, on the account of `tabUrl` (for when no compose is open). */
  composeUrl(tabUrl: string | null, draft: DraftForUrl): string;
  /** The open conversation's id in an address of this client; null in a list view. */
  conversationIdOf(url: URL): string | null;
}

/** Hidden parts of the page (a thread opened earlier, a minimised compose) have no layout boxes. */
export function isRendered(element: Element): boolean {
  // DOMs without layout (unit tests) have no getClientRects: everything counts as shown there.
  return typeof element.getClientRects !== 'function' || element.getClientRects().length > 0;
}

/** The first of `selectors` (in order of preference) that `element` is inside. */
export function closestOf(element: Element, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    const found = element.closest<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}
