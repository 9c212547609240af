import type { FieldMeta, GraphRecord, RecordGraph, RelatedList } from '../../../lib/salesforce/record-graph';

/**
 * A hand-built record graph shaped like what the org returns: the Globex account with contacts, opportunities, cases,
 * activities and notes, including system fields, empty fields and planted PII. "Today" for these tests is NOW.
 */
export const NOW = new Date('2026-05-15T12:00:00Z');

export const PII = {
  ssn: '123-45-6789',
  card: '4111 1111 1111 1111',
  iban: 'GB82 WEST 1234 5698 7654 32',
  /** Near-misses that must stay. */
  orderNumber: '7310 2294 5581 0046',
  phone: '(415) 555-0142',
  contactSsn: '536-22-1847',
  taxId: '94-1234567',
} as const;

const m = (label: string, type: string): FieldMeta => ({ label, type });

const audit = {
  Id: m('Record ID', 'id'),
  IsDeleted: m('Deleted', 'boolean'),
  CreatedDate: m('Created Date', 'datetime'),
  CreatedById: m('Created By ID', 'reference'),
  LastModifiedDate: m('Last Modified Date', 'datetime'),
  LastModifiedById: m('Last Modified By ID', 'reference'),
  SystemModstamp: m('System Modstamp', 'datetime'),
  OwnerId: m('Owner ID', 'reference'),
};

export const FIELD_META: RecordGraph['fieldMeta'] = {
  Account: {
    ...audit,
    Name: m('Account Name', 'string'),
    Type: m('Account Type', 'picklist'),
    Industry: m('Industry', 'picklist'),
    AnnualRevenue: m('Annual Revenue', 'currency'),
    NumberOfEmployees: m('Employees', 'int'),
    Phone: m('Account Phone', 'phone'),
    Fax: m('Account Fax', 'phone'),
    Website: m('Website', 'url'),
    BillingStreet: m('Billing Street', 'textarea'),
    BillingCity: m('Billing City', 'string'),
    BillingState: m('Billing State/Province', 'string'),
    BillingPostalCode: m('Billing Zip/Postal Code', 'string'),
    BillingCountry: m('Billing Country', 'string'),
    Rating: m('Account Rating', 'picklist'),
    Description: m('Account Description', 'textarea'),
    Tax_ID__c: m('Tax ID', 'string'),
    Strategic__c: m('Strategic Account', 'boolean'),
    Churn_Risk__c: m('Churn Risk', 'boolean'),
    LastActivityDate: m('Last Activity', 'date'),
  },
  Contact: {
    ...audit,
    AccountId: m('Account ID', 'reference'),
    FirstName: m('First Name', 'string'),
    LastName: m('Last Name', 'string'),
    Name: m('Full Name', 'string'),
    Title: m('Title', 'string'),
    Email: m('Email', 'email'),
    Phone: m('Business Phone', 'phone'),
    MobilePhone: m('Mobile Phone', 'phone'),
    SSN__c: m('SSN', 'encryptedstring'),
  },
  Opportunity: {
    ...audit,
    Name: m('Name', 'string'),
    StageName: m('Stage', 'picklist'),
    Amount: m('Amount', 'currency'),
    Probability: m('Probability (%)', 'percent'),
    CloseDate: m('Close Date', 'date'),
    NextStep: m('Next Step', 'string'),
    IsClosed: m('Closed', 'boolean'),
    IsWon: m('Won', 'boolean'),
  },
  Case: {
    ...audit,
    CaseNumber: m('Case Number', 'string'),
    Subject: m('Subject', 'string'),
    Status: m('Status', 'picklist'),
    Priority: m('Priority', 'picklist'),
    Description: m('Description', 'textarea'),
    IsClosed: m('Closed', 'boolean'),
  },
  Task: {
    ...audit,
    WhoId: m('Name ID', 'reference'),
    Subject: m('Subject', 'string'),
    ActivityDate: m('Due Date Only', 'date'),
    Status: m('Status', 'picklist'),
    Priority: m('Priority', 'picklist'),
    IsClosed: m('Closed', 'boolean'),
    Description: m('Comments', 'textarea'),
  },
  Event: {
    ...audit,
    WhoId: m('Name ID', 'reference'),
    Subject: m('Subject', 'string'),
    StartDateTime: m('Start Date Time', 'datetime'),
    Location: m('Location', 'string'),
  },
  Note: { ...audit, Title: m('Title', 'string'), Body: m('Body', 'textarea') },
  Invoice__c: {
    ...audit,
    Name: m('Invoice Number', 'string'),
    Total__c: m('Total', 'currency'),
    Due__c: m('Due Date', 'date'),
    Paid__c: m('Paid', 'boolean'),
    Memo__c: m('Memo', 'textarea'),
  },
};

