import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileCondition } from '../../sandbox/salesforce/metadata/formula';
import { deployMetadata, DeployError } from '../../sandbox/salesforce/metadata/deploy';
import { readMetadataSource } from '../../sandbox/salesforce/metadata/source';
import { Org } from '../../sandbox/salesforce/org';
import { V, q, startOrg, type OrgUnderTest } from './salesforce-client';

type UpsertResult = { id?: string; success: boolean; created?: boolean; errors: { statusCode: string; message: string; fields: string[] }[] };
type ErrorList = { errorCode: string; message: string }[];

const OBJECT = 'Groundwork_AI_Event__c';
const UPSERT = `${V}/composite/sobjects/${OBJECT}/Event_Id__c`;

let org: OrgUnderTest;
beforeAll(async () => {
  org = await startOrg();
});
afterAll(async () => {
  await org.close();
});
beforeEach(() => org.sf.reset());

const sam = () => org.sf.primary.restrictedSid;
const event = (id: string, extra: Record<string, unknown> = {}) => ({
  attributes: { type: OBJECT },
  Event_Id__c: id,
  Occurred_At__c: '2026-11-21T16:00:00.000Z',
  Feature__c: 'summary',
  Prompt_Version__c: '3',
  Outcome__c: 'pending',
  Input_Tokens__c: 1200,
  Cost_USD__c: 0.0042,
  ...extra,
});
const upsert = (records: unknown[], sid: string = sam(), allOrNone = false) =>
  org.send('PATCH', UPSERT, { sid, body: { allOrNone, records } });

async function assign(permissionSet: string, username: string): Promise<void> {
  const ids = await org.send('GET', q(`SELECT Id FROM PermissionSet WHERE Name = '${permissionSet}'`));
  const users = await org.send('GET', q(`SELECT Id FROM User WHERE Username = '${username}'`));
  const setId = ids.json<{ records: { Id: string }[] }>().records[0]?.Id;
  const userId = users.json<{ records: { Id: string }[] }>().records[0]?.Id;
  const reply = await org.send('POST', `${V}/sobjects/PermissionSetAssignment`, { body: { AssigneeId: userId, PermissionSetId: setId } });
  expect(reply.status).toBe(201);
}

const assignSam = () => assign('Groundwork_AI_User', org.sf.primary.users.restricted.username);
const assignAdmin = () => assign('Groundwork_AI_Admin', org.sf.primary.users.full.username);

describe('the repository metadata', () => {
  it('reads the object, its fields and rule, both permission sets, the report type and four reports', () => {
    const source = readMetadataSource();
    expect(source.objects.map((o) => o.apiName)).toEqual([OBJECT]);
    const fields = source.objects[0]?.fields.map((f) => f.fullName) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['Event_Id__c', 'User__c', 'Feature__c', 'Prompt_Version__c', 'Model__c', 'Cost_USD__c', 'Edit_Distance__c', 'Chain_Hash__c']));
    expect(source.objects[0]?.object.sharingModel).toBe('Private');
    expect(source.permissionSets.map((p) => p.name).sort()).toEqual(['Groundwork_AI_Admin', 'Groundwork_AI_User']);
    expect(source.reports).toHaveLength(4);
  });

  it('gives every custom field a field permission in both permission sets, editable only for reps', () => {
    const source = readMetadataSource();
    const fields = source.objects[0]?.fields.map((f) => `${OBJECT}.${f.fullName}`).sort();
    for (const { name, permissionSet } of source.permissionSets) {
      expect(permissionSet.fieldPermissions.map((p) => p.field).sort()).toEqual(fields);
      expect(permissionSet.fieldPermissions.every((p) => p.editable === (name === 'Groundwork_AI_User'))).toBe(true);
    }
  });

  it('deploys like `sf project deploy start`, listing every component', () => {
    const result = org.sf.deploy('acme');
    expect(result.success).toBe(true);
    expect(result.components).toEqual(expect.arrayContaining([
      { type: 'CustomObject', fullName: OBJECT },
      { type: 'ValidationRule', fullName: `${OBJECT}.Recorded_Facts_Are_Final` },
      { type: 'PermissionSet', fullName: 'Groundwork_AI_User' },
      { type: 'ReportType', fullName: 'Groundwork_AI_Events' },
      { type: 'Report', fullName: 'Groundwork_AI_Governance/Groundwork_AI_Approval_Rate_by_Prompt_Version' },
    ]));
  });
});

