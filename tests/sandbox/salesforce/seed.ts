/**
 * The sandbox org's starting data. Deterministic: the same org name gives the same ids and values on every run; dates
 * are relative to the org's clock, so "overdue", "next week" and "this quarter" always hold.
 *
 * "acme" (the primary org) holds a B2B book: customer accounts with contacts, opportunities in every state (won, lost,
 * open, overdue, closing this quarter), contact roles, cases, tasks, events, notes, field history and competitors,
 * leads (one is the sender of the inbound Gmail message), and a bulk account with enough contacts that
 * `SELECT Id FROM Contact` pages at 2,000. Any other org name gets a smaller, different book.
 */
import { accessFor } from './access';
import { IdFactory, normalizeId } from './ids';
import type { Database, FieldValue, ObjectDef, OrgSeed, OrgUser, StoredRecord } from './model';
import { profilePermissionSet } from './permission-sets';
import { applyDerivedFields, findField, findObject, OBJECTS } from './schema';

export interface SeedOptions {
  orgName: string;
  /** The Organization id (00D…, 15 or 18 characters). */
  orgId: string;
  now: () => Date;
}

export const SEED_PASSWORD = 'test1234';

/** Contacts on the bulk account: more than one query batch (2,000). */
export const BULK_CONTACT_COUNT = 2150;

type Values = Record<string, FieldValue>;

export interface RecordHandle {
  id: string;
  name: string;
}

export interface PersonHandle extends RecordHandle {
  firstName: string;
  lastName: string;
  email: string;
}

export interface LeadHandle extends PersonHandle {
  company: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Clock: dates relative to the org's "now" (UTC, the org's time zone)

const DAY_MS = 86_400_000;

class SeedClock {
  private readonly todayMs: number;

  constructor(private readonly now: Date) {
    this.todayMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }

  /** `YYYY-MM-DD`, `offsetDays` from today. */
  date(offsetDays: number): string {
    return new Date(this.todayMs + offsetDays * DAY_MS).toISOString().slice(0, 10);
  }

  /** `YYYY-MM-DDTHH:mm:ss.000+0000` at `hour`:`minute` UTC, `offsetDays` from today; never later than now. */
  pastDateTime(daysAgo: number, hour = 16, minute = 0): string {
    const at = this.todayMs - daysAgo * DAY_MS + (hour * 60 + minute) * 60_000;
    return formatDateTime(Math.min(at, this.now.getTime()));
  }

  futureDateTime(offsetDays: number, hour: number, minute = 0): string {
    return formatDateTime(this.todayMs + offsetDays * DAY_MS + (hour * 60 + minute) * 60_000);
  }

  /** Days from today to a day `preferredDays` ahead, but no later than the last day of the current quarter. */
  withinThisQuarter(preferredDays: number): number {
    const today = new Date(this.todayMs);
    const quarterEndMonth = Math.floor(today.getUTCMonth() / 3) * 3 + 3;
    const quarterEndMs = Date.UTC(today.getUTCFullYear(), quarterEndMonth, 0);
    return Math.min(preferredDays, Math.round((quarterEndMs - this.todayMs) / DAY_MS));
  }
}

function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

// ---------------------------------------------------------------------------------------------------------------
// Writing records

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Two instance characters derived from the org name, so that two orgs never share ids. */
function podFor(orgName: string): string {
  let hash = 2166136261;
  for (const ch of orgName.toLowerCase()) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `${BASE62.charAt(1 + (hash % 9))}${BASE62.charAt(36 + ((hash >>> 8) % 26))}0000`;
}

function emptyDatabase(now: () => Date): Database {
  return {
    objects: new Map(OBJECTS.map((o) => [o.name, o])),
    records: new Map(OBJECTS.map((o) => [o.name, new Map<string, StoredRecord>()])),
    now,
  };
}

/** A record with every field present: false for checkboxes, the picklist default where there is one, else null. */
function blankRecord(object: ObjectDef): Values {
  const blank: Values = {};
  for (const f of object.fields) {
    const picklistDefault = f.type === 'picklist' ? f.picklistValues?.find((v) => v.defaultValue)?.value : undefined;
    blank[f.name] = f.type === 'boolean' ? false : (picklistDefault ?? null);
  }
  return blank;
}

interface InsertOptions {
  /** Days since the record was created (its CreatedDate; LastModifiedDate too unless given). */
  ageDays?: number;
}

class OrgWriter {
  readonly ids: IdFactory;
  /** The running admin: owner and author of records unless a record says otherwise. */
  adminId = '';
  private readonly blanks = new Map<string, Values>();

  constructor(
    readonly db: Database,
    readonly clock: SeedClock,
    orgName: string,
  ) {
    this.ids = new IdFactory(podFor(orgName));
  }

  insert(objectName: string, values: Values, { ageDays = 30 }: InsertOptions = {}): StoredRecord {
    const object = findObject(objectName);
    if (!object) throw new Error(`seed: unknown object ${objectName}`);
    for (const name of Object.keys(values)) {
      if (!findField(object, name)) throw new Error(`seed: unknown field ${objectName}.${name}`);
    }
    const record: StoredRecord = { ...this.blank(object), Id: this.ids.next(object.keyPrefix) };
    const createdDate = this.clock.pastDateTime(ageDays, 15, 30);
    this.setIfField(object, record, {
      OwnerId: this.adminId,
      CreatedById: this.adminId,
      LastModifiedById: this.adminId,
      CreatedDate: createdDate,
      LastModifiedDate: createdDate,
    });
    Object.assign(record, values);
    this.setIfField(object, record, { SystemModstamp: record.LastModifiedDate ?? null });
    applyDerivedFields(this.db, object.name, record);
    this.db.records.get(object.name)?.set(record.Id, record);
    return record;
  }

  private blank(object: ObjectDef): Values {
    let blank = this.blanks.get(object.name);
    if (!blank) {
      blank = blankRecord(object);
      this.blanks.set(object.name, blank);
    }
    return blank;
  }

  private setIfField(object: ObjectDef, record: StoredRecord, values: Values): void {
    for (const [name, value] of Object.entries(values)) {
      if (name in this.blank(object)) record[name] = value;
    }
  }
}

const handle = (record: StoredRecord, nameField = 'Name'): RecordHandle => ({
  id: record.Id,
  name: String(record[nameField]),
});

