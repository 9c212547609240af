/**
 * Sandbox controls for what an org's admin sets in Setup about API access and connected apps (documented with the
 * other controls at the top of `../index.ts`). Each takes the JSON body of the control request.
 */
import type { Org } from '../org';
import { DEFAULT_SESSION_TIMEOUT_MS, type ConnectedApp } from './server';

export type ControlInput = Record<string, unknown>;

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Setup → App Manager → New Connected App; answers the consumer key. */
export function registerConnectedApp(org: Org, input: ControlInput): Pick<ConnectedApp, 'clientId' | 'name' | 'callbackUrls'> {
  const callbackUrls = strings(input.callbackUrls);
  if (!callbackUrls?.length) throw new Error('callbackUrls (a list of URLs) is required');
  const scopes = strings(input.scopes);
  const requirePkce = flag(input.requirePkce);
  const preAuthorized = flag(input.preAuthorized);
  const app = org.oauth.registerApp({
    callbackUrls,
    ...(typeof input.clientId === 'string' ? { clientId: input.clientId } : {}),
    ...(typeof input.name === 'string' ? { name: input.name } : {}),
    ...(scopes ? { scopes } : {}),
    ...(requirePkce === undefined ? {} : { requirePkce }),
    ...(preAuthorized === undefined ? {} : { preAuthorized }),
  });
  return { clientId: app.clientId, name: app.name, callbackUrls: app.callbackUrls };
}

/** Company settings "API Enabled" (the edition), or one user's profile permission with `username`. */
export function setApiEnabled(org: Org, input: ControlInput): void {
  const on = input.on === true;
  if (typeof input.username !== 'string') {
    org.apiEnabled = on;
    return;
  }
  const user = org.findUserByUsername(input.username);
  if (!user) throw new Error(`no user ${input.username} in ${org.name}`);
  if (on) org.usersWithoutApi.delete(user.id);
  else org.usersWithoutApi.add(user.id);
}

/** Session Settings → Timeout value, for connected apps' access tokens issued from now on. */
export function setSessionTimeout(org: Org, input: ControlInput): void {
  const seconds = Number(input.seconds ?? DEFAULT_SESSION_TIMEOUT_MS / 1000);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('seconds must be a positive number');
  org.oauth.sessionTimeoutMs = seconds * 1000;
}

/** Runs an org control by its path below `/__sandbox/`; false when the path is not one of these. */
export function runOAuthControl(org: Org, method: string, path: string, input: ControlInput): { handled: boolean; result?: unknown } {
  switch (`${method} ${path}`) {
    case 'POST /__sandbox/connected-apps':
      return { handled: true, result: registerConnectedApp(org, input) };
    case 'POST /__sandbox/api-enabled':
      setApiEnabled(org, input);
      return { handled: true };
    case 'POST /__sandbox/oauth/session-timeout':
      setSessionTimeout(org, input);
      return { handled: true };
    case 'POST /__sandbox/oauth/expire-access-tokens':
      org.oauth.expireAccessTokens();
      return { handled: true };
    case 'POST /__sandbox/oauth/revoke-all':
      org.oauth.revokeAll(typeof input.clientId === 'string' ? input.clientId : undefined);
      return { handled: true };
    default:
      return { handled: false };
  }
}
