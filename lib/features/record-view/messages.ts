/**
 * What the record view's panel and handler say to each other: which record the window's active tab shows (its card,
 * or why there is none), and "What will be sent" for it.
 */
import { z } from 'zod/mini';
import { defineChannel } from '../../messaging/channels';
import { MailClientName, MailSender } from '../../messaging/mail-sender';
import { OrgIdentity } from '../../orgs';
import { FoundPerson } from '../../salesforce/found-person';
import { PanelProblem } from '../../salesforce/problems';
import { Change } from './snapshots';

export const RecordRefSchema = z.object({ recordId: z.string().check(z.length(18)), sobject: z.optional(z.string()) });

/** What the record card shows: the record, a few key fields, its related lists' sizes and what changed. */
export const RecordCard = z.object({
  recordId: z.string().check(z.length(18)),
  objectName: z.string(),
  objectLabel: z.string(),
  name: z.string(),
  keyFields: z.array(z.object({ label: z.string(), value: z.string() })),
  counts: z.array(z.object({ label: z.string(), count: z.number() })),
  /** People of the record an email can go to: its contacts, contact roles, or the Contact/Lead itself. */
  people: z.array(z.object({ id: z.string(), name: z.string(), email: z.nullable(z.string()), title: z.nullable(z.string()) })),
  /** Null on the first visit; otherwise what changed since the last one (possibly nothing). */
  changes: z.nullable(z.array(Change)),
  lastVisit: z.nullable(z.string()),
  fetchedAt: z.string(),
});
export type RecordCard = z.infer<typeof RecordCard>;

/** The Salesforce person behind an email's sender, in the last used org. */
export const SenderMatch = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-org') }),
  z.object({ kind: z.literal('looking') }),
  FoundPerson,
  z.object({ kind: z.literal('none'), org: OrgIdentity }),
  z.object({ kind: z.literal('problem'), problem: PanelProblem }),
]);
export type SenderMatch = z.infer<typeof SenderMatch>;

/** Who Groundwork's own Salesforce sign-in is in an org. */
export const SignedInUser = z.object({ name: z.string(), username: z.string() });
export type SignedInUser = z.infer<typeof SignedInUser>;

/** What the side panel shows for the active tab of its window. */
export const PanelView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('starting') }),
  z.object({ kind: z.literal('not-salesforce') }),
  z.object({ kind: z.literal('no-record'), host: z.string() }),
  z.object({ kind: z.literal('org-not-enabled'), host: z.string(), org: OrgIdentity }),
  z.object({ kind: z.literal('loading'), host: z.string(), ref: RecordRefSchema }),
  z.object({
    kind: z.literal('record'),
    host: z.string(),
    card: RecordCard,
    /** Who Groundwork's own Salesforce sign-in is, when it reads this org through it; null with the browser session. */
    signedIn: z.nullable(SignedInUser),
  }),
  z.object({ kind: z.literal('problem'), host: z.string(), ref: z.nullable(RecordRefSchema), problem: PanelProblem }),
  z.object({ kind: z.literal('mail'), client: MailClientName, sender: z.nullable(MailSender), match: z.nullable(SenderMatch) }),
]);
export type PanelView = z.infer<typeof PanelView>;

/** The exact text that would leave the browser for the record in view, with what was redacted. */
export const ContextPreview = z.object({
  recordId: z.string(),
  text: z.string(),
  tokens: z.number(),
  droppedLines: z.number(),
  redactions: z.array(z.object({ placeholder: z.string(), kind: z.string() })),
});
export type ContextPreview = z.infer<typeof ContextPreview>;

/** Panel → handler. The window's views come unasked: from the moment the panel says which window it follows. */
export const RecordViewRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('retry') }),
  /** Reload the window's active tab: after an expired session, the Salesforce page asks the rep to log in again. */
  z.object({ type: z.literal('reload-tab') }),
  z.object({ type: z.literal('enable-org'), orgId: z.string() }),
  z.object({ type: z.literal('show-context') }),
  /** Sign in with Salesforce (OAuth) to the org of the record in view; sign out of it. */
  z.object({ type: z.literal('sign-in') }),
  z.object({ type: z.literal('sign-out') }),
]);
export type RecordViewRequest = z.infer<typeof RecordViewRequest>;

export const RecordViewEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), view: PanelView }),
  z.object({ type: z.literal('context-preview'), preview: ContextPreview }),
]);
export type RecordViewEvent = z.infer<typeof RecordViewEvent>;

export const recordViewChannel = defineChannel({ name: 'record-view', request: RecordViewRequest, event: RecordViewEvent, featureSwitch: null });
