/**
 * "Draft reply" to a known sender, grounded in what the mail card shows: the sender's Contact, its Account, the
 * account's open opportunities and its open cases, read from the sandbox org. The prompt carries each of them, and the
 * grounding check accepts a reply that states their figures and flags one it makes up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareReply, replyClaims, type PreparedReply } from '../../../lib/features/mail/reply';
import type { OpenThread } from '../../../lib/features/mail/thread';
import type { RecordGraph } from '../../../lib/salesforce/record-graph';
import { ACME } from '../../sandbox/salesforce/seed';
import { startSandboxClients, type SandboxClients } from '../salesforce/org-client-harness';

const { contacts, accounts, opportunities, cases } = ACME;
const DANA = { objectName: 'Contact' as const, recordId: contacts.dana.id, name: contacts.dana.name, email: 'dana@umbrellahealth.example' };
const THREAD: OpenThread = {
  subject: 'Umbrella Health renewal',
  messages: [{ from: DANA.name, email: DANA.email, date: 'Tue, Nov 17, 2026', body: 'Hi Sam,\nWhere are we on the revised quote? Our clinicians still cannot sign in, too.\nDana' }],
};

let sandbox: SandboxClients;
let graph: RecordGraph;
let prepared: PreparedReply;
beforeAll(async () => {
  sandbox = await startSandboxClients();
  graph = await sandbox.client().context({ recordId: contacts.dana.id, sobject: 'Contact' });
  prepared = prepareReply({ graph, thread: THREAD, person: DANA, instruction: '', now: new Date(), rules: { deniedFields: [], patterns: [] } });
});
afterAll(async () => {
  await sandbox.close();
});

const caseNumberOf = (id: string): string => {
  const record = graph.related.flatMap((list) => list.records).find((item) => item.id === id);
  return String(record?.fields.CaseNumber ?? '');
};

describe('a reply to a known sender', () => {
  it('is asked for with the sender’s account, its open opportunities and the account’s open cases in its context', () => {
    expect(prepared.userText).toContain(accounts.umbrella.name);
    expect(prepared.userText).toContain(opportunities.umbrellaRenewal.name);
    expect(prepared.userText).toContain(opportunities.umbrellaPlatform.name);
    expect(prepared.userText).toContain('SSO login failures for clinicians');
    expect(caseNumberOf(cases.umbrellaSso.id)).not.toBe('');
    expect(prepared.userText).toContain(caseNumberOf(cases.umbrellaSso.id));
  });

  it('passes the grounding check when it states the account’s figures, and is flagged for an amount it makes up', () => {
    const caseNumber = caseNumberOf(cases.umbrellaSso.id);
    const grounded = `Hi Dana,\nThe renewal stands at $288,000 and case ${caseNumber} on the SSO failures is escalated.\nSam`;
    expect(replyClaims(grounded, prepared)).toEqual([]);
    const invented = `Hi Dana,\nThe renewal stands at $312,500.\nSam`;
    expect(replyClaims(invented, prepared).map((claim) => claim.text)).toEqual(['$312,500']);
  });
});
