import '../lib/messaging/zod-setup';
import { contentRuntime } from '../lib/browser/content-runtime';
import { gmail } from '../lib/features/mail/clients/gmail';
import { runMailPage, type CommandAnswer } from '../lib/features/mail/page';

// Gmail's open message (its sender), compose windows and draft insertion. Isolated world, because Gmail enforces
// Trusted Types on its main world.
export default defineContentScript({
  matches: [...gmail.matches],
  runAt: 'document_idle',
  main(ctx) {
    const onLocationChange = (listener: () => void): void => ctx.addEventListener(window, 'wxt:locationchange', listener);
    runMailPage(gmail, document, { ...contentRuntime<CommandAnswer>(), onLocationChange }, ctx.signal);
  },
});
