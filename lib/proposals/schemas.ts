/**
 * What the model may propose for a write, as zod schemas and as the JSON Schema sent for structured output.
 *
 * Every value is a string with its own verbatim quote: code, not the model, turns text into typed values (validate.ts)
 * and checks the quote (evidence.ts). The schemas stay inside the JSON Schema subset Anthropic's structured output
 * accepts: objects closed by `additionalProperties: false`, no numeric or length bounds, no recursion, few optional
 * properties. No schema has a place for a record id: links (WhoId, WhatId, AccountId) are set by code from the record
 * in view, and a field update naming an id field is refused when the review is built.
 */
import { z } from 'zod/mini';
import type { StructuredOutput } from '../model';
import leadProposalJsonSchema from './lead-proposal.schema.json';
import noteProposalJsonSchema from './note-proposal.schema.json';

const quote = z
  .string()
  .check(z.describe('A verbatim quote from the source text that states this value; empty when the text does not state it.'));

/** One proposed value and the quote that supports it. */
export const Evidenced = z.object({
  value: z.string().check(z.describe('The value as plain text; dates as YYYY-MM-DD.')),
  evidence: quote,
});
export type Evidenced = z.infer<typeof Evidenced>;

/** A value for a field named by its API name (a field update, an extra Lead field). */
export const FieldValueProposal = z.object({
  field: z.string().check(z.describe('The field API name, as listed in the instructions.')),
  value: z.string().check(z.describe('The new value as plain text; dates as YYYY-MM-DD.')),
  evidence: quote,
});
export type FieldValueProposal = z.infer<typeof FieldValueProposal>;

export const ActivityProposal = z.object({
  subject: Evidenced.check(z.describe('A short subject for the logged activity.')),
  description: Evidenced.check(z.describe('What happened, in a few sentences.')),
  activityDate: z.optional(Evidenced).check(z.describe('The day it happened, YYYY-MM-DD, when the text says.')),
  status: z.optional(Evidenced).check(z.describe('The task status, when the text says.')),
});
export type ActivityProposal = z.infer<typeof ActivityProposal>;

export const ContactProposal = z.object({
  firstName: Evidenced,
  lastName: Evidenced,
  email: z.optional(Evidenced),
  phone: z.optional(Evidenced),
  title: z.optional(Evidenced),
});
export type ContactProposal = z.infer<typeof ContactProposal>;

export const FollowUpProposal = z.object({
  subject: z.string(),
  dueDate: z.string().check(z.describe('YYYY-MM-DD')),
  evidence: quote,
  contactName: z
    .optional(z.string())
    .check(z.describe('When the follow-up is with one of newContacts: that contact\'s "FirstName LastName".')),
});
export type FollowUpProposal = z.infer<typeof FollowUpProposal>;

/**
 * Changes to an opportunity the text names ("Apex Corp — Enterprise Expansion moved to proposal") other than the record
 * in view. The model gives the name as written, never an id: code finds the record by a look-up and the rep picks
 * when several match.
 */
export const NamedOpportunityUpdate = z.object({
  name: Evidenced.check(z.describe("The opportunity's own name exactly as the text writes it, without the account's name.")),
  account: z.optional(Evidenced).check(z.describe("The account's name when the text writes it with the opportunity.")),
  fieldUpdates: z.array(FieldValueProposal).check(z.describe('Changes to fields of that opportunity that the text states.')),
});
export type NamedOpportunityUpdate = z.infer<typeof NamedOpportunityUpdate>;

/** "Log this note": an activity on the record in view, field updates on it, new contacts, follow-up tasks. */
export const NoteProposal = z.object({
  activity: ActivityProposal,
  fieldUpdates: z.array(FieldValueProposal).check(z.describe('Changes to fields of the record in view that the text states.')),
  newContacts: z.array(ContactProposal).check(z.describe('People the text introduces who are not yet contacts.')),
  followUps: z.array(FollowUpProposal),
  namedOpportunities: z
    .array(NamedOpportunityUpdate)
    .check(z.describe('Opportunities other than the record in view that the text names, with the changes it states for them.')),
});
export type NoteProposal = z.infer<typeof NoteProposal>;

/** One person of an "Extract to Lead" selection. Absent means the text does not say: never invented. */
export const LeadCandidate = z.object({
  FirstName: z.optional(Evidenced),
  LastName: z.optional(Evidenced),
  Company: z.optional(Evidenced),
  Email: z.optional(Evidenced),
  Phone: z.optional(Evidenced),
  Title: z.optional(Evidenced),
  LeadSource: z.optional(Evidenced),
  Description: z.optional(Evidenced),
  otherFields: z.array(FieldValueProposal).check(z.describe('Other creatable Lead fields the text states.')),
});
export type LeadCandidate = z.infer<typeof LeadCandidate>;

/** "Extract to Lead": one row per person in the selection. */
export const LeadProposal = z.object({ leads: z.array(LeadCandidate) });
export type LeadProposal = z.infer<typeof LeadProposal>;

/** The named Lead fields of a candidate, in the order the review shows them. */
export const LEAD_FIELDS = [
  'FirstName',
  'LastName',
  'Company',
  'Email',
  'Phone',
  'Title',
  'LeadSource',
  'Description',
] as const satisfies readonly (keyof LeadCandidate)[];

/** The proposals as the model's structured output (the JSON files are written from the schemas: scripts/output-schemas.ts). */
export const NoteProposalOutput: StructuredOutput<NoteProposal> = { schema: NoteProposal, jsonSchema: noteProposalJsonSchema };
export const LeadProposalOutput: StructuredOutput<LeadProposal> = { schema: LeadProposal, jsonSchema: leadProposalJsonSchema };
