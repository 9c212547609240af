/**
 * The sandbox org's metadata: what `/sobjects/<Object>/describe` reports for the admin user (access.ts narrows it for
 * the restricted user). Labels, lengths, flags and picklist values follow a fresh Enterprise Edition org.
 *
 * Known simplifications, because model.ts has no such field types: Task/Event `Subject` is a combobox in Salesforce
 * (described here as `string` with suggested picklist values); OpportunityFieldHistory `OldValue`/`NewValue` are
 * `anyType` (described as `string`); `OwnerId` on Lead, Case, Task and Event also points to Group (queues) in
 * Salesforce, which this org does not have.
 */
import type { ChildRelationshipDef, Database, FieldDef, FieldValue, ObjectDef, StoredRecord } from './model';
import {
  audit,
  checkbox,
  picklistValues,
  created,
  createOnly,
  currency,
  dateField,
  dateTime,
  field,
  idField,
  integer,
  isDeleted,
  lastActivityDate,
  longText,
  lookup,
  ownerId,
  picklist,
  readOnly,
  text,
} from './schema-fields';
import { SETUP_OBJECTS } from './setup-objects';
// ---------------------------------------------------------------------------------------------------------------
// Shared value sets

const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
const SALUTATIONS = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'];
const RATINGS = ['Hot', 'Warm', 'Cold'];
const INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting',
  'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance',
  'Food & Beverage', 'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media',
  'Not For Profit', 'Other', 'Recreation', 'Retail', 'Shipping', 'Technology', 'Telecommunications',
  'Transportation', 'Utilities',
];

export interface OpportunityStage {
  stage: string;
  probability: number;
  forecastCategoryName: 'Omitted' | 'Pipeline' | 'Best Case' | 'Commit' | 'Closed';
  closed: boolean;
  won: boolean;
}

/** The default sales process: each stage's default probability and forecast category (Setup > Opportunity Stages). */
export const OPPORTUNITY_STAGES: readonly OpportunityStage[] = [
  { stage: 'Prospecting', probability: 10, forecastCategoryName: 'Pipeline', closed: false, won: false },
  { stage: 'Qualification', probability: 10, forecastCategoryName: 'Pipeline', closed: false, won: false },
  { stage: 'Needs Analysis', probability: 20, forecastCategoryName: 'Pipeline', closed: false, won: false },
  { stage: 'Value Proposition', probability: 50, forecastCategoryName: 'Pipeline', closed: false, won: false },
  { stage: 'Id. Decision Makers', probability: 60, forecastCategoryName: 'Pipeline', closed: false, won: false },
  { stage: 'Perception Analysis', probability: 70, forecastCategoryName: 'Pipeline', closed: false, won: false },
  { stage: 'Proposal/Price Quote', probability: 75, forecastCategoryName: 'Pipeline', closed: false, won: false },
  { stage: 'Negotiation/Review', probability: 90, forecastCategoryName: 'Pipeline', closed: false, won: false },
  { stage: 'Closed Won', probability: 100, forecastCategoryName: 'Closed', closed: true, won: true },
  { stage: 'Closed Lost', probability: 0, forecastCategoryName: 'Omitted', closed: true, won: false },
];

/** Task statuses that close a task (Setup > Task Status: "Closed"). */
export const CLOSED_TASK_STATUSES: readonly string[] = ['Completed'];

/** Case statuses that close a case. */
export const CLOSED_CASE_STATUSES: readonly string[] = ['Closed'];

// ---------------------------------------------------------------------------------------------------------------
// Objects

