/** The web mail clients Groundwork works in. A new one is a module beside these, added to the list. */
import type { MailClient } from '../client';
import { gmail } from './gmail';
import { outlook } from './outlook';

export const MAIL_CLIENTS: readonly MailClient[] = [gmail, outlook];

/** Every mail client's content-script match patterns (the host permissions they need). */
export const MAIL_MATCHES: readonly string[] = MAIL_CLIENTS.flatMap((client) => client.matches);

/** The mail client a page belongs to, by its exact host name (look-alike hosts are not). */
export function mailClientOf(url: string | null | undefined): MailClient | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'https:') return null;
    return MAIL_CLIENTS.find((client) => client.hosts.includes(hostname)) ?? null;
  } catch {
    return null;
  }
}

export const isMailUrl = (url: string | null | undefined): url is string => mailClientOf(url) !== null;

/** The open conversation's id in a mail client's address; null elsewhere or in a list view. */
export function conversationIdOf(url: string | null): string | null {
  const client = mailClientOf(url);
  return client && url ? client.conversationIdOf(new URL(url)) : null;
}

export { gmail, outlook };
