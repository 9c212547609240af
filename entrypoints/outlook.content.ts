import '../lib/messaging/zod-setup';
import { contentRuntime } from '../lib/browser/content-runtime';
import { outlook } from '../lib/features/mail/clients/outlook';
import { runMailPage, type CommandAnswer } from '../lib/features/mail/page';

// Outlook on the web's open message (its sender), compose windows (new message, reading-pane reply, pop-out) and
// draft insertion. Isolated world, because Outlook enforces Trusted Types on its main world.
export default defineContentScript({
  matches: [...outlook.matches],
  runAt: 'document_idle',
  main(ctx) {
    const onLocationChange = (listener: () => void): void => ctx.addEventListener(window, 'wxt:locationchange', listener);
    runMailPage(outlook, document, { ...contentRuntime<CommandAnswer>(), onLocationChange }, ctx.signal);
  },
});
