/** What the "Extract to Lead" panel and its handler say to each other, and what the handler keeps in session storage. */
import { z } from 'zod';
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
export const LeadPhase = ProposalPhase.exclude(['undoing', 'undone']);
export type LeadPhase = z.infer<typeof LeadPhase>;

export const LeadSource = z.object({
  pageTitle: z.string().nullable(),
  pageUrl: z.string().nullable(),
  sender: z.object({ name: z.string(), email: z.string() }).nullable(),
  /** Gmail or Outlook: the open conversation's id as its address shows it (`#inbox/<id>`, `/id/<id>`). */
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

export const extractLeadChannel = defineChannel({ name: 'extract-lead', request: LeadRequest, event: LeadEvent, featureSwitch: 'extractLead' });
