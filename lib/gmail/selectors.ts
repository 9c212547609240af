/**
 * Gmail's DOM, in one place. Class names are obfuscated and change every few months; each selector says what it means
 * so that a change in Gmail is a one-line fix here.
 */
export const GMAIL = {
  /** A message of the open thread; the last one is the newest. */
  message: '[data-message-id]',
  /** A message's sender, with `email` and `name` attributes. */
  sender: 'span.gD[email]',
} as const;
