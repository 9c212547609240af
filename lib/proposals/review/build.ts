/**
 * Building the review of a proposal: the cards of a "Log this note" proposal on the record in view (the activity, the
 * record's updates, named opportunities, new contacts, follow-ups) and of an "Extract to Lead" proposal (one card per
 * person). Links between records (the activity's WhatId/WhoId, a new contact's AccountId, a follow-up's WhoId) are
 * set here by code from the record in view, never from the model.
 */
import { todayOf } from '../dates';
import { fieldOf, type WriteDescribes, type WriteField, type WriteObjectDescribe } from '../describe';
import { LEAD_FIELDS, type ContactProposal, type FieldValueProposal, type LeadProposal, type NoteProposal } from '../schemas';
import type { FieldProblem, WriteValue } from '../validate';
import { cardBlockers } from './blockers';
import { foldIntoRecordInView, recordInViewCard, targetOf } from './edits';
import { buildRow, contextOf, defaultRow, describeOrThrow, evidencedRow, withRequiredRows, type Context } from './rows';
import type { Link, NamedLookup, RecordInView, Review, ReviewCard, ReviewOptions, ReviewRow } from './types';
import { t } from '../../i18n';

function createCard(card: Omit<ReviewCard, 'included' | 'autoExcluded' | 'duplicates'>): ReviewCard {
  const draft: ReviewCard = { ...card, included: true, autoExcluded: false, duplicates: [] };
  const blocked = cardBlockers(draft).length > 0;
  return { ...draft, included: !blocked, autoExcluded: blocked };
}

function notCreateable(describe: WriteObjectDescribe | undefined, objectName: string): FieldProblem | undefined {
  if (describe?.createable) return undefined;
  return { code: 'NOT_CREATEABLE', message: t('review_cannotCreate', { objects: describe?.labelPlural || objectName }) };
}

/** A look-up on `describe` that may point to `objectName` and that the rep can set. */
function linkField(describe: WriteObjectDescribe, fieldName: string, objectName: string): boolean {
  const field = fieldOf(describe, fieldName);
  return !!field?.createable && (field.referenceTo ?? []).some((target) => target.toLowerCase() === objectName.toLowerCase());
}

const PEOPLE = new Set(['contact', 'lead']);

/** The activity's WhoId/WhatId for the record in view. */
function activityLinks(task: WriteObjectDescribe, record: RecordInView | null): Record<string, Link> {
  if (!record) return {};
  if (PEOPLE.has(record.objectName.toLowerCase())) {
    return linkField(task, 'WhoId', record.objectName) ? { WhoId: { kind: 'record', id: record.id } } : {};
  }
  return linkField(task, 'WhatId', record.objectName) ? { WhatId: { kind: 'record', id: record.id } } : {};
}

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The account a new contact belongs to: the record in view, or its AccountId. */
function accountOf(record: RecordInView | null): string | null {
  if (!record) return null;
  if (record.objectName.toLowerCase() === 'account') return record.id;
  const accountId = record.fields.AccountId;
  return typeof accountId === 'string' && RECORD_ID.test(accountId) ? accountId : null;
}

const fullName = (first: string, last: string): string => `${first} ${last}`.trim();
const nameKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

function activityCard(proposal: NoteProposal, task: WriteObjectDescribe, record: RecordInView | null, context: Context, subtype?: string): ReviewCard {
  const { activity } = proposal;
  const rows = [
    evidencedRow(task, 'Subject', activity.subject, context),
    evidencedRow(task, 'Description', activity.description, context),
    activity.activityDate
      ? evidencedRow(task, 'ActivityDate', activity.activityDate, context)
      : defaultRow(task, 'ActivityDate', todayOf(context.now, context.timeZone), context),
    activity.status ? evidencedRow(task, 'Status', activity.status, context) : defaultRow(task, 'Status', 'Completed', context),
    subtype ? defaultRow(task, 'TaskSubtype', subtype, context) : null,
  ].filter((row): row is ReviewRow => row !== null);
  return createCard({
    id: 'activity',
    kind: 'activity',
    objectName: task.name,
    objectLabel: task.label,
    objectLabelPlural: task.labelPlural || `${task.label}s`,
    operation: 'create',
    title: activity.subject.value,
    links: activityLinks(task, record),
    rows: withRequiredRows(task, rows, context),
  });
}

/** Update rows for proposed values, against the values they would replace; a field proposed twice is refused. */
function updateRows(
  describe: WriteObjectDescribe,
  updates: readonly FieldValueProposal[],
  currentOf: (field: WriteField) => WriteValue,
  context: Context,
): ReviewRow[] {
  const seen = new Set<string>();
  return updates.map((update) => {
    const field = fieldOf(describe, update.field);
    const row = buildRow(
      {
        describe,
        fieldName: update.field,
        operation: 'update',
        text: update.value,
        evidence: update.evidence,
        origin: 'model',
        current: field ? currentOf(field) : null,
      },
      context,
    );
    const key = row.field.toLowerCase();
    if (seen.has(key)) {
      return { ...row, locked: true, checked: false, error: { code: 'DUPLICATE_VALUE', message: `${row.label} is proposed twice.` } };
    }
    seen.add(key);
    return row;
  });
}