const system = (id: string, created: string, modified = created) => ({
  Id: id,
  IsDeleted: false,
  CreatedDate: `${created}T16:00:00.000+0000`,
  CreatedById: '005000000000001AAA',
  LastModifiedDate: `${modified}T17:30:00.000+0000`,
  LastModifiedById: '005000000000001AAA',
  SystemModstamp: `${modified}T17:30:00.000+0000`,
  OwnerId: '005000000000001AAA',
});

const rec = (objectName: string, id: string, fields: GraphRecord['fields']): GraphRecord => ({ objectName, id, fields });

export const ACCOUNT_ID = '001000000000001AAA';

export function account(): GraphRecord {
  return rec('Account', ACCOUNT_ID, {
    ...system(ACCOUNT_ID, '2024-02-01', '2026-05-10'),
    Name: 'Globex Industries',
    Type: 'Customer - Direct',
    Industry: 'Manufacturing',
    AnnualRevenue: 850_000_000,
    NumberOfEmployees: 4200,
    Phone: '(415) 555-0110',
    Fax: null,
    Website: 'www.globex.example',
    BillingStreet: '500 Howard Street',
    BillingCity: 'San Francisco',
    BillingState: 'CA',
    BillingPostalCode: '94105',
    BillingCountry: 'United States',
    Rating: '',
    Description: 'Industrial automation manufacturer with three plants.\nExecutive sponsor: VP of Operations.',
    Tax_ID__c: PII.taxId,
    Strategic__c: true,
    Churn_Risk__c: false,
    LastActivityDate: '2026-05-12',
    'Owner.Name': 'Alex Rivera',
  });
}

export function contacts(): GraphRecord[] {
  return [
    rec('Contact', '003000000000001AAA', {
      ...system('003000000000001AAA', '2024-02-03', '2026-04-02'),
      AccountId: ACCOUNT_ID,
      FirstName: 'Lena',
      LastName: 'Park',
      Name: 'Lena Park',
      Title: 'VP Operations',
      Email: 'lena.park@globex.example',
      Phone: '(415) 555-0181',
      MobilePhone: null,
      SSN__c: PII.contactSsn,
    }),
    rec('Contact', '003000000000002AAA', {
      ...system('003000000000002AAA', '2024-03-10', '2025-11-20'),
      AccountId: ACCOUNT_ID,
      FirstName: 'Omar',
      LastName: 'Haddad',
      Name: 'Omar Haddad',
      Title: 'Plant Manager',
      Email: 'omar.haddad@globex.example',
      Phone: null,
      MobilePhone: '(415) 555-0199',
      SSN__c: null,
    }),
    rec('Contact', '003000000000003AAA', {
      ...system('003000000000003AAA', '2023-06-01', '2024-01-15'),
      AccountId: ACCOUNT_ID,
      FirstName: 'Rosa',
      LastName: 'Diaz',
      Name: 'Rosa Diaz',
      Title: 'Procurement Lead',
      Email: 'rosa.diaz@globex.example',
      Phone: '(415) 555-0150',
      MobilePhone: null,
      SSN__c: null,
    }),
  ];
}

export function openOpportunities(): GraphRecord[] {
  return [
    rec('Opportunity', '006000000000001AAA', {
      ...system('006000000000001AAA', '2026-01-10', '2026-05-01'),
      Name: 'Globex - Expansion',
      StageName: 'Negotiation/Review',
      Amount: 120_000,
      Probability: 90,
      CloseDate: '2026-12-15',
      NextStep: 'Send revised MSA',
      IsClosed: false,
      IsWon: false,
    }),
    rec('Opportunity', '006000000000002AAA', {
      ...system('006000000000002AAA', '2025-10-01', '2026-03-01'),
      Name: 'Globex - Plant 3 Sensors',
      StageName: 'Proposal/Price Quote',
      Amount: 48_500.5,
      Probability: 75,
      CloseDate: '2026-04-30',
      NextStep: null,
      IsClosed: false,
      IsWon: false,
    }),
  ];
}

