/** "Log this note" as the background routes it: its channel, for the record in view, and the right-click that adds text. */
import type { ChannelHandler, FeatureRegistration } from '../../messaging/feature-handler';
import { ADD_TO_NOTE_MENU, NotesService, type LogNoteDeps } from './service';

export function createLogNoteFeature(deps: LogNoteDeps): FeatureRegistration {
  const service = new NotesService(deps);
  const channel: ChannelHandler<'log-note'> = {
    channel: 'log-note',
    handle: (request, panel) => service.handle(request, panel),
    disconnected: (panel) => service.disconnected(panel),
  };
  return {
    name: 'log-note',
    channel,
    contextMenus: [{ id: ADD_TO_NOTE_MENU, title: 'menu_addToNote', contexts: ['selection'] }],
    onContextMenu: (click) => service.onContextMenu(click),
  };
}
