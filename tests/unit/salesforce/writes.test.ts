import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  attachDuplicates,
  buildLeadReview,
  buildReview,
  createInstead,
  LeadProposal,
  updateExisting,
  duplicateCandidates,
  editRow,
  loadWriteDescribes,
  findDuplicates,
  setRowChecked,
  type NoteProposal,
  type RecordInView,
  type Review,
  type WriteDescribes,
  type WriteValue,
} from '../../../lib/proposals';
import { problem, toSalesforceProblem } from '../../../lib/salesforce/problems';
import { commitReview, type CommitOutcome } from '../../../lib/proposals/commit';
import { createRecords, createTree } from '../../../lib/salesforce/bulk-create';
import { fieldTypesOf } from '../../../lib/salesforce/commit';
import { memoryLedger, type CommitLedger } from '../../../lib/salesforce/ledger';
import { undoCommit } from '../../../lib/salesforce/undo';
import { Committed } from '../../../lib/salesforce/write-plan';
import type { WriteApi } from '../../../lib/salesforce/write-request';
import { commitUpdates, readExisting } from '../../../lib/features/extract-lead/existing';
import { SalesforceRequestError } from '../../../lib/salesforce/transport';
import { ACME } from '../../sandbox/salesforce/seed';
import { API_HOST, START, V, q } from '../sandbox/salesforce-client';
import { startSandboxClients, type SandboxClients } from './org-client-harness';

// The browser build of jsforce, as the extension bundles it (see org-client-harness.ts for why).

let sandbox: SandboxClients;
beforeAll(async () => {
  sandbox = await startSandboxClients();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.org.sf.reset();
  sandbox.org.clock.now = START;
});

/**
 * The WriteApi an OrgClient gives: its composite() plus `request`, written here as OrgClient.request should be. Not
 * through jsforce's connection.request: its browser transport never settles when the connection drops (the fetch
 * rejection is lost), so a lost response would hang the commit instead of reaching the probe.
 */
