import { z } from 'zod';

/** A person found by their email: a Contact, or an unconverted Lead, with a line about them and a link. */
export const FoundPerson = z.object({
  kind: z.literal('found'),
  objectName: z.enum(['Contact', 'Lead']),
  recordId: z.string(),
  name: z.string(),
  detail: z.string(),
  url: z.string().url(),
});
export type FoundPerson = z.infer<typeof FoundPerson>;
