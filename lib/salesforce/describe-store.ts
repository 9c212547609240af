/**
 * Describes kept in local storage, per org, user and API version, so that the first record after the service worker
 * restarts (it stops after 30 s idle) or the browser reopens costs its one context request instead of a describe
 * request first. Describes carry field-level security, so they are the user's own: the key names the user behind the
 * session, known without a request once any feature has looked it up this session (a session's first describes are
 * saved after a look-up made off the critical path).
 *
 * Bounded: at most MAX_OBJECTS objects per org and user (the least recently fetched go first) and MAX_USERS org-user
 * sets in all; every entry expires with the describe lifetime the client uses (OrgClient), and the client forgets an
 * object here too when the org proves its describe out of date (INVALID_FIELD).
 */
import { z } from 'zod/mini';
import type { KeyValueStore } from '../browser/store';
import { ObjectDescribe } from './context/api';
import type { SalesforceUser, UserLookup } from './current-user';
import type { ApiSession } from './session';

export const MAX_OBJECTS = 40;
export const MAX_USERS = 4;
const INDEX_KEY = 'describes:index';

const Entry = z.object({ describe: z.nullable(ObjectDescribe), fetchedAt: z.number() });
export type DescribeEntry = z.infer<typeof Entry>;
const Kept = z.record(z.string(), Entry);
const Index = z.array(z.object({ key: z.string(), usedAt: z.number() }));

/** One org-user's kept describes, by lower-case object name. */
export interface DescribeStore {
  load(): Promise<Map<string, DescribeEntry>>;
  save(entries: ReadonlyMap<string, DescribeEntry>): Promise<void>;
  forget(keys: readonly string[]): Promise<void>;
}

export interface DescribeStoreDeps {
  local: KeyValueStore;
  apiVersion: string;
  /** The user behind the session when already known (no request), for loading. */
  knownUser(session: ApiSession): Promise<SalesforceUser | null>;
  /** The user behind the session, looked up when not known yet, for saving. */
  userOf: UserLookup;
  now(): number;
}

export function describeStoreFor(session: ApiSession, deps: DescribeStoreDeps): DescribeStore {
  const keyFor = (user: SalesforceUser): string => `describes:${session.orgId}:${user.id}:v${deps.apiVersion}`;
  const read = async (key: string): Promise<Record<string, DescribeEntry>> => {
    const kept = Kept.safeParse(await deps.local.get(key));
    return kept.success ? kept.data : {};
  };
  // Saves of one store run one after another: two batches of describes fetched at once must not drop each other.
  let writing: Promise<unknown> = Promise.resolve();
  const update = (user: Promise<SalesforceUser | null>, change: (kept: Record<string, DescribeEntry>) => Record<string, DescribeEntry>) => {
    const next = writing.then(async () => {
      const found = await user;
      if (!found) return;
      const key = keyFor(found);
      await deps.local.set(key, newestFirst(change(await read(key))).slice(0, MAX_OBJECTS).reduce(intoRecord, {}));
      await touch(deps, key);
    });
    writing = next.catch(() => undefined);
    return next;
  };
  return {
    load: async () => {
      const user = await deps.knownUser(session);
      return new Map(user ? Object.entries(await read(keyFor(user))) : []);
    },
    save: (entries) => update(deps.userOf(session), (kept) => ({ ...kept, ...Object.fromEntries(entries) })),
    forget: (keys) =>
      update(deps.knownUser(session), (kept) => Object.fromEntries(Object.entries(kept).filter(([name]) => !keys.includes(name)))),
  };
}

const newestFirst = (kept: Record<string, DescribeEntry>): [string, DescribeEntry][] =>
  Object.entries(kept).sort(([, a], [, b]) => b.fetchedAt - a.fetchedAt);

const intoRecord = (record: Record<string, DescribeEntry>, [name, entry]: [string, DescribeEntry]): Record<string, DescribeEntry> => ({
  ...record,
  [name]: entry,
});

/** Marks an org-user set as used, and drops the sets used longest ago beyond MAX_USERS. */
async function touch(deps: Pick<DescribeStoreDeps, 'local' | 'now'>, key: string): Promise<void> {
  const parsed = Index.safeParse(await deps.local.get(INDEX_KEY));
  const others = (parsed.success ? parsed.data : []).filter((item) => item.key !== key);
  const index = [{ key, usedAt: deps.now() }, ...others.sort((a, b) => b.usedAt - a.usedAt)];
  for (const dropped of index.slice(MAX_USERS)) await deps.local.remove(dropped.key);
  await deps.local.set(INDEX_KEY, index.slice(0, MAX_USERS));
}
