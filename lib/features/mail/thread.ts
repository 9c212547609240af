/**
 * Reading the conversation open in a mail client (for "Draft reply") and opening an inline reply to its newest
 * message. Only what is on screen is read: Gmail keeps threads opened earlier in the page, hidden, and those are never
 * sent anywhere.
 */
import { z } from 'zod/mini';
import { MailSender } from '../../messaging/mail-sender';
import { isRendered, type MailDom } from './client';
import { scanComposes } from './compose';

/** The most a thread may weigh in a prompt: the newest messages are kept, older ones cut first. */
export const MAX_THREAD_CHARS = 12_000;
const MAX_MESSAGE_CHARS = 6_000;

/** Background → mail content script: the open thread's text, please. */
export const ReadThreadCommand = z.object({ type: z.literal('mail-read-thread') });
/** Background → mail content script: make sure an inline reply to the open thread's newest message is open. */
export const OpenReplyCommand = z.object({ type: z.literal('mail-open-reply') });

export const ThreadMessage = z.object({
  from: z.string().check(z.maxLength(300)),
  email: z.string().check(z.maxLength(300)),
  date: z.string().check(z.maxLength(200)),
  body: z.string().check(z.maxLength(MAX_MESSAGE_CHARS)),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

export const OpenThread = z.object({
  subject: z.string().check(z.maxLength(1000)),
  /** Oldest first, as the client shows them. */
  messages: z.array(ThreadMessage).check(z.minLength(1), z.maxLength(100)),
});
export type OpenThread = z.infer<typeof OpenThread>;

/** The content script's answer to ReadThreadCommand: null when no thread is on screen. */
export const ReadThreadAnswer = z.object({ thread: z.nullable(OpenThread) });

export const OpenReplyOutcome = z.enum(['opened', 'already-open', 'no-thread', 'dom-changed']);
export type OpenReplyOutcome = z.infer<typeof OpenReplyOutcome>;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Visible text with line breaks: innerText where layout exists, textContent otherwise (unit tests). */
function textOf(element: Element): string {
  const rendered = 'innerText' in element && typeof element.innerText === 'string' ? element.innerText : '';
  const text = rendered || (element.textContent ?? '');
  return text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function visibleMessages(dom: MailDom, root: ParentNode): Element[] {
  return dom.messagesIn(root).filter(isRendered);
}

function readMessage(dom: MailDom, message: Element): ThreadMessage {
  const sender = dom.senderOf(message);
  const body = dom.bodyOf(message);
  return {
    from: clip(sender?.name ?? '', 300),
    email: clip(sender?.email ?? '', 300),
    date: clip(dom.dateOf(message), 200),
    body: clip(body ? textOf(body) : '', MAX_MESSAGE_CHARS),
  };
}

/** The sender of the newest message on screen, or null when no conversation is open (inbox, search…). */
export function openMessageSender(dom: MailDom, root: ParentNode): MailSender | null {
  const newest = visibleMessages(dom, root).at(-1);
  const parsed = MailSender.safeParse(newest ? dom.senderOf(newest) : null);
  return parsed.success ? parsed.data : null;
}

/** The thread on screen, newest messages kept within MAX_THREAD_CHARS; null when none is open. */
export function readOpenThread(dom: MailDom, doc: Document): OpenThread | null {
  const messages = visibleMessages(dom, doc).map((message) => readMessage(dom, message));
  if (messages.length === 0) return null;
  const subjects = [...doc.querySelectorAll(dom.threadSubject)].filter(isRendered);
  const kept: ThreadMessage[] = [];
  let size = 0;
  for (const message of [...messages].reverse()) {
    size += message.body.length + message.from.length + message.date.length;
    if (kept.length > 0 && size > MAX_THREAD_CHARS) break;
    kept.unshift(message);
  }
  return { subject: clip(subjects[0]?.textContent?.trim() ?? '', 1000), messages: kept.slice(-100) };
}

/** The thread as the prompt carries it: one block a message, oldest first. */
export function threadText(thread: OpenThread): string {
  const blocks = thread.messages.map(
    (message) => `From: ${message.from} <${message.email}>\nDate: ${message.date}\n\n${message.body}`,
  );
  return [`Subject: ${thread.subject}`, ...blocks].join('\n\n---\n\n');
}

/**
 * Opens an inline reply to the newest message on screen by clicking the client's own Reply button, so the client builds
 * the compose (recipients, subject, quoted text) exactly as for the rep's click. An inline reply already open in the
 * conversation is used as it is.
 */
export function openInlineReply(dom: MailDom, doc: Document): OpenReplyOutcome {
  const newest = visibleMessages(dom, doc).at(-1);
  if (!newest) return 'no-thread';
  if (scanComposes(dom, doc).composes.some((compose) => compose.kind === 'inline')) return 'already-open';
  const button = dom.replyButtonOf(newest);
  if (!button) return 'dom-changed';
  button.click();
  return 'opened';
}

/** Resolves once an inline reply's body has been filled by the client (signature or quote), or after `timeoutMs`. */
export function inlineReplyReady(dom: MailDom, doc: Document, timeoutMs = 2000): Promise<boolean> {
  const ready = (): boolean =>
    scanComposes(dom, doc).composes.some((compose) => compose.kind === 'inline' && compose.body.querySelector(dom.notTheRepsText) !== null);
  return new Promise((resolve) => {
    if (ready()) {
      resolve(true);
      return;
    }
    const started = Date.now();
    const timer = setInterval(() => {
      const done = ready();
      if (done || Date.now() - started > timeoutMs) {
        clearInterval(timer);
        resolve(done);
      }
    }, 50);
  });
}
