/**
 * The review the rep confirms: one card per proposed record or change, one row per field, each row with the current
 * value (for updates), the proposed value, its quote, whether the quote holds, what validation says, and a checkbox
 * that starts ticked only when the quote holds and the value is valid. Nothing in the review writes: it is plain,
 * serialisable data (it survives the panel closing), and ../commit.ts writes exactly what it says.
 */
import type { EvidenceStatus } from '../evidence';
import type { FieldProblem, Operation, WriteValue } from '../validate';

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
  /** Who said the quote and when, for a quote from a call transcript ("Dana Whitfield at 4:12"). */
  evidenceSpeaker?: string;
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
  /** The logged activity's Task subtype when the source says what it was ("Call" for a call transcript). */
  activitySubtype?: string;
}
