import { z } from 'zod';
import { MailSender } from '../features/gmail/open-message';
import { EmailOptions, Feature, Generation, OutcomeReport } from '../features/generate/types';
import { Change } from '../features/record-view/snapshots';
import { FeatureEvent, FeatureRequest } from './feature-channel';

/** Salesforce content script → background: the page's URL changed (load or in-app navigation). */
export const LocationReport = z.object({ type: z.literal('location'), url: z.string().url() });
export type LocationReport = z.infer<typeof LocationReport>;

/** Gmail content script → background: which message is open (its sender only). */
export const GmailReport = z.object({ type: z.literal('gmail-message'), url: z.string().url(), sender: MailSender.nullable() });
export type GmailReport = z.infer<typeof GmailReport>;

export const RecordRefSchema = z.object({ recordId: z.string().length(18), sobject: z.string().optional() });

export const PanelProblem = z.object({
  kind: z.enum([
    'session-expired',
    'no-session',
    'no-api-access',
    'api-disabled',
    /** The org takes only its OAuth sign-in (API Access Control, or the admin's policy): the panel offers it. */
    'sign-in-required',
    /** A sign-in that did not finish (denied, closed, refused, answered for another request): offered again. */
    'sign-in-failed',
    /** Salesforce no longer honours the org's sign-in (revoked or expired): offered again. */
    'signed-out',
    /** The sign-in and the browser's Salesforce session are different users: neither is used until they match. */
    'user-mismatch',
    'not-found',
    'limit',
    'network',
    'server',
  ]),
  message: z.string(),
});
export type PanelProblem = z.infer<typeof PanelProblem>;

/** What the record card shows: the record, a few key fields, its related lists' sizes and what changed. */
export const RecordCard = z.object({
  recordId: z.string().length(18),
  objectName: z.string(),
  objectLabel: z.string(),
  name: z.string(),
  keyFields: z.array(z.object({ label: z.string(), value: z.string() })),
  counts: z.array(z.object({ label: z.string(), count: z.number() })),
  /** People of the record an email can go to: its contacts, contact roles, or the Contact/Lead itself. */
  people: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), title: z.string().nullable() })),
  /** Null on the first visit; otherwise what changed since the last one (possibly nothing). */
  changes: z.array(Change).nullable(),
  lastVisit: z.string().nullable(),
  fetchedAt: z.string(),
});
export type RecordCard = z.infer<typeof RecordCard>;

export const OrgIdentity = z.object({ orgId: z.string(), apiHost: z.string() });
export type OrgIdentity = z.infer<typeof OrgIdentity>;

/** The Salesforce person behind a Gmail sender, in the last used org. */
export const SenderMatch = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-org') }),
  z.object({ kind: z.literal('looking') }),
  z.object({
    kind: z.literal('found'),
    objectName: z.enum(['Contact', 'Lead']),
    recordId: z.string(),
    name: z.string(),
    detail: z.string(),
    url: z.string().url(),
  }),
  z.object({ kind: z.literal('none'), org: OrgIdentity }),
  z.object({ kind: z.literal('problem'), problem: PanelProblem }),
]);
export type SenderMatch = z.infer<typeof SenderMatch>;

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
    signedIn: z.object({ name: z.string(), username: z.string() }).nullable(),
  }),
  z.object({ kind: z.literal('problem'), host: z.string(), ref: RecordRefSchema.nullable(), problem: PanelProblem }),
  z.object({ kind: z.literal('gmail'), sender: MailSender.nullable(), match: SenderMatch.nullable() }),
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

/** Side panel → background, over the `panel` port. */
export const PanelRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch-window'), windowId: z.number().int() }),
  z.object({ type: z.literal('retry') }),
  z.object({ type: z.literal('enable-org'), orgId: z.string() }),
  /** Sign in with Salesforce (OAuth) to the org of the record in view; sign out of it. */
  z.object({ type: z.literal('sign-in') }),
  z.object({ type: z.literal('sign-out') }),
  z.object({ type: z.literal('show-context') }),
  z.object({ type: z.literal('generate'), feature: Feature, email: EmailOptions.nullable() }),
  z.object({ type: z.literal('stop-generation'), feature: Feature }),
  /** What the rep did with the generation the panel shows (by its id: the tab in view may have changed since). */
  z.object({ type: z.literal('generation-outcome'), feature: Feature, generationId: z.string().min(1), report: OutcomeReport }),
  FeatureRequest,
]);
export type PanelRequest = z.infer<typeof PanelRequest>;

/** Background → side panel, over the `panel` port. */
export const PanelEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), view: PanelView }),
  z.object({ type: z.literal('context-preview'), preview: ContextPreview }),
  /** Everything kept for the record in view, sent when the record comes into view. */
  z.object({ type: z.literal('generations'), recordId: z.string(), generations: z.array(Generation) }),
  /** One generation as it streams and when it ends. */
  z.object({ type: z.literal('generation'), generation: Generation }),
  FeatureEvent,
]);
export type PanelEvent = z.infer<typeof PanelEvent>;

export const PANEL_PORT = 'groundwork-panel';

/** Options page → background: end Groundwork's Salesforce sign-in in an org (revoked at Salesforce, forgotten here). */
export const SignOutRequest = z.object({ type: z.literal('salesforce-sign-out'), orgId: z.string().regex(/^00D[A-Za-z0-9]{12}$/) });
export type SignOutRequest = z.infer<typeof SignOutRequest>;
export const SignOutAnswer = z.object({ revoked: z.boolean() });
export type SignOutAnswer = z.infer<typeof SignOutAnswer>;