function updateCard(proposal: NoteProposal, describe: WriteObjectDescribe, record: RecordInView, context: Context): ReviewCard | null {
  if (proposal.fieldUpdates.length === 0) return null;
  return recordInViewCard(describe, record, updateRows(describe, proposal.fieldUpdates, (field) => record.fields[field.name] ?? null, context));
}

/** Why nothing will change for a named opportunity, when its look-up found none or could not run. */
function lookupProblem(lookup: NamedLookup, describe: WriteObjectDescribe): FieldProblem | undefined {
  if (lookup.problem) return { code: 'LOOKUP_FAILED', message: `${lookup.problem} Nothing will change for it.` };
  if (lookup.matches.length > 0) return undefined;
  const what = describe.label.toLowerCase();
  return { code: 'NOT_FOUND', message: `No ${what} named “${lookup.asWritten}” was found in Salesforce, so nothing will change for it.` };
}

/**
 * One card per opportunity the note names: an update of the one match, or (several matches) rows that wait until the
 * rep picks one, or (none) a card that says so and can write nothing. The target only ever comes from the look-up.
 */
function namedUpdateCards(proposal: NoteProposal, describe: WriteObjectDescribe | undefined, lookups: readonly NamedLookup[], context: Context): ReviewCard[] {
  if (!describe) return [];
  return proposal.namedOpportunities.flatMap((named, index) => {
    const lookup = lookups[index];
    if (!lookup) return [];
    const only = lookup.matches.length === 1 ? lookup.matches[0] : undefined;
    const problem = lookupProblem(lookup, describe);
    const rows = updateRows(describe, named.fieldUpdates, (field) => (only ? (only.fields[field.name] ?? null) : null), context).map((row) =>
      only ? row : { ...row, current: undefined, checked: false, locked: row.locked || problem !== undefined },
    );
    const card: ReviewCard = {
      id: `named_${index}`,
      kind: 'named-update',
      objectName: describe.name,
      objectLabel: describe.label,
      objectLabelPlural: describe.labelPlural || `${describe.label}s`,
      operation: 'update',
      title: lookup.asWritten,
      ...(only ? { target: targetOf(describe.name, only) } : {}),
      links: {},
      rows,
      included: true,
      autoExcluded: false,
      duplicates: [],
      lookup,
      ...(problem ? { error: problem } : {}),
    };
    return [card];
  });
}

/** A new contact's card: its evidenced values, and the account it belongs to when code knows it. */
function contactCard(contact: WriteObjectDescribe, person: ContactProposal, accountId: string | null, id: string, context: Context): ReviewCard {
  const rows = [
    evidencedRow(contact, 'FirstName', person.firstName, context),
    evidencedRow(contact, 'LastName', person.lastName, context),
    person.email ? evidencedRow(contact, 'Email', person.email, context) : null,
    person.phone ? evidencedRow(contact, 'Phone', person.phone, context) : null,
    person.title ? evidencedRow(contact, 'Title', person.title, context) : null,
  ].filter((row): row is ReviewRow => row !== null);
  const links: Record<string, Link> = accountId && linkField(contact, 'AccountId', 'Account') ? { AccountId: { kind: 'record', id: accountId } } : {};
  const problem = notCreateable(contact, 'Contact');
  return createCard({
    id,
    kind: 'contact',
    objectName: contact.name,
    objectLabel: contact.label,
    objectLabelPlural: contact.labelPlural || `${contact.label}s`,
    operation: 'create',
    title: fullName(person.firstName.value, person.lastName.value) || person.email?.value || contact.label,
    links,
    rows: withRequiredRows(contact, rows, context),
    ...(problem ? { error: problem } : {}),
  });
}

function contactCards(proposal: NoteProposal, contact: WriteObjectDescribe, record: RecordInView | null, context: Context): ReviewCard[] {
  const accountId = accountOf(record);
  return proposal.newContacts.map((person, index) => contactCard(contact, person, accountId, `contact_${index}`, context));
}

const subjectKey = (subject: string): string => subject.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The follow-ups, each task once: a follow-up that repeats the logged activity's subject, or an earlier follow-up's
 * (the model sometimes lists the same next step twice), would be a second card writing the same task.
 */
