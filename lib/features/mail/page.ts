/**
 * The mail content script's work in a Gmail or Outlook page, the same for every client: report which message is open
 * (its sender only), track compose windows, and answer the background's commands (insert a draft, read the open
 * thread, open an inline reply). Everything it starts stops when `signal` aborts (the extension reloaded or updated).
 */
import type { ContentRuntime } from '../../browser/content-runtime';
import type { MailReport } from '../../messaging/protocol';
import type { MailClient } from './client';
import { ComposeTracker, lastComposeUse } from './compose';
import { ComposeUseQuery, InsertDraftCommand, isFromOwnExtension, type ComposeUse, type InsertOutcome } from './content-messages';
import { insertDraft } from './insert';
import { OpenReplyCommand, ReadThreadCommand, inlineReplyReady, openInlineReply, openMessageSender, readOpenThread, type OpenReplyOutcome } from './thread';

/** The client renders a conversation a moment after the route changes; look for its sender this long. */
const RENDER_WAIT_MS = 3000;
/** Clients render in bursts; read once a burst of changes has passed. */
const SETTLE_MS = 50;

export type CommandAnswer = InsertOutcome | OpenReplyOutcome | ComposeUse | { thread: ReturnType<typeof readOpenThread> };

/** What the page script needs of the extension (the entrypoint wires the browser's runtime API). */
export interface MailPageRuntime extends ContentRuntime<CommandAnswer> {
  /** Calls back on in-page navigation (the clients are single-page apps). */
  onLocationChange(listener: () => void): void;
}

export function runMailPage(client: MailClient, doc: Document, runtime: MailPageRuntime, signal: AbortSignal): void {
  const dom = client.dom;
  const view = doc.defaultView;
  if (!view) return;
  let lastReported = '';
  let observer: MutationObserver | null = null;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (work: () => void, ms: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };

  const report = (): void => {
    const message: MailReport = { type: 'mail-message', url: doc.location.href, sender: openMessageSender(dom, doc) };
    const key = JSON.stringify(message);
    if (key === lastReported) return;
    lastReported = key;
    runtime.report(message).catch(() => {
      // The background is restarting; the next route change reports again.
    });
  };

  // The route event comes before the client re-renders: watch the page for a short while and report what settles.
  const watchRoute = (): void => {
    observer?.disconnect();
    let scheduled = false;
    observer = new view.MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      later(() => {
        scheduled = false;
        report();
      }, SETTLE_MS);
    });
    observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'style', 'class'] });
    later(report, 0);
    later(() => observer?.disconnect(), RENDER_WAIT_MS);
  };

  watchRoute();
  runtime.onLocationChange(watchRoute);

  // Which compose the rep used last and where their caret was: the side panel's click takes the focus away.
  const composes = new ComposeTracker(doc, dom);
  const stopTracking = composes.start();

  // Only the extension's own background may ask; each answer is what happened, for the panel to show.
  const stopCommands = runtime.onCommand((message, sender, respond) => {
    if (!isFromOwnExtension(sender, runtime.extensionId)) return undefined;
    const insert = InsertDraftCommand.safeParse(message);
    if (insert.success) {
      respond(insertDraft(doc, { text: insert.data.text, subject: insert.data.subject }, client, composes));
      return true;
    }
    // Which of the rep's mail tabs holds the compose they used last.
    if (ComposeUseQuery.safeParse(message).success) {
      respond({ usedAt: lastComposeUse(composes) });
      return true;
    }
    // "Draft reply" reads only the thread on screen: subject, senders, dates and bodies.
    if (ReadThreadCommand.safeParse(message).success) {
      respond({ thread: readOpenThread(dom, doc) });
      return true;
    }
    // Before a reply is inserted: the client's own Reply button opens the inline reply, then the client fills its body.
    if (OpenReplyCommand.safeParse(message).success) {
      const outcome = openInlineReply(dom, doc);
      if (outcome === 'opened') void inlineReplyReady(dom, doc).then(() => respond(outcome));
      else respond(outcome);
      return true;
    }
    return undefined;
  });

  signal.addEventListener(
    'abort',
    () => {
      observer?.disconnect();
      for (const timer of timers) clearTimeout(timer);
      stopTracking();
      stopCommands();
    },
    { once: true },
  );
}
