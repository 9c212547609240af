import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrgClient } from '../../../lib/salesforce/client';
import { fetchRecordGraph, MAX_SUBREQUESTS, type OrgApi } from '../../../lib/salesforce/context';
import { SalesforceProblem } from '../../../lib/salesforce/problems';
import type { RecordGraph, RelatedList } from '../../../lib/salesforce/record-graph';
import { toId18 } from '../../../lib/salesforce/record-id';
import { ACME } from '../../sandbox/salesforce/seed';
import { START, V } from '../sandbox/salesforce-client';
import { startSandboxClients, type SandboxClients } from './org-client-harness';

// The browser build of jsforce, as the extension bundles it (see org-client-harness.ts for why).

let sandbox: SandboxClients;
beforeAll(async () => {
  sandbox = await startSandboxClients();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => sandbox.org.sf.reset());

const list = (graph: RecordGraph, key: string): RelatedList => {
  const found = graph.related.find((related) => related.key === key);
  if (!found) throw new Error(`no list ${key} in ${graph.related.map((related) => related.key).join(', ')}`);
  return found;
};
const ids = (related: RelatedList): string[] => related.records.map((record) => record.id);
const idSet = (related: RelatedList): Set<string> => new Set(ids(related));
const handles = (...records: { id: string }[]): Set<string> => new Set(records.map((record) => record.id));

async function problemOf(promise: Promise<unknown>): Promise<SalesforceProblem> {
  const error: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SalesforceProblem)) throw new Error(`expected a SalesforceProblem, got ${String(error)}`);
  return error;
}

describe('the context of an Account', () => {
  let graph: RecordGraph;
  beforeAll(async () => {
    sandbox.org.sf.reset();
    graph = await sandbox.client().context({ recordId: ACME.accounts.globex.id, sobject: 'Account' });
  });

  it('holds the record with its readable fields and its owner, flattened, without attributes', () => {
    expect(graph.root).toMatchObject({ objectName: 'Account', id: ACME.accounts.globex.id });
    expect(graph.root.fields).toMatchObject({
      Name: 'Globex Industries',
      BillingState: 'CA',
      AnnualRevenue: 850_000_000,
      'Owner.Name': ACME.users.admin.name,
    });
    expect(graph.objectLabel).toBe('Account');
    expect(JSON.stringify(graph)).not.toContain('attributes');
  });

  it('labels fields from describe, and a parent name by its lookup', () => {
    expect(graph.fieldMeta.Account?.AnnualRevenue).toEqual({ label: 'Annual Revenue', type: 'currency' });
    expect(graph.fieldMeta.Account?.['Owner.Name']).toEqual({ label: 'Owner', type: 'string' });
    expect(graph.fieldMeta.Task?.['What.Name']?.label).toBe('Related To');
    expect(graph.fieldMeta.Contact?.Email).toEqual({ label: 'Email', type: 'email' });
  });

  it('holds its contacts, open and recently closed opportunities and open cases as the seed has them', () => {
    const { contacts, opportunities, cases } = ACME;
    expect(idSet(list(graph, 'contacts'))).toEqual(handles(contacts.rosa, contacts.marcus, contacts.lena));
    // Open deals by close date: the overdue add-on first.
    expect(ids(list(graph, 'openOpportunities'))).toEqual([opportunities.globexAnalytics.id, opportunities.globexExpansion.id]);
    expect(ids(list(graph, 'closedOpportunities'))).toEqual([opportunities.globexRenewal.id]);
    expect(idSet(list(graph, 'openCases'))).toEqual(handles(cases.globexFirmware, cases.globexBilling));
  });

  it("holds the activities on the account and its deals within 90 days back and 30 ahead, newest first", () => {
    const { tasks, events } = ACME;
    expect(ids(list(graph, 'tasks'))).toEqual([
      tasks.globexRedlines.id,
      tasks.globexRevisedProposal.id,
      tasks.globexPricingEmail.id,
      tasks.globexBudgetCall.id,
    ]);
    expect(ids(list(graph, 'events'))).toEqual([events.globexQbr.id, events.globexNegotiation.id, events.globexWorkshop.id]);
    expect(list(graph, 'tasks').records[0]?.fields).toMatchObject({
      Subject: 'Prepare MSA redlines',
      'What.Name': ACME.opportunities.globexExpansion.name,
      'Who.Name': ACME.contacts.rosa.name,
    });
  });

  it('holds its notes, the private one included for its owner', () => {
    expect(ids(list(graph, 'notes'))).toEqual([ACME.notes.globexPricingFloor.id]);
  });

  it('says how many there are: totalSize matches the list when nothing was cut', () => {
    for (const related of graph.related) expect(related.totalSize).toBe(related.records.length);
  });
});

