import { isSalesforceHost } from '../salesforce/hosts';

/** The parts of `runtime.MessageSender` the checks read. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; windowId?: number };
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** A message from our own content script running in a Salesforce tab; anything else is ignored. */
export function salesforceTabOf(sender: Sender, extensionId: string): number | null {
  if (sender.id !== extensionId || sender.tab?.id === undefined) return null;
  const host = hostOf(sender.url);
  return host && isSalesforceHost(host) ? sender.tab.id : null;
}

/** A message from our own content script running in a tab on one of `hosts` (the mail clients' hosts). */
export function tabOnHostsOf(sender: Sender, extensionId: string, hosts: readonly string[]): number | null {
  if (sender.id !== extensionId || sender.tab?.id === undefined) return null;
  const host = hostOf(sender.url);
  return host && hosts.includes(host) ? sender.tab.id : null;
}

/** A message from our options page (opened in a tab or in the extensions page): the rep's own settings screen. */
export function isOptionsPage(sender: Sender, extensionId: string, optionsUrl: string): boolean {
  return sender.id === extensionId && sender.url !== undefined && sender.url.split(/[?#]/)[0] === optionsUrl;
}

/** A port or message from one of our own extension pages (side panel, options), never from a web page. */
export function isExtensionPage(sender: Sender, extensionOrigin: string): boolean {
  return sender.id !== undefined && sender.url !== undefined && sender.url.startsWith(extensionOrigin) && sender.tab === undefined;
}
