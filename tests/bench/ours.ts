/**
 * Groundwork's own client, run in Node exactly as the extension runs it: lib/salesforce's OrgClient, whose transport
 * calls the global fetch, pointed at the sandbox.
 */
import { OrgClient } from '../../lib/salesforce/client';
import { singleSession } from '../../lib/salesforce/credentials';
import type { BenchOrg } from './org';

/**
 * A new client (empty describe cache) on the bench org. The bench points the global fetch at the sandbox for the
 * whole run; nothing else in the process fetches.
 */
export function groundworkClient(org: BenchOrg): OrgClient {
  globalThis.fetch = org.fetch;
  const session = { orgId: org.sid.slice(0, 15), apiHost: org.apiHost, sessionId: org.sid };
  return new OrgClient(session, singleSession(session));
}
