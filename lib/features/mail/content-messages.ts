import { z } from 'zod/mini';
import type { Sender } from '../../messaging/senders';
import { COMPOSE_KINDS } from './client';

/** Background → mail content script (`tabs.sendMessage`): write this draft into the compose the rep was using. */
export const InsertDraftCommand = z.object({
  type: z.literal('mail-insert'),
  /** Plain text; newlines become the editor's own lines. */
  text: z.string().check(z.minLength(1), z.maxLength(100_000)),
  /** Set only on a new message whose subject box is visible and empty. */
  subject: z.optional(z.string().check(z.maxLength(1_000))),
});
export type InsertDraftCommand = z.infer<typeof InsertDraftCommand>;

const ComposeKindSchema = z.enum(COMPOSE_KINDS);

/** Mail content script → background: what happened to the draft. */
export const InsertOutcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('inserted'),
    /** At the rep's caret in the body, or at the top of the body (no caret, or it was in the subject or signature). */
    where: z.enum(['caret', 'top']),
    compose: ComposeKindSchema,
    /** The compose answers a message (its subject was left alone). */
    reply: z.boolean(),
    /** `editing-command` fires trusted input events (the draft is saved, Ctrl+Z undoes); `dom-fallback` does neither reliably. */
    method: z.enum(['editing-command', 'dom-fallback']),
    subjectSet: z.boolean(),
    /** The compose's subject and recipients after the insert, for logging the email. */
    subject: z.string(),
    to: z.array(z.string()),
  }),
  /** Nothing open to write into: the caller opens the client's own prefilled new message. */
  z.object({ kind: z.literal('no-compose'), message: z.string() }),
  /** The client's markup no longer matches ours: nothing was written; the caller puts the draft on the clipboard. */
  z.object({ kind: z.literal('dom-changed'), message: z.string() }),
]);
export type InsertOutcome = z.infer<typeof InsertOutcome>;

/** Commands come only from the extension's own background (or pages), never from a tab or another extension. */
export function isFromOwnExtension(sender: Sender, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab === undefined;
}

/** Background → mail content script: when did the rep last work in a compose of this page that is still open? */
export const ComposeUseQuery = z.object({ type: z.literal('mail-compose-use') });
/** The answer: ms since the epoch, or null when no compose of the page was used. */
export const ComposeUse = z.object({ usedAt: z.nullable(z.number()) });
export type ComposeUse = z.infer<typeof ComposeUse>;
