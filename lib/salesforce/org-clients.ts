import type { OrgClient } from './client';
import type { ApiSession } from './session';

/** Clients kept: one per live session, and a browser holds few (orgs the rep uses, the odd re-login). */
export const MAX_ORG_CLIENTS = 16;

/** The org client of an API session: the same one for every feature that asks with that session. */
export type ClientFor = (session: ApiSession) => OrgClient;

/**
 * One OrgClient per org and API session, shared by every feature (the record view, Ask, the write path, Gmail,
 * morning prep), so an object's describe is fetched once however many features use it. Keyed by the session itself,
 * in memory only: a re-login as someone else gets a client of its own and never another user's describes (they carry
 * field-level security). `create` makes the client (SalesforceSessions.client: it decides what its calls carry).
 */
export function sharedOrgClients(create: ClientFor): ClientFor {
  const clients = new Map<string, OrgClient>();
  return (session) => {
    const key = `${session.orgId}|${session.apiHost}|${session.sessionId}`;
    const client = clients.get(key) ?? create(session);
    // Most recently used last; sessions that ended (a re-login, another org) drop off past the bound.
    clients.delete(key);
    clients.set(key, client);
    for (const oldest of clients.keys()) {
      if (clients.size <= MAX_ORG_CLIENTS) break;
      clients.delete(oldest);
    }
    return client;
  };
}
