import { z } from 'zod';

/** The sender of the message open in Gmail (its own module: the Gmail content script bundles nothing else of the protocol). */
export const MailSender = z.object({ email: z.string().email(), name: z.string() });
export type MailSender = z.infer<typeof MailSender>;