describe('the deployed object in the org', () => {
  beforeEach(() => org.sf.deploy('acme'));

  it('is unknown to a user without the permission set: NOT_FOUND on REST, INVALID_TYPE in SOQL, absent from describe', async () => {
    const rest = await upsert([event('e-1')]);
    expect(rest.status).toBe(404);
    expect(rest.json<ErrorList>()[0]?.errorCode).toBe('NOT_FOUND');
    const soql = await org.send('GET', q(`SELECT Id FROM ${OBJECT}`), { sid: sam() });
    expect(soql.status).toBe(400);
    expect(soql.json<ErrorList>()[0]?.errorCode).toBe('INVALID_TYPE');
    const global = await org.send('GET', `${V}/sobjects`, { sid: sam() });
    expect(global.json<{ sobjects: { name: string }[] }>().sobjects.map((s) => s.name)).not.toContain(OBJECT);
  });

  it('upserts by external ID: created the first time, matched (created false) on a resend, never duplicated', async () => {
    await assignSam();
    const first = await upsert([event('e-1'), event('e-2')]);
    expect(first.status).toBe(200);
    expect(first.json<UpsertResult[]>()).toMatchObject([{ success: true, created: true }, { success: true, created: true }]);
    const again = await upsert([event('e-1'), event('e-2', { Outcome__c: 'accepted', Approved__c: 1 }), event('e-3')]);
    expect(again.json<UpsertResult[]>().map((r) => [r.success, r.created])).toEqual([[true, false], [true, false], [true, true]]);
    const rows = await org.send('GET', q(`SELECT Event_Id__c, Outcome__c, Name, OwnerId FROM ${OBJECT} ORDER BY Event_Id__c`), { sid: sam() });
    const records = rows.json<{ records: Record<string, unknown>[] }>().records;
    expect(records.map((r) => [r.Event_Id__c, r.Outcome__c])).toEqual([['e-1', 'pending'], ['e-2', 'accepted'], ['e-3', 'pending']]);
    expect(records.every((r) => r.OwnerId === org.sf.primary.users.restricted.id)).toBe(true);
    expect(records.map((r) => r.Name)).toEqual(['AIE-0000000001', 'AIE-0000000002', 'AIE-0000000003']);
  });

  it('refuses a change to recorded facts (the validation rule) but lets the outcome follow', async () => {
    await assignSam();
    await upsert([event('e-1')]);
    const changed = await upsert([event('e-1', { Cost_USD__c: 0 })]);
    expect(changed.json<UpsertResult[]>()[0]?.errors[0]).toMatchObject({
      statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Groundwork AI events are final: only the outcome can change after an event is recorded.',
    });
  });

  it('fails both records carrying the same external ID, and takes at most 200 records', async () => {
    await assignSam();
    const reply = await upsert([event('twin'), event('twin'), event('single')]);
    expect(reply.json<UpsertResult[]>().map((r) => r.errors[0]?.statusCode ?? 'ok')).toEqual(['DUPLICATE_VALUE', 'DUPLICATE_VALUE', 'ok']);
    expect(reply.json<UpsertResult[]>()[0]?.errors[0]).toMatchObject({ message: 'Duplicate external id specified: twin', fields: ['Event_Id__c'] });
    const tooMany = await upsert(Array.from({ length: 201 }, (_, i) => event(`bulk-${i}`)));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json<ErrorList>()[0]?.errorCode).toBe('EXCEEDED_ID_LIMIT');
  });

  it('rolls every record back with allOrNone when one fails', async () => {
    await assignSam();
    const reply = await upsert([event('good'), event('bad', { Feature__c: 'not-a-feature' })], sam(), true);
    expect(reply.json<UpsertResult[]>().map((r) => r.errors[0]?.statusCode)).toEqual(['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST']);
    await assignAdmin();
    const count = await org.send('GET', q(`SELECT COUNT() FROM ${OBJECT}`));
    expect(count.json<{ totalSize: number }>().totalSize).toBe(0);
  });

  it('names an unknown or non-external-ID field as Salesforce does', async () => {
    await assignSam();
    const reply = await org.send('PATCH', `${V}/composite/sobjects/${OBJECT}/Model__c`, { sid: sam(), body: { records: [event('x')] } });
    expect(reply.status).toBe(404);
    expect(reply.json<ErrorList>()[0]?.message).toBe('Provided external ID field does not exist or is not accessible: Model__c');
  });

  it('keeps each rep to their own events (Private sharing) and shows all to the admin permission set', async () => {
    await assignSam();
    await upsert([event('sams')]);
    const adminBefore = await org.send('GET', q(`SELECT Event_Id__c FROM ${OBJECT}`));
    // The System Administrator sees the record (Modify All Data) but no custom field until a permission set grants it.
    expect(adminBefore.json<ErrorList>()[0]?.errorCode).toBe('INVALID_FIELD');
    await assignAdmin();
    const adminAfter = await org.send('GET', q(`SELECT Event_Id__c, Owner.Name FROM ${OBJECT}`));
    expect(adminAfter.json<{ records: Record<string, unknown>[] }>().records).toMatchObject([{ Event_Id__c: 'sams', Owner: { Name: 'Sam Lee' } }]);
    // An admin who uses Groundwork holds both permission sets. Their events are invisible to Sam, and Sam's resend of
    // one meets the unique index, naming the record.
    await assign('Groundwork_AI_User', org.sf.primary.users.full.username);
    const adminEvent = await org.send('POST', `${V}/sobjects/${OBJECT}`, { body: { Event_Id__c: 'alexs', Feature__c: 'summary' } });
    expect(adminEvent.status).toBe(201);
    const samsView = await org.send('GET', q(`SELECT Event_Id__c FROM ${OBJECT}`), { sid: sam() });
    expect(samsView.json<{ records: Record<string, unknown>[] }>().records.map((r) => r.Event_Id__c)).toEqual(['sams']);
    const clash = await upsert([event('alexs')]);
    expect(clash.json<UpsertResult[]>()[0]?.errors[0]?.message).toMatch(/^duplicate value found: Event_Id__c duplicates value on record with id: a1G/);
  });

  it('answers aggregate SOQL over the events, grouped by user and feature (picklists sort in their defined order)', async () => {
    await assignSam();
    await assignAdmin();
    await upsert([event('a'), event('b', { Feature__c: 'email' }), event('c')]);
    const reply = await org.send('GET', q(`SELECT User__c, Owner.Name owner, Feature__c, COUNT(Id) events, SUM(Cost_USD__c) cost FROM ${OBJECT} GROUP BY User__c, Owner.Name, Feature__c ORDER BY Feature__c`));
    expect(reply.status).toBe(200);
    expect(reply.json<{ records: Record<string, unknown>[] }>().records).toMatchObject([
      { owner: 'Sam Lee', Feature__c: 'summary', events: 2, cost: 0.0084 },
      { owner: 'Sam Lee', Feature__c: 'email', events: 1 },
    ]);
  });

  it('describes the external ID and the rep permission set narrows createable to what FLS grants', async () => {
    await assignSam();
    const reply = await org.send('GET', `${V}/sobjects/${OBJECT}/describe`, { sid: sam() });
    const fields = reply.json<{ fields: { name: string; externalId: boolean; unique: boolean; createable: boolean }[] }>().fields;
    expect(fields.find((f) => f.name === 'Event_Id__c')).toMatchObject({ externalId: true, unique: true, createable: true });
    expect(fields.find((f) => f.name === 'Name')).toMatchObject({ createable: false });
  });
});

