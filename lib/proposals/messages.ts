/**
 * The review as it crosses the port and is kept in storage, and the rep's changes to it: shared by every feature
 * that proposes a write (log-note, extract-lead, Gmail's "Log to Salesforce"). Everything read back is checked with
 * these schemas: the review is plain data (review.ts) and survives the panel closing and the worker stopping.
 */
import { z } from 'zod/mini';
import type { Review, ReviewCard, ReviewRow } from './review';

const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Problem = z.object({ code: z.string(), message: z.string() });
const EvidenceStatus = z.enum(['ok', 'missing', 'not-found', 'unsupported', 'instruction', 'groundwork', 'edited']);

export const ReviewRowSchema: z.ZodMiniType<ReviewRow> = z.object({
  field: z.string(),
  label: z.string(),
  current: z.optional(Value),
  proposed: z.string(),
  value: Value,
  modelValue: z.string(),
  modelEvidenceStatus: EvidenceStatus,
  evidence: z.string(),
  evidenceStatus: EvidenceStatus,
  evidenceStart: z.optional(z.number()),
  evidenceEnd: z.optional(z.number()),
  evidenceSpeaker: z.optional(z.string()),
  error: z.optional(Problem),
  warning: z.optional(z.string()),
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

export const ReviewCardSchema: z.ZodMiniType<ReviewCard> = z.object({
  id: z.string(),
  kind: z.enum(['activity', 'update', 'named-update', 'contact', 'follow-up', 'lead']),
  objectName: z.string(),
  objectLabel: z.string(),
  objectLabelPlural: z.string(),
  operation: z.enum(['create', 'update']),
  title: z.string(),
  target: z.optional(z.object({ id: z.string(), objectName: z.string(), name: z.string(), lastModifiedDate: z.string() })),
  links: z.record(z.string(), Link),
  rows: z.array(ReviewRowSchema),
  included: z.boolean(),
  autoExcluded: z.boolean(),
  error: z.optional(Problem),
  duplicates: z.array(
    z.object({
      objectName: z.enum(['Lead', 'Contact']),
      id: z.string(),
      name: z.string(),
      email: z.nullable(z.string()),
      company: z.nullable(z.string()),
      matchedBy: z.enum(['email', 'name-company']),
    }),
  ),
  createForm: z.optional(CreateFormSchema),
  lookup: z.optional(
    z.object({
      asWritten: z.string(),
      matches: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          accountName: z.nullable(z.string()),
          stageName: z.nullable(z.string()),
          lastModifiedDate: z.string(),
          fields: z.record(z.string(), Value),
        }),
      ),
      more: z.boolean(),
      problem: z.optional(z.string()),
    }),
  ),
});

export const ReviewSchema: z.ZodMiniType<Review> = z.object({
  kind: z.enum(['note', 'lead']),
  cards: z.array(ReviewCardSchema),
  record: z.nullable(
    z.object({
      id: z.string(),
      objectName: z.string(),
      name: z.string(),
      lastModifiedDate: z.string(),
      fields: z.record(z.string(), z.optional(Value)),
    }),
  ),
  sourceText: z.string(),
  now: z.string(),
  timeZone: z.optional(z.string()),
});

/** The rep's changes to a review, shared by every review view. */
export const ReviewChange = z.discriminatedUnion('type', [
  z.object({ type: z.literal('edit'), cardId: z.string(), field: z.string(), text: z.string().check(z.maxLength(32_000)) }),
  z.object({ type: z.literal('check'), cardId: z.string(), field: z.string(), checked: z.boolean() }),
  z.object({ type: z.literal('include'), cardId: z.string(), included: z.boolean() }),
  z.object({ type: z.literal('pick'), cardId: z.string(), matchId: z.string() }),
]);
export type ReviewChange = z.infer<typeof ReviewChange>;

/** A value that changed in Salesforce since the proposal (after a 412): shown before the rep confirms again. */
export const ChangedField = z.object({ field: z.string(), label: z.string(), before: Value, now: Value });
export type ChangedField = z.infer<typeof ChangedField>;

/** The phases of every proposal: written by the rep or selected, proposed by the model, reviewed, committed, undone. */
export const ProposalPhase = z.enum(['draft', 'proposing', 'review', 'committing', 'committed', 'undoing', 'undone']);
export type ProposalPhase = z.infer<typeof ProposalPhase>;
