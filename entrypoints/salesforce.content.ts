import { browser } from 'wxt/browser';
import type { LocationReport } from '../lib/messaging/protocol';

// Reports where the tab is, on load and on every in-app navigation; the background decides what it means.
export default defineContentScript({
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*', 'https://*.my.salesforce-setup.com/*'],
  runAt: 'document_start',
  main(ctx) {
    const report = (url: string): void => {
      const message: LocationReport = { type: 'location', url };
      browser.runtime.sendMessage(message).catch(() => {
        // The background is restarting or the extension was updated; the next navigation reports again.
      });
    };
    report(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => report(newUrl.href));
  },
});
