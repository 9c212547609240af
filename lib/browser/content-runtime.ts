/**
 * The extension API a content script uses, as a small interface (its own module, so a content script bundles nothing
 * else of lib/browser): its extension's id, messages to the background, and commands from it.
 */
import { browser } from 'wxt/browser';
import type { Sender } from '../messaging/senders';

/** A command listener: answers with `respond` and returns true when it will, else undefined (another may answer). */
export type RuntimeCommandListener<Answer> = (message: unknown, sender: Sender, respond: (answer: Answer) => void) => true | undefined;

export interface ContentRuntime<Answer> {
  extensionId: string;
  /** Sends a message to the background; rejects while it restarts. */
  report(message: unknown): Promise<unknown>;
  /** Listens for the background's commands; returns the function that stops. */
  onCommand(listener: RuntimeCommandListener<Answer>): () => void;
}

export function contentRuntime<Answer>(): ContentRuntime<Answer> {
  return {
    extensionId: browser.runtime.id,
    report: (message) => browser.runtime.sendMessage(message),
    onCommand(listener) {
      const wrapped = (message: unknown, sender: Sender, respond: (answer: Answer) => void): true | undefined => listener(message, sender, respond);
      browser.runtime.onMessage.addListener(wrapped);
      return () => browser.runtime.onMessage.removeListener(wrapped);
    },
  };
}
