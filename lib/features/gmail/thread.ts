/**
 * Reading the thread open in Gmail (for "Draft reply") and opening an inline reply under its newest message. Only what
 * is on screen is read: Gmail keeps threads opened earlier in the page, hidden, and those are never sent anywhere.
 */
import { z } from 'zod';
import { isRendered, scanComposes } from './compose';
import { GMAIL } from './selectors';

/**
 * The thread's parts, beyond what selectors.ts already names (message, sender). Same rules: meaning-carrying
 * attributes where Gmail has them, never translated labels. (These belong in selectors.ts; kept here until its owner
 * moves them.)
 */
export const THREAD = {
  /** The open thread's subject heading. */
  subject: 'h2.hP',
  /** A message's date; its `title` holds the full date, the text may be relative ("2 days ago"). */
  date: 'span.g3',
  /** A message's body as Gmail renders it. */
  body: '.a3s',
  /** The "Reply" button in the reply area under a message. */
  replyButton: '.ip .ams.bkH',
} as const;

/** The most a thread may weigh in a prompt: the newest messages are kept, older ones cut first. */
export const MAX_THREAD_CHARS = 12_000;
const MAX_MESSAGE_CHARS = 6_000;

/** Background → Gmail content script: the open thread's text, please. */
export const ReadThreadCommand = z.object({ type: z.literal('gmail-read-thread') });
/** Background → Gmail content script: make sure an inline reply to the open thread's newest message is open. */
export const OpenReplyCommand = z.object({ type: z.literal('gmail-open-reply') });

export const ThreadMessage = z.object({
  from: z.string().max(300),
  email: z.string().max(300),
  date: z.string().max(200),
  body: z.string().max(MAX_MESSAGE_CHARS),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

export const OpenThread = z.object({
  subject: z.string().max(1000),
  /** Oldest first, as Gmail shows them. */
  messages: z.array(ThreadMessage).min(1).max(100),
});
export type OpenThread = z.infer<typeof OpenThread>;

/** The content script's answer to ReadThreadCommand: null when no thread is on screen. */
export const ReadThreadAnswer = z.object({ thread: OpenThread.nullable() });

export const OpenReplyOutcome = z.enum(['opened', 'already-open', 'no-thread', 'dom-changed']);
export type OpenReplyOutcome = z.infer<typeof OpenReplyOutcome>;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Visible text with line breaks: innerText where layout exists, textContent otherwise (unit tests). */
function textOf(element: Element): string {
  const rendered = 'innerText' in element && typeof element.innerText === 'string' ? element.innerText : '';
  const text = rendered || (element.textContent ?? '');
  return text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function visibleMessages(root: ParentNode): Element[] {
  return [...root.querySelectorAll(GMAIL.message)].filter(isRendered);
}

function readMessage(message: Element): ThreadMessage {
  const sender = message.querySelector(GMAIL.sender);
  const date = message.querySelector(THREAD.date);
  const body = message.querySelector(THREAD.body);
  return {
    from: clip(sender?.getAttribute('name') ?? '', 300),
    email: clip(sender?.getAttribute('email') ?? '', 300),
    date: clip(date?.getAttribute('title') || (date?.textContent ?? ''), 200),
    body: clip(body ? textOf(body) : '', MAX_MESSAGE_CHARS),
  };
}

/** The thread on screen, newest messages kept within MAX_THREAD_CHARS; null when none is open. */
export function readOpenThread(doc: Document): OpenThread | null {
  const messages = visibleMessages(doc).map(readMessage);
  if (messages.length === 0) return null;
  const subjects = [...doc.querySelectorAll(THREAD.subject)].filter(isRendered);
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
 * Opens an inline reply under the newest message on screen by clicking Gmail's own Reply button, so Gmail builds the
 * compose (recipients, hidden subject, quoted text) exactly as for the rep's click. An inline reply already open in
 * the thread is used as it is.
 */
export function openInlineReply(doc: Document): OpenReplyOutcome {
  const messages = visibleMessages(doc);
  const newest = messages[messages.length - 1];
  if (!newest) return 'no-thread';
  const open = scanComposes(doc).composes.some((compose) => compose.kind === 'inline' && messages.some((message) => message.contains(compose.root)));
  if (open) return 'already-open';
  const button = newest.querySelector<HTMLElement>(THREAD.replyButton);
  if (!button) return 'dom-changed';
  button.click();
  return 'opened';
}

/** Resolves once the thread has an inline reply whose body Gmail has filled (signature or quote), or after `timeoutMs`. */
export function inlineReplyReady(doc: Document, timeoutMs = 2000): Promise<boolean> {
  const ready = (): boolean =>
    scanComposes(doc).composes.some((compose) => compose.kind === 'inline' && compose.body.querySelector(GMAIL.notTheRepsText) !== null);
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
