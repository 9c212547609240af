/** "Log this note" as the background routes it: for the record in view, or text added by a right-click. */
import type { FeatureDeps, FeatureHandler } from '../handler';
import { ADD_TO_NOTE_MENU, NotesService } from './service';
import { clientsFor } from '../../proposals/org-access';

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
