/** What the "Extract to Lead" panel and its handler say to each other, and what the handler keeps in session storage. */
import { z } from 'zod/mini';
import { defineChannel } from '../../messaging/channels';
import { ProposalPhase, ReviewChange, ReviewSchema } from '../../proposals/messages';

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

/** A lead review is never undone (created leads stay, with their links): the proposal phases but undo's. */
type UndoPhase = Extract<ProposalPhase, 'undoing' | 'undone'>;
const isLeadPhase = (phase: ProposalPhase): phase is Exclude<ProposalPhase, UndoPhase> => phase !== 'undoing' && phase !== 'undone';
export const LeadPhase = z.enum(ProposalPhase.options.filter(isLeadPhase));
export type LeadPhase = z.infer<typeof LeadPhase>;

export const LeadSource = z.object({
  pageTitle: z.nullable(z.string()),
  pageUrl: z.nullable(z.string()),
  sender: z.nullable(z.object({ name: z.string(), email: z.string() })),
  /** Gmail or Outlook: the open conversation's id as its address shows it (`#inbox/<id>`, `/id/<id>`). */
  messageId: z._default(z.nullable(z.string()), null),
});
export type LeadSource = z.infer<typeof LeadSource>;

/** A created row (its id) or a refused one (Salesforce's words): a retry sends only rows without an id. */
export const LeadResult = z.object({
  cardId: z.string(),
  id: z.nullable(z.string()),
  error: z.nullable(z.string()),
  /** A new lead, or the existing Lead or Contact the rep chose to update. */
  action: z._default(z.enum(['created', 'updated']), 'created'),
  objectName: z._default(z.string(), 'Lead'),
});
export type LeadResult = z.infer<typeof LeadResult>;

export const LeadState = z.object({
  phase: LeadPhase,
  source: LeadSource,
  review: z.nullable(ReviewSchema),
  results: z.array(LeadResult),
  lightningHost: z.nullable(z.string()),
  problem: z.nullable(z.string()),
  /** The proposal's audit entries (one per part of a long selection), amended with the rep's decision. */
  auditIds: z._default(z.array(z.string()), []),
  /** While a long selection is read in parts: how many are read. */
  progress: z._default(z.nullable(z.object({ done: z.number().check(z.int(), z.nonnegative()), total: z.number().check(z.int(), z.positive()) })), null),
});
export type LeadState = z.infer<typeof LeadState>;

/** `state: null`: nothing pending (the panel hides the lead review). */
export const LeadEvent = z.object({ type: z.literal('state'), state: z.nullable(LeadState) });
export type LeadEvent = z.infer<typeof LeadEvent>;

export const extractLeadChannel = defineChannel({ name: 'extract-lead', request: LeadRequest, event: LeadEvent, featureSwitch: 'extractLead' });
