import { z } from 'zod/mini';

/** A span of a model output that the context does not support (see findUnsupportedClaims in grounding.ts). */
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
