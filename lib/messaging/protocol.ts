/**
 * The messages between the extension's contexts: what the content scripts report (the page's URL; the open email's
 * sender in Gmail or Outlook) and the side panel's one port, on which every feature's requests and events travel in envelopes
 * (channels.ts) that the feature's own schemas parse.
 */
import { z } from 'zod/mini';
import { FeatureEventEnvelope, FeatureRequestEnvelope } from './channels';
import { MailSender } from './mail-sender';

/** Salesforce content script → background: the page's URL changed (load or in-app navigation). */
export const LocationReport = z.object({ type: z.literal('location'), url: z.string().check(z.url()) });
export type LocationReport = z.infer<typeof LocationReport>;


/** Mail content script (Gmail, Outlook) → background: which message is open (its sender only). */
export const MailReport = z.object({ type: z.literal('mail-message'), url: z.string().check(z.url()), sender: z.nullable(MailSender) });
export type MailReport = z.infer<typeof MailReport>;

/** Side panel → background, over the `panel` port: which window the panel follows, then its features' requests. */
export const PanelRequest = z.discriminatedUnion('type', [z.object({ type: z.literal('watch-window'), windowId: z.number().check(z.int()) }), FeatureRequestEnvelope]);
export type PanelRequest = z.infer<typeof PanelRequest>;

/** Background → side panel, over the `panel` port: its features' events. */
export const PanelEvent = FeatureEventEnvelope;
export type PanelEvent = z.infer<typeof PanelEvent>;

export const PANEL_PORT = 'groundwork-panel';

/** Options page → background: end Groundwork's Salesforce sign-in in an org (revoked at Salesforce, forgotten here). */
export const SignOutRequest = z.object({ type: z.literal('salesforce-sign-out'), orgId: z.string().check(z.regex(/^00D[A-Za-z0-9]{12}$/)) });
export type SignOutRequest = z.infer<typeof SignOutRequest>;
export const SignOutAnswer = z.object({ revoked: z.boolean() });
export type SignOutAnswer = z.infer<typeof SignOutAnswer>;