const account: ObjectDef = {
  name: 'Account',
  label: 'Account',
  labelPlural: 'Accounts',
  keyPrefix: '001',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Account ID'),
    isDeleted(),
    text('Name', 'Account Name', 255, { nillable: false, nameField: true }),
    picklist('Type', 'Account Type', [
      'Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller', 'Installation Partner',
      'Technology Partner', 'Other',
    ]),
    lookup('ParentId', 'Parent Account ID', ['Account'], 'Parent'),
    longText('BillingStreet', 'Billing Street', 255),
    text('BillingCity', 'Billing City', 40),
    text('BillingState', 'Billing State/Province', 80),
    text('BillingPostalCode', 'Billing Zip/Postal Code', 20),
    text('BillingCountry', 'Billing Country', 80),
    longText('ShippingStreet', 'Shipping Street', 255),
    text('ShippingCity', 'Shipping City', 40),
    text('ShippingState', 'Shipping State/Province', 80),
    text('ShippingPostalCode', 'Shipping Zip/Postal Code', 20),
    text('ShippingCountry', 'Shipping Country', 80),
    field('Phone', 'Account Phone', 'phone'),
    field('Fax', 'Account Fax', 'phone'),
    text('AccountNumber', 'Account Number', 40),
    field('Website', 'Website', 'url'),
    text('Sic', 'SIC Code', 20),
    picklist('Industry', 'Industry', INDUSTRIES),
    currency('AnnualRevenue', 'Annual Revenue', 0),
    integer('NumberOfEmployees', 'Employees'),
    picklist('Ownership', 'Ownership', ['Public', 'Private', 'Subsidiary', 'Other']),
    text('TickerSymbol', 'Ticker Symbol', 20),
    longText('Description', 'Account Description'),
    picklist('Rating', 'Account Rating', RATINGS),
    text('Site', 'Account Site', 80),
    picklist('AccountSource', 'Account Source', LEAD_SOURCES),
    ownerId('Owner ID'),
    ...audit(),
    lastActivityDate(),
  ],
};

const contact: ObjectDef = {
  name: 'Contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  keyPrefix: '003',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Contact ID'),
    isDeleted(),
    lookup('AccountId', 'Account ID', ['Account'], 'Account'),
    text('LastName', 'Last Name', 80, { nillable: false }),
    text('FirstName', 'First Name', 40),
    picklist('Salutation', 'Salutation', SALUTATIONS),
    // The compound name Salesforce computes from FirstName and LastName.
    text('Name', 'Full Name', 121, { nillable: false, nameField: true, ...readOnly }),
    longText('MailingStreet', 'Mailing Street', 255),
    text('MailingCity', 'Mailing City', 40),
    text('MailingState', 'Mailing State/Province', 80),
    text('MailingPostalCode', 'Mailing Zip/Postal Code', 20),
    text('MailingCountry', 'Mailing Country', 80),
    field('Phone', 'Business Phone', 'phone'),
    field('Fax', 'Business Fax', 'phone'),
    field('MobilePhone', 'Mobile Phone', 'phone'),
    field('HomePhone', 'Home Phone', 'phone'),
    lookup('ReportsToId', 'Reports To ID', ['Contact'], 'ReportsTo'),
    field('Email', 'Email', 'email'),
    text('Title', 'Title', 128),
    text('Department', 'Department', 80),
    text('AssistantName', "Assistant's Name", 40),
    field('AssistantPhone', 'Asst. Phone', 'phone'),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    dateField('Birthdate', 'Birthdate'),
    longText('Description', 'Contact Description'),
    checkbox('HasOptedOutOfEmail', 'Email Opt Out'),
    checkbox('DoNotCall', 'Do Not Call'),
    field('SSN__c', 'SSN', 'encryptedstring', { length: 11 }),
    ownerId('Owner ID'),
    ...audit(),
    lastActivityDate(),
  ],
};

const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];

