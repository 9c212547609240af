/**
 * What the "Log this note" and "Extract to Lead" panels and their background handlers say to each other, and what the
 * handlers keep in storage. Everything crossing the port or read back from storage is checked with these schemas: the
 * review is plain data (lib/extraction/review.ts) and survives the panel closing and the worker stopping.
 */
import { z } from 'zod';
import { Committed } from '../salesforce/writes';
import type { Review, ReviewCard, ReviewRow } from './review';

const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Problem = z.object({ code: z.string(), message: z.string() });
const EvidenceStatus = z.enum(['ok', 'missing', 'not-found', 'unsupported', 'instruction', 'groundwork', 'edited']);

export const ReviewRowSchema: z.ZodType<ReviewRow> = z.object({
  field: z.string(),
  label: z.string(),
  current: Value.optional(),
  proposed: z.string(),
  value: Value,
  modelValue: z.string(),
  modelEvidenceStatus: EvidenceStatus,
  evidence: z.string(),
  evidenceStatus: EvidenceStatus,
  evidenceStart: z.number().optional(),
  evidenceEnd: z.number().optional(),
  error: Problem.optional(),
  warning: z.string().optional(),
  required: z.boolean(),
  locked: z.boolean(),
  checked: z.boolean(),
  origin: z.enum(['model', 'groundwork', 'rep']),
});

const Link = z.union([
  z.object({ kind: z.literal('record'), id: z.string() }),
  z.object({ kind: z.literal('card'), cardId: z.string() }),
]);

const CreateFormSchema = z.object({
  objectName: z.string(),
  objectLabel: z.string(),
  objectLabelPlural: z.string(),
  title: z.string(),
  rows: z.array(ReviewRowSchema),
  included: z.boolean(),
  autoExcluded: z.boolean(),
});

export const ReviewCardSchema: z.ZodType<ReviewCard> = z.object({
  id: z.string(),
  kind: z.enum(['activity', 'update', 'named-update', 'contact', 'follow-up', 'lead']),
  objectName: z.string(),
  objectLabel: z.string(),
  objectLabelPlural: z.string(),
  operation: z.enum(['create', 'update']),
  title: z.string(),
  target: z.object({ id: z.string(), objectName: z.string(), name: z.string(), lastModifiedDate: z.string() }).optional(),
  links: z.record(z.string(), Link),
  rows: z.array(ReviewRowSchema),
  included: z.boolean(),
  autoExcluded: z.boolean(),
  error: Problem.optional(),
  duplicates: z.array(
    z.object({
      objectName: z.enum(['Lead', 'Contact']),
      id: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      company: z.string().nullable(),
      matchedBy: z.enum(['email', 'name-company']),
    }),
  ),
  createForm: CreateFormSchema.optional(),
  lookup: z
    .object({
      asWritten: z.string(),
      matches: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          accountName: z.string().nullable(),
          stageName: z.string().nullable(),
          lastModifiedDate: z.string(),
          fields: z.record(z.string(), Value),
        }),
      ),
      more: z.boolean(),
      problem: z.string().optional(),
    })
    .optional(),
});

export const ReviewSchema: z.ZodType<Review> = z.object({
  kind: z.enum(['note', 'lead']),
  cards: z.array(ReviewCardSchema),
  record: z
    .object({
      id: z.string(),
      objectName: z.string(),
      name: z.string(),
      lastModifiedDate: z.string(),
      fields: z.record(z.string(), Value.optional()),
    })
    .nullable(),
  sourceText: z.string(),
  now: z.string(),
  timeZone: z.string().optional(),
});

/** The rep's changes to a review, shared by every review view. */
export const ReviewChange = z.discriminatedUnion('type', [
  z.object({ type: z.literal('edit'), cardId: z.string(), field: z.string(), text: z.string().max(32_000) }),
  z.object({ type: z.literal('check'), cardId: z.string(), field: z.string(), checked: z.boolean() }),
  z.object({ type: z.literal('include'), cardId: z.string(), included: z.boolean() }),
  z.object({ type: z.literal('pick'), cardId: z.string(), matchId: z.string() }),
]);
export type ReviewChange = z.infer<typeof ReviewChange>;

const ChangedField = z.object({ field: z.string(), label: z.string(), before: Value, now: Value });

// ---------------------------------------------------------------------------------------------------------------
// Log this note

export const NOTE_MAX_CHARS = 20_000;

