/**
 * A small org for the SOQL engine's tests: Users, Accounts, Contacts, Leads, Opportunities and Tasks, with a custom
 * object, a field and records that the restricted user may not see. The clock reads Wednesday 2026-03-18 15:30 UTC.
 */
import { IdFactory } from '../../sandbox/salesforce/ids';
import type {
  Access,
  ChildRelationshipDef,
  Database,
  FieldDef,
  FieldValue,
  ObjectDef,
  StoredRecord,
} from '../../sandbox/salesforce/model';

export const NOW = new Date('2026-03-18T15:30:00Z');

function field(name: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef {
  return {
    name,
    label: name,
    type,
    length: type === 'string' || type === 'textarea' ? 255 : 0,
    nillable: true,
    createable: true,
    updateable: true,
    defaultedOnCreate: false,
    filterable: true,
    sortable: true,
    ...extra,
  };
}

function picklist(name: string, values: string[], multi = false): FieldDef {
  return field(name, multi ? 'multipicklist' : 'picklist', {
    picklistValues: values.map((value) => ({ value, label: `${value} (label)`, active: true, defaultValue: false })),
  });
}

function lookup(name: string, relationshipName: string, referenceTo: string[]): FieldDef {
  return field(name, 'reference', { relationshipName, referenceTo });
}

function child(childSObject: string, fieldName: string, relationshipName: string): ChildRelationshipDef {
  return { childSObject, field: fieldName, relationshipName };
}

function object(
  name: string,
  keyPrefix: string,
  fields: FieldDef[],
  childRelationships: ChildRelationshipDef[] = [],
): ObjectDef {
  return {
    name,
    label: name,
    labelPlural: `${name}s`,
    keyPrefix,
    custom: name.endsWith('__c'),
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    fields: [field('Id', 'id'), ...fields],
    childRelationships,
  };
}

const OBJECTS: ObjectDef[] = [
  object('User', '005', [
    field('Name', 'string', { nameField: true }),
    field('Email', 'email'),
    field('IsActive', 'boolean'),
  ]),
  object(
    'Account',
    '001',
    [
      field('Name', 'string', { nameField: true }),
      picklist('Industry', ['Technology', 'Energy', 'Retail']),
      field('AnnualRevenue', 'currency'),
      field('NumberOfEmployees', 'int'),
      field('Description', 'textarea', { length: 32000, filterable: false, sortable: false }),
      field('Secret__c', 'string'),
      picklist('Regions__c', ['EMEA', 'AMER', 'APAC'], true),
      field('IsPartner__c', 'boolean'),
      lookup('OwnerId', 'Owner', ['User']),
      lookup('ParentId', 'Parent', ['Account']),
      field('CreatedDate', 'datetime'),
      field('LastActivityDate', 'date'),
    ],
    [
      child('Contact', 'AccountId', 'Contacts'),
      child('Opportunity', 'AccountId', 'Opportunities'),
      child('Task', 'WhatId', 'Tasks'),
      child('Account', 'ParentId', 'ChildAccounts'),
    ],
  ),
  object(
    'Contact',
    '003',
    [
      field('FirstName', 'string'),
      field('LastName', 'string'),
      field('Name', 'string', { nameField: true }),
      field('Email', 'email'),
      field('Birthdate', 'date'),
      lookup('AccountId', 'Account', ['Account']),
      lookup('OwnerId', 'Owner', ['User']),
    ],
    [child('Task', 'WhoId', 'Tasks')],
  ),
  object('Lead', '00Q', [
    field('Name', 'string', { nameField: true }),
    field('LastName', 'string'),
    field('Company', 'string'),
  ]),
  object(
    'Opportunity',
    '006',
    [
      field('Name', 'string', { nameField: true }),
      picklist('StageName', ['Prospecting', 'Negotiation', 'Closed Won']),
      field('Amount', 'currency'),
      field('CloseDate', 'date'),
      lookup('AccountId', 'Account', ['Account']),
      lookup('OwnerId', 'Owner', ['User']),
    ],
    [child('Task', 'WhatId', 'Tasks')],
  ),
  object('Task', '00T', [
    field('Subject', 'string', { nameField: true }),
    field('ActivityDate', 'date'),
    lookup('WhatId', 'What', ['Account', 'Opportunity']),
    lookup('WhoId', 'Who', ['Contact', 'Lead']),
  ]),
  object('Invoice__c', 'a01', [field('Name', 'string', { nameField: true })]),
];

const ids = new IdFactory();

function make(prefix: string, values: Record<string, FieldValue>): StoredRecord {
  return { Id: ids.next(prefix), ...values };
}

export const users = {
  ada: make('005', { Name: 'Ada Admin', Email: 'ada@example.com', IsActive: true }),
  rex: make('005', { Name: 'Rex Rep', Email: 'rex@example.com', IsActive: true }),
};

const acme = make('001', {
  Name: 'Acme Corp',
  Industry: 'Technology',
  AnnualRevenue: 5_000_000,
  NumberOfEmployees: 120,
  Description: 'A long description',
  Secret__c: 'classified',
  Regions__c: 'EMEA;APAC',
  IsPartner__c: true,
  OwnerId: users.ada.Id,
  ParentId: null,
  CreatedDate: '2026-03-17T09:00:00.000+0000',
  LastActivityDate: '2026-03-10',
});

export const accounts = {
  acme,
  globex: make('001', {
    Name: 'Globex',
    Industry: 'Energy',
    AnnualRevenue: 2_000_000,
    NumberOfEmployees: 50,
    Regions__c: 'AMER',
    IsPartner__c: false,
    OwnerId: users.rex.Id,
    ParentId: acme.Id,
    CreatedDate: '2026-01-05T12:00:00.000+0000',
    LastActivityDate: '2025-12-20',
  }),
  initech: make('001', {
    Name: 'Initech',
    Industry: null,
    AnnualRevenue: null,
    NumberOfEmployees: 10,
    Regions__c: null,
    IsPartner__c: false,
    OwnerId: users.rex.Id,
    ParentId: null,
    CreatedDate: '2025-06-01T00:00:00.000+0000',
    LastActivityDate: null,
  }),
  hidden: make('001', {
    Name: 'Private Holdings',
    Industry: 'Retail',
    AnnualRevenue: 9_000_000,
    NumberOfEmployees: 500,
    Regions__c: 'EMEA',
    IsPartner__c: false,
    OwnerId: users.ada.Id,
    ParentId: null,
    CreatedDate: '2026-03-18T08:00:00.000+0000',
    LastActivityDate: '2026-03-15',
  }),
  shop: make('001', {
    Name: '50% Off_Shop',
    Industry: 'Retail',
    AnnualRevenue: 100,
    NumberOfEmployees: 3,
    Regions__c: 'EMEA;AMER;APAC',
    IsPartner__c: false,
    OwnerId: users.rex.Id,
    ParentId: acme.Id,
    CreatedDate: '2026-03-15T00:00:00.000+0000',
    LastActivityDate: '2026-03-21',
  }),
};

function contact(first: string, last: string, account: StoredRecord | null, extra: Record<string, FieldValue> = {}) {
  return make('003', {
    FirstName: first,
    LastName: last,
    Name: `${first} ${last}`,
    Email: `${first.toLowerCase()}@example.com`,
    Birthdate: null,
    AccountId: account?.Id ?? null,
    OwnerId: users.rex.Id,
    ...extra,
  });
}

export const contacts = {
  alice: contact('Alice', 'Smith', accounts.acme, { Birthdate: '1990-05-01' }),
  bob: contact('Bob', 'Jones', accounts.acme),
  carol: contact('Carol', 'White', accounts.globex),
  dan: contact('Dan', 'Black', null),
  eve: contact('Eve', 'Hidden', accounts.hidden),
};

export const leads = {
  lara: make('00Q', { Name: 'Lara Lead', LastName: 'Lead', Company: 'Leads Inc' }),
};

function opportunity(name: string, account: StoredRecord, stage: string, amount: number, closeDate: string) {
  return make('006', {
    Name: name,
    StageName: stage,
    Amount: amount,
    CloseDate: closeDate,
    AccountId: account.Id,
    OwnerId: users.ada.Id,
  });
}

export const opportunities = {
  renewal: opportunity('Acme Renewal', accounts.acme, 'Prospecting', 10_000, '2026-03-31'),
  expansion: opportunity('Acme Expansion', accounts.acme, 'Closed Won', 50_000, '2026-02-15'),
  globexDeal: opportunity('Globex Deal', accounts.globex, 'Negotiation', 25_000, '2026-05-10'),
  privateDeal: opportunity('Private Deal', accounts.hidden, 'Closed Won', 99_999, '2026-03-18'),
};

export const tasks = {
  call: make('00T', {
    Subject: 'Call Acme',
    ActivityDate: '2026-03-19',
    WhatId: accounts.acme.Id,
    WhoId: contacts.alice.Id,
  }),
  email: make('00T', {
    Subject: 'Email about deal',
    ActivityDate: null,
    WhatId: opportunities.globexDeal.Id,
    WhoId: null,
  }),
  followUp: make('00T', { Subject: 'Follow up', ActivityDate: '2026-03-12', WhatId: null, WhoId: leads.lara.Id }),
  hiddenCall: make('00T', { Subject: 'Hidden call', ActivityDate: null, WhatId: accounts.hidden.Id, WhoId: null }),
};

export const invoice = make('a01', { Name: 'INV-1' });

export function buildDatabase(): Database {
  const all: [string, StoredRecord[]][] = [
    ['User', Object.values(users)],
    ['Account', Object.values(accounts)],
    ['Contact', Object.values(contacts)],
    ['Lead', Object.values(leads)],
    ['Opportunity', Object.values(opportunities)],
    ['Task', Object.values(tasks)],
    ['Invoice__c', [invoice]],
  ];
  return {
    objects: new Map(OBJECTS.map((o) => [o.name, o])),
    records: new Map(all.map(([name, records]) => [name, new Map(records.map((r) => [r.Id, r]))])),
    now: () => NOW,
  };
}

export const adminAccess: Access = {
  canReadObject: () => true,
  canReadField: () => true,
  canSeeRecord: () => true,
  canModifyObject: () => true,
  canWriteField: () => true,
};

/** No Invoice__c, no Account.Secret__c, and Private Holdings is not shared with this user. */
export const restrictedAccess: Access = {
  canReadObject: (name) => name !== 'Invoice__c',
  canReadField: (objectName, fieldName) => !(objectName === 'Account' && fieldName === 'Secret__c'),
  canSeeRecord: (objectName, record) => !(objectName === 'Account' && record.Name === 'Private Holdings'),
  canModifyObject: () => true,
  canWriteField: (objectName, fieldName) => !(objectName === 'Account' && fieldName === 'Secret__c'),
};