function writeApi(sid = sandbox.org.sf.primary.sid): WriteApi {
  const client = sandbox.client(sid);
  return {
    apiVersion: client.apiVersion,
    composite: (subrequests) => client.composite(subrequests),
    request: async (method, path, body, headers = {}) => {
      let response: Response;
      try {
        response = await fetch(`https://${API_HOST}${path}`, {
          method,
          headers: { Authorization: `Bearer ${sid}`, 'Content-Type': 'application/json', ...headers },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch {
        throw problem('network');
      }
      const text = await response.text();
      const parsed: unknown = text === '' ? null : JSON.parse(text);
      if (!response.ok) throw toSalesforceProblem(Array.isArray(parsed) ? parsed[0] : parsed);
      return parsed;
    },
  };
}

const OPP = ACME.opportunities.globexExpansion.id;
const NOTE = `Call with Rosa today. Budget is approved at $520,000 and we moved to Proposal/Price Quote.
Rosa introduced Tom Becker, Controls Engineer, tom.becker@globex.example.
Follow up with Tom by next Tuesday with the sensor spec.`;

const PROPOSAL: NoteProposal = {
  activity: {
    subject: { value: 'Call with Rosa', evidence: 'Call with Rosa today' },
    description: { value: 'Budget approved at $520k; moved to proposal.', evidence: 'Budget is approved at $520,000' },
  },
  fieldUpdates: [
    { field: 'Amount', value: '520000', evidence: 'Budget is approved at $520,000' },
    { field: 'StageName', value: 'Proposal/Price Quote', evidence: 'we moved to Proposal/Price Quote' },
  ],
  newContacts: [
    {
      firstName: { value: 'Tom', evidence: 'Tom Becker' },
      lastName: { value: 'Becker', evidence: 'Tom Becker' },
      email: { value: 'tom.becker@globex.example', evidence: 'tom.becker@globex.example' },
      title: { value: 'Controls Engineer', evidence: 'Controls Engineer' },
    },
  ],
  followUps: [
    { subject: 'Send the sensor spec to Tom', dueDate: '2026-11-24', evidence: 'by next Tuesday with the sensor spec', contactName: 'Tom Becker' },
  ],
  namedOpportunities: [],
};

interface Row {
  [field: string]: unknown;
}

async function read(objectName: string, id: string): Promise<{ status: number; record: Row }> {
  const reply = await sandbox.org.send('GET', `${V}/sobjects/${objectName}/${id}`);
  return { status: reply.status, record: reply.status === 200 ? reply.json<Row>() : {} };
}

async function query(soql: string): Promise<Row[]> {
  return (await sandbox.org.send('GET', q(soql))).json<{ records: Row[] }>().records;
}

async function recordInView(): Promise<RecordInView> {
  const { record } = await read('Opportunity', OPP);
  return {
    id: OPP,
    objectName: 'Opportunity',
    name: String(record.Name),
    lastModifiedDate: String(record.LastModifiedDate),
    fields: record as RecordInView['fields'],
  };
}

let describes: WriteDescribes;
async function freshReview(): Promise<Review> {
  describes = await loadWriteDescribes(sandbox.client(), ['Task', 'Contact', 'Opportunity', 'Lead']);
  const review = buildReview(PROPOSAL, describes, await recordInView(), NOTE, new Date(sandbox.org.clock.now));
  // The rep confirms the amount but not the stage.
  return setRowChecked(review, 'update', 'StageName', false);
}

function commit(api: WriteApi, review: Review, key: string, ledger: CommitLedger = memoryLedger()): Promise<CommitOutcome> {
  return commitReview(api, review, {
    recordInView: review.record ? { id: review.record.id } : null,
    idempotencyKey: key,
    ledger,
    fieldType: fieldTypesOf(describes),
    clock: () => new Date(sandbox.org.clock.now),
  });
}

const compositePosts = (): number =>
  sandbox.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.endsWith('/composite') && entry.body.includes('"allOrNone":true')).length;

function committedOf(outcome: CommitOutcome): Committed {
  if (outcome.kind !== 'committed') throw new Error(`expected committed, got ${outcome.kind}: ${JSON.stringify(outcome).slice(0, 600)}`);
  return outcome.committed;
}

const tasksNamed = (subject: string): Promise<Row[]> => query(`SELECT Id, WhoId, WhatId FROM Task WHERE Subject = '${subject}'`);

describe('commitReview', () => {
  it('writes exactly what was confirmed, in one allOrNone composite request', async () => {
    const review = await freshReview();
    sandbox.org.sf.clearLog();
    const committed = committedOf(await commit(writeApi(), review, 'k1'));
    expect(compositePosts()).toBe(1);

    const opportunity = (await read('Opportunity', OPP)).record;
    expect(opportunity).toMatchObject({ Amount: 520_000, StageName: 'Negotiation/Review' });
    const [contact] = await query("SELECT Id, FirstName, LastName, Email, Title, AccountId FROM Contact WHERE Email = 'tom.becker@globex.example'");
    expect(contact).toMatchObject({ FirstName: 'Tom', LastName: 'Becker', Title: 'Controls Engineer', AccountId: ACME.accounts.globex.id });
    const [logged] = await query("SELECT Subject, Status, ActivityDate, WhatId, WhoId FROM Task WHERE Subject = 'Call with Rosa'");
    expect(logged).toMatchObject({ Status: 'Completed', ActivityDate: '2026-11-21', WhatId: OPP, WhoId: null });
    const [followUp] = await tasksNamed('Send the sensor spec to Tom');
    expect(followUp).toMatchObject({ WhoId: contact?.Id, WhatId: OPP });

    expect(committed.created.map((c) => c.itemId).sort()).toEqual(['activity', 'contact_0', 'follow_up_0']);
    expect(committed.updated).toEqual([
      expect.objectContaining({ id: OPP, fields: [{ field: 'Amount', before: 480_000, after: 520_000 }], lastModifiedDate: expect.any(String) }),
    ]);
  });

  it('writes nothing when Salesforce refuses one value, and puts its error on the row with the edits kept', async () => {
    let review = await freshReview();
    review = editRow(review, describes, 'contact_0', 'Title', 'Lead Controls Engineer');
    // Describe drift: a value our describe allowed but the org no longer does.
    review = {
      ...review,
      cards: review.cards.map((c) =>
        c.id === 'follow_up_0' ? { ...c, rows: c.rows.map((r) => (r.field === 'Subject' ? { ...r, value: 'x'.repeat(300) } : r)) } : c,
      ),
    };
    const outcome = await commit(writeApi(), review, 'k2');
    if (outcome.kind !== 'rejected') throw new Error(`expected rejected, got ${outcome.kind}`);
    const followUp = outcome.review.cards.find((c) => c.id === 'follow_up_0');
    expect(followUp?.rows.find((r) => r.field === 'Subject')?.error?.code).toBe('STRING_TOO_LONG');
    expect(outcome.review.cards.find((c) => c.id === 'contact_0')?.rows.find((r) => r.field === 'Title')).toMatchObject({
      proposed: 'Lead Controls Engineer',
      origin: 'rep',
    });

    expect((await read('Opportunity', OPP)).record.Amount).toBe(480_000);
    expect(await query("SELECT Id FROM Task WHERE Subject = 'Call with Rosa'")).toEqual([]);
    expect(await query("SELECT Id FROM Contact WHERE LastName = 'Becker'")).toEqual([]);
  });

  it('maps DUPLICATES_DETECTED to the contact card', async () => {
    const review = editRow(await freshReview(), describes, 'contact_0', 'Email', ACME.contacts.rosa.email);
    const outcome = await commit(writeApi(), review, 'k3');
    if (outcome.kind !== 'rejected') throw new Error(`expected rejected, got ${outcome.kind}`);
    expect(outcome.review.cards.find((c) => c.id === 'contact_0')?.error?.code).toBe('DUPLICATES_DETECTED');
    expect((await read('Opportunity', OPP)).record.Amount).toBe(480_000);
  });

  it('writes nothing when the record changed after the proposal, and shows the new values to confirm again', async () => {
    const review = await freshReview();
    sandbox.org.clock.now = START + 60_000;
    expect((await sandbox.org.send('PATCH', `${V}/sobjects/Opportunity/${OPP}`, { body: { Amount: 500_000 } })).status).toBe(204);

    const outcome = await commit(writeApi(), review, 'k4');
    if (outcome.kind !== 'record-changed') throw new Error(`expected record-changed, got ${outcome.kind}`);
    expect(outcome.changes).toEqual([{ field: 'Amount', label: 'Amount', before: 480_000, now: 500_000 }]);
    expect(await tasksNamed('Send the sensor spec to Tom')).toEqual([]);
    expect((await read('Opportunity', OPP)).record.Amount).toBe(500_000);

    const again = committedOf(await commit(writeApi(), outcome.review, 'k5'));
    expect(again.updated[0]?.fields).toEqual([{ field: 'Amount', before: 500_000, after: 520_000 }]);
    expect((await read('Opportunity', OPP)).record.Amount).toBe(520_000);
  });

  it('writes once on a double click, and answers a later click from the ledger', async () => {
    const review = await freshReview();
    const ledger = memoryLedger();
    sandbox.org.sf.clearLog();
    const [first, second] = await Promise.all([commit(writeApi(), review, 'k6', ledger), commit(writeApi(), review, 'k6', ledger)]);
    expect(committedOf(first)).toEqual(committedOf(second));
    const third = await commit(writeApi(), review, 'k6', ledger);
    expect(third).toMatchObject({ kind: 'committed', replayed: true });
    expect(compositePosts()).toBe(1);
    expect(await tasksNamed('Send the sensor spec to Tom')).toHaveLength(1);
  });

  it('finds the records of a commit whose answer was lost, instead of writing them again', async () => {
    const review = await freshReview();
    const api = writeApi();
    let lost = false;
    const losing: WriteApi = {
      ...api,
      request: async (...args) => {
        const answer = await api.request(...args);
        if (!lost) {
          lost = true; // written, but the answer never arrives
          throw problem('network');
        }
        return answer;
      },
    };
    const outcome = await commit(losing, review, 'k7');
    const committed = committedOf(outcome);
    expect(outcome).toMatchObject({ replayed: true });
    expect(await tasksNamed('Send the sensor spec to Tom')).toHaveLength(1);
    expect(committed.created.find((c) => c.itemId === 'contact_0')?.id).toMatch(/^003/);
    expect(committed.updated[0]?.fields).toEqual([{ field: 'Amount', before: 480_000, after: 520_000 }]);
  });

  it('sends again, once, when the connection dropped before the org wrote anything', async () => {
    const review = await freshReview();
    sandbox.org.sf.clearLog();
    sandbox.org.sf.injectFault({ kind: 'drop-connection', path: /\/composite$/, times: 1 });
    const committed = committedOf(await commit(writeApi(), review, 'k8'));
    expect(compositePosts()).toBe(2); // the dropped one, then the one sent after the probe found nothing
    expect(committed.created).toHaveLength(3);
    expect(await tasksNamed('Send the sensor spec to Tom')).toHaveLength(1);
    expect((await read('Opportunity', OPP)).record.Amount).toBe(520_000);
  });

  it('after a restart mid-commit ("sending" in the ledger), looks before sending', async () => {
    const review = await freshReview();
    const ledger = memoryLedger();
    committedOf(await commit(writeApi(), review, 'k9', ledger));
    await ledger.set('k9', { state: 'sending', startedAt: new Date(sandbox.org.clock.now).toISOString() });
    sandbox.org.sf.clearLog();
    expect(await commit(writeApi(), review, 'k9', ledger)).toMatchObject({ kind: 'committed', replayed: true });
    expect(compositePosts()).toBe(0);
    expect(await tasksNamed('Send the sensor spec to Tom')).toHaveLength(1);
  });
});

describe('undoCommit', () => {
  it('deletes what the commit created and restores what it changed, in one request, every subrequest guarded', async () => {
    const committed = committedOf(await commit(writeApi(), await freshReview(), 'u1'));
    expect([...committed.created, ...committed.updated].every((record) => typeof record.lastModifiedDate === 'string')).toBe(true);
    sandbox.org.sf.clearLog();
    const outcome = await undoCommit(writeApi(), committed);
    expect(outcome.kind).toBe('undone');
    expect(outcome.exchanges.map(({ action, objectName, recordId, httpStatusCode }) => ({ action, objectName, recordId, httpStatusCode }))).toEqual([
      ...committed.updated.map((record) => ({ action: 'restore', objectName: record.objectName, recordId: record.id, httpStatusCode: 204 })),
      ...[...committed.created].reverse().map((record) => ({ action: 'delete', objectName: record.objectName, recordId: record.id, httpStatusCode: 204 })),
    ]);
    expect(outcome.exchanges.every((exchange) => exchange.payload.httpHeaders?.['If-Unmodified-Since'] !== undefined)).toBe(true);
    expect(compositePosts()).toBe(1);
    expect((await read('Opportunity', OPP)).record.Amount).toBe(480_000);
    for (const created of committed.created) expect((await read(created.objectName, created.id)).status).toBe(404);
  });

  it('undoes nothing when someone changed the updated record since the commit, and names it', async () => {
    const committed = committedOf(await commit(writeApi(), await freshReview(), 'u2'));
    sandbox.org.clock.now = START + 120_000;
    await sandbox.org.send('PATCH', `${V}/sobjects/Opportunity/${OPP}`, { body: { NextStep: 'Someone else' } });
    const outcome = await undoCommit(writeApi(), committed);
    expect(outcome).toMatchObject({ kind: 'record-changed', records: [{ objectName: 'Opportunity', id: OPP }] });
    expect((await read('Opportunity', OPP)).record.Amount).toBe(520_000);
    for (const created of committed.created) expect((await read(created.objectName, created.id)).status).toBe(200);
  });

  it('deletes nothing when someone edited a record the commit created, and names it; their edit stays', async () => {
    const committed = committedOf(await commit(writeApi(), await freshReview(), 'u3'));
    const task = committed.created.find((record) => record.title === 'Call with Rosa');
    sandbox.org.clock.now = START + 120_000;
    await sandbox.org.send('PATCH', `${V}/sobjects/Task/${task?.id ?? ''}`, { body: { Description: 'Added by Rosa’s assistant' } });
    sandbox.org.sf.clearLog();
    expect(await undoCommit(writeApi(), committed)).toMatchObject({ kind: 'record-changed', records: [{ objectName: 'Task', id: task?.id, name: 'Call with Rosa' }] });
    expect(compositePosts()).toBe(0);
    expect((await read('Task', task?.id ?? '')).record.Description).toBe('Added by Rosa’s assistant');
    for (const created of committed.created) expect((await read(created.objectName, created.id)).status).toBe(200);
    expect((await read('Opportunity', OPP)).record.Amount).toBe(520_000);
  });

  it('is refused by Salesforce (412) when the record changes between the check and the write: nothing undone', async () => {
    const committed = committedOf(await commit(writeApi(), await freshReview(), 'u4'));
    const task = committed.created[0];
    const api = writeApi();
    // Someone saves the task right after the undo has read it, before its write arrives.
    const racing: WriteApi = {
      ...api,
      request: async (method, path, body, headers) => {
        sandbox.org.clock.now = START + 180_000;
        await sandbox.org.send('PATCH', `${V}/sobjects/${task?.objectName ?? ''}/${task?.id ?? ''}`, { body: { Description: 'Edited meanwhile' } });
        return api.request(method, path, body, headers);
      },
    };
    const outcome = await undoCommit(racing, committed);
    expect(outcome).toMatchObject({ kind: 'record-changed', records: [{ id: task?.id }] });
    expect(outcome.exchanges.find((exchange) => exchange.recordId === task?.id)?.httpStatusCode).toBe(412);
    expect((await read(task?.objectName ?? '', task?.id ?? '')).record.Description).toBe('Edited meanwhile');
    expect((await read('Opportunity', OPP)).record.Amount).toBe(520_000);
  });

  it('refuses, sending nothing, to undo a commit that does not know when its records last changed', async () => {
    const committed = committedOf(await commit(writeApi(), await freshReview(), 'u5'));
    // As a commit kept by an earlier version (no stamp on created records): read back through the schema.
    const earlier = Committed.parse({ ...committed, created: committed.created.map(({ lastModifiedDate: _stamp, ...record }) => record) });
    sandbox.org.sf.clearLog();
    const outcome = await undoCommit(writeApi(), earlier);
    expect(outcome).toMatchObject({ kind: 'unguarded', records: [...committed.created].reverse().map((record) => ({ id: record.id })) });
    expect(sandbox.apiRequests()).toEqual([]);
    for (const created of committed.created) expect((await read(created.objectName, created.id)).status).toBe(200);
  });
});

describe('createRecords', () => {
  it('creates 1,000 leads in 5 requests, reporting each record', async () => {
    const leads: Record<string, WriteValue>[] = Array.from({ length: 1000 }, (_, i) => ({ LastName: `Bulk${i}`, Company: 'Bulk Co', Email: `bulk${i}@bulk.example` }));
    leads[417] = { LastName: null, Company: 'Bulk Co', Email: 'broken@bulk.example' };
    sandbox.org.sf.clearLog();
    const results = await createRecords(writeApi(), 'Lead', leads);
    const posts = sandbox.apiRequests().filter((entry) => entry.path.endsWith('/composite/sobjects'));
    expect(posts).toHaveLength(5);
    expect(results).toHaveLength(1000);
    expect(results.filter((r) => r.ok)).toHaveLength(999);
    expect(results[417]).toMatchObject({ index: 417, ok: false, errors: [{ code: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }] });
    const count = (await sandbox.org.send('GET', q("SELECT COUNT() FROM Lead WHERE Company = 'Bulk Co'"))).json<{ totalSize: number }>();
    expect(count.totalSize).toBe(999);
  });
});

describe('findDuplicates', () => {
  it('finds existing Contacts and Leads by email and by name and company, in one request', async () => {
    sandbox.org.sf.clearLog();
    const found = await findDuplicates(sandbox.client(), [
      { key: 'a', firstName: 'Someone', lastName: 'Else', email: ACME.contacts.rosa.email.toUpperCase() },
      { key: 'b', firstName: 'Nadia', lastName: 'Kowalski', company: 'Vandelay Imports' },
      { key: 'c', firstName: 'Nobody', lastName: "O'Hara", company: 'Nowhere', email: "o'hara@nowhere.example" },
    ]);
    expect(sandbox.apiRequests()).toHaveLength(1);
    expect(found[0]?.matches).toEqual([expect.objectContaining({ objectName: 'Contact', id: ACME.contacts.rosa.id, matchedBy: 'email' })]);
    expect(found[1]?.matches).toEqual([expect.objectContaining({ objectName: 'Lead', id: ACME.leads.gmailSender.id, matchedBy: 'name-company' })]);
    expect(found[2]?.matches).toEqual([]);
  });

  it('attaches matches to the review\'s new-contact cards', async () => {
    const review = editRow(await freshReview(), describes, 'contact_0', 'Email', ACME.contacts.rosa.email);
    const withMatches = attachDuplicates(review, await findDuplicates(sandbox.client(), duplicateCandidates(review)));
    expect(withMatches.cards.find((c) => c.id === 'contact_0')?.duplicates.map((m) => m.id)).toEqual([ACME.contacts.rosa.id]);
  });
});

/** As OrgClient.request answers: a refusal rejects with Salesforce's body kept (a refused tree carries its results). */
function orgClientApi(sid = sandbox.org.sf.primary.sid): WriteApi {
  const base = writeApi(sid);
  return {
    ...base,
    request: async (method, path, body) => {
      const response = await fetch(`https://${API_HOST}${path}`, {
        method,
        headers: { Authorization: `Bearer ${sid}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const parsed: unknown = text === '' ? null : JSON.parse(text);
      if (!response.ok) throw new SalesforceRequestError(response.status, `HTTP_${response.status}`, 'refused', [], parsed);
      return parsed;
    },
  };
}

const treePosts = () => sandbox.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.endsWith('/composite/tree/Lead'));
const leadCount = async (company: string): Promise<number> =>
  (await sandbox.org.send('GET', q(`SELECT COUNT() FROM Lead WHERE Company = '${company}'`))).json<{ totalSize: number }>().totalSize;

describe('createTree', () => {
  it('creates 250 leads in two tree requests, each row with its id, in input order', async () => {
    const leads = Array.from({ length: 250 }, (_, i) => ({ LastName: `Tree${i}`, Company: 'Tree Co', Email: `tree${i}@tree.example` }));
    sandbox.org.sf.clearLog();
    const { results, chunks } = await createTree(orgClientApi(), 'Lead', leads);
    expect(treePosts()).toHaveLength(2);
    expect(chunks.map((chunk) => [chunk.start, chunk.payload.records.length])).toEqual([
      [0, 200],
      [200, 50],
    ]);
    expect(results.map((result) => result.index)).toEqual(leads.map((_, i) => i));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await leadCount('Tree Co')).toBe(250);
  });

  it('reports a refused chunk row by row, keeps the chunks that succeeded, and a retry of its rows duplicates nothing', async () => {
    const leads: Record<string, WriteValue>[] = Array.from({ length: 250 }, (_, i) => ({ LastName: `Retry${i}`, Company: 'Retry Co' }));
    leads[210] = { LastName: null, Company: 'Retry Co' };
    const first = await createTree(orgClientApi(), 'Lead', leads);
    expect(first.results.slice(0, 200).every((result) => result.ok)).toBe(true);
    expect(first.results[210]).toMatchObject({ ok: false, errors: [{ code: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }] });
    expect(first.results[220]).toMatchObject({ ok: false, errors: [{ code: 'ROLLED_BACK' }] });
    expect(await leadCount('Retry Co')).toBe(200);

    // The rep fixes the row; only the rows without an id go again.
    leads[210] = { LastName: 'Retry210', Company: 'Retry Co' };
    const failed = first.results.filter((result) => !result.ok).map((result) => result.index);
    sandbox.org.sf.clearLog();
    const retry = await createTree(orgClientApi(), 'Lead', failed.map((index) => leads[index] ?? {}));
    expect(treePosts()).toHaveLength(1);
    expect(retry.results.every((result) => result.ok)).toBe(true);
    expect(await leadCount('Retry Co')).toBe(250);
  });

  it('marks every row of an unanswered chunk with the problem', async () => {
    const api: WriteApi = { ...orgClientApi(), request: async () => Promise.reject(problem('network')) };
    const { results } = await createTree(api, 'Lead', [{ LastName: 'A', Company: 'B' }]);
    expect(results).toEqual([{ index: 0, ok: false, errors: [expect.objectContaining({ code: 'NETWORK' })] }]);
  });
});

describe('a 5xx from the org client', () => {
  it('counts as no answer: looks for the write first, then sends once more', async () => {
    const review = await freshReview();
    const base = writeApi();
    let failures = 1;
    const api: WriteApi = {
      ...base,
      request: async (method, path, body, headers) => {
        if (failures > 0 && path.endsWith('/composite')) {
          failures -= 1;
          throw new SalesforceRequestError(503, 'HTTP_503', 'Service Unavailable');
        }
        return base.request(method, path, body, headers);
      },
    };
    sandbox.org.sf.clearLog();
    expect(await commit(api, review, 'k-503')).toMatchObject({ kind: 'committed', replayed: false });
    expect(compositePosts()).toBe(1);
    expect((await read('Opportunity', OPP)).record.Amount).toBe(520_000);
  });
});

describe('what a commit sent and got back (for the audit)', () => {
  it('gives each written card its subrequest and Salesforce\'s answer', async () => {
    const review = await freshReview();
    const ledger = memoryLedger();
    const outcome = await commit(writeApi(), review, 'k-exchange', ledger);
    if (outcome.kind !== 'committed') throw new Error(outcome.kind);
    const byCard = new Map((outcome.exchanges ?? []).map((exchange) => [exchange.itemId, exchange]));
    expect(byCard.get('update')).toMatchObject({
      payload: { method: 'PATCH', body: { Amount: 520_000 }, httpHeaders: { 'If-Unmodified-Since': expect.any(String) } },
      httpStatusCode: 204,
    });
    expect(byCard.get('activity')).toMatchObject({ payload: { method: 'POST' }, httpStatusCode: 201, answer: { id: expect.any(String) } });
    // A replay sends nothing, so it has nothing new to record.
    const again = await commit(writeApi(), review, 'k-exchange', ledger);
    expect(again).toMatchObject({ kind: 'committed', replayed: true });
    expect(again.kind === 'committed' && again.exchanges).toBeFalsy();
  });
});

describe('update the existing record instead of creating a duplicate', () => {
  const rosa = ACME.contacts.rosa;
  const text = `Rosa Delgado, COO, Globex Industries, ${rosa.email}`;
  async function leadReviewWithRosa(): Promise<{ review: Review; describes: WriteDescribes }> {
    const describesNow = await loadWriteDescribes(sandbox.client(), ['Lead', 'Contact']);
    const proposal = LeadProposal.parse({
      leads: [
        {
          FirstName: { value: 'Rosa', evidence: 'Rosa Delgado' },
          LastName: { value: 'Delgado', evidence: 'Rosa Delgado' },
          Company: { value: 'Globex Industries', evidence: 'Globex Industries' },
          Email: { value: rosa.email, evidence: rosa.email },
          Title: { value: 'COO', evidence: 'COO' },
          otherFields: [],
        },
      ],
    });
    const review = buildLeadReview(proposal, describesNow, text, new Date(sandbox.org.clock.now));
    return { review: attachDuplicates(review, await findDuplicates(sandbox.client(), duplicateCandidates(review))), describes: describesNow };
  }

  it('shows the existing contact\'s values against the proposed ones, and writes only the ticked differences to it', async () => {
    const { review, describes: found } = await leadReviewWithRosa();
    const card = review.cards[0];
    const match = card?.duplicates.find((candidate) => candidate.id === rosa.id);
    if (!card || !match) throw new Error('Rosa was not offered as a duplicate');
    const existing = await readExisting(sandbox.client(), found, match, card);
    if (!existing) throw new Error('Rosa could not be read');
    expect(existing).toMatchObject({ id: rosa.id, objectName: 'Contact', fields: { Title: 'VP of Operations', Email: rosa.email } });
    const diff = updateExisting(review, found, card.id, existing);
    const updating = diff.cards[0];
    expect(updating).toMatchObject({ operation: 'update', objectName: 'Contact', target: { id: rosa.id } });
    const rowOf = (field: string) => updating?.rows.find((row) => row.field === field);
    expect(rowOf('Title')).toMatchObject({ current: 'VP of Operations', proposed: 'COO', checked: true });
    expect(rowOf('Email')).toMatchObject({ current: rosa.email, checked: false, warning: 'Already the value in Salesforce.' });
    // A Contact has no Company: refused, not guessed into another field.
    expect(rowOf('Company')).toMatchObject({ locked: true, error: { code: 'INVALID_FIELD' } });

    sandbox.org.sf.clearLog();
    const outcome = await commitUpdates(writeApi(), diff, diff.cards, { idempotencyKey: 'dup-1', ledger: memoryLedger(), describes: found });
    expect(outcome).toMatchObject({ problem: null, results: [{ id: rosa.id, action: 'updated', objectName: 'Contact' }] });
    expect(compositePosts()).toBe(1);
    expect((await read('Contact', rosa.id)).record).toMatchObject({ Title: 'COO', FirstName: 'Rosa' });
    expect(await query(`SELECT Id FROM Lead WHERE Email = '${rosa.email}'`)).toEqual([]);
    expect(outcome.writes).toEqual([expect.objectContaining({ cardId: card.id, recordId: rosa.id, payload: expect.objectContaining({ method: 'PATCH', body: { Title: 'COO' } }) })]);
  });

  it('goes back to creating, as the card was; and never updates a record the look-up did not find', async () => {
    const { review, describes: found } = await leadReviewWithRosa();
    const card = review.cards[0];
    const match = card?.duplicates[0];
    if (!card || !match) throw new Error('no duplicate');
    const existing = await readExisting(sandbox.client(), found, match, card);
    if (!existing) throw new Error('not read');
    expect(createInstead(updateExisting(review, found, card.id, existing), card.id)).toEqual(review);
    const stranger = { ...existing, id: ACME.contacts.tom.id };
    expect(updateExisting(review, found, card.id, stranger)).toEqual(review);
  });

  it('writes nothing to a duplicate changed since it was read, and shows its new values', async () => {
    const { review, describes: found } = await leadReviewWithRosa();
    const card = review.cards[0];
    const match = card?.duplicates[0];
    if (!card || !match) throw new Error('no duplicate');
    const existing = await readExisting(sandbox.client(), found, match, card);
    if (!existing) throw new Error('Rosa could not be read');
    const diff = updateExisting(review, found, card.id, existing);
    sandbox.org.clock.now = START + 60_000;
    await sandbox.org.send('PATCH', `${V}/sobjects/Contact/${rosa.id}`, { body: { Title: 'Chief of Staff' } });
    const outcome = await commitUpdates(writeApi(), diff, diff.cards, { idempotencyKey: 'dup-2', ledger: memoryLedger(), describes: found });
    expect(outcome.problem).toMatch(/changed in Salesforce/);
    expect(outcome.cards[0]?.rows.find((row) => row.field === 'Title')).toMatchObject({ current: 'Chief of Staff' });
    expect((await read('Contact', rosa.id)).record.Title).toBe('Chief of Staff');
  });
});