const lead: ObjectDef = {
  name: 'Lead',
  label: 'Lead',
  labelPlural: 'Leads',
  keyPrefix: '00Q',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Lead ID'),
    isDeleted(),
    text('LastName', 'Last Name', 80, { nillable: false }),
    text('FirstName', 'First Name', 40),
    picklist('Salutation', 'Salutation', SALUTATIONS),
    text('Name', 'Full Name', 121, { nillable: false, nameField: true, ...readOnly }),
    text('Title', 'Title', 128),
    text('Company', 'Company', 255, { nillable: false }),
    longText('Street', 'Street', 255),
    text('City', 'City', 40),
    text('State', 'State/Province', 80),
    text('PostalCode', 'Zip/Postal Code', 20),
    text('Country', 'Country', 80),
    field('Phone', 'Phone', 'phone'),
    field('MobilePhone', 'Mobile Phone', 'phone'),
    field('Email', 'Email', 'email'),
    field('Website', 'Website', 'url'),
    longText('Description', 'Description'),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    picklist('Status', 'Lead Status', LEAD_STATUSES, {
      defaultValue: 'Open - Not Contacted',
      restricted: true,
      nillable: false,
    }),
    picklist('Industry', 'Industry', INDUSTRIES),
    picklist('Rating', 'Rating', RATINGS),
    currency('AnnualRevenue', 'Annual Revenue', 0),
    integer('NumberOfEmployees', 'Employees'),
    checkbox('HasOptedOutOfEmail', 'Email Opt Out'),
    checkbox('IsConverted', 'Converted', createOnly),
    dateField('ConvertedDate', 'Converted Date', readOnly),
    lookup('ConvertedAccountId', 'Converted Account ID', ['Account'], 'ConvertedAccount', readOnly),
    lookup('ConvertedContactId', 'Converted Contact ID', ['Contact'], 'ConvertedContact', readOnly),
    lookup('ConvertedOpportunityId', 'Converted Opportunity ID', ['Opportunity'], 'ConvertedOpportunity', readOnly),
    checkbox('IsUnreadByOwner', 'Unread By Owner'),
    ownerId('Owner ID'),
    ...audit(),
    lastActivityDate(),
  ],
};

const opportunity: ObjectDef = {
  name: 'Opportunity',
  label: 'Opportunity',
  labelPlural: 'Opportunities',
  keyPrefix: '006',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Opportunity ID'),
    isDeleted(),
    lookup('AccountId', 'Account ID', ['Account'], 'Account'),
    checkbox('IsPrivate', 'Private'),
    text('Name', 'Name', 120, { nillable: false, nameField: true }),
    longText('Description', 'Description'),
    picklist('StageName', 'Stage', OPPORTUNITY_STAGES.map((s) => s.stage), { nillable: false, restricted: true }),
    currency('Amount', 'Amount', 2),
    field('Probability', 'Probability (%)', 'percent', { precision: 3, scale: 0, defaultedOnCreate: true }),
    currency('ExpectedRevenue', 'Expected Amount', 2, { calculated: true, ...readOnly }),
    field('TotalOpportunityQuantity', 'Quantity', 'double', { precision: 18, scale: 2 }),
    dateField('CloseDate', 'Close Date', { nillable: false }),
    picklist('Type', 'Opportunity Type', [
      'Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade', 'New Customer',
    ]),
    text('NextStep', 'Next Step', 255),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    checkbox('IsClosed', 'Closed', readOnly),
    checkbox('IsWon', 'Won', readOnly),
    picklist(
      'ForecastCategory',
      'Forecast Category',
      [['Omitted', 'Omitted'], ['Pipeline', 'Pipeline'], ['BestCase', 'Best Case'], ['Forecast', 'Commit'],
        ['Closed', 'Closed']],
      { nillable: false, defaultedOnCreate: true, restricted: true, ...readOnly },
    ),
    picklist('ForecastCategoryName', 'Forecast Category', ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'], {
      restricted: true,
      defaultedOnCreate: true,
    }),
    checkbox('HasOpportunityLineItem', 'Has Line Item', readOnly),
    integer('FiscalQuarter', 'Fiscal Quarter', readOnly),
    integer('FiscalYear', 'Fiscal Year', readOnly),
    ownerId('Owner ID'),
    ...audit(),
    lastActivityDate(),
  ],
};

const opportunityContactRole: ObjectDef = {
  name: 'OpportunityContactRole',
  label: 'Opportunity Contact Role',
  labelPlural: 'Opportunity Contact Role',
  keyPrefix: '00K',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Opportunity Contact Role ID'),
    lookup('OpportunityId', 'Opportunity ID', ['Opportunity'], 'Opportunity', { nillable: false, ...createOnly }),
    lookup('ContactId', 'Contact ID', ['Contact'], 'Contact', { nillable: false }),
    picklist('Role', 'Role', [
      'Business User', 'Decision Maker', 'Economic Buyer', 'Economic Decision Maker', 'Evaluator', 'Executive Sponsor',
      'Influencer', 'Technical Buyer', 'Other',
    ]),
    checkbox('IsPrimary', 'Primary'),
    ...audit(),
    isDeleted(),
  ],
};

