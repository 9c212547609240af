/**
 * Gmail's DOM, in one place. Class names are obfuscated and change every few months; each selector says what it means
 * so that a change in Gmail is a one-line fix here. Attributes that carry meaning are preferred over classes, and
 * translated attributes (aria-label, placeholder, tooltips) are never used: the rep's Gmail may not be in English.
 */
export const GMAIL = {
  /** A message of the open thread; the last one is the newest. */
  message: '[data-message-id]',
  /** A message's sender, with `email` and `name` attributes. */
  sender: 'span.gD[email]',

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
  /** Anything that looks like a compose, recognised or not: used to tell "Gmail changed" from "nothing open". */
  composeLike: '.M9, [role="dialog"], .ip.adB',

  /** A new message's visible subject box. Inline replies have only the hidden `subject` input: never set that. */
  subjectBox: 'input[name="subjectbox"]',
  /** The hidden subject every compose posts (an inline reply's "Re: …"). Read only. */
  hiddenSubject: 'input[name="subject"]',
  /** A recipient field (2021+ markup): `name` is to, cc or bcc. */
  recipientField: (field: 'to' | 'cc' | 'bcc') => `div.anm[name="${field}"]`,
  /** One recipient chip in a recipient field; `data-hovercard-id` holds the address. */
  recipientChip: 'div[role="option"][data-hovercard-id]',

  /**
   * The parts of a body that are not the rep's message: the signature (with or without its "-- " prefix line) and the
   * quoted text of a reply (revealed by the "…" button, `.ajR`). Drafts go above the first of them, never inside.
   */
  notTheRepsText: '.gmail_signature_prefix, .gmail_signature, div.gmail_quote, blockquote.gmail_quote',
} as const;

/** Gmail's account index or address in `/mail/u/<account>/`; null when the URL has none (then Gmail means 0). */
export function gmailAccountOf(url: string): string | null {
  try {
    const { hostname, pathname } = new URL(url);
    if (hostname !== 'mail.google.com') return null;
    const match = /^\/mail\/u\/([^/]+)\//.exec(pathname);
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}
