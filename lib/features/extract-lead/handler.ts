/** "Extract to Lead" as the background routes it: a right-click on selected text on any page, and its channel. */
import type { ChannelHandler, FeatureRegistration } from '../../messaging/feature-handler';
import { EXTRACT_LEAD_MENU, LeadService, type ExtractLeadDeps } from './service';

export function createExtractLeadFeature(deps: ExtractLeadDeps): FeatureRegistration {
  const service = new LeadService(deps);
  const channel: ChannelHandler<'extract-lead'> = {
    channel: 'extract-lead',
    handle: (request, panel) => service.handle(request, panel),
    disconnected: (panel) => service.disconnected(panel),
  };
  return {
    name: 'extract-lead',
    channel,
    contextMenus: [{ id: EXTRACT_LEAD_MENU, title: 'menu_extractToLead', contexts: ['selection'] }],
    onContextMenu: (click) => service.onContextMenu(click),
  };
}
