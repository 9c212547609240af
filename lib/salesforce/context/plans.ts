/**
 * Which related lists make up a record's context, by object. Each list is bounded and ordered by recency (open work
 * by what comes due first); activities cover the last 90 days and the next 30.
 */
import type { ChildRelationship, Describes, ObjectDescribe } from './api';
import {
  idEquals,
  idNotEquals,
  inLastDays,
  inNextDays,
  inParentOf,
  isTrue,
  newestFirst,
  soonestFirst,
  type FieldOrder,
  type Filter,
} from './soql';

export interface ListSpec {
  /** Stable key, also the subrequest's referenceId: letters, digits and underscores. */
  key: string;
  label: string;
  objectName: string;
  filters: Filter[];
  orderBy: FieldOrder[];
  limit: number;
  /** A COUNT() subrequest tells how many exist beyond the bound; pointless for a record's one parent. */
  counted: boolean;
  /** A parent-like list (the contact's account) says nothing when empty, so it is left out then. */
  omitWhenEmpty?: boolean;
}

const LIST_LIMIT = 10;
const ACTIVITY_LIMIT = 15;
const CLOSED_OPPORTUNITY_LIMIT = 5;
const ACTIVITY_PAST_DAYS = 90;
const ACTIVITY_FUTURE_DAYS = 30;
const RECENTLY_CLOSED_DAYS = 365;
const GENERIC_CHILD_LISTS = 3;

/**
 * Key prefixes that are the same in every org, so a record of these objects needs no global describe to be placed.
 * Custom objects' prefixes differ per org and are looked up.
 */
export const STANDARD_KEY_PREFIXES: Readonly<Record<string, string>> = {
  '001': 'Account',
  '003': 'Contact',
  '00Q': 'Lead',
  '006': 'Opportunity',
  '500': 'Case',
};

/**
 * Every object the standard plans start from or read. Their describes are fetched together with the first record's,
 * so that any later record of these objects costs exactly one request.
 */
export const CONTEXT_OBJECTS: readonly string[] = [
  'Account',
  'Contact',
  'Lead',
  'Opportunity',
  'OpportunityContactRole',
  'OpportunityFieldHistory',
  'Case',
  'Task',
  'Event',
  'Note',
];

function activityWindow(link: Filter): Filter[] {
  return [link, inLastDays('ActivityDate', ACTIVITY_PAST_DAYS), inNextDays('ActivityDate', ACTIVITY_FUTURE_DAYS)];
}

function activities(linkField: string, id: string): ListSpec[] {
  return [
    {
      key: 'tasks',
      label: 'Tasks',
      objectName: 'Task',
      filters: activityWindow(idEquals(linkField, id)),
      orderBy: [newestFirst('ActivityDate'), newestFirst('LastModifiedDate')],
      limit: ACTIVITY_LIMIT,
      counted: true,
    },
    {
      key: 'events',
      label: 'Events',
      objectName: 'Event',
      filters: activityWindow(idEquals(linkField, id)),
      orderBy: [newestFirst('ActivityDateTime')],
      limit: ACTIVITY_LIMIT,
      counted: true,
    },
  ];
}

function notes(id: string): ListSpec {
  return {
    key: 'notes',
    label: 'Notes',
    objectName: 'Note',
    filters: [idEquals('ParentId', id)],
    orderBy: [newestFirst('LastModifiedDate')],
    limit: LIST_LIMIT,
    counted: true,
  };
}

/** The one parent record (an opportunity's account) reached through the root's own lookup field. */
function parentRecord(key: string, label: string, objectName: string, root: string, lookup: string, id: string): ListSpec {
  return {
    key,
    label,
    objectName,
    filters: [inParentOf('Id', lookup, root, id)],
    orderBy: [],
    limit: 1,
    counted: false,
    omitWhenEmpty: true,
  };
}

function openOpportunities(filters: Filter[]): ListSpec {
  return {
    key: 'openOpportunities',
    label: 'Open opportunities',
    objectName: 'Opportunity',
    filters: [...filters, isTrue('IsClosed', false)],
    orderBy: [soonestFirst('CloseDate')],
    limit: LIST_LIMIT,
    counted: true,
  };
}

function openCases(filters: Filter[], key = 'openCases', label = 'Open cases'): ListSpec {
  return {
    key,
    label,
    objectName: 'Case',
    filters: [...filters, isTrue('IsClosed', false)],
    orderBy: [newestFirst('CreatedDate')],
    limit: LIST_LIMIT,
    counted: true,
  };
}