describe('requests', () => {
  it('costs two requests cold (describes, data) and exactly one for the next record of a known object', async () => {
    const client = sandbox.client();
    await client.context({ recordId: ACME.accounts.globex.id, sobject: 'Account' });
    expect(sandbox.apiRequests().map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'POST /services/data/v62.0/composite',
      'POST /services/data/v62.0/composite',
    ]);

    sandbox.org.sf.clearLog();
    const graph = await client.context({ recordId: ACME.accounts.umbrella.id, sobject: 'Account' });
    expect(graph.root.fields.Name).toBe('Umbrella Health');
    expect(sandbox.apiRequests()).toHaveLength(1);
    expect(sandbox.apiRequests()[0]?.path).toBe('/services/data/v62.0/composite');
  });

  it('costs one request for a record of another planned object once the first record warmed the cache', async () => {
    const client = sandbox.client();
    await client.context({ recordId: ACME.accounts.globex.id });
    sandbox.org.sf.clearLog();
    await client.context({ recordId: ACME.opportunities.wayneFraud.id });
    await client.context({ recordId: ACME.contacts.dana.id });
    await client.context({ recordId: ACME.leads.sofia.id });
    expect(sandbox.apiRequests()).toHaveLength(3);
  });

  it('never sends more than 25 subrequests, whatever the object', async () => {
    const client = sandbox.client();
    for (const recordId of [
      ACME.accounts.northwind.id,
      ACME.opportunities.globexExpansion.id,
      ACME.contacts.rosa.id,
      ACME.leads.gmailSender.id,
      ACME.cases.globexFirmware.id,
      ACME.competitors.hooliGlobex.id,
    ]) {
      await client.context({ recordId });
    }
    const sizes = sandbox.subrequestUrls().map((urls) => urls.length);
    expect(sizes.length).toBeGreaterThan(6);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_SUBREQUESTS);
  });

  it('shares one request between two reads of the same record asked for at once', async () => {
    const client = sandbox.client();
    await client.describeAll(['Account']);
    sandbox.org.sf.clearLog();
    const ref = { recordId: ACME.accounts.initech.id, sobject: 'Account' };
    const [first, graph] = await Promise.all([client.context(ref), client.context(ref)]);
    expect(first).toBe(graph);
    expect(graph.rootName).toBe('Initech');
    expect(sandbox.apiRequests().filter((entry) => entry.body.includes('/query?'))).toHaveLength(1);
  });
});

describe('bounds and order', () => {
  it('cuts a long list at its bound, newest first, and totalSize tells how many there are', async () => {
    const graph = await sandbox.client().context({ recordId: ACME.bulk.accountId, sobject: 'Account' });
    const contacts = list(graph, 'contacts');
    expect(contacts.records).toHaveLength(10);
    expect(contacts.totalSize).toBe(ACME.bulk.contactCount);
    const modified = contacts.records.map((record) => String(record.fields.LastModifiedDate));
    expect(modified).toEqual([...modified].sort().reverse());
  });

  it('reads activities from 90 days back to 30 ahead, and no further', async () => {
    const day = (offset: number): string => new Date(START + offset * 86_400_000).toISOString().slice(0, 10);
    const created: Record<number, string> = {};
    for (const offset of [-120, -90, 30, 31]) {
      const reply = await sandbox.org.send('POST', `${V}/sobjects/Task`, {
        body: { Subject: `Day ${offset}`, ActivityDate: day(offset), WhatId: ACME.accounts.initech.id },
      });
      created[offset] = reply.json<{ id: string }>().id;
    }
    const graph = await sandbox.client().context({ recordId: ACME.accounts.initech.id, sobject: 'Account' });
    const tasks = idSet(list(graph, 'tasks'));
    expect(tasks.has(created[-90] ?? '')).toBe(true);
    expect(tasks.has(created[30] ?? '')).toBe(true);
    expect(tasks.has(created[-120] ?? '')).toBe(false);
    expect(tasks.has(created[31] ?? '')).toBe(false);
  });

  it('keeps every list within its bound', async () => {
    const client = sandbox.client();
    for (const recordId of [ACME.accounts.northwind.id, ACME.opportunities.globexExpansion.id, ACME.contacts.rosa.id]) {
      const graph = await client.context({ recordId });
      for (const related of graph.related) {
        expect(related.records.length).toBeLessThanOrEqual(15);
        expect(related.totalSize).toBeGreaterThanOrEqual(related.records.length);
      }
    }
  });
});

