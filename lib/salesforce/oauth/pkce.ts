/** RFC 7636 (PKCE, S256) and the `state` value, from the platform's cryptographic random source. */

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes, base64url: 43 characters, 256 bits (the RFC's recommended verifier, and a state nobody can guess). */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function s256Challenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export interface AuthorizationRequestSecrets {
  verifier: string;
  challenge: string;
  state: string;
}

/** A fresh verifier, its S256 challenge and a state, for one authorization request. */
export async function newAuthorizationSecrets(): Promise<AuthorizationRequestSecrets> {
  const verifier = randomToken();
  return { verifier, challenge: await s256Challenge(verifier), state: randomToken() };
}
