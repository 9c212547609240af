import type { FieldValue, GraphRecord } from '../salesforce/record-graph';
import { daysBetween } from './format';

/**
 * How each kind of related record is said in one compact line, and which of its dates orders it (the oldest lines are
 * the first left out when the budget is tight). Objects without a recipe get the generic one: the name and the first
 * three other non-empty fields, labelled.
 */

/** What a recipe may ask of a record: values already formatted, withheld and redacted. */
export interface RecordReader {
  readonly record: GraphRecord;
  /** The value as it may be sent, or null when empty; long text is cut to `maxChars`. */
  text(field: string, maxChars?: number): string | null;
  raw(field: string): FieldValue | undefined;
  /** The calendar date of a date or datetime field. */
  date(field: string): string | null;
  readonly today: string;
  /** The owner of the record in view: a related record's owner is said only when it is someone else. */
  readonly rootOwner: FieldValue | undefined;
}

type Part = string | null | undefined;

interface Recipe {
  parts(reader: RecordReader): Part[];
  /** The date that says how recent the record is. */
  dateFields: readonly string[];
}

/** Long text in a related line (descriptions, note bodies, comments): enough for the gist. */
const LONG_TEXT_CHARS = 280;

const prefixed = (prefix: string, value: string | null): string | null => (value === null ? null : `${prefix}${value}`);

const otherOwner = (r: RecordReader): string | null =>
  r.raw('Owner.Name') === r.rootOwner ? null : prefixed('owner ', r.text('Owner.Name'));

function isOpen(reader: RecordReader, closedStatus?: RegExp): boolean {
  const closed = reader.raw('IsClosed');
  if (typeof closed === 'boolean') return !closed;
  const status = reader.raw('StageName') ?? reader.raw('Status');
  return !(typeof status === 'string' && (closedStatus ?? /^(closed|completed)/i).test(status));
}

/** "overdue by 12 days" when an open record's date has passed; null otherwise. */
export function overdueHint(reader: RecordReader, dateField: string): string | null {
  const date = reader.date(dateField);
  if (!date || !isOpen(reader)) return null;
  const days = daysBetween(date, reader.today);
  if (days <= 0) return null;
  return `overdue by ${days} day${days === 1 ? '' : 's'}`;
}

/** The hint shown after a root field's value, for the fields where lateness is a fact worth stating. */
export function rootHint(reader: RecordReader, field: string): string | null {
  const object = reader.record.objectName;
  if ((object === 'Opportunity' && field === 'CloseDate') || (object === 'Task' && field === 'ActivityDate')) {
    return overdueHint(reader, field);
  }
  return null;
}

function dueDate(reader: RecordReader, field: string, open: string, done: string): string | null {
  const date = reader.text(field);
  if (!date) return null;
  const hint = overdueHint(reader, field);
  return `${isOpen(reader) ? open : done} ${date}${hint ? `, ${hint}` : ''}`;
}

/** A department the title already names ("VP of Operations", Operations) is said once. */
function departmentBesides(reader: RecordReader): string | null {
  const department = reader.text('Department');
  const title = reader.text('Title')?.toLowerCase() ?? '';
  if (!department) return null;
  const words = new Set(title.split(/[^\p{L}\p{N}&]+/u));
  return department.toLowerCase().split(/\s+/).every((word) => words.has(word)) ? null : department;
}

