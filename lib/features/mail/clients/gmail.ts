/**
 * Gmail (mail.google.com). Class names are obfuscated and change every few months; each selector says what it means
 * so that a change in Gmail is a one-line fix here. Attributes that carry meaning are preferred over classes.
 */
import { closestOf, type DraftForUrl, type MailClient, type MailDom } from '../client';

export const GMAIL_HOST = 'mail.google.com';

export const GMAIL = {
  /** A message of the open thread; the last one is the newest. */
  message: '[data-message-id]',
  /** A message's sender, with `email` and `name` attributes. */
  sender: 'span.gD[email]',
  /** A message's date; its `title` holds the full date, the text may be relative ("2 days ago"). */
  date: 'span.g3',
  /** A message's body as Gmail renders it. */
  body: '.a3s',
  /** The open thread's subject heading. */
  subject: 'h2.hP',
  /** The "Reply" button in the reply area under a message. */
  replyButton: '.ip .ams.bkH',

  /** The message body of a compose: the rich-text editor Gmail autosaves. Its aria-label is translated: never use it. */
  composeBody: 'div[g_editable="true"][role="textbox"][contenteditable="true"]',
  /** The root of one compose (pop-up, full-screen or inline reply): recipients, subject and body live under it. */
  composeRoot: '.M9',
  /** The window around a pop-up, full-screen or pop-out compose; it contains the compose's form. */
  composeDialog: '[role="dialog"]',
  /** On a compose dialog: the compose is full-screen. */
  fullScreenDialog: '.aSs',
  /** The reply area under a message; it gains `adB` while an inline reply is open in it. */
  inlineReplyArea: '.ip',
  openInlineReply: '.ip.adB',
  /** Anything that looks like a compose, recognised or not. */
  composeLike: '.M9, [role="dialog"], .ip.adB',

  /** A new message's visible subject box. Inline replies have only the hidden `subject` input: never set that. */
  subjectBox: 'input[name="subjectbox"]',
  /** The hidden subject every compose posts (an inline reply's "Re: …"). Read only. */
  hiddenSubject: 'input[name="subject"]',
  /** The To field (2021+ markup) and one recipient chip in it; `data-hovercard-id` holds the address. */
  toField: 'div.anm[name="to"]',
  recipientChip: 'div[role="option"][data-hovercard-id]',

  /**
   * The parts of a body that are not the rep's message: the signature (with or without its "-- " prefix line) and the
   * quoted text of a reply (revealed by the "…" button, `.ajR`).
   */
  notTheRepsText: '.gmail_signature_prefix, .gmail_signature, div.gmail_quote, blockquote.gmail_quote',
} as const;

const ROOTS = [GMAIL.composeRoot, GMAIL.composeDialog, GMAIL.openInlineReply];

const gmailDom: MailDom = {
  composeBody: GMAIL.composeBody,
  composeLike: GMAIL.composeLike,
  notTheRepsText: GMAIL.notTheRepsText,
  subjectBox: GMAIL.subjectBox,
  composeRootOf: (body) => closestOf(body, ROOTS),
  composeRootAround(element) {
    const root = closestOf(element, [GMAIL.composeRoot, GMAIL.composeDialog]);
    return root?.querySelector(GMAIL.composeBody) ? root : null;
  },
  composeKind(root) {
    if (root.closest(GMAIL.inlineReplyArea)) return 'inline';
    return root.closest(GMAIL.composeDialog)?.matches(GMAIL.fullScreenDialog) ? 'fullscreen' : 'popup';
  },
  isReply: (root) => root.closest(GMAIL.inlineReplyArea) !== null,
  subjectOf(root) {
    const box = root.querySelector<HTMLInputElement>(GMAIL.subjectBox) ?? root.querySelector<HTMLInputElement>(GMAIL.hiddenSubject);
    return box?.value ?? '';
  },
  recipientsOf: (root) =>
    [...root.querySelectorAll(`${GMAIL.toField} ${GMAIL.recipientChip}`)].map((chip) => chip.getAttribute('data-hovercard-id') ?? '').filter(Boolean),

  messagesIn: (root) => [...root.querySelectorAll(GMAIL.message)],
  senderOf(message) {
    const sender = message.querySelector(GMAIL.sender);
    return sender ? { name: sender.getAttribute('name') ?? '', email: sender.getAttribute('email') ?? '' } : null;
  },
  dateOf(message) {
    const date = message.querySelector(GMAIL.date);
    return date?.getAttribute('title') || (date?.textContent ?? '');
  },
  bodyOf: (message) => message.querySelector(GMAIL.body),
  threadSubject: GMAIL.subject,
  replyButtonOf: (message) => message.querySelector<HTMLElement>(GMAIL.replyButton),
};

/** Gmail's account index or address in `/mail/u/<account>/`; null when the URL has none (then Gmail means 0). */
export function gmailAccountOf(url: string): string | null {
  try {
    const { hostname, pathname } = new URL(url);
    if (hostname !== GMAIL_HOST) return null;
    const match = /^\/mail\/u\/([^/]+)\//.exec(pathname);
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

/** Gmail's own prefilled compose (`?view=cm`). */
export function gmailComposeUrl(account: string | number, draft: DraftForUrl): string {
  const params: [string, string][] = [
    ['view', 'cm'],
    ['fs', '1'],
  ];
  if (draft.to?.length) params.push(['to', draft.to.join(',')]);
  if (draft.subject) params.push(['su', draft.subject]);
  if (draft.body) params.push(['body', draft.body]);
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `https://${GMAIL_HOST}/mail/u/${encodeURIComponent(String(account))}/?${query}`;
}

export const gmail: MailClient = {
  name: 'Gmail',
  hosts: [GMAIL_HOST],
  matches: [`https://${GMAIL_HOST}/*`],
  dom: gmailDom,
  composeUrl: (tabUrl, draft) => gmailComposeUrl((tabUrl && gmailAccountOf(tabUrl)) ?? '0', draft),
  // The conversation id in `…/#inbox/FMfcgz…` or `#label/x/…`.
  conversationIdOf(url) {
    const last = url.hash.split('/').at(-1) ?? '';
    return /^[A-Za-z0-9_-]{16,}$/.test(last) ? last : null;
  },
};
