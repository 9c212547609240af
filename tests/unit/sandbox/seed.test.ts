import { describe, expect, it } from 'vitest';
import {
  accessFor,
  canCreateField,
  canReadField,
  canUpdateField,
  describeFor,
} from '../../sandbox/salesforce/access';
import { normalizeId } from '../../sandbox/salesforce/ids';
import type { FieldDef, OrgSeed, OrgUser, StoredRecord } from '../../sandbox/salesforce/model';
import { findField, findObject, OBJECTS, objectByKeyPrefix } from '../../sandbox/salesforce/schema';
import { ACME, BULK_CONTACT_COUNT, PLANTED_PII, seedOrg } from '../../sandbox/salesforce/seed';

const NOW = new Date(Date.UTC(2026, 10, 21, 17, 0, 0));
const ORG_ID = '00D5g000004AcmeEAC';

const seed = (orgName = 'acme', now = NOW): OrgSeed => seedOrg({ orgName, orgId: ORG_ID, now: () => now });

const acme = seed();
const today = NOW.toISOString().slice(0, 10);

function records(org: OrgSeed, object: string): StoredRecord[] {
  return [...(org.db.records.get(object)?.values() ?? [])];
}

function allRecords(org: OrgSeed): { object: string; record: StoredRecord }[] {
  return [...org.db.records].flatMap(([object, table]) => [...table.values()].map((record) => ({ object, record })));
}

function fieldsOf(object: string): FieldDef[] {
  const def = findObject(object);
  if (!def) throw new Error(`no object ${object}`);
  return def.fields;
}

function get(org: OrgSeed, object: string, id: string): StoredRecord {
  const record = org.db.records.get(object)?.get(id);
  if (!record) throw new Error(`no ${object} ${id}`);
  return record;
}

function user(org: OrgSeed, restricted: boolean): OrgUser {
  const found = org.users.find((u) => u.restricted === restricted);
  if (!found) throw new Error('no such user');
  return found;
}

const admin = user(acme, false);
const sam = user(acme, true);

function passesLuhn(digits: string): boolean {
  const numbers = [...digits.replace(/\D/g, '')].map(Number).reverse();
  const sum = numbers.reduce((total, n, i) => total + (i % 2 ? (n * 2 > 9 ? n * 2 - 9 : n * 2) : n), 0);
  return sum % 10 === 0;
}

function ibanChecksumValid(iban: string): boolean {
  const compact = iban.replace(/\s/g, '');
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const numeric = [...rearranged].map((ch) => parseInt(ch, 36).toString()).join('');
  return [...numeric].reduce((rest, digit) => (rest * 10 + Number(digit)) % 97, 0) === 1;
}

/** anyType in Salesforce (typed values); described as string here. */
const ANY_TYPE = new Set(['OpportunityFieldHistory.OldValue', 'OpportunityFieldHistory.NewValue']);