export const NotesRequest = z.union([
  z.object({ type: z.literal('open') }),
  z.object({ type: z.literal('draft'), text: z.string().max(NOTE_MAX_CHARS) }),
  z.object({ type: z.literal('propose'), text: z.string().min(1).max(NOTE_MAX_CHARS) }),
  z.object({ type: z.literal('confirm') }),
  z.object({ type: z.literal('discard') }),
  z.object({ type: z.literal('undo') }),
  z.object({ type: z.literal('done') }),
  /** What text waits for a note in this window (asked by the panel wherever no record is in view). */
  z.object({ type: z.literal('incoming') }),
  z.object({ type: z.literal('drop-incoming') }),
  ReviewChange,
]);
export type NotesRequest = z.infer<typeof NotesRequest>;

export const NotesPhase = z.enum(['draft', 'proposing', 'review', 'committing', 'committed', 'undoing', 'undone']);
export type NotesPhase = z.infer<typeof NotesPhase>;

/** One record's note, proposal and commit, as kept in session storage and shown by the panel. */
export const NotesState = z.object({
  recordId: z.string(),
  phase: NotesPhase,
  draft: z.string(),
  review: ReviewSchema.nullable(),
  /** One per confirmation: a retry after a lost answer reuses it, so nothing is written twice. */
  idempotencyKey: z.string().nullable(),
  /** Values that changed in Salesforce since the proposal (after a 412): shown before the rep confirms again. */
  changes: z.array(ChangedField),
  committed: Committed.nullable(),
  /** The Lightning host, for links to what was written. */
  lightningHost: z.string().nullable(),
  problem: z.string().nullable(),
  /** The proposal's audit entry, amended with the rep's decision when committed or cancelled. */
  auditId: z.string().nullable().default(null),
  /** The text last added to the note by a right-click: where it came from (a page title or address) and when. */
  added: z.object({ from: z.string(), at: z.string() }).nullable().default(null),
});
export type NotesState = z.infer<typeof NotesState>;

/** Text the rep sent with "Add to a Salesforce note", waiting for a record's note in that window. */
export const IncomingNote = z.object({ text: z.string(), from: z.string() });
export type IncomingNote = z.infer<typeof IncomingNote>;

export const NotesEvent = z.union([
  z.object({ type: z.literal('state'), state: NotesState }),
  z.object({ type: z.literal('incoming'), incoming: IncomingNote.nullable() }),
]);
export type NotesEvent = z.infer<typeof NotesEvent>;

// ---------------------------------------------------------------------------------------------------------------
// Extract to Lead

export const LeadRequest = z.union([
  z.object({ type: z.literal('open') }),
  z.object({ type: z.literal('confirm') }),
  z.object({ type: z.literal('discard') }),
  /** Update this duplicate instead of creating: it must be one the look-up found for the card. */
  z.object({ type: z.literal('update-existing'), cardId: z.string(), duplicateId: z.string() }),
  z.object({ type: z.literal('create-instead'), cardId: z.string() }),
  ReviewChange,
]);
export type LeadRequest = z.infer<typeof LeadRequest>;

export const LeadPhase = z.enum(['extracting', 'review', 'committing', 'done']);
export type LeadPhase = z.infer<typeof LeadPhase>;

export const LeadSource = z.object({
  pageTitle: z.string().nullable(),
  pageUrl: z.string().nullable(),
  sender: z.object({ name: z.string(), email: z.string() }).nullable(),
  /** Gmail: the open conversation's id as its address shows it (`#inbox/<id>`). */
  messageId: z.string().nullable().default(null),
});
export type LeadSource = z.infer<typeof LeadSource>;

/** A created row (its id) or a refused one (Salesforce's words): a retry sends only rows without an id. */
export const LeadResult = z.object({
  cardId: z.string(),
  id: z.string().nullable(),
  error: z.string().nullable(),
  /** A new lead, or the existing Lead or Contact the rep chose to update. */
  action: z.enum(['created', 'updated']).default('created'),
  objectName: z.string().default('Lead'),
});
export type LeadResult = z.infer<typeof LeadResult>;

export const LeadState = z.object({
  phase: LeadPhase,
  source: LeadSource,
  review: ReviewSchema.nullable(),
  results: z.array(LeadResult),
  lightningHost: z.string().nullable(),
  problem: z.string().nullable(),
  /** The proposal's audit entries (one per part of a long selection), amended with the rep's decision. */
  auditIds: z.array(z.string()).default([]),
  /** While a long selection is read in parts: how many are read. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().positive() }).nullable().default(null),
});
export type LeadState = z.infer<typeof LeadState>;

/** `state: null`: nothing pending (the panel hides the lead review). */
export const LeadEvent = z.object({ type: z.literal('state'), state: LeadState.nullable() });
export type LeadEvent = z.infer<typeof LeadEvent>;
