import { describe, expect, it } from 'vitest';
import { TokenVault, type SignedInOrg } from '../../../lib/salesforce/oauth';
import { memoryStore } from '../memory-store';

const ORG: SignedInOrg = {
  orgId: '00D5g000004Acme',
  apiHost: 'acme.my.salesforce.com',
  clientId: '3MVG9exampleexampleexample',
  user: { id: '005000000000001AAA', name: 'Alex Rivera', username: 'alex.rivera@acme.example' },
  signedInAt: '2026-11-21T17:00:00.000Z',
};
const ACCESS = '00D5g000004Acme!AQaccess-token-value-that-must-never-be-stored-in-clear';
const REFRESH = '5Aep861refresh-token-value-that-must-never-be-stored-in-clear';

async function newVault() {
  const local = memoryStore();
  const session = memoryStore();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { local, session, key, vault: new TokenVault({ local, session, key: async () => key }) };
}

async function dump(store: ReturnType<typeof memoryStore>): Promise<string> {
  const entries = await Promise.all(store.keys().map(async (key) => [key, await store.get(key)]));
  return JSON.stringify(entries);
}

describe('the token vault', () => {
  it('gives the tokens back, keeping only ciphertext in local and session storage', async () => {
    const { local, session, vault } = await newVault();
    await vault.save(ORG, { accessToken: ACCESS, refreshToken: REFRESH });
    expect(await vault.accessToken(ORG.orgId)).toBe(ACCESS);
    expect(await vault.refreshToken(ORG.orgId)).toBe(REFRESH);
    for (const stored of [await dump(local), await dump(session)]) {
      expect(stored).not.toContain(ACCESS);
      expect(stored).not.toContain(REFRESH);
      expect(stored).not.toContain('access-token-value');
      expect(stored).not.toContain('refresh-token-value');
    }
    expect(await dump(local)).toContain('Alex Rivera');
    expect(await vault.signedIn(ORG.orgId)).toEqual(ORG);
  });

  it('keys its ciphertext with a key that cannot be exported', async () => {
    const { key } = await newVault();
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('opens nothing under another key (another profile), and nothing moved to another org', async () => {
    const first = await newVault();
    await first.vault.save(ORG, { accessToken: ACCESS, refreshToken: REFRESH });
    const otherKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const stranger = new TokenVault({ local: first.local, session: first.session, key: async () => otherKey });
    expect(await stranger.refreshToken(ORG.orgId)).toBeNull();
    expect(await stranger.accessToken(ORG.orgId)).toBeNull();

    const signIns = (await first.local.get('salesforce-oauth:sign-ins')) as Record<string, Record<string, unknown>>;
    const other = '00D5g000007Glbx';
    signIns[other] = { ...signIns[ORG.orgId], orgId: other };
    await first.local.set('salesforce-oauth:sign-ins', signIns);
    expect(await first.vault.refreshToken(other)).toBeNull();
  });

  it('forgets an org entirely', async () => {
    const { local, session, vault } = await newVault();
    await vault.save(ORG, { accessToken: ACCESS, refreshToken: REFRESH });
    await vault.forget(ORG.orgId);
    expect(await vault.signedIn(ORG.orgId)).toBeNull();
    expect(await vault.accessToken(ORG.orgId)).toBeNull();
    expect(await dump(local)).not.toContain('Alex Rivera');
    expect(await dump(session)).not.toContain(ORG.orgId);
  });
});
