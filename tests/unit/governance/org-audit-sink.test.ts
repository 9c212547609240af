import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OrgAuditSink, orgAuditStatus } from '../../../lib/features/governance/org-audit';
import type { OrgAuditSinkDeps } from '../../../lib/features/governance/org-audit/sink';
import { memoryStore } from '../memory-store';
import { startSandboxClients, type SandboxClients } from '../salesforce/org-client-harness';
import { freshLog, generation } from '../audit/audit-harness';
import { q, V } from '../sandbox/salesforce-client';

const OBJECT = 'Groundwork_AI_Event__c';
let sandbox: SandboxClients;

beforeAll(async () => {
  sandbox = await startSandboxClients();
});
afterAll(async () => {
  await sandbox.close();
});

async function assign(permissionSet: string, username: string): Promise<void> {
  const { org } = sandbox;
  const set = (await org.send('GET', q(`SELECT Id FROM PermissionSet WHERE Name = '${permissionSet}'`))).json<{ records: { Id: string }[] }>().records[0]?.Id;
  const user = (await org.send('GET', q(`SELECT Id FROM User WHERE Username = '${username}'`))).json<{ records: { Id: string }[] }>().records[0]?.Id;
  await org.send('POST', `${V}/sobjects/PermissionSetAssignment`, { body: { AssigneeId: user, PermissionSetId: set } });
}

/** What the org holds, read as an admin with the admin permission set. */
async function orgEvents(): Promise<Record<string, unknown>[]> {
  const reply = await sandbox.org.send('GET', q(`SELECT Event_Id__c, Outcome__c, Edit_Distance__c, Approved__c, Prompt_Text__c, Chain_Hash__c, Owner.Name FROM ${OBJECT} ORDER BY Chain_Seq__c`));
  return reply.json<{ records: Record<string, unknown>[] }>().records;
}

const upsertRequests = () => sandbox.apiRequests().filter((entry) => entry.method === 'PATCH' && entry.path.includes('/composite/sobjects/'));

function setUp(options: { content?: 'metadata' | 'redacted-text'; enabled?: boolean } = {}) {
  const { log } = freshLog();
  const store = memoryStore();
  const sam = sandbox.org.sf.primary.restrictedSid;
  const orgId = sandbox.org.sf.primary.orgId;
  const deps: OrgAuditSinkDeps = {
    log,
    store,
    policy: async () => ({ enabled: options.enabled ?? true, content: options.content ?? 'metadata' }),
    redact: async () => (text) => text.replace(/\d{3}-\d{2}-\d{4}/g, '[SSN]'),
    clientFor: async (id) => (id === orgId ? sandbox.client(sam) : null),
    now: () => new Date('2026-11-21T17:00:00Z'),
  };
  const record = (overrides: Parameters<typeof generation>[0] = {}) => log.record(generation({ orgId, user: { id: sandbox.org.sf.primary.users.restricted.id }, ...overrides }));
  return { log, store, sink: new OrgAuditSink(deps), record };
}

