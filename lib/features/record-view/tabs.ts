import { z } from 'zod/mini';
import type { KeyValueStore } from '../../browser/store';
import { MailSender } from '../../messaging/mail-sender';

/** What a tab is showing, kept in session storage because the service worker can stop at any time. */
export const TabState = z.object({
  url: z.string(),
  windowId: z.number(),
  /** In Gmail: the open message's sender, as the Gmail content script reported it. */
  sender: z._default(z.nullable(MailSender), null),
});
export type TabState = z.infer<typeof TabState>;

const tabKey = (tabId: number): string => `tab:${tabId}`;

export class TabRegistry {
  constructor(private readonly store: KeyValueStore) {}

  async get(tabId: number): Promise<TabState | null> {
    const stored = TabState.safeParse(await this.store.get(tabKey(tabId)));
    return stored.success ? stored.data : null;
  }

  async set(tabId: number, state: TabState): Promise<void> {
    await this.store.set(tabKey(tabId), state);
  }

  async remove(tabId: number): Promise<void> {
    await this.store.remove(tabKey(tabId));
  }
}
