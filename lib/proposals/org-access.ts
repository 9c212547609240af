/**
 * The org clients and describes the write path uses. One OrgClient per session (never shared across users), and the
 * write describes (which carry the rep's field-level security) cached in memory per client for a few minutes: the
 * review is re-validated against them on every edit without a request each time. A stopped worker reads them again.
 */
import type { FeatureDeps } from '../features/handler';
import type { OrgRegistry } from '../orgs';
import type { OrgClient, OrgClientFor } from '../salesforce/client';
import { lightningHostFor } from '../salesforce/hosts';
import { findApiSession, sessionOfOrg, type ApiSession, type CookieJar } from '../salesforce/session';
import { fetchWriteDescribes, type WriteDescribes, type WriteObjectDescribe } from './describe';

const DESCRIBE_TTL_MS = 10 * 60 * 1000;

interface Entry {
  client: OrgClient;
  describes: Map<string, { describe: WriteObjectDescribe | null; at: number }>;
}

export interface WriteAccess {
  client: OrgClient;
  lightningHost: string;
  describes(objectNames: readonly string[]): Promise<WriteDescribes>;
}

export class WriteClients {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly cookies: CookieJar,
    private readonly orgs: OrgRegistry,
    private readonly clientFor: OrgClientFor,
  ) {}

  /** The org of a Salesforce page (the record in view). */
  async forPage(pageUrl: string): Promise<WriteAccess | null> {
    const session = await findApiSession(pageUrl, this.cookies);
    return session ? this.access(session) : null;
  }

  /** The org of the last record the rep viewed (a context-menu click on any other site). */
  async forLastOrg(): Promise<WriteAccess | null> {
    const org = await this.orgs.lastUsed();
    if (!org) return null;
    const session = await sessionOfOrg(org, this.cookies);
    return session ? this.access(session) : null;
  }

  private access(session: ApiSession): WriteAccess {
    // In memory only: the session id is never written to storage.
    const key = `${session.apiHost}|${session.sessionId}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { client: this.clientFor(session), describes: new Map() };
      this.entries.set(key, entry);
    }
    const { client, describes } = entry;
    return {
      client,
      lightningHost: lightningHostFor(session.apiHost),
      describes: (objectNames) => cachedDescribes(client, describes, objectNames),
    };
  }
}

const clientsByDeps = new WeakMap<FeatureDeps, WriteClients>();

/** The write path's features (log a note, extract a lead) share one set of org clients and cached describes. */
export function clientsFor(deps: FeatureDeps): WriteClients {
  let clients = clientsByDeps.get(deps);
  if (!clients) {
    clients = new WriteClients(deps.cookies, deps.orgs, deps.clientFor);
    clientsByDeps.set(deps, clients);
  }
  return clients;
}

async function cachedDescribes(
  client: OrgClient,
  cache: Entry['describes'],
  objectNames: readonly string[],
): Promise<WriteDescribes> {
  const now = Date.now();
  const fresh = (name: string): boolean => (cache.get(name.toLowerCase())?.at ?? 0) > now - DESCRIBE_TTL_MS;
  const missing = [...new Set(objectNames.map((name) => name.toLowerCase()))].filter((name) => !fresh(name));
  if (missing.length > 0) {
    const fetched = await fetchWriteDescribes(client, missing);
    for (const name of missing) cache.set(name, { describe: fetched.get(name) ?? null, at: now });
  }
  return { get: (name) => cache.get(name.toLowerCase())?.describe ?? undefined };
}
