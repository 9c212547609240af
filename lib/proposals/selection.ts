/**
 * Text the rep selected on a page and sent with a right-click ("Extract to Lead", "Add to a Salesforce note").
 *
 * A long selection (an attendee list, a long thread) is read by the model in parts: one structured answer holds only
 * so many people before it reaches its output limit, so each part is kept small enough for its people to fit. Parts
 * are exact, consecutive pieces of the text, cut at blank lines where possible, else at line ends, else at spaces, so
 * every quote the model copies from a part is a quote from the whole selection.
 */

import type { FeatureBrowser } from '../browser';
import type { ContextMenuClick } from '../messaging/feature-handler';

/**
 * The whole selection with its line breaks, read from the page (the menu's own `selectionText` flattens them and is cut
 * short); the menu's text when the page cannot be read. At most `maxChars`.
 */
export async function readSelection(browser: Pick<FeatureBrowser, 'selectedText'>, click: ContextMenuClick, maxChars: number): Promise<string> {
  const full = await browser.selectedText(click.tab.id, click.frameId).catch(() => '');
  return (full.trim() ? full : (click.selectionText ?? '')).slice(0, maxChars);
}

/** About fifty one-line attendees, or a dozen signatures: what one answer of the extract-lead prompt holds. */
export const SELECTION_PART_CHARS = 3_000;

const BREAKS = [/\n[ \t]*\n/g, /\n/g, /[ \t]+/g];

/** The last place at or before `limit` (and after `from`) where `pattern` ends, or -1. */
function lastBreak(text: string, from: number, limit: number, pattern: RegExp): number {
  let found = -1;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match && match.index + match[0].length <= limit; match = pattern.exec(text)) {
    if (match.index > from) found = match.index + match[0].length;
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  return found;
}

/** The text in consecutive parts of at most `maxChars` characters (one part when it fits); joined, they are the text. */
export function splitSelection(text: string, maxChars = SELECTION_PART_CHARS): string[] {
  if (maxChars < 1) throw new Error('a part holds at least one character');
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > maxChars) {
    const limit = start + maxChars;
    const cut = BREAKS.map((pattern) => lastBreak(text, start, limit, pattern)).find((at) => at > start) ?? limit;
    parts.push(text.slice(start, cut));
    start = cut;
  }
  if (start < text.length || parts.length === 0) parts.push(text.slice(start));
  return parts;
}

/** Model calls of one selection running together: a long list reads faster, within the API's rate limits. */
export const PARTS_AT_ONCE = 2;

/** Runs `work` over the items, `limit` at a time; the outcomes come back in the items' order. */
export async function settledInOrder<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const outcomes: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      outcomes[index] = await work(items[index] as T).then(
        (value): PromiseFulfilledResult<R> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return outcomes;
}