const caseObject: ObjectDef = {
  name: 'Case',
  label: 'Case',
  labelPlural: 'Cases',
  keyPrefix: '500',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Case ID'),
    isDeleted(),
    // Auto-number: assigned by the org on insert.
    text('CaseNumber', 'Case Number', 30, { nillable: false, nameField: true, defaultedOnCreate: true, ...readOnly }),
    lookup('ContactId', 'Contact ID', ['Contact'], 'Contact'),
    lookup('AccountId', 'Account ID', ['Account'], 'Account'),
    lookup('ParentId', 'Parent Case ID', ['Case'], 'Parent'),
    text('SuppliedName', 'Web Name', 80),
    field('SuppliedEmail', 'Web Email', 'email'),
    text('SuppliedPhone', 'Web Phone', 40),
    text('SuppliedCompany', 'Web Company', 80),
    picklist('Type', 'Case Type', ['Problem', 'Feature Request', 'Question']),
    picklist('Status', 'Status', ['New', 'Working', 'Escalated', 'Closed'], { defaultValue: 'New', restricted: true }),
    picklist('Reason', 'Case Reason', [
      'Installation', 'Equipment Complexity', 'Performance', 'Breakdown', 'Equipment Design', 'Feedback', 'Other',
    ]),
    picklist('Origin', 'Case Origin', ['Phone', 'Email', 'Web']),
    text('Subject', 'Subject', 255),
    picklist('Priority', 'Priority', ['High', 'Medium', 'Low'], { defaultValue: 'Medium', restricted: true }),
    longText('Description', 'Description'),
    checkbox('IsClosed', 'Closed', readOnly),
    dateTime('ClosedDate', 'Closed Date', readOnly),
    checkbox('IsEscalated', 'Escalated'),
    ownerId('Owner ID'),
    ...audit(),
  ],
};

/** WhatId targets: the objects activities may relate to in this org. */
const ACTIVITY_WHAT = ['Account', 'Opportunity', 'Case'];
const ACTIVITY_WHO = ['Contact', 'Lead'];

const activityLinks = (): FieldDef[] => [
  lookup('WhoId', 'Name ID', ACTIVITY_WHO, 'Who'),
  lookup('WhatId', 'Related To ID', ACTIVITY_WHAT, 'What'),
];

const task: ObjectDef = {
  name: 'Task',
  label: 'Task',
  labelPlural: 'Tasks',
  keyPrefix: '00T',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Activity ID'),
    ...activityLinks(),
    text('Subject', 'Subject', 255, {
      nameField: true,
      picklistValues: picklistValues(['Call', 'Send Letter', 'Send Quote', 'Other']),
    }),
    dateField('ActivityDate', 'Due Date Only'),
    picklist('Status', 'Status', ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], {
      defaultValue: 'Not Started',
      restricted: true,
      nillable: false,
    }),
    picklist('Priority', 'Priority', ['High', 'Normal', 'Low'], {
      defaultValue: 'Normal',
      restricted: true,
      nillable: false,
    }),
    checkbox('IsHighPriority', 'High Priority', readOnly),
    ownerId('Assigned To ID'),
    longText('Description', 'Comments'),
    isDeleted(),
    lookup('AccountId', 'Account ID', ['Account'], 'Account', readOnly),
    checkbox('IsClosed', 'Closed', readOnly),
    ...audit(),
    checkbox('IsArchived', 'Archived', readOnly),
    integer('CallDurationInSeconds', 'Call Duration'),
    picklist('CallType', 'Call Type', ['Internal', 'Inbound', 'Outbound']),
    text('CallDisposition', 'Call Result', 255),
    dateTime('ReminderDateTime', 'Reminder Date/Time'),
    checkbox('IsReminderSet', 'Reminder Set'),
    picklist('TaskSubtype', 'Task Subtype', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], {
      restricted: true,
      ...createOnly,
    }),
    dateTime('CompletedDateTime', 'Completed Date/Time', readOnly),
  ],
};