const RECIPES: Record<string, Recipe> = {
  Contact: {
    parts: (r) => [
      r.text('Name'), r.text('Title'), departmentBesides(r), r.text('Email'), r.text('Phone'),
      prefixed('mobile ', r.text('MobilePhone')), r.raw('HasOptedOutOfEmail') === true ? 'email opt-out' : null,
      r.raw('DoNotCall') === true ? 'do not call' : null,
    ],
    dateFields: ['LastActivityDate', 'LastModifiedDate', 'CreatedDate'],
  },
  Lead: {
    parts: (r) => [r.text('Name'), r.text('Title'), r.text('Company'), r.text('Status'), r.text('Email'), r.text('Phone')],
    dateFields: ['LastActivityDate', 'LastModifiedDate', 'CreatedDate'],
  },
  Opportunity: {
    parts: (r) => [
      r.text('Name'), r.text('StageName'), r.text('Amount'), dueDate(r, 'CloseDate', 'closes', 'closed'),
      prefixed('next step: ', r.text('NextStep')), otherOwner(r),
    ],
    dateFields: ['CloseDate', 'LastModifiedDate', 'CreatedDate'],
  },
  Case: {
    parts: (r) => [
      prefixed('Case ', r.text('CaseNumber')), r.text('Subject'), r.text('Status'), prefixed('priority ', r.text('Priority')),
      r.raw('IsEscalated') === true ? 'escalated' : null, prefixed('opened ', r.text('CreatedDate')),
      prefixed('closed ', r.text('ClosedDate')), prefixed('contact ', r.text('Contact.Name')),
      r.text('Description', LONG_TEXT_CHARS),
    ],
    dateFields: ['CreatedDate', 'LastModifiedDate'],
  },
  Task: {
    parts: (r) => [
      r.text('Subject'), r.text('Status'), dueDate(r, 'ActivityDate', 'due', 'on'), prefixed('with ', r.text('Who.Name')),
      r.raw('Priority') === 'High' ? 'high priority' : null, r.text('Description', LONG_TEXT_CHARS),
    ],
    dateFields: ['ActivityDate', 'CompletedDateTime', 'CreatedDate'],
  },
  Event: {
    parts: (r) => [
      r.text('Subject'), r.text('StartDateTime') ?? r.text('ActivityDate'), prefixed('at ', r.text('Location')),
      prefixed('with ', r.text('Who.Name')), r.text('Description', LONG_TEXT_CHARS),
    ],
    dateFields: ['StartDateTime', 'ActivityDateTime', 'ActivityDate', 'CreatedDate'],
  },
  Note: {
    parts: (r) => [r.text('Title'), r.text('LastModifiedDate') ?? r.text('CreatedDate'), r.text('Body', LONG_TEXT_CHARS)],
    dateFields: ['LastModifiedDate', 'CreatedDate'],
  },
  OpportunityContactRole: {
    parts: (r) => [r.text('Contact.Name'), r.text('Role'), r.raw('IsPrimary') === true ? 'primary' : null],
    dateFields: ['CreatedDate'],
  },
  Competitor__c: {
    parts: (r) => [
      r.text('Name'), prefixed('threat ', r.text('Threat_Level__c')),
      prefixed('strengths: ', r.text('Strengths__c', LONG_TEXT_CHARS)),
      prefixed('weaknesses: ', r.text('Weaknesses__c', LONG_TEXT_CHARS)),
    ],
    dateFields: ['LastModifiedDate', 'CreatedDate'],
  },
  OpportunityFieldHistory: {
    parts: (r) => {
      const change = [r.text('OldValue') ?? '(empty)', r.text('NewValue') ?? '(empty)'].join(' → ');
      return [r.text('CreatedDate'), r.raw('Field') === 'created' ? 'created' : `${r.text('Field') ?? ''} ${change}`];
    },
    dateFields: ['CreatedDate'],
  },
};

/** Fields that name a record, for the generic recipe. */
const NAME_FIELDS = ['Name', 'Subject', 'Title', 'CaseNumber'];
const GENERIC_DATE_FIELDS = ['LastModifiedDate', 'CreatedDate', 'LastActivityDate'];
/** Bookkeeping dates: they order the line but are not among the three fields a generic line shows. */
const BOOKKEEPING = new Set(GENERIC_DATE_FIELDS);

export interface GenericFields {
  /** The record's non-empty fields other than its name, in the graph's order, already without noise. */
  fields: readonly string[];
  label(field: string): string;
}

export function compactParts(reader: RecordReader, generic: GenericFields): string[] {
  const recipe = RECIPES[reader.record.objectName];
  const parts = recipe ? recipe.parts(reader) : genericParts(reader, generic);
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
}

function genericParts(reader: RecordReader, generic: GenericFields): Part[] {
  const nameField = NAME_FIELDS.find((field) => reader.text(field) !== null);
  const others = generic.fields
    .filter((field) => field !== nameField && !BOOKKEEPING.has(field))
    .map((field) => {
      const value = reader.text(field, LONG_TEXT_CHARS);
      return value === null ? null : `${generic.label(field)}: ${value}`;
    })
    .filter((part): part is string => part !== null)
    .slice(0, 3);
  return [nameField ? reader.text(nameField) : null, ...others];
}

/** The record's date for ordering, or null when it has none. */
export function recencyDate(reader: RecordReader): string | null {
  const fields = RECIPES[reader.record.objectName]?.dateFields ?? GENERIC_DATE_FIELDS;
  for (const field of fields) {
    const date = reader.date(field);
    if (date) return date;
  }
  return null;
}
