import { browser } from 'wxt/browser';
import { openMessageSender } from '../lib/gmail/open-message';
import type { GmailReport } from '../lib/messaging/protocol';

/** Gmail renders a thread a moment after the route changes; look for its sender this long before saying there is none. */
const RENDER_WAIT_MS = 3000;
/** Gmail renders in bursts; read once a burst of changes has passed. */
const SETTLE_MS = 50;

// Reports which message is open (its sender only); isolated world, because Gmail enforces Trusted Types.
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    let lastReported = '';
    let observer: MutationObserver | null = null;

    const report = (): void => {
      const sender = openMessageSender(document);
      const message: GmailReport = { type: 'gmail-message', url: location.href, sender };
      const key = JSON.stringify(message);
      if (key !== lastReported) {
        lastReported = key;
        browser.runtime.sendMessage(message).catch(() => {
          // The background is restarting; the next route change reports again.
        });
      }
    };

    // The route event comes before Gmail re-renders: watch the page for a short while and report what settles.
    const watchRoute = (): void => {
      observer?.disconnect();
      let scheduled = false;
      observer = new MutationObserver(() => {
        if (scheduled) return;
        scheduled = true;
        ctx.setTimeout(() => {
          scheduled = false;
          report();
        }, SETTLE_MS);
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'style', 'class'] });
      ctx.setTimeout(report, 0);
      ctx.setTimeout(() => observer?.disconnect(), RENDER_WAIT_MS);
    };

    watchRoute();
    ctx.addEventListener(window, 'wxt:locationchange', watchRoute);
    ctx.onInvalidated(() => observer?.disconnect());
  },
});
