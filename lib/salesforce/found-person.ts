import { z } from 'zod';

/** An open opportunity of the sender's account, as the Gmail card lists it. */
export const OpenOpportunity = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.string().nullable(),
  /** Written for the rep: "$480,000". */
  amount: z.string().nullable(),
  closeDate: z.string().nullable(),
  url: z.string().url(),
});
export type OpenOpportunity = z.infer<typeof OpenOpportunity>;

export const OpenCase = z.object({
  id: z.string(),
  caseNumber: z.string(),
  subject: z.string().nullable(),
  status: z.string().nullable(),
  url: z.string().url(),
});
export type OpenCase = z.infer<typeof OpenCase>;

/** The account a found Contact belongs to, with its open opportunities and open cases (the first few of each). */
export const SenderAccount = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string().url(),
  opportunities: z.array(OpenOpportunity),
  cases: z.array(OpenCase),
  /** More open ones exist than are listed. */
  moreOpportunities: z.boolean(),
  moreCases: z.boolean(),
});
export type SenderAccount = z.infer<typeof SenderAccount>;

/** A person found by their email: a Contact, or an unconverted Lead, with a line about them and a link. */
export const FoundPerson = z.object({
  kind: z.literal('found'),
  objectName: z.enum(['Contact', 'Lead']),
  recordId: z.string(),
  name: z.string(),
  detail: z.string(),
  url: z.string().url(),
  /** A Contact's account, read in the same request; null for a Lead or a Contact without one. */
  account: SenderAccount.nullable().default(null),
  /** Why the account could not be read (the person still shows). */
  accountProblem: z.string().nullable().default(null),
});
export type FoundPerson = z.infer<typeof FoundPerson>;
