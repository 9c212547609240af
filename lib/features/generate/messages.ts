import { z } from 'zod/mini';
import { defineChannel } from '../../messaging/channels';
import { Citation, Claim } from '../../context/checked-output';
import { GenerationProblem } from '../../model/types';
import { PromptVariant } from '../../prompts/front-matter';
import type { MessageKey } from '../../i18n';
import { OutputLanguageCode } from '../../settings/schema';

export const Feature = z.enum(['summary', 'brief', 'insights', 'email']);
export type Feature = z.infer<typeof Feature>;

export const FEATURE_LABELS: Record<Feature, MessageKey> = {
  summary: 'tab_summary',
  brief: 'tab_briefTitle',
  insights: 'tab_insightsTitle',
  email: 'tab_emailTitle',
};

/** The Generate button's words for each feature. */
export const GENERATE_LABELS: Record<Feature, MessageKey> = {
  summary: 'generate_summary',
  brief: 'generate_brief',
  insights: 'generate_insights',
  email: 'generate_email',
};

export const EmailOptions = z.object({
  /** A contact of the record in view (id and how to address them); the model never picks the recipient. */
  recipient: z.nullable(z.object({ id: z.string(), name: z.string(), email: z.nullable(z.string()) })),
  purpose: z.enum(['follow-up', 'recap', 'introduction', 'check-in', 'custom']),
  instruction: z._default(z.string().check(z.maxLength(500)), ''),
  tone: z.enum(['friendly', 'formal', 'direct']),
  length: z.enum(['short', 'medium', 'long']),
});
export type EmailOptions = z.infer<typeof EmailOptions>;


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
  /** The language the output was asked for in (an email's "Subject:" line is copied in it); older ones were English. */
  language: z._default(OutputLanguageCode, 'en'),
  problem: z.nullable(GenerationProblem),
  promptId: z.string(),
  promptVersion: z.string(),
  /** The prompt variant (A/B) the rep is assigned; generations kept before variants existed were A. */
  promptVariant: z._default(PromptVariant, 'A'),
  model: z.nullable(z.string()),
  contextHash: z.string(),
  /** The record's context changed since this was generated. */
  stale: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  feedback: z.nullable(z.enum(['up', 'down'])),
  /** Why the rep gave a thumbs down (optional, in their words). */
  feedbackReason: z._default(z.nullable(z.string()), null),
  /** What the rep did with the output once they used it: as written, or after editing it. */
  outcome: z._default(z.nullable(z.enum(['accepted', 'edited'])), null),
  /** Characters changed between the generated draft and what the rep used (0 when used as written). */
  editDistance: z._default(z.nullable(z.number().check(z.int(), z.nonnegative())), null),
  /** The rep's edits to an email draft, kept in the background so closing the panel loses none of them. */
  edited: z._default(z.nullable(z.object({ subject: z.string(), body: z.string() })), null),
  auditId: z.nullable(z.string()),
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
  z.object({ kind: z.literal('used'), via: UseVia, finalText: z.string().check(z.maxLength(DRAFT_MAX)) }),
  z.object({ kind: z.literal('feedback'), value: z.enum(['up', 'down']), reason: z.optional(z.string().check(z.trim(), z.maxLength(FEEDBACK_REASON_MAX))) }),
  z.object({ kind: z.literal('edit'), subject: z.string().check(z.maxLength(1_000)), body: z.string().check(z.maxLength(DRAFT_MAX)) }),
]);
export type OutcomeReport = z.infer<typeof OutcomeReport>;

/** Panel → handler: generate for the record in view, stop, or report what the rep did with an output. */
export const GenerateRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('generate'), feature: Feature, email: z.nullable(EmailOptions) }),
  z.object({ type: z.literal('stop-generation'), feature: Feature }),
  /**
   * What the rep did with the generation the panel shows (by its id: the tab in view may have changed since). The panel
   * keeps it until the background answers 'outcome-recorded' with its report id, and sends it again after a
   * reconnection: the id makes a report sent twice count once.
   */
  z.object({ type: z.literal('generation-outcome'), feature: Feature, generationId: z.string().check(z.minLength(1)), reportId: z.string().check(z.minLength(1), z.maxLength(100)), report: OutcomeReport }),
]);
export type GenerateRequest = z.infer<typeof GenerateRequest>;

export const GenerateEvent = z.discriminatedUnion('type', [
  /** Everything kept for the record in view, sent when the record comes into view. */
  z.object({ type: z.literal('generations'), recordId: z.string(), generations: z.array(Generation) }),
  /** One generation as it streams and when it ends. */
  z.object({ type: z.literal('generation'), generation: Generation }),
  /** A report of the panel's is recorded (or can never be: its output was replaced): the panel stops sending it. */
  z.object({ type: z.literal('outcome-recorded'), reportId: z.string() }),
]);
export type GenerateEvent = z.infer<typeof GenerateEvent>;

/** Each output's own switch (summary, brief…) is checked per request by the handler; the channel itself is always open. */
export const generateChannel = defineChannel({ name: 'generate', request: GenerateRequest, event: GenerateEvent, featureSwitch: null });
