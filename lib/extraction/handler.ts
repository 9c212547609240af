/**
 * The write path's two features as the background routes them: "notes" (Log this note, for the record in view) and
 * "lead" (right-click Extract to Lead on any page). Both share one set of org clients and cached describes.
 */
import type { FeatureDeps, FeatureHandler } from '../features/handler';
import { EXTRACT_LEAD_MENU, LeadService } from './lead-service';
import { ADD_TO_NOTE_MENU, NotesService } from './notes-service';
import { WriteClients } from './org-access';

const clientsByDeps = new WeakMap<FeatureDeps, WriteClients>();

function clientsFor(deps: FeatureDeps): WriteClients {
  let clients = clientsByDeps.get(deps);
  if (!clients) {
    clients = new WriteClients(deps.cookies, deps.orgs);
    clientsByDeps.set(deps, clients);
  }
  return clients;
}

export function createNotesHandler(deps: FeatureDeps): FeatureHandler {
  const service = new NotesService(deps, clientsFor(deps));
  return {
    name: 'notes',
    handle: (payload, panel) => service.handle(payload, panel),
    disconnected: (panel) => service.disconnected(panel),
    contextMenus: [{ id: ADD_TO_NOTE_MENU, title: 'Add to a Salesforce note', contexts: ['selection'] }],
    onContextMenu: (click) => service.onContextMenu(click),
  };
}

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