const event: ObjectDef = {
  name: 'Event',
  label: 'Event',
  labelPlural: 'Events',
  keyPrefix: '00U',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Activity ID'),
    ...activityLinks(),
    text('Subject', 'Subject', 255, {
      nameField: true,
      picklistValues: picklistValues(['Call', 'Email', 'Meeting', 'Send Letter/Quote', 'Other']),
    }),
    text('Location', 'Location', 255),
    checkbox('IsAllDayEvent', 'All-Day Event'),
    dateTime('ActivityDateTime', 'Due Date Time'),
    dateField('ActivityDate', 'Due Date Only'),
    integer('DurationInMinutes', 'Duration'),
    dateTime('StartDateTime', 'Start Date Time'),
    dateTime('EndDateTime', 'End Date Time'),
    longText('Description', 'Description'),
    lookup('AccountId', 'Account ID', ['Account'], 'Account', readOnly),
    ownerId('Assigned To ID'),
    checkbox('IsPrivate', 'Private'),
    picklist('ShowAs', 'Show Time As', [['Busy', 'Busy'], ['OutOfOffice', 'Out of Office'], ['Free', 'Free']], {
      defaultValue: 'Busy',
    }),
    isDeleted(),
    ...audit(),
    picklist('EventSubtype', 'Event Subtype', ['Event'], { defaultValue: 'Event', restricted: true, ...createOnly }),
  ],
};

const user: ObjectDef = {
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: '005',
  custom: false,
  createable: true,
  updateable: true,
  deletable: false,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('User ID'),
    text('Username', 'Username', 80, { nillable: false }),
    text('LastName', 'Last Name', 80, { nillable: false }),
    text('FirstName', 'First Name', 40),
    text('Name', 'Full Name', 121, { nillable: false, nameField: true, ...readOnly }),
    text('CompanyName', 'Company Name', 80),
    text('Division', 'Division', 80),
    text('Department', 'Department', 80),
    text('Title', 'Title', 80),
    field('Email', 'Email', 'email', { length: 128, nillable: false }),
    field('Phone', 'Phone', 'phone'),
    field('MobilePhone', 'Mobile', 'phone'),
    text('Alias', 'Alias', 8, { nillable: false }),
    checkbox('IsActive', 'Active'),
    picklist(
      'TimeZoneSidKey',
      'Time Zone',
      [
        ['America/Los_Angeles', '(GMT-08:00) Pacific Standard Time (America/Los_Angeles)'],
        ['America/Denver', '(GMT-07:00) Mountain Standard Time (America/Denver)'],
        ['America/Chicago', '(GMT-06:00) Central Standard Time (America/Chicago)'],
        ['America/New_York', '(GMT-05:00) Eastern Standard Time (America/New_York)'],
        ['Europe/London', '(GMT+00:00) Greenwich Mean Time (Europe/London)'],
      ],
      { restricted: true, nillable: false },
    ),
    lookup('ManagerId', 'Manager ID', ['User'], 'Manager'),
    lookup('UserRoleId', 'Role ID', ['UserRole'], 'UserRole'),
    picklist('UserType', 'User Type', [['Standard', 'Standard']], { defaultedOnCreate: true, ...readOnly }),
    dateTime('LastLoginDate', 'Last Login', readOnly),
    ...audit(),
  ],
};

const note: ObjectDef = {
  name: 'Note',
  label: 'Note',
  labelPlural: 'Notes',
  keyPrefix: '002',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Note ID'),
    isDeleted(),
    lookup('ParentId', 'Parent ID', ['Account', 'Contact', 'Lead', 'Opportunity', 'Case', 'Competitor__c'], 'Parent', {
      nillable: false,
      ...createOnly,
    }),
    text('Title', 'Title', 255, { nillable: false, nameField: true }),
    checkbox('IsPrivate', 'Private'),
    longText('Body', 'Body'),
    ownerId('Owner ID'),
    ...audit(),
  ],
};

/** The fields whose changes the org tracks in OpportunityFieldHistory (plus `created`, the row for the insert). */
export const TRACKED_OPPORTUNITY_FIELDS: readonly string[] = [
  'Amount', 'CloseDate', 'ForecastCategoryName', 'Name', 'NextStep', 'OwnerId', 'Probability', 'StageName',
];

