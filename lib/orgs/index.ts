import { z } from 'zod/mini';
import type { KeyValueStore } from '../browser/store';

/** An org as Groundwork knows it: its id, and the API host its REST calls go to. */
export const OrgIdentity = z.object({ orgId: z.string(), apiHost: z.string() });
export type OrgIdentity = z.infer<typeof OrgIdentity>;

const EnabledOrgs = z.record(z.string(), z.object({ apiHost: z.string(), enabledAt: z.string() }));
const LastOrg = z.object({ orgId: z.string(), apiHost: z.string() });

const ENABLED_KEY = 'orgs:enabled';
const LAST_USED_KEY = 'orgs:last-used';

/**
 * Which orgs the rep has enabled Groundwork for. Nothing is read from an org before the rep enables it there; the org
 * is known from the session cookie alone (its value starts with the org id), which costs no request.
 */
export class OrgRegistry {
  constructor(private readonly store: KeyValueStore) {}

  async isEnabled(orgId: string): Promise<boolean> {
    return orgId in (await this.enabled());
  }

  async enable(org: OrgIdentity, now = new Date()): Promise<void> {
    const enabled = await this.enabled();
    enabled[org.orgId] = { apiHost: org.apiHost, enabledAt: now.toISOString() };
    await this.store.set(ENABLED_KEY, enabled);
  }

  /** An enabled org's identity (its API host), or null when the rep has not enabled it. */
  async identityOf(orgId: string): Promise<OrgIdentity | null> {
    const org = (await this.enabled())[orgId];
    return org ? { orgId, apiHost: org.apiHost } : null;
  }

  /** The org of the last record the rep viewed: Gmail look-ups run there. */
  async lastUsed(): Promise<OrgIdentity | null> {
    const stored = LastOrg.safeParse(await this.store.get(LAST_USED_KEY));
    return stored.success ? stored.data : null;
  }

  async markUsed(org: OrgIdentity): Promise<void> {
    await this.store.set(LAST_USED_KEY, org);
  }

  private async enabled(): Promise<z.infer<typeof EnabledOrgs>> {
    const stored = EnabledOrgs.safeParse(await this.store.get(ENABLED_KEY));
    return stored.success ? stored.data : {};
  }
}
