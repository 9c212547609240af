import { createAskHandler } from './ask/handler';
import { createLeadHandler } from './extract-lead/handler';
import { createNotesHandler } from './log-note/handler';
import { createGmailHandler } from './gmail/handler';
import { createGovernanceHandler } from './governance/handler';
import type { FeatureName } from '../messaging/feature-channel';
import type { FeatureDeps, FeatureHandler } from './handler';

export type { FeatureDeps, FeatureHandler, FeatureBrowser, PanelConnection, ContextMenuClick, ContextMenuEntry } from './handler';

/** Every feature the panel can talk to, by name. */
export function createFeatureHandlers(deps: FeatureDeps): Map<FeatureName, FeatureHandler> {
  const handlers = [createNotesHandler(deps), createLeadHandler(deps), createAskHandler(deps), createGmailHandler(deps), createGovernanceHandler(deps)];
  return new Map(handlers.map((handler) => [handler.name, handler]));
}
