/**
 * The 'gmail' feature's payloads between the side panel and the background (inside the feature envelope), checked
 * with zod on both sides, and the state the background keeps per window so nothing is lost when the panel closes.
 */
import { z } from 'zod/mini';
import { defineChannel } from '../../messaging/channels';
import { ReviewChange } from '../../proposals/messages';
import { Citation, Claim } from '../../context/checked-output';
import { GenerationProblem } from '../../model/types';
import { MailClientName } from '../../messaging/mail-sender';
import { OutputLanguageCode } from '../../settings/schema';
import { Committed } from '../../salesforce/write-plan';
import { LogReview } from './log';
import { AccountMatch } from './sender-contact';

const Text = z.string().check(z.maxLength(100_000));

/** Side panel → background. */
export const MailRequest = z.discriminatedUnion('type', [
  /** The panel mounted: send what is kept for this window. */
  z.object({ type: z.literal('open') }),
  /** "Insert into Gmail / Outlook" on a draft; `source` says whether it is the reply drafted here (goes into an inline reply). */
  z.object({ type: z.literal('insert'), subject: z.string().check(z.maxLength(1000)), body: Text.check(z.minLength(1)), source: z.enum(['draft', 'reply']), language: z._default(OutputLanguageCode, 'en') }),
  z.object({ type: z.literal('draft-reply'), instruction: z._default(z.string().check(z.maxLength(500)), '') }),
  z.object({ type: z.literal('stop-reply') }),
  /** The rep edited the reply: kept so a reopened panel shows their words. */
  z.object({ type: z.literal('edit-reply'), body: Text }),
  /** "Log to Salesforce" on the last inserted email: build the review. */
  z.object({ type: z.literal('log-email') }),
  /** The rep edited, ticked or unticked a field of the log's review (the shared review UI's changes). */
  z.object({ type: z.literal('log-change'), change: ReviewChange }),
  z.object({ type: z.literal('log-confirm') }),
  z.object({ type: z.literal('log-cancel') }),
  /** "Create contact" for the open email's sender, whom Salesforce does not know: build the review. */
  z.object({ type: z.literal('contact-propose') }),
  z.object({ type: z.literal('contact-change'), change: ReviewChange }),
  z.object({ type: z.literal('contact-confirm') }),
  z.object({ type: z.literal('contact-cancel') }),
  /** Delete the contact just created (only if nobody changed it since). */
  z.object({ type: z.literal('contact-undo') }),
]);
export type MailRequest = z.infer<typeof MailRequest>;

/** What became of "Insert into Gmail / Outlook", in the words the panel shows. */
export const InsertResult = z.object({
  /**
   * inserted: written into a compose; opened-compose: the client's prefilled compose opened; clipboard: nothing written
   * in the client, the panel puts the draft on the clipboard; failed: nothing happened, `message` says why.
   */
  kind: z.enum(['inserted', 'opened-compose', 'clipboard', 'failed']),
  message: z.string(),
  /** For 'clipboard': the text the panel copies. */
  text: z.optional(z.string()),
  /** Which draft it was about, so the panel shows the result beside it. */
  source: z.enum(['draft', 'reply']),
  at: z.string(),
});
export type InsertResult = z.infer<typeof InsertResult>;

/** The Salesforce person a reply or an email is about. */
export const MatchedPerson = z.object({
  objectName: z.enum(['Contact', 'Lead']),
  recordId: z.string(),
  name: z.string(),
  email: z.string(),
});
export type MatchedPerson = z.infer<typeof MatchedPerson>;

/** The reply drafted for the open email (Gmail or Outlook). */
export const ReplyDraft = z.object({
  id: z.string(),
  status: z.enum(['streaming', 'done', 'stopped', 'failed', 'interrupted']),
  person: MatchedPerson,
  threadSubject: z.string(),
  /** The language the reply was asked for in: its subject's prefix follows it (draft-words.ts). */
  language: z._default(OutputLanguageCode, 'en'),
  /** The body as the model wrote it (redactions put back), without its Sources line. */
  text: z.string(),
  /** The rep's edited body; null until they edit. */
  edited: z.nullable(z.string()),
  citations: z.array(Citation),
  unsupported: z.array(Claim),
  problem: z.nullable(GenerationProblem),
  model: z.nullable(z.string()),
  promptVersion: z.string(),
  startedAt: z.string(),
});
export type ReplyDraft = z.infer<typeof ReplyDraft>;

/** The email the rep last put into Gmail or Outlook through Groundwork: what "Log to Salesforce" records. */
export const InsertedEmail = z.object({
  subject: z.string(),
  body: z.string(),
  to: z.array(z.string()),
  /** Known when it was the reply to a matched sender. */
  person: z.nullable(MatchedPerson),
  at: z.string(),
  /** Logged already: the Task's id. */
  loggedTaskId: z.nullable(z.string()),
});
export type InsertedEmail = z.infer<typeof InsertedEmail>;

export const LogState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('preparing') }),
  z.object({
    kind: z.literal('review'),
    review: LogReview,
    person: MatchedPerson,
    idempotencyKey: z.string(),
    committing: z.boolean(),
    /** Why the last confirm did not write (no answer, no session…); the rep may confirm again: it never writes twice. */
    problem: z.nullable(z.string()),
  }),
  z.object({ kind: z.literal('logged'), taskId: z.string(), url: z.string(), message: z.string() }),
  z.object({ kind: z.literal('problem'), message: z.string() }),
]);
export type LogState = z.infer<typeof LogState>;

/** "Create contact" for an unknown sender, from the review to the created record (and its undo). */
export const ContactState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('preparing') }),
  z.object({
    kind: z.literal('review'),
    /** The address the review is for: a review of another sender is not shown beside this one. */
    email: z.string(),
    review: LogReview,
    account: AccountMatch,
    idempotencyKey: z.string(),
    committing: z.boolean(),
    problem: z.nullable(z.string()),
  }),
  z.object({
    kind: z.literal('created'),
    email: z.string(),
    contactId: z.string(),
    url: z.string(),
    message: z.string(),
    committed: Committed,
    undoing: z.boolean(),
    problem: z.nullable(z.string()),
  }),
  z.object({ kind: z.literal('undone'), email: z.string(), message: z.string() }),
  z.object({ kind: z.literal('problem'), message: z.string() }),
]);
export type ContactState = z.infer<typeof ContactState>;

/** Everything kept for one window's panel. */
export const MailState = z.object({
  reply: z.nullable(ReplyDraft),
  lastInsert: z.nullable(InsertResult),
  /** The mail client a draft would go into now (the tab found when the panel opened or last inserted); null: none open. */
  client: z._default(z.nullable(MailClientName), null),
  inserted: z.nullable(InsertedEmail),
  log: LogState,
  contact: z._default(ContactState, { kind: 'idle' }),
});
export type MailState = z.infer<typeof MailState>;

export const EMPTY_STATE: MailState = { reply: null, lastInsert: null, client: null, inserted: null, log: { kind: 'idle' }, contact: { kind: 'idle' } };

/** Background → side panel. */
export const MailEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: MailState }),
  /** A reply's progress (sent often while it streams). */
  z.object({ type: z.literal('reply'), reply: ReplyDraft }),
]);
export type MailEvent = z.infer<typeof MailEvent>;

export const mailChannel = defineChannel({ name: 'mail', request: MailRequest, event: MailEvent, featureSwitch: 'gmail' });
