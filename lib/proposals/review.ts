/**
 * The review the rep confirms: one card per proposed record or change, one row per field, each row with the current
 * value (for updates), the proposed value, its quote, whether the quote holds, what validation says, and a checkbox
 * that starts ticked only when the quote holds and the value is valid. Nothing here writes: the review is plain,
 * serialisable data (it survives the panel closing), and lib/salesforce/writes.ts commits exactly what it says.
 *
 * Links between records (the activity's WhatId/WhoId, a new contact's AccountId, a follow-up's WhoId) are set here by
 * code from the record in view, never from the model.
 */
import { todayOf } from './dates';
import { fieldOf, type WriteDescribes, type WriteField, type WriteObjectDescribe } from './describe';
import { judgeEvidence, supportKindFor, type EvidenceStatus } from './evidence';
import { LEAD_FIELDS, type Evidenced, type FieldValueProposal, type LeadProposal, type NoteProposal } from './schemas';
import {
  requiredFields,
  requiredOnCreate,
  requiredOnUpdate,
  sameValue,
  validateValue,
  writableField,
  type FieldProblem,
  type Operation,
  type WriteValue,
} from './validate';

export type RowOrigin = 'model' | 'groundwork' | 'rep';

export interface ReviewRow {
  /** Field API name. */
  field: string;
  label: string;
  /** Update rows: the value in Salesforce when the review was built (or re-read). */
  current?: WriteValue;
  /** The text in the editor: the model's value, or the rep's. */
  proposed: string;
  /** The typed value that will be written; null when empty or invalid. */
  value: WriteValue;
  /** The model's value and verdict, kept so that undoing an edit restores them. */
  modelValue: string;
  modelEvidenceStatus: EvidenceStatus;
  evidence: string;
  evidenceStatus: EvidenceStatus;
  /** Where the quote is in the source text. */
  evidenceStart?: number;
  evidenceEnd?: number;
  /** Validation's problem, or Salesforce's after a refused commit. */
  error?: FieldProblem;
  warning?: string;
  required: boolean;
  /** Cannot be written at all (unknown field, an id, not writable for this rep): never checkable. */
  locked: boolean;
  checked: boolean;
  origin: RowOrigin;
}

export type CardKind = 'activity' | 'update' | 'named-update' | 'contact' | 'follow-up' | 'lead';

/** A link set by code: a known record, or the record another card creates. */
export type Link = { kind: 'record'; id: string } | { kind: 'card'; cardId: string };

export interface UpdateTarget {
  id: string;
  objectName: string;
  name: string;
  /** LastModifiedDate when the values shown were read: the commit's `If-Unmodified-Since`. */
  lastModifiedDate: string;
}

export interface DuplicateMatch {
  objectName: 'Lead' | 'Contact';
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  matchedBy: 'email' | 'name-company';
}

/** An opportunity a named look-up found: what the rep picks by, and the values and stamp the update is guarded by. */
export interface NamedMatch {
  id: string;
  name: string;
  accountName: string | null;
  stageName: string | null;
  lastModifiedDate: string;
  /** The proposed fields' values when looked up. */
  fields: Record<string, WriteValue>;
}

/** How a named opportunity was looked up: the note's words for it and what Salesforce holds under them. */
export interface NamedLookup {
  asWritten: string;
  matches: NamedMatch[];
  /** More opportunities matched than `matches` holds. */
  more: boolean;
  /** Why it was not looked up, or why the look-up failed. */
  problem?: string;
}

export interface ReviewCard {
  id: string;
  kind: CardKind;
  objectName: string;
  objectLabel: string;
  objectLabelPlural: string;
  operation: Operation;
  /** What the card is about, for its heading: "Call with Rosa", "Rosa Diaz". */
  title: string;
  target?: UpdateTarget;
  links: Record<string, Link>;
  rows: ReviewRow[];
  /** Create cards: whether to create this record. */
  included: boolean;
  /** Left out only because a required value was missing or invalid: included again once the rep fixes it. */
  autoExcluded: boolean;
  /** A problem of the whole card (Salesforce's error without fields, an object the rep cannot create). */
  error?: FieldProblem;
  duplicates: DuplicateMatch[];
  /**
   * The rep chose to update an existing record (a duplicate) instead of creating one: the card is now an update of it,
   * and this keeps the card as it was, to go back to "create".
   */
  createForm?: CreateForm;
  /** Named updates: the look-up the target comes from; with several matches and no target yet, the rep picks. */
  lookup?: NamedLookup;
}

