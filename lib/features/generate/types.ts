import { z } from 'zod';
import { PromptVariant } from '../../prompts';

export const Feature = z.enum(['summary', 'brief', 'insights', 'email']);
export type Feature = z.infer<typeof Feature>;

export const FEATURE_LABELS: Record<Feature, string> = {
  summary: 'Summary',
  brief: 'Meeting brief',
  insights: 'Deal insights',
  email: 'Email draft',
};

export const EmailOptions = z.object({
  /** A contact of the record in view (id and how to address them); the model never picks the recipient. */
  recipient: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).nullable(),
  purpose: z.enum(['follow-up', 'recap', 'introduction', 'check-in', 'custom']),
  instruction: z.string().max(500).default(''),
  tone: z.enum(['friendly', 'formal', 'direct']),
  length: z.enum(['short', 'medium', 'long']),
});
export type EmailOptions = z.infer<typeof EmailOptions>;

export const Claim = z.object({ text: z.string(), kind: z.string() });
export type Claim = z.infer<typeof Claim>;

/** A cited context line, so the panel can show where a fact came from. */
export const Citation = z.object({
  id: z.string(),
  text: z.string(),
  objectName: z.string(),
  recordId: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const GenerationProblem = z.object({
  kind: z.string(),
  message: z.string(),
  retryAfterSeconds: z.number().optional(),
});

/** A deterministic finding shown beside deal insights (not model output). */
export const Finding = z.object({ severity: z.enum(['warning', 'info']), text: z.string() });
export type Finding = z.infer<typeof Finding>;

export const Generation = z.object({
  id: z.string(),
  feature: Feature,
  recordId: z.string(),
  status: z.enum(['streaming', 'done', 'stopped', 'failed', 'interrupted']),
  /** The output with redacted values put back; grows while streaming. */
  text: z.string(),
  citations: z.array(Citation),
  unsupported: z.array(Claim),
  /** Why the output failed its use case's checks (too short, no subject…); empty when it passed. */
  validation: z.array(z.string()),
  findings: z.array(Finding),
  problem: GenerationProblem.nullable(),
  promptId: z.string(),
  promptVersion: z.string(),
  /** The prompt variant (A/B) the rep is assigned; generations kept before variants existed were A. */
  promptVariant: PromptVariant.default('A'),
  model: z.string().nullable(),
  contextHash: z.string(),
  /** The record's context changed since this was generated. */
  stale: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  feedback: z.enum(['up', 'down']).nullable(),
  /** Why the rep gave a thumbs down (optional, in their words). */
  feedbackReason: z.string().nullable().default(null),
  /** What the rep did with the output once they used it: as written, or after editing it. */
  outcome: z.enum(['accepted', 'edited']).nullable().default(null),
  /** Characters changed between the generated draft and what the rep used (0 when used as written). */
  editDistance: z.number().int().nonnegative().nullable().default(null),
  /** The rep's edits to an email draft, kept in the background so closing the panel loses none of them. */
  edited: z.object({ subject: z.string(), body: z.string() }).nullable().default(null),
  auditId: z.string().nullable(),
});
export type Generation = z.infer<typeof Generation>;

/** How the rep used an output. */
export const UseVia = z.enum(['copy', 'gmail-open', 'gmail-insert']);
export type UseVia = z.infer<typeof UseVia>;

export const FEEDBACK_REASON_MAX = 500;
const DRAFT_MAX = 20_000;

/**
 * What the rep did with an output, sent by the panel: used it (with the text as used, to measure their edits), gave
 * thumbs (down with an optional reason), or edited an email draft (kept so nothing typed is lost). Regenerate is seen by
 * the background itself when a new generation replaces a finished one.
 */
export const OutcomeReport = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('used'), via: UseVia, finalText: z.string().max(DRAFT_MAX) }),
  z.object({ kind: z.literal('feedback'), value: z.enum(['up', 'down']), reason: z.string().trim().max(FEEDBACK_REASON_MAX).optional() }),
  z.object({ kind: z.literal('edit'), subject: z.string().max(1_000), body: z.string().max(DRAFT_MAX) }),
]);
export type OutcomeReport = z.infer<typeof OutcomeReport>;