describe('the restricted user', () => {
  let client: OrgClient;
  beforeEach(() => {
    client = sandbox.client(sandbox.org.sf.primary.restrictedSid);
  });

  it('never asks for, nor gets, the fields field-level security hides', async () => {
    const account = await client.context({ recordId: ACME.accounts.stark.id, sobject: 'Account' });
    const opportunity = await client.context({ recordId: ACME.opportunities.starkTelematics.id });
    const contact = await client.context({ recordId: ACME.contacts.victor.id });

    expect(account.root.fields.Name).toBe('Stark Logistics');
    expect(account.root.fields).not.toHaveProperty('AnnualRevenue');
    expect(account.fieldMeta.Account).not.toHaveProperty('AnnualRevenue');
    expect(opportunity.root.fields.StageName).toBe('Perception Analysis');
    expect(opportunity.root.fields).not.toHaveProperty('Probability');
    expect(opportunity.root.fields).not.toHaveProperty('ExpectedRevenue');
    expect(contact.root.fields).not.toHaveProperty('SSN__c');
    expect(contact.root.fields).not.toHaveProperty('Birthdate');
    for (const record of list(account, 'contacts').records) expect(record.fields).not.toHaveProperty('SSN__c');

    const soql = sandbox.soqlSent().join('\n');
    expect(soql).toContain('FROM Account');
    for (const hidden of ['AnnualRevenue', 'Probability', 'ExpectedRevenue', 'SSN__c', 'Birthdate']) {
      expect(soql).not.toContain(hidden);
    }
  });

  it("leaves out records shared away: another owner's private note, and hidden field history", async () => {
    const account = await client.context({ recordId: ACME.accounts.globex.id, sobject: 'Account' });
    expect(account.root.fields.Name).toBe('Globex Industries');
    expect(list(account, 'notes').records).toEqual([]);
    expect(list(account, 'contacts').records).toHaveLength(3);

    const opportunity = await client.context({ recordId: ACME.opportunities.globexExpansion.id });
    const changed = list(opportunity, 'history').records.map((record) => record.fields.Field);
    expect(changed).toContain('StageName');
    expect(changed).not.toContain('Probability');
  });

  it('gets not-found for a record not shared with them, and for an object they cannot read', async () => {
    expect((await problemOf(client.context({ recordId: ACME.accounts.wayne.id }))).kind).toBe('not-found');
    expect((await problemOf(client.context({ recordId: ACME.competitors.hooliGlobex.id }))).kind).toBe('not-found');
  });

  it('still costs one request per record when a planned object is not readable', async () => {
    await client.context({ recordId: ACME.accounts.stark.id });
    sandbox.org.sf.clearLog();
    await client.context({ recordId: ACME.accounts.soylent.id });
    expect(sandbox.apiRequests()).toHaveLength(1);
  });
});

