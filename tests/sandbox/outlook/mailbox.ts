/**
 * The mailbox Outlook on the web serves: the same two conversations as the Gmail fake's first account (Dana Whitfield,
 * a seeded Salesforce contact, about the Umbrella Health renewal; Marcus Lee, whom the org does not know), with
 * Outlook's own item ids and date format. Work accounts are on outlook.office.com and outlook.office365.com, the
 * personal one on outlook.live.com (whose addresses carry the account index, `/mail/0/`).
 */
import { ACCOUNTS } from '../gmail/mailbox';

export interface OutlookMessage {
  /** Exchange's item id as Outlook puts it in addresses (`/mail/inbox/id/<itemId>`). */
  itemId: string;
  fromName: string;
  fromEmail: string;
  toName: string;
  toEmail: string;
  /** As the reading pane shows it: "Tue 11/17/2026 9:12 AM". */
  date: string;
  subject: string;
  body: string;
}

export interface OutlookConversation {
  /** `data-convid` of the list item. */
  conversationId: string;
  subject: string;
  unread: boolean;
  messages: OutlookMessage[];
}

export interface OutlookAccount {
  email: string;
  name: string;
  /** Lines of the signature Outlook adds to a new message and a reply. */
  signature: string[];
  conversations: OutlookConversation[];
}

const OUTLOOK_DATE = /^\w{3}, (\w{3}) (\d{1,2}), (\d{4}), (.+)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue, Nov 17, 2026, 9:12 AM" → "Tue 11/17/2026 9:12 AM", as Outlook writes a date in the reading pane (en-US). */
function outlookDate(gmailDate: string): string {
  const match = OUTLOOK_DATE.exec(gmailDate);
  if (!match) return gmailDate;
  const [, month = '', day = '', year = '', time = ''] = match;
  return `${gmailDate.slice(0, 3)} ${MONTHS.indexOf(month) + 1}/${day}/${year} ${time}`;
}

/** An item id in Exchange's shape (base64 of a long binary id, `=`-padded); stable per message. */
function itemIdOf(seed: string): string {
  return `AAQkADAwATM0MDAAMS0x${Buffer.from(seed).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`;
}

const source = ACCOUNTS[0];

export const OUTLOOK_ACCOUNT: OutlookAccount = {
  email: 'sam@acme.example',
  name: 'Sam Rivera',
  signature: ['Sam Rivera', 'Account Executive, Acme', '+1 (415) 555-0100'],
  conversations: (source?.threads ?? []).map((thread) => ({
    conversationId: itemIdOf(`conversation:${thread.threadId}`),
    subject: thread.subject,
    unread: thread.unread,
    messages: thread.messages.map((message) => ({
      itemId: itemIdOf(`item:${message.messageId}`),
      fromName: message.fromName,
      fromEmail: message.fromEmail,
      toName: 'Sam Rivera',
      toEmail: message.to,
      date: outlookDate(message.date),
      subject: thread.subject,
      body: message.body,
    })),
  })),
};
