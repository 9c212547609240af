import '../lib/messaging/zod-jitless';
import { browser } from 'wxt/browser';
import { ComposeTracker } from '../lib/features/gmail/compose';
import { insertDraft } from '../lib/features/gmail/insert';
import { InsertDraftCommand, isFromOwnExtension, type InsertOutcome } from '../lib/features/gmail/content-messages';
import { openMessageSender } from '../lib/features/gmail/open-message';
import { OpenReplyCommand, ReadThreadCommand, inlineReplyReady, openInlineReply, readOpenThread, type OpenReplyOutcome } from '../lib/features/gmail/thread';
import type { GmailReport } from '../lib/messaging/protocol';

/** Gmail renders a thread a moment after the route changes; look for its sender this long before saying there is none. */
const RENDER_WAIT_MS = 3000;
/** Gmail renders in bursts; read once a burst of changes has passed. */
const SETTLE_MS = 50;

// Reports which message is open (its sender only), tracks compose windows, inserts drafts into them, reads the open
// thread for "Draft reply" and opens an inline reply with Gmail's own button. Isolated
// world, because Gmail enforces Trusted Types on its main world.
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

    // Which compose the rep used last and where their caret was: the side panel's click takes the focus away.
    const composes = new ComposeTracker(document);
    const stopTracking = composes.start();

    // Only the extension's own background may ask; each answer is what happened, for the panel to show.
    type Answer = InsertOutcome | OpenReplyOutcome | { thread: ReturnType<typeof readOpenThread> };
    const onCommand = (message: unknown, sender: { id?: string; tab?: object }, sendResponse: (answer: Answer) => void): true | undefined => {
      if (!isFromOwnExtension(sender, browser.runtime.id)) return undefined;
      const insert = InsertDraftCommand.safeParse(message);
      if (insert.success) {
        sendResponse(insertDraft(document, { text: insert.data.text, subject: insert.data.subject }, composes));
        return true;
      }
      // "Draft reply" reads only the thread on screen: subject, senders, dates and bodies.
      if (ReadThreadCommand.safeParse(message).success) {
        sendResponse({ thread: readOpenThread(document) });
        return true;
      }
      // Before a reply is inserted: Gmail's own Reply button opens the inline reply, then Gmail fills its body.
      if (OpenReplyCommand.safeParse(message).success) {
        const outcome = openInlineReply(document);
        if (outcome === 'opened') void inlineReplyReady(document).then(() => sendResponse(outcome));
        else sendResponse(outcome);
        return true;
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onCommand);

    ctx.onInvalidated(() => {
      observer?.disconnect();
      stopTracking();
      browser.runtime.onMessage.removeListener(onCommand);
    });
  },
});