describe('schema', () => {
  it('finds objects and fields case-insensitively and objects by key prefix', () => {
    expect(findObject('opportunity')?.name).toBe('Opportunity');
    expect(findObject('COMPETITOR__C')?.name).toBe('Competitor__c');
    expect(findObject('Nope')).toBeUndefined();
    const account = findObject('Account');
    expect(account && findField(account, 'annualrevenue')?.name).toBe('AnnualRevenue');
    expect(objectByKeyPrefix('00Q')?.name).toBe('Lead');
    expect(objectByKeyPrefix(ACME.accounts.globex.id)?.name).toBe('Account');
    expect(objectByKeyPrefix('a0X')?.name).toBe('Competitor__c');
  });

  it('gives each object a unique key prefix and an id field', () => {
    const prefixes = OBJECTS.map((o) => o.keyPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(Object.fromEntries(OBJECTS.map((o) => [o.name, o.keyPrefix]))).toMatchObject({
      Account: '001', Contact: '003', Lead: '00Q', Opportunity: '006', OpportunityContactRole: '00K', Case: '500',
      Task: '00T', Event: '00U', User: '005', Note: '002', OpportunityFieldHistory: '017', Competitor__c: 'a0X',
    });
    for (const object of OBJECTS) {
      expect(findField(object, 'Id')).toMatchObject({ type: 'id', nillable: false, createable: false });
    }
  });

  it('makes every reference name defined objects and a relationship', () => {
    for (const object of OBJECTS) {
      for (const f of object.fields.filter((candidate) => candidate.type === 'reference')) {
        expect(f.referenceTo?.length, `${object.name}.${f.name}`).toBeGreaterThan(0);
        for (const target of f.referenceTo ?? []) expect(findObject(target), `${object.name}.${f.name}`).toBeDefined();
        expect(f.relationshipName, `${object.name}.${f.name}`).toBeTruthy();
      }
    }
  });

  it('declares child relationships on reference fields of the child that point back to the parent', () => {
    for (const parent of OBJECTS) {
      for (const relation of parent.childRelationships) {
        const child = findObject(relation.childSObject);
        const f = child && findField(child, relation.field);
        expect(f?.referenceTo, `${parent.name}.${relation.relationshipName}`).toContain(parent.name);
      }
    }
    const opportunity = findObject('Opportunity');
    expect(opportunity?.childRelationships.map((r) => r.relationshipName)).toEqual(
      expect.arrayContaining(['OpportunityContactRoles', 'Histories', 'Competitors__r', 'Tasks', 'Events', 'Notes']),
    );
    expect(findObject('Account')?.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts' }),
    );
  });

  it.each([
    ['Lead', 'LastName'], ['Lead', 'Company'], ['Opportunity', 'Name'], ['Opportunity', 'StageName'],
    ['Opportunity', 'CloseDate'], ['Contact', 'LastName'], ['Account', 'Name'],
  ])('requires %s.%s on create, with no default', (object, name) => {
    expect(fieldsOf(object).find((f) => f.name === name)).toMatchObject({
      nillable: false, createable: true, defaultedOnCreate: false,
    });
  });

  it('defaults Task Status and Priority, and links Task to a Who and a What', () => {
    const task = findObject('Task');
    if (!task) throw new Error('no Task');
    expect(findField(task, 'Status')).toMatchObject({
      nillable: false, defaultedOnCreate: true, restrictedPicklist: true,
    });
    expect(findField(task, 'Status')?.picklistValues?.find((v) => v.defaultValue)?.value).toBe('Not Started');
    expect(findField(task, 'Priority')?.picklistValues?.find((v) => v.defaultValue)?.value).toBe('Normal');
    expect(findField(task, 'WhoId')).toMatchObject({ referenceTo: ['Contact', 'Lead'], relationshipName: 'Who' });
    expect(findField(task, 'WhatId')).toMatchObject({ relationshipName: 'What' });
    expect(findField(task, 'WhatId')?.referenceTo).toEqual(expect.arrayContaining(['Account', 'Opportunity', 'Case']));
    expect(findField(task, 'Description')).toMatchObject({ type: 'textarea', length: 32000, filterable: false });
    expect(findField(task, 'Subject')?.nameField).toBe(true);
  });

  it('makes long text areas and encrypted fields unfilterable', () => {
    for (const object of OBJECTS) {
      for (const f of object.fields) {
        const long = f.type === 'textarea' && f.length > 255;
        if (long || f.type === 'encryptedstring') expect(f.filterable, `${object.name}.${f.name}`).toBe(false);
        const anyType = ANY_TYPE.has(`${object.name}.${f.name}`);
        if (f.type === 'string' && !anyType) expect(f.filterable, `${object.name}.${f.name}`).not.toBe(false);
      }
    }
  });

  it('names records by Name, CaseNumber, Subject or Title', () => {
    const nameFields = Object.fromEntries(
      OBJECTS.map((o) => [o.name, o.fields.filter((f) => f.nameField).map((f) => f.name)]),
    );
    expect(nameFields).toMatchObject({
      Account: ['Name'], Contact: ['Name'], Case: ['CaseNumber'], Task: ['Subject'], Event: ['Subject'],
      Note: ['Title'], Competitor__c: ['Name'], OpportunityContactRole: [], OpportunityFieldHistory: [],
    });
  });

  it('describes the custom object with a __r relationship and a restricted picklist', () => {
    const competitor = findObject('Competitor__c');
    if (!competitor) throw new Error('no Competitor__c');
    expect(competitor.custom).toBe(true);
    expect(findField(competitor, 'Opportunity__c')).toMatchObject({
      referenceTo: ['Opportunity'], relationshipName: 'Opportunity__r',
    });
    expect(findField(competitor, 'Threat_Level__c')?.restrictedPicklist).toBe(true);
    expect(findField(competitor, 'Strengths__c')).toMatchObject({ type: 'textarea', filterable: false });
  });
});

describe('seedOrg', () => {
  it('gives the same ids and values on every run', () => {
    const again = seed();
    expect(allRecords(again)).toEqual(allRecords(acme));
    expect(again.users).toEqual(acme.users);
  });

  it('gives another org different ids and a different book', () => {
    const globex = seed('globex');
    const acmeIds = new Set(allRecords(acme).map(({ record }) => record.Id));
    const shared = allRecords(globex).filter(
      ({ object, record }) => object !== 'Organization' && acmeIds.has(record.Id),
    );
    expect(shared).toEqual([]);
    const acmeNames = new Set(records(acme, 'Account').map((a) => a.Name));
    const globexNames = records(globex, 'Account').map((a) => a.Name);
    expect(globexNames.length).toBeGreaterThan(0);
    expect(globexNames.filter((n) => acmeNames.has(n))).toEqual([]);
    expect(records(globex, 'Contact').length).toBeLessThan(20);
    expect(globex.users.map((u) => u.username)).toEqual(['alex.rivera@globex.example', 'sam.lee@globex.example']);
  });

  it('mints 18-character ids with their object key prefix, unique across the org', () => {
    const ids = new Set<string>();
    for (const { object, record } of allRecords(acme)) {
      expect(record.Id).toHaveLength(18);
      expect(normalizeId(record.Id)).toBe(record.Id);
      expect(record.Id.startsWith(findObject(object)?.keyPrefix ?? '?'), `${object} ${record.Id}`).toBe(true);
      ids.add(record.Id);
    }
    expect(ids.size).toBe(allRecords(acme).length);
  });

  it('stores every field of the object, and only those', () => {
    for (const { object, record } of allRecords(acme)) {
      expect(Object.keys(record).sort()).toEqual(fieldsOf(object).map((f) => f.name).sort());
    }
  });

  it('fills every non-nillable field', () => {
    for (const { object, record } of allRecords(acme)) {
      for (const f of fieldsOf(object).filter((candidate) => !candidate.nillable)) {
        expect(record[f.name], `${object}.${f.name} on ${record.Id}`).not.toBeNull();
      }
    }
  });

  it('stores values in the shape the REST API returns for their type, within their length', () => {
    const shapes: Record<string, (value: unknown) => boolean> = {
      boolean: (v) => typeof v === 'boolean',
      currency: (v) => typeof v === 'number',
      double: (v) => typeof v === 'number',
      percent: (v) => typeof v === 'number',
      int: (v) => Number.isInteger(v),
      date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
      datetime: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/.test(v),
    };
    // Every field of every record is checked; the misfits are gathered and asserted once (thousands of expect calls
    // took over vitest's 5 s on this shared machine under load).
    const misfits: string[] = [];
    for (const { object, record } of allRecords(acme)) {
      for (const f of fieldsOf(object)) {
        const value = record[f.name];
        if (value === null || ANY_TYPE.has(`${object}.${f.name}`)) continue;
        const shape = shapes[f.type];
        const fits = shape ? shape(value) : typeof value === 'string' && value.length <= f.length;
        if (!fits) misfits.push(`${object}.${f.name} (${f.type}, length ${f.length}) = ${JSON.stringify(value)}`);
      }
    }
    expect(misfits).toEqual([]);
  });

  it('uses only values from each picklist', () => {
    for (const { object, record } of allRecords(acme)) {
      for (const f of fieldsOf(object).filter((candidate) => candidate.type === 'picklist')) {
        const value = record[f.name];
        if (value === null) continue;
        expect(f.picklistValues?.map((v) => v.value), `${object}.${f.name}`).toContain(value);
      }
    }
  });

  it('points every reference at an existing record of an allowed type', () => {
    for (const { object, record } of allRecords(acme)) {
      for (const f of fieldsOf(object).filter((candidate) => candidate.type === 'reference')) {
        const value = record[f.name];
        if (value === null) continue;
        const target = objectByKeyPrefix(String(value));
        const label = `${object}.${f.name} = ${String(value)}`;
        expect(f.referenceTo, label).toContain(target?.name);
        expect(acme.db.records.get(target?.name ?? '')?.has(String(value)), label).toBe(true);
      }
    }
  });

  it('keeps audit dates in order and in the past', () => {
    const now = NOW.toISOString().replace('Z', '+0000');
    for (const { object, record } of allRecords(acme)) {
      const { CreatedDate: created, LastModifiedDate: modified, SystemModstamp: stamp } = record;
      expect(String(created) <= now, `${object} ${record.Id}`).toBe(true);
      if (modified === undefined) continue;
      expect(String(created) <= String(modified), `${object} ${record.Id}`).toBe(true);
      expect(String(modified) <= now, `${object} ${record.Id}`).toBe(true);
      expect(stamp).toBe(modified);
    }
  });

  it('derives what Salesforce computes: names, stage flags, case numbers, activity accounts', () => {
    const dana = get(acme, 'Contact', ACME.contacts.dana.id);
    expect(dana).toMatchObject({ Name: 'Dana Whitfield', Email: 'dana.whitfield@umbrellahealth.example' });
    const won = get(acme, 'Opportunity', ACME.opportunities.globexRenewal.id);
    expect(won).toMatchObject({ IsClosed: true, IsWon: true, Probability: 100, ForecastCategoryName: 'Closed' });
    const lost = get(acme, 'Opportunity', ACME.opportunities.initechPilot.id);
    expect(lost).toMatchObject({ IsClosed: true, IsWon: false, Probability: 0 });
    const caseNumbers = records(acme, 'Case').map((c) => c.CaseNumber);
    expect(new Set(caseNumbers).size).toBe(caseNumbers.length);
    expect(caseNumbers.every((n) => /^\d{8}$/.test(String(n)))).toBe(true);
    const call = get(acme, 'Task', ACME.tasks.globexBudgetCall.id);
    expect(call).toMatchObject({ IsClosed: true, AccountId: ACME.accounts.globex.id });
    expect(get(acme, 'Account', ACME.accounts.globex.id).LastActivityDate).not.toBeNull();
  });

  it('tells a book with won, lost, open, overdue and this-quarter deals', () => {
    const opportunities = records(acme, 'Opportunity');
    expect(opportunities.some((o) => o.IsWon === true)).toBe(true);
    expect(opportunities.some((o) => o.IsClosed === true && o.IsWon === false)).toBe(true);
    const overdue = get(acme, 'Opportunity', ACME.opportunities.globexAnalytics.id);
    expect(overdue.IsClosed).toBe(false);
    expect(String(overdue.CloseDate) < today).toBe(true);
    const closing = get(acme, 'Opportunity', ACME.opportunities.globexExpansion.id);
    expect(closing.IsClosed).toBe(false);
    expect(String(closing.CloseDate) >= today && String(closing.CloseDate) <= '2026-12-31').toBe(true);
  });

  it('keeps the this-quarter deal in the quarter on its last day', () => {
    const lastDay = seed('acme', new Date(Date.UTC(2026, 11, 31, 23, 0)));
    const closing = get(lastDay, 'Opportunity', ACME.opportunities.globexExpansion.id);
    expect(closing.CloseDate).toBe('2026-12-31');
  });

  it('has overdue and upcoming tasks, and past and coming events', () => {
    const tasks = records(acme, 'Task');
    expect(tasks.some((t) => t.IsClosed === false && String(t.ActivityDate) < today)).toBe(true);
    expect(tasks.some((t) => t.IsClosed === false && String(t.ActivityDate) > today)).toBe(true);
    expect(tasks.some((t) => t.IsClosed === true)).toBe(true);
    const events = records(acme, 'Event').map((e) => String(e.ActivityDate));
    expect(events.some((d) => d < today)).toBe(true);
    expect(events.some((d) => d > today && d <= '2026-12-05')).toBe(true);
  });

  it('is an org of Acme, whose customers do not include Acme', () => {
    expect(records(acme, 'Account').map((a) => a.Name)).not.toContain('Acme Corporation');
    expect(records(acme, 'Organization')).toEqual([expect.objectContaining({ Id: ORG_ID, Name: 'Acme Corporation' })]);
  });

  it('has a lead for the inbound Gmail sender', () => {
    const { email } = ACME.leads.gmailSender;
    const matches = records(acme, 'Lead').filter((l) => l.Email === email);
    expect(matches).toEqual([expect.objectContaining({ Id: ACME.leads.gmailSender.id, Company: 'Vandelay Imports' })]);
  });

  it('has more contacts than one query batch of 2,000, on the bulk account', () => {
    const bulk = records(acme, 'Contact').filter((c) => c.AccountId === ACME.bulk.accountId);
    expect(bulk).toHaveLength(BULK_CONTACT_COUNT);
    expect(bulk.length).toBeGreaterThan(2000);
    expect(new Set(bulk.map((c) => c.Email)).size).toBe(bulk.length);
    expect(get(acme, 'Account', ACME.bulk.accountId).Name).toBe('Northwind Traders');
  });

  it('plants PII where redaction must find it, next to near-misses', () => {
    expect(passesLuhn(PLANTED_PII.cardNumber)).toBe(true);
    expect(passesLuhn(PLANTED_PII.orderNumber)).toBe(false);
    expect(ibanChecksumValid(PLANTED_PII.iban)).toBe(true);
    const description = String(get(acme, 'Case', ACME.pii.caseId).Description);
    for (const value of [PLANTED_PII.ssn, PLANTED_PII.cardNumber, PLANTED_PII.orderNumber, PLANTED_PII.phone]) {
      expect(description).toContain(value);
    }
    expect(String(get(acme, 'Note', ACME.pii.noteId).Body)).toContain(PLANTED_PII.iban);
    expect(records(acme, 'Contact').filter((c) => c.SSN__c !== null).length).toBeGreaterThan(0);
  });

  it('exports handles that name the seeded records', () => {
    expect(get(acme, 'Account', ACME.accounts.globex.id).Name).toBe('Globex Industries');
    expect(get(acme, 'Opportunity', ACME.opportunities.wayneFraud.id).Name).toBe(ACME.opportunities.wayneFraud.name);
    expect(get(acme, 'Contact', ACME.contacts.lena.id).Email).toBe(ACME.contacts.lena.email);
    expect(ACME.users.admin).toMatchObject({
      id: admin.id, username: 'alex.rivera@acme.example', password: 'test1234',
    });
    expect(ACME.users.restricted).toMatchObject({ id: sam.id, name: 'Sam Lee' });
    expect([admin.profile, sam.profile]).toEqual(['System Administrator', 'Standard User']);
  });
});

describe('access', () => {
  const adminAccess = accessFor(acme.db, admin);
  const samAccess = accessFor(acme.db, sam);
  const visibleIds = (access: ReturnType<typeof accessFor>, object: string) =>
    records(acme, object).filter((r) => access.canSeeRecord(object, r)).map((r) => r.Id);

  it('lets the administrator read every object, field and record', () => {
    for (const object of OBJECTS) {
      expect(adminAccess.canReadObject(object.name)).toBe(true);
      expect(describeFor(object, adminAccess)?.fields).toEqual(object.fields);
    }
    expect(allRecords(acme).every(({ object, record }) => adminAccess.canSeeRecord(object, record))).toBe(true);
  });

  it.each([
    ['Account', 'AnnualRevenue'], ['Contact', 'SSN__c'], ['Contact', 'Birthdate'], ['Opportunity', 'Probability'],
    ['Opportunity', 'ExpectedRevenue'],
  ])('hides %s.%s from the restricted user, in access and in describe', (object, name) => {
    expect(samAccess.canReadField(object, name)).toBe(false);
    expect(samAccess.canReadField(object.toLowerCase(), name.toLowerCase())).toBe(false);
    const def = findObject(object);
    if (!def) throw new Error(object);
    expect(describeFor(def, samAccess)?.fields.map((f) => f.name)).not.toContain(name);
    expect(describeFor(def, samAccess)?.fields.map((f) => f.name)).not.toContain(name);
    expect(canReadField(object, name, admin)).toBe(true);
  });

  it('makes ForecastCategoryName read-only for the restricted user', () => {
    const opportunity = findObject('Opportunity');
    if (!opportunity) throw new Error('no Opportunity');
    expect(describeFor(opportunity, samAccess)?.fields.find((f) => f.name === 'ForecastCategoryName')).toMatchObject({
      createable: false, updateable: false,
    });
    expect(canUpdateField('Opportunity', 'ForecastCategoryName', sam)).toBe(false);
    expect(canUpdateField('Opportunity', 'ForecastCategoryName', admin)).toBe(true);
    expect(canCreateField('Opportunity', 'StageName', sam)).toBe(true);
    expect(canUpdateField('Opportunity', 'IsWon', admin)).toBe(false);
    expect(canCreateField('Account', 'AnnualRevenue', sam)).toBe(false);
  });

  it('gives the restricted user no access to Competitor__c, nor its relationship in describe', () => {
    expect(samAccess.canReadObject('Competitor__c')).toBe(false);
    const competitor = findObject('Competitor__c');
    expect(competitor && describeFor(competitor, samAccess)).toBeUndefined();
    const opportunity = findObject('Opportunity');
    const children = opportunity && describeFor(opportunity, samAccess)?.childRelationships.map((r) => r.relationshipName);
    expect(children).not.toContain('Competitors__r');
    expect(children).toContain('OpportunityContactRoles');
    expect(visibleIds(samAccess, 'Competitor__c')).toEqual([]);
  });

  it('shares West territory and owned accounts with the restricted user, and no others', () => {
    const { globex, stark, soylent, cyberdyne } = ACME.accounts;
    expect(visibleIds(samAccess, 'Account').sort()).toEqual([globex.id, stark.id, soylent.id, cyberdyne.id].sort());
  });

  it('shares contacts, opportunities and cases through their account', () => {
    const contacts = visibleIds(samAccess, 'Contact');
    expect(contacts).toContain(ACME.contacts.rosa.id);
    expect(contacts).not.toContain(ACME.contacts.dana.id);
    expect(contacts).toContain(ACME.contacts.victor.id);
    expect(contacts).not.toContain(ACME.contacts.catherine.id);
    expect(contacts.length).toBeLessThan(2000);
    const opportunities = visibleIds(samAccess, 'Opportunity');
    expect(opportunities).toContain(ACME.opportunities.globexExpansion.id);
    expect(opportunities).not.toContain(ACME.opportunities.wayneFraud.id);
    expect(visibleIds(samAccess, 'Case')).not.toContain(ACME.cases.umbrellaSso.id);
  });

  it('shares activities through their What or Who, notes unless private', () => {
    const tasks = visibleIds(samAccess, 'Task');
    expect(tasks).toContain(ACME.tasks.globexBudgetCall.id);
    expect(tasks).toContain(ACME.tasks.starkRoiModel.id);
    expect(tasks).toContain(ACME.tasks.nadiaOutreach.id);
    expect(tasks).not.toContain(ACME.tasks.wayneBriefing.id);
    expect(visibleIds(samAccess, 'Event')).not.toContain(ACME.events.wayneBriefing.id);
    const notes = visibleIds(samAccess, 'Note');
    expect(notes).toContain(ACME.notes.globexNegotiation.id);
    expect(notes).not.toContain(ACME.notes.globexPricingFloor.id);
    expect(visibleIds(samAccess, 'Lead')).toHaveLength(records(acme, 'Lead').length);
  });

  it('hides field history of fields the restricted user cannot read', () => {
    const history = records(acme, 'OpportunityFieldHistory').filter(
      (h) => h.OpportunityId === ACME.opportunities.globexExpansion.id,
    );
    const seen = history.filter((h) => samAccess.canSeeRecord('OpportunityFieldHistory', h)).map((h) => h.Field);
    expect(seen).toContain('StageName');
    expect(seen).toContain('Amount');
    expect(seen).not.toContain('Probability');
    expect(history.map((h) => h.Field)).toContain('Probability');
  });

  it('follows the data: an account reassigned to the restricted user shares its contacts', () => {
    const org = seed();
    const restricted = user(org, true);
    const access = org.accessFor(restricted);
    const tom = get(org, 'Contact', ACME.contacts.tom.id);
    expect(access.canSeeRecord('Contact', tom)).toBe(false);
    get(org, 'Account', ACME.accounts.initech.id).OwnerId = restricted.id;
    expect(access.canSeeRecord('Contact', tom)).toBe(true);
  });
});