const opportunityFieldHistory: ObjectDef = {
  name: 'OpportunityFieldHistory',
  label: 'Opportunity Field History',
  labelPlural: 'Opportunity Field History',
  keyPrefix: '017',
  custom: false,
  createable: false,
  updateable: false,
  deletable: false,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Opportunity Field History ID'),
    isDeleted(),
    lookup('OpportunityId', 'Opportunity ID', ['Opportunity'], 'Opportunity', { nillable: false, ...readOnly }),
    ...created(),
    picklist('Field', 'Changed Field', ['created', ...TRACKED_OPPORTUNITY_FIELDS], { nillable: false, ...readOnly }),
    picklist('DataType', 'Data Type', ['Text', 'Currency', 'Date', 'Percent', 'DynamicEnum', 'EntityId'], readOnly),
    text('OldValue', 'Old Value', 255, { filterable: false, sortable: false, ...readOnly }),
    text('NewValue', 'New Value', 255, { filterable: false, sortable: false, ...readOnly }),
  ],
};

const competitor: ObjectDef = {
  name: 'Competitor__c',
  label: 'Competitor',
  labelPlural: 'Competitors',
  keyPrefix: 'a0X',
  custom: true,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Record ID'),
    ownerId('Owner ID'),
    isDeleted(),
    text('Name', 'Competitor Name', 80, { nameField: true }),
    ...audit(),
    lastActivityDate(),
    lookup('Opportunity__c', 'Opportunity', ['Opportunity'], 'Opportunity__r'),
    longText('Strengths__c', 'Strengths', 32768),
    longText('Weaknesses__c', 'Weaknesses', 32768),
    picklist('Threat_Level__c', 'Threat Level', ['Low', 'Medium', 'High'], { restricted: true }),
    field('Website__c', 'Website', 'url'),
  ],
};

