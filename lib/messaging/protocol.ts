import { z } from 'zod';

/** Salesforce content script → background: the page's URL changed (load or in-app navigation). */
export const LocationReport = z.object({ type: z.literal('location'), url: z.string().url() });
export type LocationReport = z.infer<typeof LocationReport>;

export const RecordRefSchema = z.object({ recordId: z.string().length(18), sobject: z.string().optional() });

export const RecordHeadline = z.object({
  recordId: z.string().length(18),
  objectName: z.string(),
  objectLabel: z.string(),
  name: z.string(),
});
export type RecordHeadline = z.infer<typeof RecordHeadline>;

export const PanelProblem = z.object({
  kind: z.enum(['session-expired', 'no-session', 'no-api-access', 'not-found', 'limit', 'network', 'server']),
  message: z.string(),
});
export type PanelProblem = z.infer<typeof PanelProblem>;

/** What the side panel shows for the active tab of its window. */
export const PanelView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('starting') }),
  z.object({ kind: z.literal('not-salesforce') }),
  z.object({ kind: z.literal('no-record'), host: z.string() }),
  z.object({ kind: z.literal('loading'), host: z.string(), ref: RecordRefSchema }),
  z.object({ kind: z.literal('record'), host: z.string(), record: RecordHeadline }),
  z.object({ kind: z.literal('problem'), host: z.string(), ref: RecordRefSchema, problem: PanelProblem }),
]);
export type PanelView = z.infer<typeof PanelView>;

/** Side panel → background, over the `panel` port. */
export const PanelRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch-window'), windowId: z.number().int() }),
  z.object({ type: z.literal('retry') }),
]);
export type PanelRequest = z.infer<typeof PanelRequest>;

/** Background → side panel, over the `panel` port. */
export const PanelEvent = z.discriminatedUnion('type', [z.object({ type: z.literal('view'), view: PanelView })]);
export type PanelEvent = z.infer<typeof PanelEvent>;

export const PANEL_PORT = 'groundwork-panel';
