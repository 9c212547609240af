/**
 * "Create contact" in the background against the sandbox org: the review proposes what the email says of its sender,
 * confirming writes exactly the ticked values once (a second click writes nothing more), the audit trail records each
 * field with the rep's decision and the record written, and Undo deletes the contact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactFlow } from '../../../lib/features/mail/contact-flow';
import { EMPTY_STATE, MailEvent, type MailState } from '../../../lib/features/mail/messages';
import type { OpenThread } from '../../../lib/features/mail/thread';
import { ACME } from '../../sandbox/salesforce/seed';
import { freshLog } from '../audit/audit-harness';
import { memoryStore } from '../memory-store';
import { startSandboxClients, type SandboxClients } from '../salesforce/org-client-harness';
import { API_HOST, q } from '../sandbox/salesforce-client';

const MARCUS = { name: 'Marcus Lee', email: 'marcus.lee@northwind.example' };
const THREAD: OpenThread = {
  subject: 'Intro from Jordan',
  messages: [{ from: MARCUS.name, email: MARCUS.email, date: 'Mon', body: 'Hello Sam,\nCould we talk next week?\n\nThanks,\nMarcus Lee\nVP Revenue Operations, Northwind Traders\n+1 (312) 555-0199' }],
};
const WINDOW = 3;

let sandbox: SandboxClients;
beforeAll(async () => {
  sandbox = await startSandboxClients();
});
afterAll(async () => {
  await sandbox.close();
});

function setup() {
  let state: MailState = EMPTY_STATE;
  const audit = freshLog();
  const written: string[] = [];
  const flow = new ContactFlow({
    orgs: { current: async () => ({ api: sandbox.client(), apiHost: API_HOST, orgId: sandbox.org.sf.primary.sid.slice(0, 15) }) },
    update: async (_windowId, change) => (state = await change(state)),
    sendState: (panel, next) => panel.send({ type: 'state', state: next }),
    now: () => new Date('2026-11-21T10:00:00.000Z'),
    newId: () => 'commit-1',
    ledgerStore: memoryStore(),
    auditLog: audit.log,
    unknownSender: async () => MARCUS,
    readThread: async () => THREAD,
    senderWritten: async (email) => {
      written.push(email);
    },
  });
  const panel = { windowId: WINDOW, send: (event: unknown) => MailEvent.parse(event) };
  return { flow, panel, audit, written, state: () => state };
}

async function contactsOf(email: string): Promise<Record<string, unknown>[]> {
  return (await sandbox.org.send('GET', q(`SELECT Id, FirstName, LastName, Email, Title, Phone, AccountId FROM Contact WHERE Email = '${email}'`))).json<{ records: Record<string, unknown>[] }>().records;
}

describe('Create contact, in the background', () => {
  it('writes the ticked values once on the matched account, audits each field with its decision, and Undo deletes the contact', async () => {
    const { flow, panel, audit, written, state } = setup();
    await flow.handle({ type: 'contact-propose' }, panel);
    const review = state().contact;
    if (review.kind !== 'review') throw new Error(`no review: ${JSON.stringify(review)}`);
    expect(review.account.account?.id).toBe(ACME.accounts.northwind.id);
    expect(review.review.cards[0]?.rows.map((row) => [row.field, row.checked, row.evidenceStatus])).toEqual([
      ['FirstName', true, 'ok'],
      ['LastName', true, 'ok'],
      ['Email', true, 'ok'],
      ['Phone', true, 'ok'],
      ['Title', true, 'ok'],
    ]);

    await flow.handle({ type: 'contact-change', change: { type: 'check', cardId: 'contact', field: 'Phone', checked: false } }, panel);
    await Promise.all([flow.handle({ type: 'contact-confirm' }, panel), flow.handle({ type: 'contact-confirm' }, panel)]);
    const created = state().contact;
    if (created.kind !== 'created') throw new Error(`not created: ${JSON.stringify(created)}`);
    expect(await contactsOf(MARCUS.email)).toEqual([
      expect.objectContaining({ Id: created.contactId, FirstName: 'Marcus', LastName: 'Lee', Title: 'VP Revenue Operations', Phone: null, AccountId: ACME.accounts.northwind.id }),
    ]);
    expect(written).toEqual([MARCUS.email]);

    const writes = (await audit.log.query()).filter((entry) => entry.feature === 'write');
    expect(writes.map((entry) => [JSON.stringify(entry.write?.after), entry.outcome, entry.recordId])).toEqual([
      [JSON.stringify({ FirstName: 'Marcus' }), 'accepted', created.contactId],
      [JSON.stringify({ LastName: 'Lee' }), 'accepted', created.contactId],
      [JSON.stringify({ Email: MARCUS.email }), 'accepted', created.contactId],
      [JSON.stringify({}), 'rejected', created.contactId],
      [JSON.stringify({ Title: 'VP Revenue Operations' }), 'accepted', created.contactId],
    ]);

    await flow.handle({ type: 'contact-undo' }, panel);
    expect(state().contact.kind).toBe('undone');
    expect(await contactsOf(MARCUS.email)).toEqual([]);
  });
});
