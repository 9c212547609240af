/**
 * The team's usage read from the sandbox org through the real OrgClient, as the rep's own session: the admin
 * permission set found by its assignment, the aggregate queries answered under the org's sharing and field-level
 * security, and every refusal a state the options page can put in words.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readTeamUsage } from '../../../lib/features/governance/org-audit/team-usage';
import type { TeamUsageReply } from '../../../lib/features/governance/org-audit/team-messages';
import { breakdownSoql } from '../../../lib/features/governance/org-audit/team-queries';
import { V, q } from '../sandbox/salesforce-client';
import { startSandboxClients, type SandboxClients } from '../salesforce/org-client-harness';

const OBJECT = 'Groundwork_AI_Event__c';
const ORG = { orgId: '00D000000000001', apiHost: 'acme.my.salesforce.com' };
const RANGE = { from: '2026-11-15T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' };

let sandbox: SandboxClients;
beforeAll(async () => {
  sandbox = await startSandboxClients();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.org.sf.reset();
  sandbox.org.sf.deploy('acme');
});

const users = () => sandbox.org.sf.primary.users;
const sids = () => ({ alex: sandbox.org.sf.primary.sid, sam: sandbox.org.sf.primary.restrictedSid });

async function assign(permissionSet: string, userId: string): Promise<void> {
  const set = await sandbox.org.send('GET', q(`SELECT Id FROM PermissionSet WHERE Name = '${permissionSet}'`));
  const setId = set.json<{ records: { Id: string }[] }>().records[0]?.Id;
  const reply = await sandbox.org.send('POST', `${V}/sobjects/PermissionSetAssignment`, { body: { AssigneeId: userId, PermissionSetId: setId } });
  expect(reply.status).toBe(201);
}

let sequence = 0;
const event = (userId: string, values: Record<string, unknown>) => ({
  attributes: { type: OBJECT },
  Event_Id__c: `event-${(sequence += 1)}`,
  User__c: userId,
  Occurred_At__c: '2026-11-20T10:00:00.000Z',
  Feature__c: 'summary',
  Prompt_Id__c: 'summary',
  Prompt_Version__c: '3',
  Outcome__c: 'pending',
  Input_Tokens__c: 1000,
  Output_Tokens__c: 200,
  Cost_USD__c: 0.01,
  ...values,
});

async function record(sid: string, events: unknown[]): Promise<void> {
  const reply = await sandbox.org.send('PATCH', `${V}/composite/sobjects/${OBJECT}/Event_Id__c`, { sid, body: { allOrNone: true, records: events } });
  expect(reply.json<{ success: boolean }[]>().every((result) => result.success)).toBe(true);
}

/** Sam (a rep) and Alex (the admin, who uses Groundwork too) each record events through their own session. */
async function teamWithEvents(): Promise<void> {
  await assign('Groundwork_AI_User', users().restricted.id);
  await assign('Groundwork_AI_User', users().full.id);
  await record(sids().sam, [
    event(users().restricted.id, { Outcome__c: 'accepted', Approved__c: 1 }),
    event(users().restricted.id, { Feature__c: 'email', Prompt_Id__c: 'email-draft', Prompt_Version__c: '2', Outcome__c: 'edited', Approved__c: 1, Cost_USD__c: 0.02 }),
    event(users().restricted.id, { Outcome__c: 'rejected' }),
    event(users().restricted.id, { Error__c: 'overloaded', Output_Tokens__c: 0, Cost_USD__c: 0 }),
    // Outside the period: not counted.
    event(users().restricted.id, { Occurred_At__c: '2026-10-01T10:00:00.000Z' }),
  ]);
  await record(sids().alex, [event(users().full.id, { Outcome__c: 'accepted', Approved__c: 1, Cost_USD__c: 0.05 })]);
}

const readAs = (sid: string, userId: string): Promise<TeamUsageReply> =>
  readTeamUsage({ org: async () => ORG, connect: async () => ({ client: sandbox.client(sid), userId }) }, { type: 'team-usage', ...RANGE });

