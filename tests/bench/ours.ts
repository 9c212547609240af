/**
 * Groundwork's own client, run in Node exactly as the extension runs it: lib/salesforce's OrgClient, whose transport
 * calls the global fetch, pointed at the sandbox.
 */
import { OrgClient } from '../../lib/salesforce/client';
import { singleSession } from '../../lib/salesforce/credentials';
import type { DescribeStore } from '../../lib/salesforce/describe-store';
import type { BenchOrg } from './org';

const directFetch = globalThis.fetch;

/** The global fetch for the bench: Salesforce hosts go to the sandbox org, a loopback address (the model API) directly. */
function salesforceToSandbox(org: BenchOrg): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return url.hostname === '127.0.0.1' ? directFetch(input, init) : org.fetch(input, init);
  };
}

/**
 * A new client (empty describe cache, or the describes `kept` for its org and user) on the bench org, as the full user or
 * the session `sid`. The bench points the global fetch at the sandbox for the
 * whole run, except the loopback address where the bench serves the Messages API.
 */
export function groundworkClient(org: BenchOrg, sid = org.sid, kept?: DescribeStore): OrgClient {
  globalThis.fetch = salesforceToSandbox(org);
  const session = { orgId: sid.slice(0, 15), apiHost: org.apiHost, sessionId: sid };
  return new OrgClient(session, singleSession(session), kept);
}