describe('deploy checks, as a real deploy refuses bad metadata', () => {
  it('refuses a permission set naming a field that does not exist, and changes nothing', () => {
    const source = readMetadataSource();
    const [first] = source.permissionSets;
    if (!first) throw new Error('no permission set');
    first.permissionSet.fieldPermissions.push({ field: `${OBJECT}.Missing__c`, readable: true, editable: false });
    const org2 = new Org('deploycheck', () => new Date());
    expect(() => deployMetadata(org2, source)).toThrow(DeployError);
    expect(() => deployMetadata(org2, source)).toThrow(`PermissionSet ${first.name}: In field: field - no CustomField named ${OBJECT}.Missing__c found`);
    expect(org2.object(OBJECT)).toBeUndefined();
  });

  it('compiles only the formula functions it can evaluate, and only known fields', () => {
    const fieldName = (name: string) => {
      if (name !== 'Model__c') throw new Error(`Field ${name} does not exist`);
      return name;
    };
    const rule = compileCondition('AND(NOT(ISNEW()), ISCHANGED(Model__c))', fieldName);
    const after = { Id: 'x', Model__c: 'b' };
    expect(rule({ before: null, after })).toBe(false);
    expect(rule({ before: { Id: 'x', Model__c: 'a' }, after })).toBe(true);
    expect(rule({ before: { Id: 'x', Model__c: 'b' }, after })).toBe(false);
    expect(() => compileCondition('PRIORVALUE(Model__c)', fieldName)).toThrow(/Unknown function PRIORVALUE/);
    expect(() => compileCondition('ISCHANGED(Other__c)', fieldName)).toThrow(/Other__c does not exist/);
  });
});