function contactRoles(linkField: string, id: string): ListSpec {
  return {
    key: 'contactRoles',
    label: 'Contact roles',
    objectName: 'OpportunityContactRole',
    filters: [idEquals(linkField, id)],
    orderBy: [newestFirst('IsPrimary'), newestFirst('LastModifiedDate')],
    limit: LIST_LIMIT,
    counted: true,
  };
}

function accountPlan(id: string): ListSpec[] {
  return [
    {
      key: 'contacts',
      label: 'Contacts',
      objectName: 'Contact',
      filters: [idEquals('AccountId', id)],
      orderBy: [newestFirst('LastModifiedDate')],
      limit: LIST_LIMIT,
      counted: true,
    },
    openOpportunities([idEquals('AccountId', id)]),
    {
      key: 'closedOpportunities',
      label: 'Recently closed opportunities',
      objectName: 'Opportunity',
      filters: [idEquals('AccountId', id), isTrue('IsClosed', true), inLastDays('CloseDate', RECENTLY_CLOSED_DAYS)],
      orderBy: [newestFirst('CloseDate')],
      limit: CLOSED_OPPORTUNITY_LIMIT,
      counted: true,
    },
    openCases([idEquals('AccountId', id)]),
    // Task.AccountId and Event.AccountId roll up everything done on the account's contacts and deals.
    ...activities('AccountId', id),
    notes(id),
  ];
}

function opportunityPlan(id: string): ListSpec[] {
  return [
    parentRecord('account', 'Account', 'Account', 'Opportunity', 'AccountId', id),
    contactRoles('OpportunityId', id),
    ...activities('WhatId', id),
    {
      key: 'history',
      label: 'Field history',
      objectName: 'OpportunityFieldHistory',
      filters: [idEquals('OpportunityId', id)],
      orderBy: [newestFirst('CreatedDate')],
      limit: ACTIVITY_LIMIT,
      counted: true,
    },
    notes(id),
  ];
}

function contactPlan(id: string): ListSpec[] {
  return [
    parentRecord('account', 'Account', 'Account', 'Contact', 'AccountId', id),
    openOpportunities([inParentOf('AccountId', 'AccountId', 'Contact', id)]),
    contactRoles('ContactId', id),
    openCases([idEquals('ContactId', id)]),
    // What the mail card shows of the sender's account: its open cases raised by colleagues (a null ContactId is not
    // this contact either, so `!=` keeps cases with no contact).
    openCases([inParentOf('AccountId', 'AccountId', 'Contact', id), idNotEquals('ContactId', id)], 'accountCases', "Other open cases on the contact's account"),
    ...activities('WhoId', id),
    notes(id),
  ];
}

/** A lead's company is its own field; once converted, the account it became is its context too. */
function leadPlan(id: string): ListSpec[] {
  return [
    parentRecord('convertedAccount', 'Converted account', 'Account', 'Lead', 'ConvertedAccountId', id),
    ...activities('WhoId', id),
    notes(id),
  ];
}

const PLANS: Readonly<Record<string, (id: string) => ListSpec[]>> = {
  account: accountPlan,
  opportunity: opportunityPlan,
  contact: contactPlan,
  lead: leadPlan,
};

export function standardPlan(objectName: string, id: string): ListSpec[] | null {
  return PLANS[objectName.toLowerCase()]?.(id) ?? null;
}

/** Children that are bookkeeping rather than business context. */
const SYSTEM_CHILD = /(History|Share|Feed|ChangeEvent)$|^(ProcessInstance|AttachedContentDocument|CombinedAttachment)/;

/** Up to three child relationships of an object without a plan, in describe order. */
export function genericChildren(root: ObjectDescribe): ChildRelationship[] {
  return root.childRelationships
    .filter((relation) => relation.relationshipName && !SYSTEM_CHILD.test(relation.childSObject))
    .slice(0, GENERIC_CHILD_LISTS);
}

function recencyField(child: ObjectDescribe): string | undefined {
  const names = new Set(child.fields.filter((field) => field.sortable !== false).map((field) => field.name));
  return ['LastModifiedDate', 'CreatedDate'].find((name) => names.has(name));
}

export function genericPlan(root: ObjectDescribe, describes: Describes, id: string): ListSpec[] {
  return genericChildren(root).flatMap((relation): ListSpec[] => {
    const child = describes.get(relation.childSObject);
    if (!child || !relation.relationshipName) return [];
    const recency = recencyField(child);
    return [
      {
        key: relation.relationshipName.charAt(0).toLowerCase() + relation.relationshipName.slice(1),
        label: child.labelPlural,
        objectName: child.name,
        filters: [idEquals(relation.field, id)],
        orderBy: recency ? [newestFirst(recency)] : [],
        limit: LIST_LIMIT,
        counted: true,
      },
    ];
  });
}