function personHandle(record: StoredRecord): PersonHandle {
  return {
    ...handle(record),
    firstName: String(record.FirstName),
    lastName: String(record.LastName),
    email: String(record.Email),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Users

/**
 * The parts of an org key: `acme` is production; `acme--uat.sandbox` is the `uat` sandbox of `acme`, whose usernames
 * carry the sandbox name as a suffix (`alex.rivera@acme.example.uat`), as Salesforce does when it copies users.
 */
function orgNameParts(orgName: string): { company: string; sandbox: string | null } {
  const [company = orgName, rest] = orgName.split('--');
  return { company, sandbox: rest ? (rest.split('.')[0] ?? null) : null };
}

function orgDisplayName(orgName: string): string {
  const { company } = orgNameParts(orgName);
  return `${company.charAt(0).toUpperCase()}${company.slice(1)} Corporation`;
}

function seedUsers(w: OrgWriter, orgName: string): { admin: OrgUser; restricted: OrgUser } {
  const { company, sandbox } = orgNameParts(orgName);
  const login = (local: string) => `${local}@${company}.example${sandbox ? `.${sandbox}` : ''}`;
  const email = (local: string) => `${local}@${company}.example`;
  const common = { CompanyName: orgDisplayName(orgName), IsActive: true, LastLoginDate: w.clock.pastDateTime(1, 14) };
  const alexRecord = w.insert(
    'User',
    {
      ...common,
      FirstName: 'Alex',
      LastName: 'Rivera',
      Username: login('alex.rivera'),
      Email: email('alex.rivera'),
      Alias: 'arive',
      Title: 'Senior Account Executive',
      Department: 'Sales',
      Phone: '(415) 555-0100',
      TimeZoneSidKey: 'America/Los_Angeles',
    },
    { ageDays: 900 },
  );
  // The first user creates itself; everything after is created by it.
  w.adminId = alexRecord.Id;
  Object.assign(alexRecord, { CreatedById: alexRecord.Id, LastModifiedById: alexRecord.Id });
  const samRecord = w.insert(
    'User',
    {
      ...common,
      FirstName: 'Sam',
      LastName: 'Lee',
      Username: login('sam.lee'),
      Email: email('sam.lee'),
      Alias: 'slee',
      Title: 'Account Executive, West',
      Department: 'Sales',
      Phone: '(206) 555-0101',
      TimeZoneSidKey: 'America/Los_Angeles',
      ManagerId: alexRecord.Id,
    },
    { ageDays: 400 },
  );
  const toUser = (record: StoredRecord, profile: OrgUser['profile']): OrgUser => ({
    id: record.Id,
    username: String(record.Username),
    password: SEED_PASSWORD,
    name: String(record.Name),
    email: String(record.Email),
    profile,
    restricted: profile === 'Standard User',
  });
  return { admin: toUser(alexRecord, 'System Administrator'), restricted: toUser(samRecord, 'Standard User') };
}

/** The role hierarchy: Sam's role reports to Alex's (seeded last, so that no other record's id moves). */
function seedRoles(w: OrgWriter, users: { admin: OrgUser; restricted: OrgUser }): void {
  const manager = w.insert('UserRole', { Name: 'Sales Manager', DeveloperName: 'Sales_Manager', RollupDescription: 'Sales Manager' }, { ageDays: 900 });
  const west = w.insert(
    'UserRole',
    { Name: 'Account Executive, West', DeveloperName: 'Account_Executive_West', ParentRoleId: manager.Id, RollupDescription: 'Account Executive, West' },
    { ageDays: 900 },
  );
  // Set in place, as the users were created with their roles: their modification dates stay as seeded.
  const assign = (userId: string, roleId: string): void => {
    const record = w.db.records.get('User')?.get(userId);
    if (record) record.UserRoleId = roleId;
  };
  assign(users.admin.id, manager.Id);
  assign(users.restricted.id, west.Id);
}

/** Each profile owns a permission set, assigned to its users (last, so that no other record's id moves). */
function seedProfilePermissionSets(w: OrgWriter, users: OrgUser[]): void {
  for (const user of users) {
    const set = w.insert('PermissionSet', profilePermissionSet(user.profile), { ageDays: 900 });
    w.insert('PermissionSetAssignment', { AssigneeId: user.id, PermissionSetId: set.Id }, { ageDays: 900 });
  }
}

function seedOrganization(w: OrgWriter, orgName: string, orgId: string): void {
  const id = normalizeId(orgId);
  if (!id?.startsWith('00D')) throw new Error(`seed: ${orgId} is not an Organization id`);
  const record = w.insert(
    'Organization',
    {
      Name: orgDisplayName(orgName),
      City: 'San Francisco',
      State: 'CA',
      Country: 'United States',
      OrganizationType: 'Enterprise Edition',
      InstanceName: 'USA764S',
      IsSandbox: orgNameParts(orgName).sandbox !== null,
      TimeZoneSidKey: 'America/Los_Angeles',
      LanguageLocaleKey: 'en_US',
      FiscalYearStartMonth: 1,
    },
    { ageDays: 900 },
  );
  // The Organization id is given (it is also the prefix of every session id), not minted.
  const table = w.db.records.get('Organization');
  table?.delete(record.Id);
  record.Id = id;
  table?.set(id, record);
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks of a book

interface AccountSpec {
  Name: string;
  Industry: string;
  Type: string;
  AnnualRevenue: number;
  NumberOfEmployees: number;
  Phone: string;
  Website: string;
  BillingStreet: string;
  BillingCity: string;
  BillingState: string;
  BillingPostalCode: string;
  BillingCountry: string;
  Rating: string;
  Description: string;
  domain: string;
  owner?: string;
}

interface AccountRecord {
  record: StoredRecord;
  domain: string;
}

function insertAccount(w: OrgWriter, { domain, owner, ...fields }: AccountSpec, ageDays = 700): AccountRecord {
  const record = w.insert(
    'Account',
    {
      ...fields,
      ShippingStreet: fields.BillingStreet,
      ShippingCity: fields.BillingCity,
      ShippingState: fields.BillingState,
      ShippingPostalCode: fields.BillingPostalCode,
      ShippingCountry: fields.BillingCountry,
      Ownership: 'Private',
      AccountSource: 'Partner Referral',
      OwnerId: owner ?? w.adminId,
    },
    { ageDays },
  );
  return { record, domain };
}

interface ContactSpec {
  first: string;
  last: string;
  title: string;
  department?: string;
  phone: string;
  extra?: Values;
}

const emailLocalPart = (first: string, last: string): string =>
  `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');

function insertContact(w: OrgWriter, account: AccountRecord, spec: ContactSpec, ageDays = 500): StoredRecord {
  const a = account.record;
  return w.insert(
    'Contact',
    {
      AccountId: a.Id,
      FirstName: spec.first,
      LastName: spec.last,
      Title: spec.title,
      Department: spec.department ?? null,
      Email: `${emailLocalPart(spec.first, spec.last)}@${account.domain}`,
      Phone: spec.phone,
      MailingStreet: a.BillingStreet ?? null,
      MailingCity: a.BillingCity ?? null,
      MailingState: a.BillingState ?? null,
      MailingPostalCode: a.BillingPostalCode ?? null,
      MailingCountry: a.BillingCountry ?? null,
      LeadSource: 'Partner Referral',
      OwnerId: a.OwnerId ?? w.adminId,
      ...spec.extra,
    },
    { ageDays },
  );
}

interface OpportunitySpec {
  Name: string;
  StageName: string;
  Amount: number;
  /** Close date, in days from today (negative: in the past). */
  closeInDays: number;
  Type?: string;
  NextStep?: string;
  LeadSource?: string;
  Description?: string;
  ForecastCategoryName?: string;
}

function insertOpportunity(
  w: OrgWriter,
  account: AccountRecord,
  { closeInDays, ...fields }: OpportunitySpec,
  ageDays = 120,
): StoredRecord {
  const closed = fields.StageName.startsWith('Closed');
  return w.insert(
    'Opportunity',
    {
      ...fields,
      AccountId: account.record.Id,
      CloseDate: w.clock.date(closeInDays),
      OwnerId: account.record.OwnerId ?? w.adminId,
      // A closed deal was last touched when it closed.
      LastModifiedDate: w.clock.pastDateTime(closed ? Math.max(1, -closeInDays) : 2, 17),
    },
    { ageDays },
  );
}

function insertContactRole(
  w: OrgWriter,
  opportunity: StoredRecord,
  contactRecord: StoredRecord,
  role: string,
  primary = false,
): StoredRecord {
  return w.insert(
    'OpportunityContactRole',
    { OpportunityId: opportunity.Id, ContactId: contactRecord.Id, Role: role, IsPrimary: primary },
    { ageDays: 60 },
  );
}

interface TaskSpec {
  Subject: string;
  dueInDays: number;
  Status: string;
  Priority?: string;
  what?: StoredRecord;
  who?: StoredRecord;
  Description?: string;
  TaskSubtype?: string;
  owner?: string;
}

function insertTask(w: OrgWriter, { dueInDays, what, who, owner, ...fields }: TaskSpec): StoredRecord {
  const completed = fields.Status === 'Completed';
  const ageDays = Math.max(3, 5 - dueInDays);
  return w.insert(
    'Task',
    {
      TaskSubtype: 'Task',
      Priority: 'Normal',
      ...fields,
      ActivityDate: w.clock.date(dueInDays),
      WhatId: what?.Id ?? null,
      WhoId: who?.Id ?? null,
      OwnerId: owner ?? w.adminId,
      LastModifiedDate: completed
        ? w.clock.pastDateTime(Math.max(0, -dueInDays), 17)
        : w.clock.pastDateTime(ageDays, 15, 30),
    },
    { ageDays },
  );
}

interface EventSpec {
  Subject: string;
  startInDays: number;
  hour: number;
  DurationInMinutes: number;
  Location?: string;
  what?: StoredRecord;
  who?: StoredRecord;
  Description?: string;
  owner?: string;
}

function insertEvent(w: OrgWriter, { startInDays, hour, what, who, owner, ...fields }: EventSpec): StoredRecord {
  const start =
    startInDays < 0 ? w.clock.pastDateTime(-startInDays, hour) : w.clock.futureDateTime(startInDays, hour);
  return w.insert(
    'Event',
    { ...fields, StartDateTime: start, WhatId: what?.Id ?? null, WhoId: who?.Id ?? null, OwnerId: owner ?? w.adminId },
    { ageDays: Math.max(2, 7 - startInDays) },
  );
}

interface HistoryChange {
  daysAgo: number;
  field: string;
  dataType: string;
  from: FieldValue;
  to: FieldValue;
}

/** Field history rows for an opportunity: the `created` row, then each change. OldValue/NewValue keep their types. */
function insertHistory(w: OrgWriter, opportunity: StoredRecord, createdDaysAgo: number, changes: HistoryChange[]) {
  const row = (daysAgo: number, values: Values) =>
    w.insert('OpportunityFieldHistory', { OpportunityId: opportunity.Id, ...values }, { ageDays: daysAgo });
  row(createdDaysAgo, { Field: 'created', DataType: 'Text', OldValue: null, NewValue: null });
  for (const change of changes) {
    row(change.daysAgo, { Field: change.field, DataType: change.dataType, OldValue: change.from, NewValue: change.to });
  }
}

/** Last Activity: the latest due date of a closed task or date of a past event related to the record. */
function rollUpLastActivity(db: Database, today: string): void {
  const latest = new Map<string, string>();
  const consider = (ids: FieldValue[], day: FieldValue) => {
    if (typeof day !== 'string' || day > today) return;
    for (const id of ids) {
      if (typeof id !== 'string') continue;
      const current = latest.get(id);
      if (!current || current < day) latest.set(id, day);
    }
  };
  for (const t of db.records.get('Task')?.values() ?? []) {
    if (t.IsClosed === true) consider([t.WhatId ?? null, t.WhoId ?? null, t.AccountId ?? null], t.ActivityDate ?? null);
  }
  for (const e of db.records.get('Event')?.values() ?? []) {
    consider([e.WhatId ?? null, e.WhoId ?? null, e.AccountId ?? null], e.ActivityDate ?? null);
  }
  for (const [id, day] of latest) {
    for (const name of ['Account', 'Contact', 'Lead', 'Opportunity']) {
      const record = db.records.get(name)?.get(id);
      if (record) record.LastActivityDate = day;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The acme book

/** PII planted where redaction must find it, and near-misses it must leave alone. */
export const PLANTED_PII = {
  ssn: '123-45-6789',
  /** Passes the Luhn check. */
  cardNumber: '4111 1111 1111 1111',
  /** Valid IBAN checksum (mod 97). */
  iban: 'GB82 WEST 1234 5698 7654 32',
  /** Near-miss: 16 digits grouped like a card, fails the Luhn check. */
  orderNumber: '7310 2294 5581 0046',
  /** Near-miss: a phone number, not an SSN. */
  phone: '(415) 555-0142',
} as const;

function seedAcmeAccounts(w: OrgWriter, samId: string) {
  const us = 'United States';
  return {
    globex: insertAccount(w, {
      Name: 'Globex Industries', Industry: 'Manufacturing', Type: 'Customer - Direct', AnnualRevenue: 850_000_000,
      NumberOfEmployees: 4200, Phone: '(415) 555-0110', Website: 'www.globex.example',
      BillingStreet: '500 Howard Street', BillingCity: 'San Francisco', BillingState: 'CA',
      BillingPostalCode: '94105', BillingCountry: us, Rating: 'Hot', domain: 'globex.example',
      Description:
        'Industrial automation manufacturer with three plants in the Bay Area. Standardising on our platform for ' +
        'line monitoring; the executive sponsor is the VP of Operations.',
    }),
    initech: insertAccount(w, {
      Name: 'Initech', Industry: 'Technology', Type: 'Customer - Direct', AnnualRevenue: 120_000_000,
      NumberOfEmployees: 900, Phone: '(512) 555-0120', Website: 'www.initech.example',
      BillingStreet: '4120 Freidrich Lane', BillingCity: 'Austin', BillingState: 'TX', BillingPostalCode: '78744',
      BillingCountry: us, Rating: 'Warm', domain: 'initech.example',
      Description: 'Software company in Austin. Lost the pilot to Hooli Cloud on price; still warm with the CTO.',
    }),
    umbrella: insertAccount(w, {
      Name: 'Umbrella Health', Industry: 'Healthcare', Type: 'Customer - Direct', AnnualRevenue: 2_100_000_000,
      NumberOfEmployees: 12000, Phone: '(617) 555-0130', Website: 'www.umbrellahealth.example',
      BillingStreet: '1 Longwood Avenue', BillingCity: 'Boston', BillingState: 'MA', BillingPostalCode: '02115',
      BillingCountry: us, Rating: 'Warm', domain: 'umbrellahealth.example',
      Description:
        'Regional hospital network with 14 sites. Strict HIPAA review: a security questionnaire is required for ' +
        'every new module.',
    }),
    stark: insertAccount(w, {
      Name: 'Stark Logistics', Industry: 'Transportation', Type: 'Customer - Channel', AnnualRevenue: 340_000_000,
      NumberOfEmployees: 2600, Phone: '(206) 555-0140', Website: 'www.starklogistics.example',
      BillingStreet: '2200 Alaskan Way', BillingCity: 'Seattle', BillingState: 'WA', BillingPostalCode: '98121',
      BillingCountry: us, Rating: 'Hot', domain: 'starklogistics.example', owner: samId,
      Description: 'Freight and warehousing across the Pacific Northwest. Piloting telematics at the Tacoma hub.',
    }),
    wayne: insertAccount(w, {
      Name: 'Wayne Financial', Industry: 'Banking', Type: 'Customer - Direct', AnnualRevenue: 5_400_000_000,
      NumberOfEmployees: 18000, Phone: '(212) 555-0150', Website: 'www.waynefinancial.example',
      BillingStreet: '1007 Park Avenue', BillingCity: 'New York', BillingState: 'NY', BillingPostalCode: '10028',
      BillingCountry: us, Rating: 'Hot', domain: 'waynefinancial.example',
      Description:
        'Retail and commercial bank. The fraud analytics deal is the largest open opportunity this year; ' +
        'procurement runs a formal RFP.',
    }),
    soylent: insertAccount(w, {
      Name: 'Soylent Foods', Industry: 'Food & Beverage', Type: 'Prospect', AnnualRevenue: 75_000_000,
      NumberOfEmployees: 650, Phone: '(503) 555-0160', Website: 'www.soylentfoods.example',
      BillingStreet: '830 NW Everett Street', BillingCity: 'Portland', BillingState: 'OR', BillingPostalCode: '97209',
      BillingCountry: us, Rating: 'Cold', domain: 'soylentfoods.example',
      Description: 'Packaged food producer in early evaluation of supply chain visibility.',
    }),
    cyberdyne: insertAccount(w, {
      Name: 'Cyberdyne Robotics', Industry: 'Electronics', Type: 'Customer - Direct', AnnualRevenue: 410_000_000,
      NumberOfEmployees: 3100, Phone: '(303) 555-0170', Website: 'www.cyberdyne.example',
      BillingStreet: '1801 Wynkoop Street', BillingCity: 'Denver', BillingState: 'CO', BillingPostalCode: '80202',
      BillingCountry: us, Rating: 'Warm', domain: 'cyberdyne.example', owner: samId,
      Description: 'Robotics maker; buys vision systems and calibration services.',
    }),
    massive: insertAccount(w, {
      Name: 'Massive Dynamic', Industry: 'Engineering', Type: 'Channel Partner / Reseller', AnnualRevenue: 960_000_000,
      NumberOfEmployees: 5200, Phone: '(416) 555-0180', Website: 'www.massivedynamic.example',
      BillingStreet: '200 Bay Street', BillingCity: 'Toronto', BillingState: 'ON', BillingPostalCode: 'M5J 2J2',
      BillingCountry: 'Canada', Rating: 'Warm', domain: 'massivedynamic.example',
      Description: 'Engineering services firm and our reseller partner for Canada.',
    }),
    northwind: insertAccount(w, {
      Name: 'Northwind Traders', Industry: 'Retail', Type: 'Customer - Channel', AnnualRevenue: 230_000_000,
      NumberOfEmployees: 1800, Phone: '(404) 555-0190', Website: 'www.northwind.example',
      BillingStreet: '191 Peachtree Street NE', BillingCity: 'Atlanta', BillingState: 'GA', BillingPostalCode: '30303',
      BillingCountry: us, Rating: 'Warm', domain: 'northwind.example',
      Description: 'Specialty food distributor; its large contact base was imported from their partner portal.',
    }),
  };
}

type AcmeAccounts = ReturnType<typeof seedAcmeAccounts>;

function seedAcmeContacts(w: OrgWriter, a: AcmeAccounts) {
  const rosa = insertContact(w, a.globex, {
    first: 'Rosa', last: 'Delgado', title: 'VP of Operations', department: 'Operations', phone: '(415) 555-0111',
    extra: { MobilePhone: '(415) 555-0181', Birthdate: '1979-04-12', SSN__c: '536-22-1847', Salutation: 'Ms.' },
  });
  const marcus = insertContact(w, a.globex, {
    first: 'Marcus', last: 'Ohene', title: 'Director of IT', department: 'IT', phone: '(415) 555-0112',
    extra: { ReportsToId: rosa.Id },
  });
  const lena = insertContact(w, a.globex, {
    first: 'Lena', last: 'Fischer', title: 'Procurement Manager', department: 'Procurement', phone: '(415) 555-0113',
    extra: { ReportsToId: rosa.Id, Birthdate: '1988-11-03' },
  });
  const tom = insertContact(w, a.initech, {
    first: 'Tom', last: 'Alvarez', title: 'CTO', department: 'Engineering', phone: '(512) 555-0121',
  });
  const rachel = insertContact(w, a.initech, {
    first: 'Rachel', last: 'Kim', title: 'Engineering Manager', department: 'Engineering', phone: '(512) 555-0122',
    extra: { ReportsToId: tom.Id },
  });
  const omar = insertContact(w, a.initech, {
    first: 'Omar', last: 'Haddad', title: 'Finance Director', department: 'Finance', phone: '(512) 555-0123',
  });
  const evelyn = insertContact(w, a.umbrella, {
    first: 'Evelyn', last: 'Marsh', title: 'Chief Medical Information Officer', department: 'Clinical Informatics',
    phone: '(617) 555-0131', extra: { Salutation: 'Dr.' },
  });
  const kenji = insertContact(w, a.umbrella, {
    first: 'Kenji', last: 'Watanabe', title: 'IT Security Lead', department: 'IT', phone: '(617) 555-0132',
  });
  // The sender of the first thread in the Gmail fake's inbox.
  const dana = insertContact(w, a.umbrella, {
    first: 'Dana', last: 'Whitfield', title: 'Director of Operations', department: 'Operations',
    phone: '(617) 555-0142', extra: { Salutation: 'Ms.', Birthdate: '1981-09-30', SSN__c: '318-50-2274' },
  });
  const grace = insertContact(w, a.umbrella, {
    first: 'Grace', last: 'Okafor', title: 'Procurement Specialist', department: 'Procurement', phone: '(617) 555-0133',
    extra: { HasOptedOutOfEmail: true },
  });
  const victor = insertContact(w, a.stark, {
    first: 'Victor', last: 'Hale', title: 'COO', department: 'Operations', phone: '(206) 555-0141',
    extra: { SSN__c: '421-73-9055' },
  });
  const maria = insertContact(w, a.stark, {
    first: 'Maria', last: 'Santos', title: 'Fleet Operations Manager', department: 'Operations',
    phone: '(206) 555-0142', extra: { ReportsToId: victor.Id, Birthdate: '1985-07-21' },
  });
  const jonas = insertContact(w, a.stark, {
    first: 'Jonas', last: 'Berg', title: 'IT Director', department: 'IT', phone: '(206) 555-0143',
  });
  const catherine = insertContact(w, a.wayne, {
    first: 'Catherine', last: 'Doyle', title: 'CFO', department: 'Finance', phone: '(212) 555-0151',
    extra: { Birthdate: '1971-02-08', SSN__c: '219-44-6630' },
  });
  const ethan = insertContact(w, a.wayne, {
    first: 'Ethan', last: 'Brooks', title: 'Head of Fraud Risk', department: 'Risk', phone: '(212) 555-0152',
    extra: { ReportsToId: catherine.Id },
  });
  const aisha = insertContact(w, a.wayne, {
    first: 'Aisha', last: 'Rahman', title: 'Chief Compliance Officer', department: 'Compliance',
    phone: '(212) 555-0153',
    extra: { DoNotCall: true },
  });
  const noah = insertContact(w, a.soylent, {
    first: 'Noah', last: 'Patel', title: 'Head of Supply Chain', department: 'Supply Chain', phone: '(503) 555-0161',
  });
  const olivia = insertContact(w, a.soylent, {
    first: 'Olivia', last: 'Chen', title: 'Operations Analyst', department: 'Operations', phone: '(503) 555-0162',
  });
  const derek = insertContact(w, a.cyberdyne, {
    first: 'Derek', last: 'Huang', title: 'VP of Engineering', department: 'Engineering', phone: '(303) 555-0171',
  });
  const fatima = insertContact(w, a.cyberdyne, {
    first: 'Fatima', last: 'Zahra', title: 'Procurement Lead', department: 'Procurement', phone: '(303) 555-0172',
  });
  const peter = insertContact(w, a.massive, {
    first: 'Peter', last: 'Lindqvist', title: 'Director of Partnerships', department: 'Alliances',
    phone: '(416) 555-0181',
  });
  const claire = insertContact(w, a.massive, {
    first: 'Claire', last: 'Dubois', title: 'Solutions Architect', department: 'Engineering', phone: '(416) 555-0182',
  });
  return {
    rosa, marcus, lena, tom, rachel, omar, evelyn, kenji, grace, victor, maria, jonas, catherine, ethan, aisha, noah,
    olivia, derek, fatima, peter, claire, dana,
  };
}

type AcmeContacts = ReturnType<typeof seedAcmeContacts>;

function seedAcmeOpportunities(w: OrgWriter, a: AcmeAccounts) {
  const c = w.clock;
  return {
    globexExpansion: insertOpportunity(w, a.globex, {
      Name: 'Globex Industries - Plant Automation Expansion', StageName: 'Negotiation/Review', Amount: 480_000,
      closeInDays: c.withinThisQuarter(21), Type: 'Existing Customer - Upgrade', LeadSource: 'Partner Referral',
      ForecastCategoryName: 'Commit', NextStep: 'Send redlined MSA to Rosa by Friday',
      Description:
        'Expand line monitoring from Plant 1 to Plants 2 and 3 (1,150 sensors). Budget approved by the CFO; ' +
        'legal review of the MSA is the last open item.',
    }, 90),
    globexRenewal: insertOpportunity(w, a.globex, {
      Name: 'Globex Industries - Annual Support Renewal', StageName: 'Closed Won', Amount: 150_000,
      closeInDays: -120, Type: 'Existing Customer - Replacement', LeadSource: 'Other',
      Description: 'Three-year support renewal, signed without discount.',
    }, 200),
    globexAnalytics: insertOpportunity(w, a.globex, {
      Name: 'Globex Industries - Analytics Add-on', StageName: 'Proposal/Price Quote', Amount: 95_000,
      closeInDays: -12, Type: 'Existing Customer - Upgrade', LeadSource: 'Web',
      NextStep: 'Revised proposal owed to Lena',
      Description: 'Predictive maintenance dashboards. Close date slipped twice; waiting on the revised proposal.',
    }, 75),
    initechMigration: insertOpportunity(w, a.initech, {
      Name: 'Initech - TPS Platform Migration', StageName: 'Value Proposition', Amount: 220_000, closeInDays: 45,
      Type: 'Existing Customer - Upgrade', LeadSource: 'Phone Inquiry', NextStep: 'Architecture review with Rachel',
    }, 40),
    initechPilot: insertOpportunity(w, a.initech, {
      Name: 'Initech - Reporting Pilot', StageName: 'Closed Lost', Amount: 40_000, closeInDays: -60,
      Type: 'New Customer', LeadSource: 'Web', Description: 'Lost to Hooli Cloud on price (they came in 30% lower).',
    }, 150),
    umbrellaPlatform: insertOpportunity(w, a.umbrella, {
      Name: 'Umbrella Health - Patient Data Platform', StageName: 'Id. Decision Makers', Amount: 1_250_000,
      closeInDays: 70, Type: 'New Customer', LeadSource: 'Partner Referral',
      NextStep: 'Security questionnaire due back from Kenji',
    }, 50),
    umbrellaRenewal: insertOpportunity(w, a.umbrella, {
      Name: 'Umbrella Health - Clinic Seats Renewal', StageName: 'Proposal/Price Quote', Amount: 288_000,
      closeInDays: c.withinThisQuarter(30), Type: 'Existing Customer - Replacement', LeadSource: 'Other',
      NextStep: 'Revised quote for 240 seats',
      Description: 'Renewal of 240 clinician seats; Dana Whitfield runs the renewal for Operations.',
    }, 80),
    umbrellaAssessment: insertOpportunity(w, a.umbrella, {
      Name: 'Umbrella Health - Security Assessment', StageName: 'Closed Won', Amount: 60_000, closeInDays: -30,
      Type: 'New Customer', LeadSource: 'Partner Referral',
    }, 100),
    starkTelematics: insertOpportunity(w, a.stark, {
      Name: 'Stark Logistics - Fleet Telematics', StageName: 'Perception Analysis', Amount: 310_000,
      closeInDays: c.withinThisQuarter(10), Type: 'Existing Customer - Upgrade', LeadSource: 'Partner Referral',
      NextStep: 'Pilot results readout with Victor',
    }, 60),
    starkRobotics: insertOpportunity(w, a.stark, {
      Name: 'Stark Logistics - Warehouse Robotics', StageName: 'Prospecting', Amount: 180_000, closeInDays: 120,
      Type: 'Existing Customer - Upgrade', LeadSource: 'Other',
    }, 10),
    wayneFraud: insertOpportunity(w, a.wayne, {
      Name: 'Wayne Financial - Fraud Analytics', StageName: 'Negotiation/Review', Amount: 2_400_000,
      closeInDays: 20, Type: 'Existing Customer - Upgrade', LeadSource: 'Partner Referral',
      ForecastCategoryName: 'Best Case', NextStep: 'Executive briefing with Catherine',
      Description: 'Real-time card fraud scoring for 6M cardholders. Competing with Tyrell Analytics in a formal RFP.',
    }, 110),
    wayneBranches: insertOpportunity(w, a.wayne, {
      Name: 'Wayne Financial - Branch Rollout', StageName: 'Closed Lost', Amount: 700_000, closeInDays: -200,
      Type: 'Existing Customer - Upgrade', LeadSource: 'Other', Description: 'Budget frozen after the merger.',
    }, 300),
    soylentVisibility: insertOpportunity(w, a.soylent, {
      Name: 'Soylent Foods - Supply Chain Visibility', StageName: 'Qualification', Amount: 85_000, closeInDays: 90,
      Type: 'New Customer', LeadSource: 'Web',
    }, 20),
    cyberdyneVision: insertOpportunity(w, a.cyberdyne, {
      Name: 'Cyberdyne Robotics - Vision Systems', StageName: 'Needs Analysis', Amount: 260_000, closeInDays: 60,
      Type: 'Existing Customer - Upgrade', LeadSource: 'Partner Referral',
    }, 30),
    cyberdyneCalibration: insertOpportunity(w, a.cyberdyne, {
      Name: 'Cyberdyne Robotics - Calibration Services', StageName: 'Proposal/Price Quote', Amount: 45_000,
      closeInDays: -5, Type: 'Existing Customer - Upgrade', LeadSource: 'Phone Inquiry',
      NextStep: 'Send calibration quote to Fatima',
    }, 45),
    massiveReseller: insertOpportunity(w, a.massive, {
      Name: 'Massive Dynamic - Reseller Agreement', StageName: 'Closed Won', Amount: 520_000, closeInDays: -15,
      Type: 'New Customer', LeadSource: 'Partner Referral',
    }, 140),
    northwindRefresh: insertOpportunity(w, a.northwind, {
      Name: 'Northwind Traders - Store Systems Refresh', StageName: 'Qualification', Amount: 140_000,
      closeInDays: 30, Type: 'Existing Customer - Replacement', LeadSource: 'Purchased List',
    }, 25),
  };
}

type AcmeOpportunities = ReturnType<typeof seedAcmeOpportunities>;

function seedAcmeContactRoles(w: OrgWriter, o: AcmeOpportunities, p: AcmeContacts): void {
  insertContactRole(w, o.globexExpansion, p.rosa, 'Decision Maker', true);
  insertContactRole(w, o.globexExpansion, p.marcus, 'Technical Buyer');
  insertContactRole(w, o.globexExpansion, p.lena, 'Economic Buyer');
  insertContactRole(w, o.globexAnalytics, p.lena, 'Evaluator', true);
  insertContactRole(w, o.initechMigration, p.tom, 'Decision Maker', true);
  insertContactRole(w, o.initechMigration, p.rachel, 'Technical Buyer');
  insertContactRole(w, o.umbrellaPlatform, p.evelyn, 'Executive Sponsor', true);
  insertContactRole(w, o.umbrellaPlatform, p.kenji, 'Technical Buyer');
  insertContactRole(w, o.umbrellaRenewal, p.dana, 'Decision Maker', true);
  insertContactRole(w, o.umbrellaRenewal, p.grace, 'Economic Buyer');
  insertContactRole(w, o.starkTelematics, p.victor, 'Decision Maker', true);
  insertContactRole(w, o.starkTelematics, p.maria, 'Business User');
  insertContactRole(w, o.wayneFraud, p.catherine, 'Economic Buyer', true);
  insertContactRole(w, o.wayneFraud, p.ethan, 'Decision Maker');
  insertContactRole(w, o.wayneFraud, p.aisha, 'Influencer');
  insertContactRole(w, o.cyberdyneVision, p.derek, 'Decision Maker', true);
}

function seedAcmeCases(w: OrgWriter, a: AcmeAccounts, p: AcmeContacts) {
  const c = w.clock;
  const caseFor = (account: AccountRecord, contactRecord: StoredRecord, values: Values, ageDays: number) =>
    w.insert(
      'Case',
      { AccountId: account.record.Id, ContactId: contactRecord.Id, OwnerId: account.record.OwnerId ?? null, ...values },
      { ageDays },
    );
  return {
    globexFirmware: caseFor(a.globex, p.marcus, {
      Subject: 'Line 3 controller firmware fault', Status: 'Working', Priority: 'High', Origin: 'Phone',
      Type: 'Problem', Reason: 'Breakdown', IsEscalated: false, LastModifiedDate: c.pastDateTime(1, 18),
      Description: 'Controllers on Line 3 reboot every 40 minutes since the 4.2 firmware update. Plant is running ' +
        'at reduced speed; Marcus needs a rollback plan.',
    }, 3),
    globexBilling: caseFor(a.globex, p.lena, {
      Subject: 'Duplicate charge on latest invoice', Status: 'New', Priority: 'Medium', Origin: 'Phone',
      Type: 'Question', Reason: 'Other',
      Description:
        `Lena read out the corporate card used for the duplicate payment, ${PLANTED_PII.cardNumber}, and gave ` +
        `her SSN ${PLANTED_PII.ssn} to verify identity (we told her we never need it). Refund against order number ` +
        `${PLANTED_PII.orderNumber} once finance confirms. Call back on ${PLANTED_PII.phone}.`,
    }, 2),
    globexTraining: caseFor(a.globex, p.rosa, {
      Subject: 'Operator training for Plant 2', Status: 'Closed', Priority: 'Low', Origin: 'Email',
      Type: 'Feature Request', Reason: 'Installation', LastModifiedDate: c.pastDateTime(40, 17),
      Description: 'Two onsite sessions delivered; attendance sheets attached to the account.',
    }, 55),
    umbrellaSso: caseFor(a.umbrella, p.kenji, {
      Subject: 'SSO login failures for clinicians', Status: 'Escalated', Priority: 'High', Origin: 'Web',
      Type: 'Problem', Reason: 'Performance', IsEscalated: true,
      Description: 'About 200 clinicians at two sites cannot sign in through SAML since the IdP certificate rotated.',
    }, 4),
    wayneExport: caseFor(a.wayne, p.ethan, {
      Subject: 'Quarterly report export times out', Status: 'Closed', Priority: 'Medium', Origin: 'Email',
      Type: 'Problem', Reason: 'Performance', LastModifiedDate: c.pastDateTime(20, 17),
      Description: 'Export of the fraud summary report exceeded 120 s; fixed by adding an index.',
    }, 35),
    starkGateway: caseFor(a.stark, p.maria, {
      Subject: 'Telematics gateway offline at Tacoma hub', Status: 'New', Priority: 'High', Origin: 'Phone',
      Type: 'Problem', Reason: 'Breakdown',
      Description: 'Gateway TG-7 stopped reporting overnight; 38 trucks without location data.',
    }, 1),
  };
}

function seedAcmeLeads(w: OrgWriter, samId: string) {
  const lead = (values: Values, ageDays: number) => w.insert('Lead', values, { ageDays });
  return {
    // The sender of the inbound message in the Gmail fake.
    gmailSender: lead({
      FirstName: 'Nadia', LastName: 'Kowalski', Company: 'Vandelay Imports', Title: 'Director of Procurement',
      Email: 'nadia.kowalski@vandelay.example', Phone: '(312) 555-0191', City: 'Chicago', State: 'IL',
      Country: 'United States', LeadSource: 'Web', Status: 'Open - Not Contacted', Industry: 'Retail',
      Description: 'Downloaded the line monitoring whitepaper; asked about pricing for two warehouses.',
    }, 6),
    sofia: lead({
      FirstName: 'Sofia', LastName: 'Marquez', Company: 'Monarch Solar', Title: 'VP of Operations',
      Email: 'sofia.marquez@monarchsolar.example', Phone: '(619) 555-0192', City: 'San Diego', State: 'CA',
      Country: 'United States', LeadSource: 'Partner Referral', Status: 'Working - Contacted', Industry: 'Energy',
      Rating: 'Warm', OwnerId: samId,
    }, 14),
    liam: lead({
      FirstName: 'Liam', LastName: "O'Connor", Company: 'Blue Harbor Logistics', Title: 'Fleet Manager',
      Email: 'liam.oconnor@blueharbor.example', Phone: '(617) 555-0193', City: 'Boston', State: 'MA',
      Country: 'United States', LeadSource: 'Purchased List', Status: 'Closed - Not Converted',
      Industry: 'Transportation',
    }, 90),
    ava: lead({
      FirstName: 'Ava', LastName: 'Thompson', Company: 'Brightline Clinics', Title: 'IT Manager',
      Email: 'ava.thompson@brightline.example', Phone: '(305) 555-0194', City: 'Miami', State: 'FL',
      Country: 'United States', LeadSource: 'Web', Status: 'Open - Not Contacted', Industry: 'Healthcare',
    }, 2),
  };
}

type AcmeLeads = ReturnType<typeof seedAcmeLeads>;

function seedAcmeActivities(
  w: OrgWriter,
  samId: string,
  o: AcmeOpportunities,
  p: AcmeContacts,
  l: AcmeLeads,
  a: AcmeAccounts,
) {
  const tasks = {
    globexBudgetCall: insertTask(w, {
      Subject: 'Call', dueInDays: -14, Status: 'Completed', TaskSubtype: 'Call', what: o.globexExpansion, who: p.rosa,
      Description: 'Rosa confirmed the CFO approved a budget of $480,000. Wants go-live before the Plant 2 shutdown.',
    }),
    globexPricingEmail: insertTask(w, {
      Subject: 'Email: Pricing follow-up', dueInDays: -7, Status: 'Completed', TaskSubtype: 'Email',
      what: o.globexExpansion, who: p.lena, Description: 'Sent volume pricing for 1,150 sensors.',
    }),
    globexRevisedProposal: insertTask(w, {
      Subject: 'Send revised proposal', dueInDays: -3, Status: 'Not Started', Priority: 'High',
      what: o.globexAnalytics, who: p.lena,
    }),
    globexRedlines: insertTask(w, {
      Subject: 'Prepare MSA redlines', dueInDays: 2, Status: 'In Progress', what: o.globexExpansion, who: p.rosa,
    }),
    umbrellaRenewalCall: insertTask(w, {
      Subject: 'Call', dueInDays: -5, Status: 'Completed', TaskSubtype: 'Call', what: o.umbrellaRenewal, who: p.dana,
      Description: 'Dana wants the renewal quote revised before signing; Boston clinic joins in the spring.',
    }),
    umbrellaQuestionnaire: insertTask(w, {
      Subject: 'Follow up on security questionnaire', dueInDays: 5, Status: 'Not Started', what: o.umbrellaPlatform,
      who: p.kenji,
    }),
    umbrellaIntroCall: insertTask(w, {
      Subject: 'Call', dueInDays: -21, Status: 'Completed', TaskSubtype: 'Call', what: o.umbrellaPlatform,
      who: p.evelyn, Description: 'Intro call. Evelyn owns the budget; Kenji runs the security review.',
    }),
    wayneBriefing: insertTask(w, {
      Subject: 'Schedule executive briefing', dueInDays: -1, Status: 'Not Started', Priority: 'High',
      what: o.wayneFraud, who: p.catherine,
    }),
    initechLossReview: insertTask(w, {
      Subject: 'Loss review', dueInDays: -55, Status: 'Completed', what: o.initechPilot, who: p.tom,
      Description: 'Price was the deciding factor; Tom open to revisiting at renewal.',
    }),
    starkPilotCall: insertTask(w, {
      Subject: 'Call Maria about pilot scope', dueInDays: -2, Status: 'Completed', TaskSubtype: 'Call',
      what: o.starkTelematics, who: p.maria, owner: samId,
      Description: 'Pilot covers 40 trucks at Tacoma; success = 10% fewer empty miles.',
    }),
    starkRoiModel: insertTask(w, {
      Subject: 'Send telematics ROI model', dueInDays: 4, Status: 'Not Started', what: o.starkTelematics,
      who: p.victor, owner: samId,
    }),
    cyberdyneQuote: insertTask(w, {
      Subject: 'Send calibration quote', dueInDays: -6, Status: 'Not Started', Priority: 'High',
      what: o.cyberdyneCalibration, who: p.fatima, owner: samId,
    }),
    nadiaOutreach: insertTask(w, {
      Subject: 'Reach out to new inbound lead', dueInDays: 1, Status: 'Not Started', who: l.gmailSender,
    }),
    soylentFollowUp: insertTask(w, {
      Subject: 'Send case study', dueInDays: 8, Status: 'Not Started', what: a.soylent.record, who: p.noah,
    }),
  };
  const events = {
    globexWorkshop: insertEvent(w, {
      Subject: 'Onsite workshop at Globex Plant 1', startInDays: -10, hour: 17, DurationInMinutes: 120,
      Location: '500 Howard Street, San Francisco, CA', what: o.globexExpansion, who: p.rosa,
      Description: 'Walked the line with Rosa and Marcus; agreed sensor placement for Plants 2 and 3.',
    }),
    globexNegotiation: insertEvent(w, {
      Subject: 'Globex contract negotiation call', startInDays: 3, hour: 17, DurationInMinutes: 60,
      Location: 'Zoom', what: o.globexExpansion, who: p.rosa,
    }),
    globexQbr: insertEvent(w, {
      Subject: 'Quarterly business review - Globex', startInDays: 9, hour: 18, DurationInMinutes: 90,
      Location: '500 Howard Street, San Francisco, CA', what: a.globex.record, who: p.rosa,
    }),
    umbrellaArchitecture: insertEvent(w, {
      Subject: 'Umbrella Health architecture review', startInDays: 6, hour: 15, DurationInMinutes: 60,
      Location: 'Teams', what: o.umbrellaPlatform, who: p.kenji,
    }),
    wayneBriefing: insertEvent(w, {
      Subject: 'Wayne Financial executive briefing', startInDays: 12, hour: 14, DurationInMinutes: 90,
      Location: '1007 Park Avenue, New York, NY', what: o.wayneFraud, who: p.catherine,
    }),
    starkKickoff: insertEvent(w, {
      Subject: 'Stark pilot readout', startInDays: 8, hour: 19, DurationInMinutes: 60, Location: 'Tacoma hub',
      what: o.starkTelematics, who: p.victor, owner: samId,
    }),
    initechDiscovery: insertEvent(w, {
      Subject: 'Initech discovery call', startInDays: -70, hour: 16, DurationInMinutes: 45, Location: 'Zoom',
      what: o.initechPilot, who: p.tom,
    }),
  };
  return { tasks, events };
}

function seedAcmeNotes(w: OrgWriter, o: AcmeOpportunities, a: AcmeAccounts, p: AcmeContacts) {
  const note = (parent: StoredRecord, values: Values, ageDays: number) =>
    w.insert('Note', { ParentId: parent.Id, OwnerId: parent.OwnerId ?? w.adminId, ...values }, { ageDays });
  return {
    globexNegotiation: note(o.globexExpansion, {
      Title: 'Negotiation notes',
      Body:
        'Rosa asked for 12% off year two; finance approved up to 8%. Their AP team wants the refund for the ' +
        `overpayment wired to IBAN ${PLANTED_PII.iban}.`,
    }, 5),
    globexPricingFloor: note(a.globex.record, {
      Title: 'Pricing floor (private)', IsPrivate: true,
      Body: 'Walk-away price for the expansion is $410,000. Do not share outside the deal team.',
    }, 8),
    umbrellaOrgChart: note(a.umbrella.record, {
      Title: 'Buying committee',
      Body: 'Evelyn (CMIO) sponsors; Kenji (security) can veto; Grace runs procurement and prefers email only.',
    }, 30),
    wayneRfp: note(o.wayneFraud, {
      Title: 'RFP scoring',
      Body: 'We lead on latency and explainability; Tyrell Analytics leads on price. Decision at the board meeting.',
    }, 12),
    danaPreferences: note(p.dana, {
      Title: 'Working with Dana', Body: 'Prefers short written summaries before calls; mornings Eastern time.',
    }, 60),
  };
}

function seedAcmeHistory(w: OrgWriter, o: AcmeOpportunities): void {
  const c = w.clock;
  insertHistory(w, o.globexExpansion, 90, [
    { daysAgo: 70, field: 'StageName', dataType: 'DynamicEnum', from: 'Prospecting', to: 'Qualification' },
    { daysAgo: 55, field: 'StageName', dataType: 'DynamicEnum', from: 'Qualification', to: 'Needs Analysis' },
    { daysAgo: 30, field: 'Amount', dataType: 'Currency', from: 350_000, to: 420_000 },
    { daysAgo: 20, field: 'StageName', dataType: 'DynamicEnum', from: 'Needs Analysis', to: 'Proposal/Price Quote' },
    { daysAgo: 6, field: 'StageName', dataType: 'DynamicEnum', from: 'Proposal/Price Quote', to: 'Negotiation/Review' },
    { daysAgo: 6, field: 'Probability', dataType: 'Percent', from: 75, to: 90 },
    { daysAgo: 6, field: 'Amount', dataType: 'Currency', from: 420_000, to: 480_000 },
  ]);
  insertHistory(w, o.globexAnalytics, 75, [
    { daysAgo: 40, field: 'CloseDate', dataType: 'Date', from: c.date(-40), to: c.date(-25) },
    { daysAgo: 24, field: 'CloseDate', dataType: 'Date', from: c.date(-25), to: c.date(-12) },
  ]);
  insertHistory(w, o.wayneFraud, 110, [
    {
      daysAgo: 45, field: 'StageName', dataType: 'DynamicEnum', from: 'Proposal/Price Quote', to: 'Negotiation/Review',
    },
    { daysAgo: 15, field: 'Amount', dataType: 'Currency', from: 2_000_000, to: 2_400_000 },
  ]);
}

function seedAcmeCompetitors(w: OrgWriter, o: AcmeOpportunities) {
  const competitor = (opportunity: StoredRecord, values: Values) =>
    w.insert('Competitor__c', { Opportunity__c: opportunity.Id, ...values }, { ageDays: 20 });
  return {
    hooliGlobex: competitor(o.globexExpansion, {
      Name: 'Hooli Cloud', Threat_Level__c: 'High', Website__c: 'www.hooli.example',
      Strengths__c: 'Lower list price; bundles edge hardware at cost.',
      Weaknesses__c: 'No on-premises option; weak plant-floor support.',
    }),
    hooliInitech: competitor(o.initechPilot, {
      Name: 'Hooli Cloud', Threat_Level__c: 'High', Website__c: 'www.hooli.example',
      Strengths__c: 'Came in 30% lower on the pilot.',
    }),
    tyrellWayne: competitor(o.wayneFraud, {
      Name: 'Tyrell Analytics', Threat_Level__c: 'Medium', Website__c: 'www.tyrell.example',
      Strengths__c: 'Cheapest bid in the RFP; existing vendor in the card division.',
      Weaknesses__c: 'Batch scoring only; no model explanations for compliance.',
    }),
    oscorpUmbrella: competitor(o.umbrellaPlatform, {
      Name: 'Oscorp Systems', Threat_Level__c: 'Low', Strengths__c: 'Existing EHR integration partner.',
    }),
  };
}

const BULK_FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Lisa',
  'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Donald', 'Kimberly', 'Steven',
  'Emily', 'Andrew', 'Donna', 'Paul', 'Michelle', 'Joshua', 'Carol',
];
const BULK_LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera',
  'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz',
  'Edwards', 'Collins', 'Reyes', 'Stewart',
];
const BULK_TITLES = ['Store Manager', 'Category Buyer', 'Regional Director', 'Merchandiser', 'Logistics Coordinator'];

/** The bulk account's contacts: unique names (first × last), so every email is unique too. */
function seedBulkContacts(w: OrgWriter, northwind: AccountRecord): void {
  for (let i = 0; i < BULK_CONTACT_COUNT; i++) {
    const first = BULK_FIRST_NAMES[i % BULK_FIRST_NAMES.length] ?? 'Pat';
    const last = BULK_LAST_NAMES[Math.floor(i / BULK_FIRST_NAMES.length) % BULK_LAST_NAMES.length] ?? 'Doe';
    w.insert(
      'Contact',
      {
        AccountId: northwind.record.Id,
        FirstName: first,
        LastName: last,
        Email: `${emailLocalPart(first, last)}@${northwind.domain}`,
        Title: BULK_TITLES[i % BULK_TITLES.length] ?? null,
        Department: 'Retail Operations',
        Phone: `(404) 555-${String(1000 + (i % 9000)).padStart(4, '0')}`,
        MailingCity: 'Atlanta',
        MailingState: 'GA',
        MailingCountry: 'United States',
        LeadSource: 'Purchased List',
      },
      { ageDays: 200 + (i % 100) },
    );
  }
}

/** The same keys, each record turned into a handle. */
function mapHandles<K extends string, H>(records: Record<K, StoredRecord>, toHandle: (r: StoredRecord) => H) {
  const entries = Object.entries<StoredRecord>(records).map(([key, r]) => [key, toHandle(r)]);
  return Object.fromEntries(entries) as Record<K, H>;
}

const namedHandles = <K extends string>(records: Record<K, StoredRecord>, nameField = 'Name') =>
  mapHandles(records, (r) => handle(r, nameField));

function seedAcmeBook(w: OrgWriter, users: { admin: OrgUser; restricted: OrgUser }) {
  const samId = users.restricted.id;
  const accounts = seedAcmeAccounts(w, samId);
  const contacts = seedAcmeContacts(w, accounts);
  const opportunities = seedAcmeOpportunities(w, accounts);
  seedAcmeContactRoles(w, opportunities, contacts);
  const cases = seedAcmeCases(w, accounts, contacts);
  const leads = seedAcmeLeads(w, samId);
  const { tasks, events } = seedAcmeActivities(w, samId, opportunities, contacts, leads, accounts);
  const notes = seedAcmeNotes(w, opportunities, accounts, contacts);
  seedAcmeHistory(w, opportunities);
  const competitors = seedAcmeCompetitors(w, opportunities);
  seedBulkContacts(w, accounts.northwind);
  const accountRecords = Object.fromEntries(Object.entries(accounts).map(([k, v]) => [k, v.record]));

  const userHandle = (u: OrgUser) => ({ id: u.id, username: u.username, password: u.password, name: u.name });
  return {
    users: { admin: userHandle(users.admin), restricted: userHandle(users.restricted) },
    accounts: mapHandles(accountRecords as Record<keyof AcmeAccounts, StoredRecord>, (r) => handle(r)),
    contacts: mapHandles(contacts, personHandle),
    opportunities: namedHandles(opportunities),
    cases: namedHandles(cases, 'Subject'),
    leads: mapHandles(leads, (r): LeadHandle => ({ ...personHandle(r), company: String(r.Company) })),
    tasks: namedHandles(tasks, 'Subject'),
    events: namedHandles(events, 'Subject'),
    notes: namedHandles(notes, 'Title'),
    competitors: namedHandles(competitors),
    pii: { ...PLANTED_PII, caseId: cases.globexBilling.Id, noteId: notes.globexNegotiation.Id },
    bulk: { accountId: accounts.northwind.record.Id, contactCount: BULK_CONTACT_COUNT },
  };
}

export type AcmeHandles = ReturnType<typeof seedAcmeBook>;

// ---------------------------------------------------------------------------------------------------------------
// Any other org: a small, different book

function seedSmallBook(w: OrgWriter, samId: string): void {
  const us = 'United States';
  const accounts = [
    insertAccount(w, {
      Name: 'Dunmore Paper Co.', Industry: 'Manufacturing', Type: 'Customer - Direct', AnnualRevenue: 48_000_000,
      NumberOfEmployees: 310, Phone: '(570) 555-0110', Website: 'www.dunmorepaper.example',
      BillingStreet: '1725 Slough Avenue', BillingCity: 'Scranton', BillingState: 'PA', BillingPostalCode: '18505',
      BillingCountry: us, Rating: 'Warm', domain: 'dunmorepaper.example',
      Description: 'Regional paper distributor; renewal due next quarter.',
    }),
    insertAccount(w, {
      Name: 'Vehement Capital', Industry: 'Finance', Type: 'Prospect', AnnualRevenue: 900_000_000,
      NumberOfEmployees: 1400, Phone: '(212) 555-0120', Website: 'www.vehement.example',
      BillingStreet: '55 Water Street', BillingCity: 'New York', BillingState: 'NY', BillingPostalCode: '10041',
      BillingCountry: us, Rating: 'Hot', domain: 'vehement.example',
      Description: 'Investment firm evaluating client reporting.',
    }),
    insertAccount(w, {
      Name: 'Sterling Media Group', Industry: 'Media', Type: 'Customer - Channel', AnnualRevenue: 260_000_000,
      NumberOfEmployees: 820, Phone: '(310) 555-0130', Website: 'www.sterlingmedia.example',
      BillingStreet: '9000 Sunset Boulevard', BillingCity: 'Los Angeles', BillingState: 'CA',
      BillingPostalCode: '90069', BillingCountry: us, Rating: 'Cold', domain: 'sterlingmedia.example',
      Description: 'Media agency; small footprint today.', owner: samId,
    }),
  ];
  const people: [string, string, string][][] = [
    [['Michaela', 'Scott', 'Regional Manager'], ['Dwight', 'Schrader', 'Sales Lead']],
    [['Helena', 'Voss', 'Managing Director'], ['Ravi', 'Menon', 'Head of Client Reporting']],
    [['Joan', 'Harlow', 'Office Manager'], ['Pete', 'Campion', 'Account Director']],
  ];
  accounts.forEach((account, index) => {
    const [first, second] = (people[index] ?? []).map(([firstName, lastName, title], n) =>
      insertContact(w, account, { first: firstName, last: lastName, title, phone: `(555) 555-01${index}${n}` }),
    );
    const opportunity = insertOpportunity(w, account, {
      Name: `${String(account.record.Name)} - Platform Subscription`,
      StageName: index === 0 ? 'Closed Won' : 'Qualification',
      Amount: 60_000 + index * 25_000,
      closeInDays: index === 0 ? -30 : 40,
      Type: 'New Customer',
    });
    if (first) insertContactRole(w, opportunity, first, 'Decision Maker', true);
    insertTask(w, {
      Subject: 'Check in', dueInDays: 3 + index, Status: 'Not Started', what: opportunity, who: second,
      owner: String(account.record.OwnerId),
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------

export function seedOrg({ orgName, orgId, now }: SeedOptions): OrgSeed {
  return buildOrg({ orgName, orgId, now }).seed;
}

function buildOrg({ orgName, orgId, now }: SeedOptions): { seed: OrgSeed; acme: AcmeHandles | null } {
  const db = emptyDatabase(now);
  const clock = new SeedClock(now());
  const w = new OrgWriter(db, clock, orgName);
  const users = seedUsers(w, orgName);
  seedOrganization(w, orgName, orgId);
  const acme = orgName === 'acme' ? seedAcmeBook(w, users) : null;
  if (!acme) seedSmallBook(w, users.restricted.id);
  rollUpLastActivity(db, clock.date(0));
  seedProfilePermissionSets(w, [users.admin, users.restricted]);
  seedRoles(w, users);
  return {
    seed: { db, users: [users.admin, users.restricted], accessFor: (user) => accessFor(db, user) },
    acme,
  };
}

/** Any valid Organization id: record ids do not depend on it. */
const HANDLES_ORG_ID = '00D5g000004AcmeEAC';

/**
 * Ids and names of the acme org's records, computed by the same code that seeds it (ids do not depend on the clock,
 * so these hold for any `now`). Dates are deliberately absent: they depend on the clock.
 */
export const ACME: AcmeHandles = (() => {
  const { acme } = buildOrg({ orgName: 'acme', orgId: HANDLES_ORG_ID, now: () => new Date(Date.UTC(2025, 0, 15)) });
  if (!acme) throw new Error('seed: the acme book was not built');
  return acme;
})();