export function distinctFollowUps(proposal: NoteProposal): NoteProposal['followUps'] {
  const seen = new Set([subjectKey(proposal.activity.subject.value)]);
  return proposal.followUps.filter((followUp) => {
    const key = subjectKey(followUp.subject);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function followUpCards(
  proposal: NoteProposal,
  task: WriteObjectDescribe,
  record: RecordInView | null,
  contacts: ReviewCard[],
  context: Context,
): ReviewCard[] {
  const contactByName = new Map(
    proposal.newContacts.map((person, index) => [nameKey(fullName(person.firstName.value, person.lastName.value)), contacts[index]]),
  );
  return distinctFollowUps(proposal).map((followUp, index) => {
    const rows = [
      evidencedRow(task, 'Subject', { value: followUp.subject, evidence: followUp.evidence }, context),
      evidencedRow(task, 'ActivityDate', { value: followUp.dueDate, evidence: followUp.evidence }, context),
      defaultRow(task, 'Status', 'Not Started', context),
    ].filter((row): row is ReviewRow => row !== null);
    const links = activityLinks(task, record);
    const withContact = followUp.contactName ? contactByName.get(nameKey(followUp.contactName)) : undefined;
    if (withContact && linkField(task, 'WhoId', withContact.objectName) && !links.WhoId) {
      links.WhoId = { kind: 'card', cardId: withContact.id };
    }
    return createCard({
      id: `follow_up_${index}`,
      kind: 'follow-up',
      objectName: task.name,
      objectLabel: task.label,
      objectLabelPlural: task.labelPlural || `${task.label}s`,
      operation: 'create',
      title: followUp.subject,
      links,
      rows: withRequiredRows(task, rows, context),
    });
  });
}

/**
 * The review of a "Log this note" proposal on the record in view. `describes` must hold Task, Contact and the record's
 * object, as the rep sees them.
 */
export function buildReview(
  proposal: NoteProposal,
  describes: WriteDescribes,
  record: RecordInView,
  sourceText: string,
  now: Date,
  options: ReviewOptions = {},
): Review {
  const context = contextOf(sourceText, now, options);
  const task = describeOrThrow(describes, 'Task');
  const contact = describeOrThrow(describes, 'Contact');
  const recordDescribe = describeOrThrow(describes, record.objectName);
  const activity = activityCard(proposal, task, record, context, options.activitySubtype);
  const taskProblem = notCreateable(task, 'Task');
  const update = updateCard(proposal, recordDescribe, record, context);
  const named = namedUpdateCards(proposal, describes.get('Opportunity'), options.namedLookups ?? [], context);
  const contacts = contactCards(proposal, contact, record, context);
  const followUps = followUpCards(proposal, task, record, contacts, context);
  const withTaskProblem = (card: ReviewCard): ReviewCard =>
    taskProblem ? { ...card, error: taskProblem, included: false, autoExcluded: false } : card;
  const review: Review = {
    kind: 'note',
    cards: [withTaskProblem(activity), ...(update ? [update] : []), ...named, ...contacts, ...followUps.map(withTaskProblem)],
    record,
    sourceText,
    now: now.toISOString(),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
  // The note named the record in view itself: its changes join the record's own card.
  const inView = named.filter((card) => card.target?.id === record.id);
  return inView.reduce((folded, card) => foldIntoRecordInView(folded, describes, card.id), review);
}

/** The review of an "Extract to Lead" proposal: one card per person. */
export function buildLeadReview(
  proposal: LeadProposal,
  describes: WriteDescribes,
  sourceText: string,
  now: Date,
  options: ReviewOptions = {},
): Review {
  const context = contextOf(sourceText, now, options);
  const lead = describeOrThrow(describes, 'Lead');
  const problem = notCreateable(lead, 'Lead');
  const cards = proposal.leads.map((candidate, index) => {
    const named = LEAD_FIELDS.flatMap((name) => {
      const proposed = candidate[name];
      return proposed ? [evidencedRow(lead, name, proposed, context)] : [];
    });
    const seen = new Set(named.map((row) => row.field.toLowerCase()));
    const others = candidate.otherFields.flatMap((other) => {
      const row = evidencedRow(lead, other.field, { value: other.value, evidence: other.evidence }, context);
      if (seen.has(row.field.toLowerCase())) return [];
      seen.add(row.field.toLowerCase());
      return [row];
    });
    const first = candidate.FirstName?.value ?? '';
    const last = candidate.LastName?.value ?? '';
    const card = createCard({
      id: `lead_${index}`,
      kind: 'lead',
      objectName: lead.name,
      objectLabel: lead.label,
      objectLabelPlural: lead.labelPlural || `${lead.label}s`,
      operation: 'create',
      title: fullName(first, last) || candidate.Email?.value || `${lead.label} ${index + 1}`,
      links: {},
      rows: withRequiredRows(lead, [...named, ...others], context),
    });
    return problem ? { ...card, error: problem, included: false, autoExcluded: false } : card;
  });
  return {
    kind: 'lead',
    cards,
    record: null,
    sourceText,
    now: now.toISOString(),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
}

/**
 * The review of one new contact proposed outside a note (the sender of an email): its account, when code matched
 * exactly one, is a link set here, never a proposed value.
 */
export function buildContactReview(
  person: ContactProposal,
  describes: WriteDescribes,
  accountId: string | null,
  sourceText: string,
  now: Date,
  options: ReviewOptions = {},
): Review {
  const context = contextOf(sourceText, now, options);
  const card = contactCard(describeOrThrow(describes, 'Contact'), person, accountId && RECORD_ID.test(accountId) ? accountId : null, 'contact', context);
  return { kind: 'note', cards: [card], record: null, sourceText, now: now.toISOString(), ...(options.timeZone ? { timeZone: options.timeZone } : {}) };
}