/** A create card's own parts, kept while it stands for an update of an existing record. */
export interface CreateForm {
  objectName: string;
  objectLabel: string;
  objectLabelPlural: string;
  title: string;
  rows: ReviewRow[];
  included: boolean;
  autoExcluded: boolean;
}

/** An existing record as read for the diff: its current values, name and stamp. */
export interface ExistingRecord {
  id: string;
  objectName: string;
  name: string;
  lastModifiedDate: string;
  fields: Record<string, WriteValue>;
}

export interface RecordInView {
  id: string;
  objectName: string;
  /** The record's name as the rep sees it: "Globex Industries - Plant Automation Expansion". */
  name: string;
  lastModifiedDate: string;
  /** Current values of the record's fields (at least those the proposal may update, and AccountId). */
  fields: Record<string, WriteValue | undefined>;
}

export interface Review {
  kind: 'note' | 'lead';
  cards: ReviewCard[];
  record: RecordInView | null;
  sourceText: string;
  /** When the review was built (ISO); relative dates in quotes are read against it. */
  now: string;
  timeZone?: string;
}

export interface ReviewOptions {
  /** The rep's time zone, for "today" and "tomorrow"; UTC when absent. */
  timeZone?: string;
  /** The look-up of each of the proposal's named opportunities, in order (findNamedOpportunities). */
  namedLookups?: readonly NamedLookup[];
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

interface RowInput {
  describe: WriteObjectDescribe;
  fieldName: string;
  operation: Operation;
  text: string;
  evidence: string;
  origin: RowOrigin;
  current?: WriteValue;
}

interface Context {
  sourceText: string;
  now: Date;
  timeZone?: string;
}

function picklistLabels(field: WriteField): Map<string, string> {
  return new Map((field.picklistValues ?? []).map((entry) => [entry.value, entry.label ?? entry.value]));
}

function isRequired(describe: WriteObjectDescribe, field: WriteField, operation: Operation): boolean {
  return operation === 'create' ? requiredOnCreate(describe.name, field) : requiredOnUpdate(field);
}

/** Validation and (for the model's values) evidence of one row; `checked` starts true only when both hold. */
function judgeRow(row: ReviewRow, field: WriteField | undefined, context: Context): ReviewRow {
  if (row.locked || !field) return { ...row, value: null, checked: false };
  const validation = validateValue(field, row.proposed, row.required);
  const value = validation.ok ? validation.value : null;
  const error = validation.ok ? undefined : validation.problem;
  const warning = validation.ok ? validation.warning : undefined;
  let verdict = { status: row.evidenceStatus, start: row.evidenceStart, end: row.evidenceEnd };
  if (row.origin === 'model') {
    const judged = judgeEvidence(row.proposed, row.evidence, context.sourceText, supportKindFor(field.name, field.type), {
      now: context.now,
      timeZone: context.timeZone,
      labels: picklistLabels(field),
    });
    verdict = { status: judged.status, start: judged.start, end: judged.end };
  }
  const evidenceHolds = verdict.status === 'ok' || verdict.status === 'groundwork' || verdict.status === 'edited';
  const noChange = row.current !== undefined && sameValue(row.current, value);
  return {
    ...row,
    value,
    error,
    warning: noChange ? 'Already the value in Salesforce.' : warning,
    evidenceStatus: verdict.status,
    evidenceStart: verdict.start,
    evidenceEnd: verdict.end,
    checked: evidenceHolds && !error && !noChange && (value !== null || row.current !== undefined),
  };
}

function buildRow(input: RowInput, context: Context): ReviewRow {
  const { describe, fieldName, operation } = input;
  const writable = writableField(describe, fieldName, operation);
  const field = writable.ok ? writable.field : fieldOf(describe, fieldName);
  const row: ReviewRow = {
    field: field?.name ?? fieldName,
    label: field?.label ?? fieldName,
    ...(input.current === undefined && operation !== 'update' ? {} : { current: input.current ?? null }),
    proposed: input.text,
    value: null,
    modelValue: input.text,
    modelEvidenceStatus: input.origin === 'model' ? 'missing' : 'groundwork',
    evidence: input.evidence,
    evidenceStatus: input.origin === 'model' ? 'missing' : 'groundwork',
    required: field ? isRequired(describe, field, operation) : false,
    locked: !writable.ok,
    checked: false,
    origin: input.origin,
    ...(writable.ok ? {} : { error: writable.problem }),
  };
  const judged = judgeRow(row, writable.ok ? writable.field : undefined, context);
  return { ...judged, modelEvidenceStatus: judged.evidenceStatus };
}

function evidencedRow(describe: WriteObjectDescribe, fieldName: string, proposal: Evidenced, context: Context): ReviewRow {
  return buildRow(
    { describe, fieldName, operation: 'create', text: proposal.value, evidence: proposal.evidence, origin: 'model' },
    context,
  );
}

function defaultRow(describe: WriteObjectDescribe, fieldName: string, text: string, context: Context): ReviewRow | null {
  const field = fieldOf(describe, fieldName);
  if (!field || !writableField(describe, fieldName, 'create').ok) return null;
  if (!validateValue(field, text, false).ok) return null;
  return buildRow({ describe, fieldName, operation: 'create', text, evidence: '', origin: 'groundwork' }, context);
}

/** Required fields the proposal did not fill: an empty row each, flagged, never invented. */
function withRequiredRows(describe: WriteObjectDescribe, rows: ReviewRow[], context: Context): ReviewRow[] {
  const present = new Set(rows.map((row) => row.field.toLowerCase()));
  const missing = requiredFields(describe)
    .filter((field) => !present.has(field.name.toLowerCase()))
    .filter((field) => field.type !== 'reference' && field.type !== 'id')
    .map((field) =>
      buildRow({ describe, fieldName: field.name, operation: 'create', text: '', evidence: '', origin: 'model' }, context),
    );
  return [...rows, ...missing];
}

// ---------------------------------------------------------------------------------------------------------------
// Cards

/** Why a card cannot be committed as it stands (a required value unchecked, empty or invalid). */
export function cardBlockers(card: ReviewCard): string[] {
  if (card.error && card.error.code === 'NOT_CREATEABLE') return [card.error.message];
  if (card.operation === 'update') return [];
  return card.rows
    .filter((row) => row.required && (!row.checked || row.value === null || row.error))
    .map((row) => `${row.label} is required.`);
}

function createCard(card: Omit<ReviewCard, 'included' | 'autoExcluded' | 'duplicates'>): ReviewCard {
  const draft: ReviewCard = { ...card, included: true, autoExcluded: false, duplicates: [] };
  const blocked = cardBlockers(draft).length > 0;
  return { ...draft, included: !blocked, autoExcluded: blocked };
}

function notCreateable(describe: WriteObjectDescribe | undefined, objectName: string): FieldProblem | undefined {
  if (describe?.createable) return undefined;
  return { code: 'NOT_CREATEABLE', message: `You cannot create ${describe?.labelPlural || objectName} records.` };
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

function activityCard(proposal: NoteProposal, task: WriteObjectDescribe, record: RecordInView | null, context: Context): ReviewCard {
  const { activity } = proposal;
  const rows = [
    evidencedRow(task, 'Subject', activity.subject, context),
    evidencedRow(task, 'Description', activity.description, context),
    activity.activityDate
      ? evidencedRow(task, 'ActivityDate', activity.activityDate, context)
      : defaultRow(task, 'ActivityDate', todayOf(context.now, context.timeZone), context),
    activity.status ? evidencedRow(task, 'Status', activity.status, context) : defaultRow(task, 'Status', 'Completed', context),
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

function recordInViewCard(describe: WriteObjectDescribe, record: RecordInView, rows: ReviewRow[]): ReviewCard {
  return {
    id: 'update',
    kind: 'update',
    objectName: describe.name,
    objectLabel: describe.label,
    objectLabelPlural: describe.labelPlural || `${describe.label}s`,
    operation: 'update',
    title: record.name,
    target: { id: record.id, objectName: describe.name, name: record.name, lastModifiedDate: record.lastModifiedDate },
    links: {},
    rows,
    included: true,
    autoExcluded: false,
    duplicates: [],
  };
}

const targetOf = (objectName: string, match: NamedMatch): UpdateTarget => ({
  id: match.id,
  objectName,
  name: match.name,
  lastModifiedDate: match.lastModifiedDate,
});

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

function contactCards(proposal: NoteProposal, contact: WriteObjectDescribe, record: RecordInView | null, context: Context): ReviewCard[] {
  const accountId = accountOf(record);
  return proposal.newContacts.map((person, index) => {
    const rows = [
      evidencedRow(contact, 'FirstName', person.firstName, context),
      evidencedRow(contact, 'LastName', person.lastName, context),
      person.email ? evidencedRow(contact, 'Email', person.email, context) : null,
      person.phone ? evidencedRow(contact, 'Phone', person.phone, context) : null,
      person.title ? evidencedRow(contact, 'Title', person.title, context) : null,
    ].filter((row): row is ReviewRow => row !== null);
    const links: Record<string, Link> =
      accountId && linkField(contact, 'AccountId', 'Account') ? { AccountId: { kind: 'record', id: accountId } } : {};
    return createCard({
      id: `contact_${index}`,
      kind: 'contact',
      objectName: contact.name,
      objectLabel: contact.label,
      objectLabelPlural: contact.labelPlural || `${contact.label}s`,
      operation: 'create',
      title: fullName(person.firstName.value, person.lastName.value),
      links,
      rows: withRequiredRows(contact, rows, context),
      ...(notCreateable(contact, 'Contact') ? { error: notCreateable(contact, 'Contact') } : {}),
    });
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
  return proposal.followUps.map((followUp, index) => {
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

function contextOf(sourceText: string, now: Date, options: ReviewOptions): Context {
  return { sourceText, now, ...(options.timeZone ? { timeZone: options.timeZone } : {}) };
}

function describeOrThrow(describes: WriteDescribes, objectName: string): WriteObjectDescribe {
  const describe = describes.get(objectName);
  if (!describe) throw new Error(`no describe of ${objectName}: you may not see that object`);
  return describe;
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
  const activity = activityCard(proposal, task, record, context);
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

// ---------------------------------------------------------------------------------------------------------------
// A duplicate: update it instead of creating

/** A row judged again as an update of a record with these current values; the rep's own edits stay theirs. */
function asUpdateRow(row: ReviewRow, describe: WriteObjectDescribe, values: Record<string, WriteValue | undefined>, context: Context): ReviewRow {
  const field = fieldOf(describe, row.field);
  const rebuilt = buildRow(
    {
      describe,
      fieldName: row.field,
      operation: 'update',
      text: row.proposed,
      evidence: row.evidence,
      origin: row.origin,
      current: field ? (values[field.name] ?? null) : null,
    },
    context,
  );
  return row.origin === 'rep' ? { ...rebuilt, evidenceStatus: 'edited' as const, modelValue: row.modelValue } : rebuilt;
}

const contextOfReview = (review: Review): Context => ({ sourceText: review.sourceText, now: new Date(review.now), timeZone: review.timeZone });

/**
 * The card turned into an update of an existing record the duplicate check found: each proposed value against the
 * record's current value (the diff the rep reviews), checked only where the quote holds, the value is valid and it
 * differs. Fields the existing record's object lacks or the rep cannot update are locked. The id is the look-up's,
 * never the model's; `existing` must be one of the card's duplicates.
 */
export function updateExisting(review: Review, describes: WriteDescribes, cardId: string, existing: ExistingRecord): Review {
  const context = contextOfReview(review);
  return replaceCard(review, cardId, (card) => {
    if (card.operation !== 'create' || !card.duplicates.some((match) => match.id === existing.id)) return card;
    const describe = describeOrThrow(describes, existing.objectName);
    const rows = card.rows
      .filter((row) => row.proposed.trim() !== '')
      .map((row) => asUpdateRow(row, describe, existing.fields, context));
    const createForm: CreateForm = {
      objectName: card.objectName,
      objectLabel: card.objectLabel,
      objectLabelPlural: card.objectLabelPlural,
      title: card.title,
      rows: card.rows,
      included: card.included,
      autoExcluded: card.autoExcluded,
    };
    return {
      ...card,
      objectName: describe.name,
      objectLabel: describe.label,
      objectLabelPlural: describe.labelPlural || `${describe.label}s`,
      operation: 'update',
      title: existing.name,
      target: { id: existing.id, objectName: describe.name, name: existing.name, lastModifiedDate: existing.lastModifiedDate },
      rows,
      included: true,
      autoExcluded: false,
      error: undefined,
      createForm,
    };
  });
}

/** Back from "update the existing record" to creating a new one, as the card was. */
export function createInstead(review: Review, cardId: string): Review {
  return replaceCard(review, cardId, (card) => {
    const form = card.createForm;
    if (!form) return card;
    const back: ReviewCard = { ...card, ...form, operation: 'create', error: undefined };
    // An update's parts do not belong to a create: no target, nothing to go back to.
    delete back.target;
    delete back.createForm;
    return back;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A named opportunity: the rep picks among the look-up's matches

/**
 * The rep picked which of the look-up's matches the note meant: the card becomes an update of it, each row against that
 * record's value. An id that is not among the card's matches changes nothing (the id is never the panel's to invent).
 */
export function pickNamedMatch(review: Review, describes: WriteDescribes, cardId: string, matchId: string): Review {
  const card = review.cards.find((candidate) => candidate.id === cardId);
  const match = card?.lookup?.matches.find((candidate) => candidate.id === matchId);
  if (!card || !match) return review;
  if (match.id === review.record?.id) return foldIntoRecordInView(review, describes, cardId);
  const context = contextOfReview(review);
  const describe = describeOrThrow(describes, card.objectName);
  return replaceCard(review, cardId, (named) => ({
    ...named,
    target: targetOf(describe.name, match),
    rows: named.rows.map((row) => asUpdateRow(row, describe, match.fields, context)),
  }));
}

/**
 * A named opportunity that is the record in view: its rows join the record's own update card (made when the note had
 * none), against the values read with the record. A field the record's card already proposes keeps that proposal.
 */
function foldIntoRecordInView(review: Review, describes: WriteDescribes, cardId: string): Review {
  const record = review.record;
  const named = review.cards.find((card) => card.id === cardId);
  if (!record || !named) return review;
  const describe = describeOrThrow(describes, record.objectName);
  const context = contextOfReview(review);
  const existing = review.cards.find((card) => card.kind === 'update');
  const taken = new Set((existing?.rows ?? []).map((row) => row.field.toLowerCase()));
  const joining = named.rows.filter((row) => !taken.has(row.field.toLowerCase())).map((row) => asUpdateRow(row, describe, record.fields, context));
  const update = existing ? { ...existing, rows: [...existing.rows, ...joining] } : recordInViewCard(describe, record, joining);
  const cards = review.cards.filter((card) => card.id !== cardId && card.kind !== 'update');
  return { ...review, cards: [cards[0], update, ...cards.slice(1)].filter((card): card is ReviewCard => card !== undefined) };
}

// ---------------------------------------------------------------------------------------------------------------
// The rep's changes

function replaceCard(review: Review, cardId: string, change: (card: ReviewCard) => ReviewCard): Review {
  if (!review.cards.some((card) => card.id === cardId)) throw new Error(`no card ${cardId} in this review`);
  return { ...review, cards: review.cards.map((card) => (card.id === cardId ? change(card) : card)) };
}

function rowIndex(card: ReviewCard, field: string): number {
  const index = card.rows.findIndex((row) => row.field.toLowerCase() === field.toLowerCase());
  if (index < 0) throw new Error(`no row ${field} on card ${card.id}`);
  return index;
}

function withIncluded(card: ReviewCard): ReviewCard {
  if (card.operation !== 'create' || !card.autoExcluded || cardBlockers(card).length > 0) return card;
  return { ...card, included: true, autoExcluded: false };
}

/**
 * The rep typed a value: validated again against the same describe. The value is now the rep's (its evidence reads
 * "entered by you"), and the row is ticked when valid; typing the model's value back restores the model's verdict.
 */
export function editRow(review: Review, describes: WriteDescribes, cardId: string, field: string, text: string): Review {
  const context = contextOfReview(review);
  return replaceCard(review, cardId, (card) => {
    const index = rowIndex(card, field);
    const row = card.rows[index] as ReviewRow;
    if (row.locked) return card;
    const describe = describeOrThrow(describes, card.objectName);
    const writable = writableField(describe, row.field, card.operation);
    const backToModel = text === row.modelValue;
    const firstOrigin: RowOrigin = row.modelEvidenceStatus === 'groundwork' ? 'groundwork' : 'model';
    const edited: ReviewRow = {
      ...row,
      proposed: text,
      origin: backToModel ? firstOrigin : 'rep',
      evidenceStatus: backToModel ? row.modelEvidenceStatus : 'edited',
      error: undefined,
    };
    const judged = judgeRow(edited, writable.ok ? writable.field : undefined, context);
    const rows = card.rows.map((existing, at) => (at === index ? judged : existing));
    return withIncluded({ ...card, rows, error: card.error?.code === 'NOT_CREATEABLE' ? card.error : undefined });
  });
}

/** The rep ticked or unticked a row. Locked and invalid rows cannot be ticked. */
export function setRowChecked(review: Review, cardId: string, field: string, checked: boolean): Review {
  return replaceCard(review, cardId, (card) => {
    const index = rowIndex(card, field);
    const row = card.rows[index] as ReviewRow;
    const waitsForPick = card.operation === 'update' && !card.target;
    const allowed = !checked || (!waitsForPick && !row.locked && !row.error && (row.value !== null || row.current !== undefined));
    if (!allowed) return card;
    const rows = card.rows.map((existing, at) => (at === index ? { ...row, checked } : existing));
    return withIncluded({ ...card, rows });
  });
}

/** The rep chose to create (or not) a card's record. */
export function setCardIncluded(review: Review, cardId: string, included: boolean): Review {
  return replaceCard(review, cardId, (card) => (card.operation === 'create' ? { ...card, included, autoExcluded: false } : card));
}

// ---------------------------------------------------------------------------------------------------------------
// What the commit will do

/** The rows an update card will write. */
export const rowsToWrite = (card: ReviewCard): ReviewRow[] =>
  card.rows.filter((row) => row.checked && !row.locked && !row.error);

/** A create card's record as `/composite/sobjects` takes it (for createRecords): ticked values and record links. */
export function recordValues(card: ReviewCard): Record<string, WriteValue> {
  const values: Record<string, WriteValue> = Object.fromEntries(rowsToWrite(card).map((row) => [row.field, row.value]));
  for (const [field, link] of Object.entries(card.links)) if (link.kind === 'record') values[field] = link.id;
  return values;
}

/** Cards the commit will write: included creates without blockers, updates with at least one ticked row. */
export function cardsToCommit(review: Review): ReviewCard[] {
  return review.cards.filter((card) =>
    card.operation === 'update'
      ? card.target !== undefined && rowsToWrite(card).length > 0
      : card.included && !card.error && cardBlockers(card).length === 0,
  );
}

/** Included cards that cannot be written as they stand; the confirm button waits until this is empty. */
export function reviewBlockers(review: Review): { cardId: string; problems: string[] }[] {
  return review.cards
    .filter((card) => card.operation === 'create' && card.included)
    .map((card) => ({ cardId: card.id, problems: cardBlockers(card) }))
    .filter((entry) => entry.problems.length > 0);
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** Exactly what the commit will do, for the confirm button: "Create 1 task, update 2 fields on Acme — Renewal". */
export function confirmationText(review: Review): string {
  const parts: { key: string; count: number; card: ReviewCard }[] = [];
  for (const card of cardsToCommit(review)) {
    const key = card.operation === 'update' ? `update:${card.id}` : `create:${card.objectName.toLowerCase()}`;
    const existing = parts.find((part) => part.key === key);
    if (existing) existing.count += 1;
    else parts.push({ key, count: 1, card });
  }
  const text = parts
    .map(({ count, card }) =>
      card.operation === 'update'
        ? `update ${plural(rowsToWrite(card).length, 'field', 'fields')} on ${card.target?.name ?? card.title}`
        : `create ${plural(count, card.objectLabel.toLowerCase(), card.objectLabelPlural.toLowerCase())}`,
    )
    .join(', ');
  if (text === '') return 'Nothing to write';
  return text.charAt(0).toUpperCase() + text.slice(1);
}