export function closedOpportunities(): GraphRecord[] {
  return [
    rec('Opportunity', '006000000000003AAA', {
      ...system('006000000000003AAA', '2024-03-01', '2024-09-30'),
      Name: 'Globex - Pilot',
      StageName: 'Closed Won',
      Amount: 35_000,
      Probability: 100,
      CloseDate: '2024-09-30',
      NextStep: null,
      IsClosed: true,
      IsWon: true,
    }),
  ];
}

export function cases(): GraphRecord[] {
  return [
    rec('Case', '500000000000001AAA', {
      ...system('500000000000001AAA', '2026-05-13'),
      CaseNumber: '00001026',
      Subject: 'Duplicate invoice payment',
      Status: 'Working',
      Priority: 'High',
      IsClosed: false,
      Description:
        `Lena read out the corporate card used for the duplicate payment, ${PII.card}, and gave her SSN ` +
        `${PII.ssn} to verify identity. Refund to IBAN ${PII.iban} against order number ${PII.orderNumber}. ` +
        `Call back on ${PII.phone}.`,
    }),
    rec('Case', '500000000000002AAA', {
      ...system('500000000000002AAA', '2025-12-01', '2026-01-05'),
      CaseNumber: '00001019',
      Subject: 'Operator training for Plant 2',
      Status: 'Closed',
      Priority: 'Low',
      IsClosed: true,
      Description: 'Two onsite sessions delivered.',
    }),
  ];
}

export function activities(): GraphRecord[] {
  return [
    rec('Task', '00T000000000001AAA', {
      ...system('00T000000000001AAA', '2026-04-28'),
      Subject: 'Send security questionnaire',
      ActivityDate: '2026-05-03',
      Status: 'Not Started',
      Priority: 'High',
      IsClosed: false,
      WhoId: '003000000000001AAA',
      'Who.Name': 'Lena Park',
      Description: null,
    }),
    rec('Task', '00T000000000002AAA', {
      ...system('00T000000000002AAA', '2026-03-01'),
      Subject: 'Call',
      ActivityDate: '2026-03-02',
      Status: 'Completed',
      Priority: 'Normal',
      IsClosed: true,
      WhoId: '003000000000002AAA',
      'Who.Name': 'Omar Haddad',
      Description: 'Discussed Plant 3 timeline; budget approved in Q2.',
    }),
    rec('Event', '00U000000000001AAA', {
      ...system('00U000000000001AAA', '2026-05-01'),
      Subject: 'Quarterly business review',
      StartDateTime: '2026-05-20T17:00:00.000+0000',
      Location: 'Globex HQ',
      WhoId: '003000000000001AAA',
      'Who.Name': 'Lena Park',
    }),
  ];
}

export function notes(): GraphRecord[] {
  return [
    rec('Note', '002000000000001AAA', {
      ...system('002000000000001AAA', '2025-08-14'),
      Title: 'Pricing call',
      Body: 'They want a three-year term with a 10% discount.\nLegal review takes about 3 weeks.',
    }),
  ];
}

export function invoices(): GraphRecord[] {
  return [
    rec('Invoice__c', 'a01000000000001AAA', {
      ...system('a01000000000001AAA', '2026-02-01'),
      Name: 'INV-2026-0042',
      Total__c: 12_400,
      Due__c: '2026-03-01',
      Paid__c: true,
      Memo__c: 'Quarterly maintenance',
    }),
  ];
}

const list = (key: string, label: string, objectName: string, records: GraphRecord[], totalSize = records.length) =>
  ({ key, label, objectName, records, totalSize }) satisfies RelatedList;

export function globexGraph(): RecordGraph {
  return {
    root: account(),
    rootName: 'Globex Industries',
    objectLabel: 'Account',
    related: [
      list('contacts', 'Contacts', 'Contact', contacts(), 5),
      list('openOpportunities', 'Open opportunities', 'Opportunity', openOpportunities()),
      list('closedOpportunities', 'Closed opportunities', 'Opportunity', closedOpportunities()),
      list('openCases', 'Cases', 'Case', cases()),
      list('activities', 'Activities', 'Task', activities()),
      list('notes', 'Notes', 'Note', notes()),
      list('invoices', 'Invoices', 'Invoice__c', invoices()),
    ],
    fieldMeta: FIELD_META,
    fetchedAt: NOW.toISOString(),
  };
}