describe('the org audit sink', () => {
  beforeEach(async () => {
    sandbox.org.sf.reset();
    sandbox.org.sf.deploy('acme');
    await assign('Groundwork_AI_Admin', sandbox.org.sf.primary.users.full.username);
  });

  it('tells the rep once that the org refuses their events, keeps them, and sends them once the permission set is assigned', async () => {
    const { sink, record } = setUp();
    const first = await record();
    await sink.flush();
    expect((await sink.state())?.denied?.message).toMatch(/"Groundwork AI User" permission set/);
    await record();
    await sink.flush();
    // Activity does not knock on a refusing org again: only the alarm does.
    expect(upsertRequests()).toHaveLength(1);
    await assign('Groundwork_AI_User', sandbox.org.sf.primary.users.restricted.username);
    await sink.flush({ retryDenied: true });
    const events = await orgEvents();
    expect(events.map((event) => event.Event_Id__c)).toContain(first.id);
    expect(events).toHaveLength(2);
    expect((await sink.state())?.denied).toBeNull();
  });

  it('folds outcomes and edit distance into the entry\'s event, one event per entry however often it is resent', async () => {
    await assign('Groundwork_AI_User', sandbox.org.sf.primary.users.restricted.username);
    const { sink, record, log } = setUp();
    const entry = await record();
    await sink.flush();
    await log.updateOutcome(entry.id, 'edited', { editDistance: 12 });
    await sink.flush();
    await sink.flush();
    const events = await orgEvents();
    expect(events).toMatchObject([{ Event_Id__c: entry.id, Outcome__c: 'edited', Edit_Distance__c: 12, Approved__c: 1, Owner: { Name: 'Sam Lee' } }]);
  });

  it('sends 1,000 waiting entries in five requests of 200, and a resend after a lost answer duplicates nothing', async () => {
    await assign('Groundwork_AI_User', sandbox.org.sf.primary.users.restricted.username);
    const { sink, record, store } = setUp();
    for (let i = 0; i < 1000; i += 1) await record();
    sandbox.org.sf.clearLog();
    await sink.flush();
    expect(upsertRequests()).toHaveLength(5);
    expect((await orgEvents())).toHaveLength(1000);
    // As if the answers had been lost: the cursor goes back, and everything is sent again.
    await store.set('org-audit:state', { ...(await store.get('org-audit:state') as object), sentThroughSeq: -1 });
    await sink.flush();
    expect(await orgEvents()).toHaveLength(1000);
  }, 60_000);

  it('waits while the org is unreachable and loses nothing', async () => {
    await assign('Groundwork_AI_User', sandbox.org.sf.primary.users.restricted.username);
    const { sink, record } = setUp();
    sandbox.org.sf.injectFault({ kind: 'drop-connection', times: 1 });
    await record();
    await sink.flush();
    expect((await sink.state())?.waiting).toBeTruthy();
    expect(await orgEvents()).toHaveLength(0);
    await sink.flush();
    expect(await orgEvents()).toHaveLength(1);
    expect((await sink.state())?.waiting).toBeNull();
  });

  it('sends the prompt and response only when the policy asks, redacted as for the model', async () => {
    await assign('Groundwork_AI_User', sandbox.org.sf.primary.users.restricted.username);
    const withText = setUp({ content: 'redacted-text' });
    await withText.record({ id: 'with-text', sent: 'SSN 123-45-6789 on file' });
    await withText.sink.flush();
    const metadataOnly = setUp();
    await metadataOnly.record({ id: 'metadata-only', sent: 'plain' });
    await metadataOnly.sink.flush();
    expect((await orgEvents()).map((event) => event.Prompt_Text__c)).toEqual(['SSN [SSN] on file', null]);
  });

  it('does nothing while the policy is off', async () => {
    const { sink, record } = setUp({ enabled: false });
    await record();
    sandbox.org.sf.clearLog();
    await sink.flush();
    expect(upsertRequests()).toHaveLength(0);
    expect(await sink.state()).toBeNull();
  });
});

describe('what the options page shows of the sink', () => {
  beforeEach(async () => {
    sandbox.org.sf.reset();
    sandbox.org.sf.deploy('acme');
    await assign('Groundwork_AI_User', sandbox.org.sf.primary.users.restricted.username);
  });

  it('counts the events waiting per org (an entry once, its outcomes included), none once an org has them, and why the rest wait', async () => {
    const { sink, record, log, store } = setUp();
    const orgId = sandbox.org.sf.primary.orgId;
    const sent = await record();
    await sink.flush();
    await log.updateOutcome(sent.id, 'accepted');
    await record();
    await record({ orgId: '00D000000000OTHER' });
    await log.record(generation({ orgId: undefined }));
    const before = await orgAuditStatus(log, store);
    expect(before.waiting).toEqual([
      { orgId, events: 2 },
      { orgId: '00D000000000OTHER', events: 1 },
    ]);
    expect(before.state?.sent).toBe(1);
    // The other org has no session in this browser: its event waits, with the reason.
    await sink.flush();
    const after = await orgAuditStatus(log, store);
    expect(after.waiting).toEqual([{ orgId: '00D000000000OTHER', events: 1 }]);
    expect(after.state).toMatchObject({ sent: 3, waiting: 'Not logged in to the Salesforce org these events belong to.' });
  });
});
