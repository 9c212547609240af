import { MailSender } from '../../messaging/mail-sender';
import { GMAIL } from './selectors';

/** The sender of the newest message in the open thread, or null when no thread is open (inbox, search…). */
export function openMessageSender(root: ParentNode): MailSender | null {
  // Gmail keeps threads opened earlier in the page, hidden: only the one on screen counts.
  const messages = [...root.querySelectorAll(GMAIL.message)].filter((message) => message.getClientRects().length > 0);
  const newest = messages[messages.length - 1];
  const sender = newest?.querySelector(GMAIL.sender);
  const parsed = MailSender.safeParse({ email: sender?.getAttribute('email') ?? '', name: sender?.getAttribute('name') ?? '' });
  return parsed.success ? parsed.data : null;
}