describe('the team usage from the org', () => {
  it('gives an admin every rep\'s events per rep, feature, department and role, and prompt version, with acceptance as the browser counts it', async () => {
    await teamWithEvents();
    await assign('Groundwork_AI_Admin', users().full.id);
    const reply = await readAs(sids().alex, users().full.id);
    if (reply.state !== 'ready') throw new Error(`not ready: ${JSON.stringify(reply)}`);
    const { usage } = reply;
    expect(usage.total).toMatchObject({ events: 5, failed: 1, outcomes: { accepted: 2, edited: 1, rejected: 1, pending: 1 }, acceptanceRate: 0.75 });
    expect(usage.total.costUsd).toBeCloseTo(0.09, 10);
    expect(usage.byUser.map((group) => [group.keys.userName, group.events])).toEqual([['Alex Rivera', 1], ['Sam Lee', 4]]);
    const sam = usage.byUser.find((group) => group.keys.userId === users().restricted.id);
    expect(sam).toMatchObject({ failed: 1, acceptanceRate: 2 / 3, tokens: 4 * 1000 + 3 * 200 });
    expect(usage.byFeature.map((group) => [group.keys.feature, group.events])).toEqual([['summary', 4], ['email', 1]]);
    expect(usage.byDepartment.map((group) => [group.keys.department, group.keys.role, group.events])).toEqual([
      ['Sales', 'Sales Manager', 1],
      ['Sales', 'Account Executive, West', 4],
    ]);
    expect(usage.byPrompt.map((group) => [group.keys.promptId, group.keys.promptVersion, group.events])).toEqual([['summary', '3', 4], ['email-draft', '2', 1]]);
    expect(usage.truncated).toBe(false);
    // One query for the permission set, one composite request for the four aggregates.
    const api = sandbox.apiRequests().filter((entry) => !entry.path.includes('composite/sobjects') && !entry.path.includes('/sobjects/PermissionSetAssignment'));
    expect(api.slice(-2).map((entry) => entry.path.split('?')[0])).toEqual([`${V}/query`, `${V}/composite`]);
  });

  it('tells a rep without the admin permission set so, and runs no aggregate', async () => {
    await teamWithEvents();
    const before = sandbox.apiRequests().length;
    expect(await readAs(sids().sam, users().restricted.id)).toEqual({ state: 'not-admin', org: ORG });
    expect(sandbox.apiRequests().slice(before).map((entry) => entry.path.split('?')[0])).toEqual([`${V}/query`]);
  });

  it('says nothing is deployed in an org without the metadata, and that the rep is signed out without a session', async () => {
    sandbox.org.sf.reset();
    expect(await readAs(sids().alex, users().full.id)).toEqual({ state: 'not-deployed', org: ORG });
    const signedOut = await readTeamUsage({ org: async () => ORG, connect: async () => null }, { type: 'team-usage', ...RANGE });
    expect(signedOut).toEqual({ state: 'signed-out', org: ORG });
    expect(await readTeamUsage({ org: async () => null, connect: async () => null }, { type: 'team-usage', ...RANGE })).toEqual({ state: 'no-org' });
  });

  it('puts an expired session in words with what to do next', async () => {
    await assign('Groundwork_AI_Admin', users().full.id);
    const reply = await readAs('00D000000000001!expired', users().full.id);
    expect(reply).toMatchObject({ state: 'error', message: expect.stringMatching(/Salesforce session .*ended\. Reload your Salesforce tab/) });
  });
});

describe('the sandbox answers the aggregate queries as Salesforce does', () => {
  it('gives AggregateResult rows named by alias, and a rep only their own events (Private sharing)', async () => {
    await teamWithEvents();
    const soql = breakdownSoql('byUser', RANGE);
    const reply = await sandbox.org.send('GET', q(soql), { sid: sids().sam });
    expect(reply.status).toBe(200);
    const body = reply.json<{ totalSize: number; done: boolean; records: Record<string, unknown>[] }>();
    expect(body.done).toBe(true);
    expect(body.records.every((row) => row.userId === users().restricted.id)).toBe(true);
    expect(body.records[0]).toEqual({
      attributes: { type: 'AggregateResult' },
      userId: users().restricted.id,
      userName: 'Sam Lee',
      outcome: 'accepted',
      events: 1,
      failed: 0,
      cost: 0.01,
      inputTokens: 1000,
      outputTokens: 200,
      cacheReadTokens: null,
      cacheWriteTokens: null,
    });
  });

  it('names unaliased aggregates expr0, expr1… and answers one row without GROUP BY even when nothing matches', async () => {
    await teamWithEvents();
    await assign('Groundwork_AI_Admin', users().full.id);
    const reply = await sandbox.org.send('GET', q(`SELECT COUNT(Id), SUM(Cost_USD__c), MAX(Occurred_At__c) FROM ${OBJECT} WHERE Feature__c = 'ask'`));
    expect(reply.json<{ totalSize: number; records: unknown[] }>()).toEqual({
      totalSize: 1,
      done: true,
      records: [{ attributes: { type: 'AggregateResult' }, expr0: 0, expr1: null, expr2: null }],
    });
  });

  it('refuses to group by a date/time or a number, and a field the user may not read (field-level security)', async () => {
    await teamWithEvents();
    await assign('Groundwork_AI_Admin', users().full.id);
    const byTime = await sandbox.org.send('GET', q(`SELECT Occurred_At__c, COUNT(Id) FROM ${OBJECT} GROUP BY Occurred_At__c`));
    expect(byTime.status).toBe(400);
    expect(byTime.json<{ message: string }[]>()[0]?.message).toContain("field 'Occurred_At__c' can not be grouped in a query call");
    const byCost = await sandbox.org.send('GET', q(`SELECT Cost_USD__c, COUNT(Id) FROM ${OBJECT} GROUP BY Cost_USD__c`));
    expect(byCost.status).toBe(400);
    // A System Administrator without a Groundwork permission set sees the records but none of their custom fields.
    sandbox.org.sf.reset();
    sandbox.org.sf.deploy('acme');
    const hidden = await sandbox.org.send('GET', q(`SELECT SUM(Cost_USD__c) FROM ${OBJECT}`));
    expect(hidden.status).toBe(400);
    expect(hidden.json<{ errorCode: string }[]>()[0]?.errorCode).toBe('INVALID_FIELD');
  });

  it('groups through lookups two hops away (the user\'s role), as the report type does', async () => {
    await teamWithEvents();
    await assign('Groundwork_AI_Admin', users().full.id);
    const reply = await sandbox.org.send('GET', q(`SELECT User__r.UserRole.Name, COUNT(Id) FROM ${OBJECT} GROUP BY User__r.UserRole.Name ORDER BY COUNT(Id) DESC`));
    expect(reply.json<{ records: unknown[] }>().records).toEqual([
      { attributes: { type: 'AggregateResult' }, Name: 'Account Executive, West', expr0: 5 },
      { attributes: { type: 'AggregateResult' }, Name: 'Sales Manager', expr0: 1 },
    ]);
  });
});
