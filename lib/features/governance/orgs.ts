import { z } from 'zod/mini';
import type { KeyValueStore } from '../../browser/store';
import { ENABLED_ORGS_KEY } from './keys';

/**
 * The enabled orgs as the options page lists them. OrgRegistry (lib/orgs) keeps them under this key and offers no
 * listing or disabling yet; these two read and write the same record with the same shape. When OrgRegistry gains
 * list() and disable(), this file should delegate to it.
 */
const EnabledOrgs = z.record(z.string(), z.object({ apiHost: z.string(), enabledAt: z.string() }));

export interface EnabledOrg {
  orgId: string;
  apiHost: string;
  enabledAt: string;
}

export async function listEnabledOrgs(store: Pick<KeyValueStore, 'get'>): Promise<EnabledOrg[]> {
  const stored = EnabledOrgs.safeParse(await store.get(ENABLED_ORGS_KEY));
  if (!stored.success) return [];
  return Object.entries(stored.data)
    .map(([orgId, org]) => ({ orgId, ...org }))
    .sort((a, b) => a.apiHost.localeCompare(b.apiHost));
}

/** Groundwork stops reading from the org; the panel asks to enable it again the next time it is seen. */
export async function disableOrg(store: KeyValueStore, orgId: string): Promise<void> {
  const stored = EnabledOrgs.safeParse(await store.get(ENABLED_ORGS_KEY));
  if (!stored.success || !(orgId in stored.data)) return;
  const remaining = Object.fromEntries(Object.entries(stored.data).filter(([id]) => id !== orgId));
  await store.set(ENABLED_ORGS_KEY, remaining);
}

