/**
 * Where an org's OAuth sign-in is kept. The refresh token lives in the lasting store (it must outlive the browser session)
 * and the access token in session storage (memory only, gone when the browser closes); both only as AES-GCM
 * ciphertext under a key that cannot leave this browser profile (lib/browser/token-key.ts). Each ciphertext is bound
 * to its org and kind, so one cannot be passed off as another. Who signed in (ids, names) is kept in clear: it is not a
 * secret, and the options page lists it.
 */
import { z } from 'zod/mini';
import type { KeyValueStore } from '../../browser/store';
import { base64url } from './pkce';

/** The local-storage key of who is signed in where (the options page watches it). */
export const SIGN_INS_KEY = 'salesforce-oauth:sign-ins';
const ACCESS_KEY = 'salesforce-oauth:access';

const Sealed = z.object({ iv: z.string(), data: z.string() });
type Sealed = z.infer<typeof Sealed>;

export const SignedInOrg = z.object({
  /** 15 characters. */
  orgId: z.string().check(z.length(15)),
  apiHost: z.string(),
  clientId: z.string(),
  user: z.object({ id: z.string(), name: z.string(), username: z.string() }),
  signedInAt: z.string(),
});
export type SignedInOrg = z.infer<typeof SignedInOrg>;

const StoredSignIn = z.extend(SignedInOrg, { refreshToken: z.nullable(Sealed) });
const StoredSignIns = z.record(z.string(), StoredSignIn);
const StoredAccess = z.record(z.string(), Sealed);

/** Who is signed in to which org: what the options page lists. Reads no token. */
export async function listSignIns(local: Pick<KeyValueStore, 'get'>): Promise<SignedInOrg[]> {
  const stored = StoredSignIns.safeParse(await local.get(SIGN_INS_KEY));
  return stored.success ? Object.values(stored.data).map((signIn) => SignedInOrg.parse(signIn)) : [];
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

type TokenKind = 'refresh' | 'access';

export interface VaultDeps {
  local: KeyValueStore;
  session: KeyValueStore;
  key(): Promise<CryptoKey>;
}

export class TokenVault {
  constructor(private readonly deps: VaultDeps) {}

  async signedIn(orgId: string): Promise<SignedInOrg | null> {
    const stored = (await this.signIns())[orgId.slice(0, 15)];
    return stored ? SignedInOrg.parse(stored) : null;
  }

  async save(org: SignedInOrg, tokens: { accessToken: string; refreshToken: string | null }): Promise<void> {
    const refreshToken = tokens.refreshToken === null ? null : await this.seal('refresh', org.orgId, tokens.refreshToken);
    const signIns = await this.signIns();
    signIns[org.orgId] = { ...org, refreshToken };
    await this.deps.local.set(SIGN_INS_KEY, signIns);
    await this.saveAccessToken(org.orgId, tokens.accessToken);
  }

  async refreshToken(orgId: string): Promise<string | null> {
    const sealed = (await this.signIns())[orgId.slice(0, 15)]?.refreshToken;
    return sealed ? this.open('refresh', orgId.slice(0, 15), sealed) : null;
  }

  async accessToken(orgId: string): Promise<string | null> {
    const id = orgId.slice(0, 15);
    const stored = StoredAccess.safeParse(await this.deps.session.get(ACCESS_KEY));
    const sealed = stored.success ? stored.data[id] : undefined;
    return sealed ? this.open('access', id, sealed) : null;
  }

  async saveAccessToken(orgId: string, token: string): Promise<void> {
    const id = orgId.slice(0, 15);
    const stored = StoredAccess.safeParse(await this.deps.session.get(ACCESS_KEY));
    const access = stored.success ? stored.data : {};
    access[id] = await this.seal('access', id, token);
    await this.deps.session.set(ACCESS_KEY, access);
  }

  /** Drops everything kept for the org (after sign-out, or when Salesforce no longer honours the refresh token). */
  async forget(orgId: string): Promise<void> {
    const id = orgId.slice(0, 15);
    const signIns = await this.signIns();
    delete signIns[id];
    await this.deps.local.set(SIGN_INS_KEY, signIns);
    const stored = StoredAccess.safeParse(await this.deps.session.get(ACCESS_KEY));
    if (stored.success && id in stored.data) {
      delete stored.data[id];
      await this.deps.session.set(ACCESS_KEY, stored.data);
    }
  }

  private async signIns(): Promise<z.infer<typeof StoredSignIns>> {
    const stored = StoredSignIns.safeParse(await this.deps.local.get(SIGN_INS_KEY));
    return stored.success ? stored.data : {};
  }

  private async seal(kind: TokenKind, orgId: string, token: string): Promise<Sealed> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(`${kind}:${orgId}`) },
      await this.deps.key(),
      new TextEncoder().encode(token),
    );
    return { iv: base64url(iv), data: base64url(new Uint8Array(data)) };
  }

  /** Null when the ciphertext does not open (another profile's key, or tampered with): the sign-in is then gone. */
  private async open(kind: TokenKind, orgId: string, sealed: Sealed): Promise<string | null> {
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64url(sealed.iv), additionalData: new TextEncoder().encode(`${kind}:${orgId}`) },
        await this.deps.key(),
        fromBase64url(sealed.data),
      );
      return new TextDecoder().decode(plain);
    } catch {
      return null;
    }
  }
}
