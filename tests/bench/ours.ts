/**
 * Groundwork's own client, run in Node exactly as the extension runs it: lib/salesforce's OrgClient on jsforce's browser
 * build (loaded through jsforce-browser-hooks.mjs, the bundler rules WXT applies), its fetch pointed at the sandbox.
 */
import { register } from 'node:module';
import type { OrgClient as OrgClientType } from '../../lib/salesforce/client';
import type { BenchOrg } from './org';

let loaded: Promise<typeof OrgClientType> | undefined;

/** OrgClient's class, imported once the hooks that give it jsforce's browser build are in place. */
function orgClientClass(): Promise<typeof OrgClientType> {
  loaded ??= (async () => {
    register('./jsforce-browser-hooks.mjs', import.meta.url);
    return (await import('../../lib/salesforce/client')).OrgClient;
  })();
  return loaded;
}

/**
 * A new client (empty describe cache) on the bench org. jsforce's browser build calls the global fetch, so the bench
 * points the global fetch at the sandbox for the whole run; nothing else in the process fetches.
 */
export async function groundworkClient(org: BenchOrg): Promise<OrgClientType> {
  const OrgClient = await orgClientClass();
  globalThis.fetch = org.fetch;
  return new OrgClient({ orgId: org.sid.slice(0, 15), apiHost: org.apiHost, sessionId: org.sid }, async () => null);
}
