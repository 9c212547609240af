/**
 * What the Ask panel and its background handler say to each other, checked with zod on both sides, and the state the
 * background keeps (in session storage) so that a closed and reopened panel finds its question, query and rows again.
 */
import { z } from 'zod/mini';
import { defineChannel } from '../../messaging/channels';
import { Citation, Claim } from '../../context/checked-output';
import { QueryPlan } from './plan';
import { PreparedQuery, ResultRow } from './results';

/** A question is a sentence or two; anything longer is not a question the planner should see. */
export const MAX_QUESTION_LENGTH = 500;

export const AskRequest = z.discriminatedUnion('type', [
  /** The panel opened: send what is kept. */
  z.object({ type: z.literal('open') }),
  /** What the rep is typing, kept so that closing the panel loses nothing. */
  z.object({ type: z.literal('draft'), text: z.string().check(z.maxLength(MAX_QUESTION_LENGTH)) }),
  z.object({ type: z.literal('ask'), question: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_QUESTION_LENGTH)) }),
  z.object({ type: z.literal('load-more') }),
  z.object({ type: z.literal('summarize') }),
  z.object({ type: z.literal('stop-summary') }),
]);
export type AskRequest = z.infer<typeof AskRequest>;

export const SummaryStatus = z.enum(['streaming', 'done', 'stopped', 'failed', 'interrupted']);
export type SummaryStatus = z.infer<typeof SummaryStatus>;

/** "Summarize these results": the streamed answer with its trust signals, as the generation features show them. */
export const AskSummary = z.object({
  status: SummaryStatus,
  text: z.string(),
  citations: z.array(Citation),
  unsupported: z.array(Claim),
  problem: z.nullable(z.object({ kind: z.string(), message: z.string() })),
  model: z.nullable(z.string()),
  /** How many of the rows were sent to the model (the first ones). */
  rowsSent: z.number(),
});
export type AskSummary = z.infer<typeof AskSummary>;

export const AskPhase = z.enum(['planning', 'refused', 'running', 'done', 'failed']);
export type AskPhase = z.infer<typeof AskPhase>;

export const AskState = z.object({
  id: z.string(),
  question: z.string(),
  orgId: z.string(),
  /** The record in view when the rep asked ("this account"), by name, for the panel to say what "this" meant. */
  scopeName: z.nullable(z.string()),
  phase: AskPhase,
  /** The model's plan, as it came (kept for the rep's and support's sake; never run unchecked). */
  plan: z.nullable(QueryPlan),
  /** Why the plan was refused, in words. */
  problems: z.array(z.string()),
  /** Why asking failed (the model, or Salesforce), in words. */
  error: z.nullable(z.string()),
  prepared: z.nullable(PreparedQuery),
  rows: z.array(ResultRow),
  totalSize: z.number(),
  nextRecordsUrl: z.nullable(z.string()),
  loadingMore: z.boolean(),
  /** Why "Load more" failed, in words. */
  moreError: z.nullable(z.string()),
  summary: z.nullable(AskSummary),
  askedAt: z.string(),
});
export type AskState = z.infer<typeof AskState>;

export const AskEvent = z.discriminatedUnion('type', [
  /** `draft` is what the rep was typing, sent on open; null when it is not news. */
  z.object({ type: z.literal('state'), state: z.nullable(AskState), draft: z.nullable(z.string()) }),
  /** While a summary streams only it changes: the rows are not sent again with every piece. */
  z.object({ type: z.literal('summary'), askId: z.string(), summary: AskSummary }),
]);
export type AskEvent = z.infer<typeof AskEvent>;

export const askChannel = defineChannel({ name: 'ask', request: AskRequest, event: AskEvent, featureSwitch: 'ask' });
