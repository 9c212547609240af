import { z } from 'zod/mini';

/** The sender of the message open in a mail client (its own module: the mail content scripts bundle nothing else of the protocol). */
export const MailSender = z.object({ email: z.string().check(z.email()), name: z.string() });
export type MailSender = z.infer<typeof MailSender>;

/** The web mail clients Groundwork works in, by the name the rep knows them. */
export const MailClientName = z.enum(['Gmail', 'Outlook']);
export type MailClientName = z.infer<typeof MailClientName>;