describe('other objects', () => {
  it('gives an Opportunity its account, contact roles, activities, field history and notes', async () => {
    const { opportunities, contacts, tasks, events, notes } = ACME;
    const graph = await sandbox.client().context({ recordId: opportunities.globexExpansion.id, sobject: 'Opportunity' });
    expect(graph.root.fields).toMatchObject({ Name: opportunities.globexExpansion.name, 'Account.Name': 'Globex Industries' });
    expect(ids(list(graph, 'account'))).toEqual([ACME.accounts.globex.id]);
    expect(list(graph, 'account').records[0]?.fields.Industry).toBe('Manufacturing');
    const roles = list(graph, 'contactRoles');
    expect(roles.records[0]?.fields).toMatchObject({ IsPrimary: true, Role: 'Decision Maker', 'Contact.Name': contacts.rosa.name });
    expect(new Set(roles.records.map((record) => record.fields.ContactId))).toEqual(handles(contacts.rosa, contacts.marcus, contacts.lena));
    expect(idSet(list(graph, 'tasks'))).toEqual(handles(tasks.globexBudgetCall, tasks.globexPricingEmail, tasks.globexRedlines));
    expect(idSet(list(graph, 'events'))).toEqual(handles(events.globexWorkshop, events.globexNegotiation));
    const history = list(graph, 'history');
    expect(history.records).toHaveLength(8);
    const created = history.records.map((record) => String(record.fields.CreatedDate));
    expect(created).toEqual([...created].sort().reverse());
    expect(ids(list(graph, 'notes'))).toEqual([notes.globexNegotiation.id]);
  });

  it("gives a Contact its account, the account's open deals, its roles, its cases and the account's other open cases, activities and notes", async () => {
    const { contacts, opportunities, tasks, notes, cases } = ACME;
    const graph = await sandbox.client().context({ recordId: contacts.dana.id });
    expect(graph.root.fields).toMatchObject({ Name: contacts.dana.name, 'Account.Name': 'Umbrella Health' });
    expect(ids(list(graph, 'account'))).toEqual([ACME.accounts.umbrella.id]);
    expect(idSet(list(graph, 'openOpportunities'))).toEqual(handles(opportunities.umbrellaPlatform, opportunities.umbrellaRenewal));
    expect(list(graph, 'contactRoles').records[0]?.fields).toMatchObject({
      Role: 'Decision Maker',
      'Opportunity.Name': opportunities.umbrellaRenewal.name,
    });
    // Dana raised no case; a colleague's open SSO case on her account is hers to know about.
    expect(ids(list(graph, 'openCases'))).toEqual([]);
    expect(ids(list(graph, 'accountCases'))).toEqual([cases.umbrellaSso.id]);
    expect(ids(list(graph, 'tasks'))).toEqual([tasks.umbrellaRenewalCall.id]);
    expect(ids(list(graph, 'notes'))).toEqual([notes.danaPreferences.id]);
  });

  it('gives a Lead its activities and notes, and no converted account while it is not converted', async () => {
    const lead = ACME.leads.gmailSender;
    const graph = await sandbox.client().context({ recordId: lead.id });
    expect(graph.root.fields).toMatchObject({ Name: lead.name, Company: lead.company, 'Owner.Name': ACME.users.admin.name });
    expect(ids(list(graph, 'tasks'))).toEqual([ACME.tasks.nadiaOutreach.id]);
    expect(graph.related.map((related) => related.key)).not.toContain('convertedAccount');
  });

  it('gives a Case its fields, parent names and three child lists from describe', async () => {
    const graph = await sandbox.client().context({ recordId: ACME.cases.globexFirmware.id });
    expect(graph.objectLabel).toBe('Case');
    expect(graph.root.fields).toMatchObject({
      Subject: 'Line 3 controller firmware fault',
      'Account.Name': 'Globex Industries',
      'Contact.Name': ACME.contacts.marcus.name,
    });
    expect(graph.related.map((related) => related.key)).toEqual(['cases', 'notes', 'tasks']);
    expect(graph.related.map((related) => related.label)).toEqual(['Cases', 'Notes', 'Tasks']);
  });

  it('gives a custom object (found by its key prefix) its fields, its lookup names and its child lists', async () => {
    const sandboxClient = sandbox.client();
    const graph = await sandboxClient.context({ recordId: ACME.competitors.hooliGlobex.id });
    expect(graph.objectLabel).toBe('Competitor');
    expect(graph.root.fields).toMatchObject({
      Name: 'Hooli Cloud',
      Threat_Level__c: 'High',
      'Opportunity__r.Name': ACME.opportunities.globexExpansion.name,
    });
    expect(graph.fieldMeta.Competitor__c?.['Opportunity__r.Name']?.label).toBe('Opportunity');
    expect(list(graph, 'notes')).toMatchObject({ objectName: 'Note', records: [], totalSize: 0 });

    sandbox.org.sf.clearLog();
    await sandboxClient.context({ recordId: ACME.competitors.tyrellWayne.id });
    expect(sandbox.apiRequests()).toHaveLength(1);
  });
});

describe('failures', () => {
  it('drops only the list whose subrequest fails', async () => {
    const client = sandbox.client();
    // A describe gone stale: the org now refuses a field the notes query names.
    const api: OrgApi = {
      apiVersion: client.apiVersion,
      objectForKeyPrefix: (prefix) => client.objectForKeyPrefix(prefix),
      describeAll: (names) => client.describeAll(names),
      forgetDescribes: (names) => client.forgetDescribes(names),
      composite: (subrequests) =>
        client.composite(
          subrequests.map((sub) => (sub.referenceId === 'list_notes' ? { ...sub, url: sub.url.replace('Title', 'Headline__c') } : sub)),
        ),
    };
    const graph = await fetchRecordGraph(api, { recordId: ACME.accounts.globex.id, sobject: 'Account' });
    expect(graph.root.fields.Name).toBe('Globex Industries');
    const keys = graph.related.map((related) => related.key);
    expect(keys).not.toContain('notes');
    expect(keys).toEqual(['contacts', 'openOpportunities', 'closedOpportunities', 'openCases', 'tasks', 'events']);

    // The stale describe is fetched again next time.
    sandbox.org.sf.clearLog();
    await client.context({ recordId: ACME.accounts.globex.id, sobject: 'Account' });
    expect(sandbox.apiRequests()).toHaveLength(2);
  });

  it('says not-found for an id that names no record', async () => {
    const missing = toId18('001000000000009') ?? '';
    expect((await problemOf(sandbox.client().context({ recordId: missing, sobject: 'Account' }))).kind).toBe('not-found');
  });

  it('says the session expired when the org refuses it and the cookie is no fresher', async () => {
    const client = sandbox.client();
    sandbox.org.sf.expireSessions('acme');
    expect((await problemOf(client.context({ recordId: ACME.accounts.globex.id }))).kind).toBe('session-expired');
  });

  it('says the daily limit is used up when the org says so', async () => {
    sandbox.org.sf.injectFault({ kind: 'request-limit', path: /composite/ });
    expect((await problemOf(sandbox.client().context({ recordId: ACME.accounts.globex.id }))).kind).toBe('limit');
  });
});
