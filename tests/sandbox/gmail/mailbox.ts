/**
 * The mailboxes the Gmail fake serves: two accounts (/mail/u/0/ and /mail/u/1/). The first thread of account 0 is from
 * the seeded Salesforce contact Dana Whitfield about the Umbrella Health renewal; the second is from someone the org
 * does not know (for Extract to Lead). Account 1 also holds a thread in German from Dana (a reply answers in German).
 */

export interface MailMessage {
  /** Gmail's `data-message-id` value (`#msg-f:…`). */
  messageId: string;
  /** Gmail's `data-legacy-message-id` value (hex). */
  legacyId: string;
  fromName: string;
  fromEmail: string;
  to: string;
  /** As Gmail shows it in the message header. */
  date: string;
  /** Plain text; paragraphs separated by blank lines. */
  body: string;
}

export interface MailThread {
  /** The id in `#inbox/<threadId>`. */
  threadId: string;
  /** Gmail's `data-thread-perm-id` value (`thread-f:…`). */
  permId: string;
  subject: string;
  unread: boolean;
  /** As the inbox list shows it. */
  listDate: string;
  messages: MailMessage[];
}

export interface MailAccount {
  index: number;
  email: string;
  name: string;
  /** Lines of the account's signature. */
  signature: string[];
  threads: MailThread[];
}

export const DANA = { name: 'Dana Whitfield', email: 'dana.whitfield@umbrellahealth.example' } as const;

const DANA_BODY = `Hi Sam,

Thanks for the call on Tuesday. Before we sign the renewal I need a revised quote for 240 seats, starting March 1, 2027. Our CFO, Priya Nair, wants it on her desk by November 28.

Could you also loop in your implementation lead? We are adding the Boston clinic in the spring and will need onboarding for about 60 new users.

Best,
Dana Whitfield
Director of Operations, Umbrella Health
+1 (617) 555-0142`;

const MARCUS_BODY = `Hello Sam,

Jordan Blake at Initech suggested I reach out. I run revenue operations at Northwind Traders (about 1,200 employees, Chicago) and we are evaluating tools for our 85-person sales team.

Could we set up a 30-minute call next week? I am free Wednesday or Thursday afternoon.

Thanks,
Marcus Lee
VP Revenue Operations, Northwind Traders
marcus.lee@northwind.example | +1 (312) 555-0199`;

/** Dana writing in German to the partner mailbox: a reply to it is drafted in German (the thread's language). */
const DANA_GERMAN_BODY = `Hallo Sam,

vielen Dank für das Gespräch am Dienstag. Bevor wir die Verlängerung unterschreiben, brauchen wir ein neues Angebot für 240 Lizenzen ab dem 1. März 2027. Können Sie uns das bis Ende November schicken?

Viele Grüße
Dana Whitfield`;

export const ACCOUNTS: readonly MailAccount[] = [
  {
    index: 0,
    email: 'sam@acme.example',
    name: 'Sam Rivera',
    signature: ['Sam Rivera', 'Account Executive, Acme', '+1 (415) 555-0100'],
    threads: [
      {
        threadId: 'FMfcgzQbgRnJxWvTkLpDsHcMqZtYwBnV',
        permId: 'thread-f:1816392047720385521',
        subject: 'Umbrella Health renewal: revised quote for 2027',
        unread: true,
        listDate: 'Nov 17',
        messages: [
          {
            messageId: '#msg-f:1816392047720385521',
            legacyId: '193504a1c2d3e4f1',
            fromName: DANA.name,
            fromEmail: DANA.email,
            to: 'sam@acme.example',
            date: 'Tue, Nov 17, 2026, 9:12 AM',
            body: DANA_BODY,
          },
        ],
      },
      {
        threadId: 'FMfcgzQbgSpKyXwUlMqEtJdNrAuZxCoW',
        permId: 'thread-f:1816401159932004417',
        subject: 'Intro from Jordan: Northwind Traders sales tooling',
        unread: false,
        listDate: 'Nov 16',
        messages: [
          {
            messageId: '#msg-f:1816401159932004417',
            legacyId: '1935059e8f7a6b41',
            fromName: 'Marcus Lee',
            fromEmail: 'marcus.lee@northwind.example',
            to: 'sam@acme.example',
            date: 'Mon, Nov 16, 2026, 4:47 PM',
            body: MARCUS_BODY,
          },
        ],
      },
    ],
  },
  {
    index: 1,
    email: 'sam.rivera@acme-partners.example',
    name: 'Sam Rivera',
    signature: ['Sam Rivera', 'Partner Programs, Acme'],
    threads: [
      {
        threadId: 'FMfcgzQbhTqLzYxVmNrFuKeOsBvAyDpX',
        permId: 'thread-f:1816455502118830029',
        subject: 'Q4 partner enablement schedule',
        unread: true,
        listDate: 'Nov 15',
        messages: [
          {
            messageId: '#msg-f:1816455502118830029',
            legacyId: '19350b7c6d5e4f3d',
            fromName: 'Alex Chen',
            fromEmail: 'alex.chen@globex.example',
            to: 'sam.rivera@acme-partners.example',
            date: 'Sun, Nov 15, 2026, 11:02 AM',
            body: `Hi Sam,

Here is the enablement schedule we discussed: two sessions in the week of December 7.

Alex`,
          },
        ],
      },
      {
        threadId: 'FMfcgzQbhUrMaZyWnOsGvLfPtCwBzEqY',
        permId: 'thread-f:1816460021934417702',
        subject: 'Verlängerung: neues Angebot für 2027',
        unread: true,
        listDate: 'Nov 14',
        messages: [
          {
            messageId: '#msg-f:1816460021934417702',
            legacyId: '19350c1a2b3c4d5e',
            fromName: DANA.name,
            fromEmail: DANA.email,
            to: 'sam.rivera@acme-partners.example',
            date: 'Sat, Nov 14, 2026, 8:30 AM',
            body: DANA_GERMAN_BODY,
          },
        ],
      },
    ],
  },
];
