/**
 * Outlook on the web (outlook.office.com and outlook.office365.com for work accounts, outlook.live.com for personal
 * ones). Its class names are generated and change with every release; ids and attributes below are the ones public
 * integrations rely on (the compose's `docking_InitVisiblePart_N`, the editor inside `editorParent_N`, the
 * `data-app-section` regions, the `Signature`, `appendonsend` and `divRplyFwdMsg` blocks Outlook writes into a body).
 * Labels (aria-label, placeholder, text) are translated into the rep's language and never used.
 */
import { closestOf, type MailClient, type MailDom } from '../client';

export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'] as const;

export const OUTLOOK = {
  /** The reading pane's conversation: its heading, its messages and an inline reply live under it. */
  conversation: 'div[data-app-section="ConversationContainer"]',
  /** One message of the open conversation, oldest first (a recipient in a reply's To field is a list item too). */
  message: 'div[data-app-section="ConversationContainer"] div[role="listitem"]',
  /** A message's sender: the name as text, the address in `title`. */
  sender: 'span.OZZZK[title]',
  date: '[data-testid="SentReceivedSavedTime"]',
  /** A message's rendered body. */
  body: 'div[role="document"]',
  subject: 'div[data-app-section="ConversationContainer"] div[role="heading"][aria-level="2"]',
  /** The Reply button of a message; its `name` is not translated (unlike its label). */
  replyButton: 'button[name="Reply"]',

  /** One compose (new message, reading-pane reply, pop-out): recipients, subject and body live under it. */
  composeRoot: 'div[id^="docking_InitVisiblePart_"]',
  /** The body editor: the contenteditable inside `editorParent_N` (recipient fields are contenteditable too). */
  composeBody: 'div[id^="editorParent_"] > div[role="textbox"][contenteditable="true"]',
  /** A recipient field (To first, then Cc and Bcc) and one resolved recipient in it, its address in `title`. */
  recipientField: 'div[role="textbox"][contenteditable="true"]',
  recipient: 'span[title*="@"]',
  /** A new message's subject box (Fluent UI's own class, stable across Outlook's builds). */
  subjectBox: 'input.fui-Input__input',
  /**
   * What Outlook writes into a body that is not the rep's text: the signature, the marker before a reply's quoted
   * history, the history's header block, and the container newer builds wrap the history in.
   */
  notTheRepsText: '#Signature, #appendonsend, #divRplyFwdMsg, #mail-editor-reference-message-container',
} as const;

/** A compose popped out into a window of its own: Outlook's deep-link compose page or a `popoutv2` page. */
function isPopOut(doc: Document): boolean {
  const href = doc.location?.href;
  if (!href) return false;
  const url = new URL(href);
  return url.pathname.includes('/deeplink/compose') || url.searchParams.get('popoutv2') === '1';
}

const outlookDom: MailDom = {
  composeBody: OUTLOOK.composeBody,
  composeLike: OUTLOOK.composeRoot,
  notTheRepsText: OUTLOOK.notTheRepsText,
  subjectBox: OUTLOOK.subjectBox,
  composeRootOf: (body) => closestOf(body, [OUTLOOK.composeRoot]),
  composeRootAround(element) {
    const root = closestOf(element, [OUTLOOK.composeRoot]);
    return root?.querySelector(OUTLOOK.composeBody) ? root : null;
  },
  composeKind(root) {
    if (isPopOut(root.ownerDocument)) return 'window';
    return root.closest(OUTLOOK.conversation) ? 'inline' : 'pane';
  },
  isReply: (root) => root.closest(OUTLOOK.conversation) !== null || root.querySelector('#appendonsend, #divRplyFwdMsg') !== null,
  subjectOf(root) {
    const box = root.querySelector<HTMLInputElement>(OUTLOOK.subjectBox);
    if (box) return box.value;
    // A reading-pane reply has no subject box: it goes out with the conversation's subject.
    return root.closest(OUTLOOK.conversation)?.querySelector(OUTLOOK.subject)?.textContent?.trim() ?? '';
  },
  recipientsOf(root) {
    const to = [...root.querySelectorAll(OUTLOOK.recipientField)].find((field) => !field.matches(OUTLOOK.composeBody));
    return to ? [...to.querySelectorAll(OUTLOOK.recipient)].map((chip) => chip.getAttribute('title') ?? '').filter(Boolean) : [];
  },

  messagesIn: (root) => [...root.querySelectorAll(OUTLOOK.message)].filter((item) => item.querySelector(OUTLOOK.body) && !item.closest(OUTLOOK.composeRoot)),
  senderOf(message) {
    const sender = message.querySelector(OUTLOOK.sender);
    return sender ? { name: sender.textContent?.trim() ?? '', email: sender.getAttribute('title') ?? '' } : null;
  },
  dateOf: (message) => message.querySelector(OUTLOOK.date)?.textContent?.trim() ?? '',
  bodyOf: (message) => message.querySelector(OUTLOOK.body),
  threadSubject: OUTLOOK.subject,
  replyButtonOf: (message) => message.querySelector<HTMLElement>(OUTLOOK.replyButton),
};

const isOutlookHost = (host: string): boolean => (OUTLOOK_HOSTS as readonly string[]).includes(host);

export const outlook: MailClient = {
  name: 'Outlook',
  hosts: OUTLOOK_HOSTS,
  matches: OUTLOOK_HOSTS.map((host) => `https://${host}/*`),
  dom: outlookDom,
  // Outlook's deep link opens a new message prefilled, on the account of the tab's host.
  composeUrl(tabUrl, draft) {
    let host: string = OUTLOOK_HOSTS[0];
    try {
      const tabHost = tabUrl ? new URL(tabUrl).hostname : '';
      if (isOutlookHost(tabHost)) host = tabHost;
    } catch {
      // Not a URL: the default host.
    }
    const params = new URLSearchParams();
    if (draft.to?.length) params.set('to', draft.to.join(';'));
    if (draft.subject) params.set('subject', draft.subject);
    if (draft.body) params.set('body', draft.body);
    return `https://${host}/mail/deeplink/compose?${params.toString().replace(/\+/g, '%20')}`;
  },
  // The item id in `…/mail/inbox/id/AAQk…` (and `/mail/0/inbox/id/…` on outlook.live.com).
  conversationIdOf(url) {
    const match = /\/id\/([^/?#]+)/.exec(url.pathname);
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  },
};
