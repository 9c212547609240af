/** "Extract to Lead" as the background routes it: a right-click on selected text on any page. */
import type { FeatureDeps, FeatureHandler } from '../handler';
import { clientsFor } from '../../proposals/org-access';
import { EXTRACT_LEAD_MENU, LeadService } from './service';

export function createLeadHandler(deps: FeatureDeps): FeatureHandler {
  const service = new LeadService(deps, clientsFor(deps));
  return {
    name: 'lead',
    handle: (payload, panel) => service.handle(payload, panel),
    disconnected: (panel) => service.disconnected(panel),
    contextMenus: [{ id: EXTRACT_LEAD_MENU, title: 'Extract to Lead', contexts: ['selection'] }],
    onContextMenu: (click) => service.onContextMenu(click),
  };
}