const organization: ObjectDef = {
  name: 'Organization',
  label: 'Organization',
  labelPlural: 'Organizations',
  keyPrefix: '00D',
  custom: false,
  createable: false,
  updateable: false,
  deletable: false,
  queryable: true,
  childRelationships: [],
  fields: [
    idField('Organization ID'),
    text('Name', 'Name', 80, { nillable: false, nameField: true, ...readOnly }),
    text('Division', 'Division', 80, readOnly),
    text('City', 'City', 40, readOnly),
    text('State', 'State/Province', 80, readOnly),
    text('Country', 'Country', 80, readOnly),
    field('Phone', 'Phone', 'phone', readOnly),
    text('OrganizationType', 'Edition', 40, { nillable: false, ...readOnly }),
    text('InstanceName', 'Instance Name', 40, readOnly),
    checkbox('IsSandbox', 'Is Sandbox', readOnly),
    text('TimeZoneSidKey', 'Default Time Zone', 40, { nillable: false, ...readOnly }),
    text('LanguageLocaleKey', 'Language', 40, { nillable: false, ...readOnly }),
    integer('FiscalYearStartMonth', 'Fiscal Year Starts In', readOnly),
    ...audit(),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Child relationships: declared once, from the child's side, and attached to the parent's describe.

interface ChildRelationshipEdge {
  parent: string;
  child: string;
  field: string;
  relationshipName: string | null;
  cascadeDelete: boolean;
}

const edge = (
  parent: string,
  child: string,
  fieldName: string,
  relationshipName: string | null,
  cascadeDelete = false,
): ChildRelationshipEdge => ({ parent, child, field: fieldName, relationshipName, cascadeDelete });

const activityEdges = (parent: string, linkField: 'WhatId' | 'WhoId'): ChildRelationshipEdge[] => [
  edge(parent, 'Task', linkField, 'Tasks', true),
  edge(parent, 'Event', linkField, 'Events', true),
];

const CHILD_RELATIONSHIPS: ChildRelationshipEdge[] = [
  edge('Account', 'Account', 'ParentId', 'ChildAccounts'),
  edge('Account', 'Contact', 'AccountId', 'Contacts', true),
  edge('Account', 'Opportunity', 'AccountId', 'Opportunities', true),
  edge('Account', 'Case', 'AccountId', 'Cases', true),
  edge('Account', 'Note', 'ParentId', 'Notes', true),
  ...activityEdges('Account', 'WhatId'),
  edge('Account', 'Task', 'AccountId', null),
  edge('Account', 'Event', 'AccountId', null),
  edge('Account', 'Lead', 'ConvertedAccountId', null),
  edge('Contact', 'Contact', 'ReportsToId', null),
  edge('Contact', 'OpportunityContactRole', 'ContactId', 'OpportunityContactRoles', true),
  edge('Contact', 'Case', 'ContactId', 'Cases'),
  edge('Contact', 'Note', 'ParentId', 'Notes', true),
  ...activityEdges('Contact', 'WhoId'),
  edge('Contact', 'Lead', 'ConvertedContactId', null),
  edge('Lead', 'Note', 'ParentId', 'Notes', true),
  ...activityEdges('Lead', 'WhoId'),
  edge('Opportunity', 'OpportunityContactRole', 'OpportunityId', 'OpportunityContactRoles', true),
  edge('Opportunity', 'OpportunityFieldHistory', 'OpportunityId', 'Histories', true),
  edge('Opportunity', 'Competitor__c', 'Opportunity__c', 'Competitors__r'),
  edge('Opportunity', 'Note', 'ParentId', 'Notes', true),
  ...activityEdges('Opportunity', 'WhatId'),
  edge('Opportunity', 'Lead', 'ConvertedOpportunityId', null),
  edge('Case', 'Case', 'ParentId', 'Cases'),
  edge('Case', 'Note', 'ParentId', 'Notes', true),
  ...activityEdges('Case', 'WhatId'),
  edge('Competitor__c', 'Note', 'ParentId', 'Notes', true),
  edge('User', 'User', 'ManagerId', 'ManagedUsers'),
  edge('UserRole', 'User', 'UserRoleId', 'Users'),
  edge('UserRole', 'UserRole', 'ParentRoleId', null),
  edge('User', 'PermissionSetAssignment', 'AssigneeId', 'PermissionSetAssignments', true),
  edge('PermissionSet', 'PermissionSetAssignment', 'PermissionSetId', 'Assignments', true),
  edge('PermissionSet', 'ObjectPermissions', 'ParentId', 'ObjectPerms', true),
  edge('PermissionSet', 'FieldPermissions', 'ParentId', 'FieldPerms', true),
];

function withChildRelationships(objects: ObjectDef[]): ObjectDef[] {
  return objects.map((object) => ({
    ...object,
    childRelationships: CHILD_RELATIONSHIPS.filter((e) => e.parent === object.name).map(
      (e): ChildRelationshipDef => ({
        childSObject: e.child,
        field: e.field,
        relationshipName: e.relationshipName,
        cascadeDelete: e.cascadeDelete,
      }),
    ),
  }));
}

export const OBJECTS: ObjectDef[] = withChildRelationships([
  account,
  contact,
  lead,
  opportunity,
  opportunityContactRole,
  caseObject,
  task,
  event,
  user,
  note,
  opportunityFieldHistory,
  competitor,
  organization,
  ...SETUP_OBJECTS,
]);

// ---------------------------------------------------------------------------------------------------------------
// Look-ups (API names are case-insensitive in Salesforce)

const objectsByLowerName = new Map(OBJECTS.map((o) => [o.name.toLowerCase(), o]));
const objectsByPrefix = new Map(OBJECTS.map((o) => [o.keyPrefix, o]));
const fieldIndexes = new WeakMap<ObjectDef, Map<string, FieldDef>>();

export function findObject(name: string): ObjectDef | undefined {
  return objectsByLowerName.get(name.toLowerCase());
}

export function findField(object: ObjectDef, name: string): FieldDef | undefined {
  let index = fieldIndexes.get(object);
  if (!index) {
    index = new Map(object.fields.map((f) => [f.name.toLowerCase(), f]));
    fieldIndexes.set(object, index);
  }
  return index.get(name.toLowerCase());
}

/** The object an id belongs to, by its first three characters (case-sensitive, as key prefixes are). */
export function objectByKeyPrefix(prefix: string): ObjectDef | undefined {
  return objectsByPrefix.get(prefix.slice(0, 3));
}

export function stageInfo(stageName: string): OpportunityStage | undefined {
  return OPPORTUNITY_STAGES.find((s) => s.stage === stageName);
}

// ---------------------------------------------------------------------------------------------------------------
// Values the org computes on save (compound names, stage-driven flags, auto-numbers, activity roll-ups)

const asString = (value: FieldValue | undefined): string | null => (typeof value === 'string' ? value : null);

function compoundName(record: StoredRecord): string {
  return [asString(record.FirstName), asString(record.LastName)].filter((part) => part).join(' ');
}

function findRecord(db: Database, id: string | null): { object: ObjectDef; record: StoredRecord } | null {
  if (!id) return null;
  const object = objectByKeyPrefix(id);
  const record = object ? db.records.get(object.name)?.get(id) : undefined;
  return object && record ? { object, record } : null;
}

/** Task.AccountId / Event.AccountId: the What's account (or the What itself), else the Who contact's account. */
function activityAccountId(db: Database, record: StoredRecord): string | null {
  const what = findRecord(db, asString(record.WhatId));
  if (what?.object.name === 'Account') return what.record.Id;
  const whatAccount = asString(what?.record.AccountId);
  if (whatAccount) return whatAccount;
  const who = findRecord(db, asString(record.WhoId));
  return who?.object.name === 'Contact' ? asString(who.record.AccountId) : null;
}

const FORECAST_CATEGORY_BY_NAME: Record<string, string> = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed',
};

function deriveOpportunity(record: StoredRecord): void {
  const stage = stageInfo(asString(record.StageName) ?? '');
  if (stage) {
    record.IsClosed = stage.closed;
    record.IsWon = stage.won;
    record.Probability ??= stage.probability;
    record.ForecastCategoryName ??= stage.forecastCategoryName;
  }
  record.ForecastCategory = FORECAST_CATEGORY_BY_NAME[asString(record.ForecastCategoryName) ?? ''] ?? null;
  const { Amount: amount, Probability: probability } = record;
  record.ExpectedRevenue =
    typeof amount === 'number' && typeof probability === 'number' ? (amount * probability) / 100 : null;
  const closeDate = asString(record.CloseDate);
  // Fiscal year = calendar year (FiscalYearStartMonth 1).
  record.FiscalYear = closeDate ? Number(closeDate.slice(0, 4)) : null;
  record.FiscalQuarter = closeDate ? Math.floor((Number(closeDate.slice(5, 7)) - 1) / 3) + 1 : null;
}

function nextCaseNumber(db: Database): string {
  let highest = 1000;
  for (const existing of db.records.get('Case')?.values() ?? []) {
    highest = Math.max(highest, Number(asString(existing.CaseNumber) ?? 0));
  }
  return String(highest + 1).padStart(8, '0');
}

function deriveEvent(record: StoredRecord): void {
  const start = asString(record.StartDateTime) ?? asString(record.ActivityDateTime);
  if (!start) return;
  record.StartDateTime = start;
  record.ActivityDateTime = start;
  record.ActivityDate = start.slice(0, 10);
  const minutes = typeof record.DurationInMinutes === 'number' ? record.DurationInMinutes : null;
  if (minutes !== null) {
    const end = new Date(Date.parse(start.replace('+0000', 'Z')) + minutes * 60_000);
    record.EndDateTime = end.toISOString().replace('Z', '+0000');
  }
}

/**
 * Recomputes the fields Salesforce maintains itself, in place: call after every insert or update (before storing).
 * Reads related records from `db` (the activity's account) but never changes them.
 */
export function applyDerivedFields(db: Database, objectName: string, record: StoredRecord): void {
  switch (findObject(objectName)?.name) {
    case 'Contact':
    case 'Lead':
    case 'User':
      record.Name = compoundName(record);
      break;
    case 'Opportunity':
      deriveOpportunity(record);
      break;
    case 'Case': {
      record.CaseNumber ??= nextCaseNumber(db);
      record.IsClosed = CLOSED_CASE_STATUSES.includes(asString(record.Status) ?? '');
      record.ClosedDate = record.IsClosed ? (record.ClosedDate ?? record.LastModifiedDate ?? null) : null;
      break;
    }
    case 'Task': {
      record.IsClosed = CLOSED_TASK_STATUSES.includes(asString(record.Status) ?? '');
      record.IsHighPriority = record.Priority === 'High';
      record.CompletedDateTime = record.IsClosed
        ? (record.CompletedDateTime ?? record.LastModifiedDate ?? null)
        : null;
      record.AccountId = activityAccountId(db, record);
      break;
    }
    case 'Event':
      deriveEvent(record);
      record.AccountId = activityAccountId(db, record);
      break;
  }
}
