import { z } from 'zod/mini';

/** An open opportunity of the sender's account, as the Gmail card lists it. */
export const OpenOpportunity = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.nullable(z.string()),
  /** Written for the rep: "$480,000". */
  amount: z.nullable(z.string()),
  closeDate: z.nullable(z.string()),
  url: z.string().check(z.url()),
});
export type OpenOpportunity = z.infer<typeof OpenOpportunity>;

export const OpenCase = z.object({
  id: z.string(),
  caseNumber: z.string(),
  subject: z.nullable(z.string()),
  status: z.nullable(z.string()),
  url: z.string().check(z.url()),
});
export type OpenCase = z.infer<typeof OpenCase>;

/** The account a found Contact belongs to, with its open opportunities and open cases (the first few of each). */
export const SenderAccount = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string().check(z.url()),
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
  url: z.string().check(z.url()),
  /** A Contact's account, read in the same request; null for a Lead or a Contact without one. */
  account: z._default(z.nullable(SenderAccount), null),
  /** Why the account could not be read (the person still shows). */
  accountProblem: z._default(z.nullable(z.string()), null),
});
export type FoundPerson = z.infer<typeof FoundPerson>;
