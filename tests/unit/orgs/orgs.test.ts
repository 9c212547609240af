import { describe, expect, it } from 'vitest';
import { OrgRegistry } from '../../../lib/orgs';
import { memoryStore } from '../memory-store';

const ACME = { orgId: '00D5g000004Acme', apiHost: 'acme.my.salesforce.com' };

describe('org enablement', () => {
  it('knows no org until the rep enables it, then remembers it', async () => {
    const store = memoryStore();
    expect(await new OrgRegistry(store).isEnabled(ACME.orgId)).toBe(false);
    await new OrgRegistry(store).enable(ACME);
    expect(await new OrgRegistry(store).isEnabled(ACME.orgId)).toBe(true);
    expect(await new OrgRegistry(store).isEnabled('00D5g000007Othr')).toBe(false);
  });

  it('ignores a corrupted stored list instead of trusting it', async () => {
    const store = memoryStore();
    await store.set('orgs:enabled', 'not a map');
    expect(await new OrgRegistry(store).isEnabled(ACME.orgId)).toBe(false);
  });

  it('remembers the last org used for Gmail look-ups', async () => {
    const orgs = new OrgRegistry(memoryStore());
    expect(await orgs.lastUsed()).toBeNull();
    await orgs.markUsed(ACME);
    expect(await orgs.lastUsed()).toEqual(ACME);
  });
});
