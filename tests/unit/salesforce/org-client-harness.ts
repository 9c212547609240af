/**
 * Test helper: an OrgClient talking to the sandbox org over real HTTP, as the extension would. The client calls
 * `https://acme.my.salesforce.com/…` exactly as in production; `loopbackFetch` (stubbed as the global fetch) sends each
 * request to the sandbox's plain HTTP port on 127.0.0.1 with the URL's host as the Host header, which is how the
 * sandbox picks the org. No test switch in OrgClient is needed.
 */
import { vi } from 'vitest';
import { OrgClient } from '../../../lib/salesforce/client';
import { singleSession } from '../../../lib/salesforce/credentials';
import type { RequestLogEntry } from '../../sandbox/http';
import { loopbackFetch } from '../../sandbox/loopback-fetch';
import { API_HOST, startOrg, type OrgUnderTest } from '../sandbox/salesforce-client';

export interface SandboxClients {
  org: OrgUnderTest;
  /** A fresh client (empty describe cache) for a session; the full user's by default. */
  client(sid?: string): OrgClient;
  /** REST API requests the org received, in order. */
  apiRequests(): RequestLogEntry[];
  /** The subrequest URLs of every composite request the org received. */
  subrequestUrls(): string[][];
  /** The SOQL of every query subrequest the org received. */
  soqlSent(): string[];
  close(): Promise<void>;
}

interface CompositeBody {
  compositeRequest: { url: string }[];
}

export async function startSandboxClients(): Promise<SandboxClients> {
  const org = await startOrg();
  vi.stubGlobal('fetch', loopbackFetch(org.port));
  const apiRequests = (): RequestLogEntry[] => org.sf.log.filter((entry) => entry.path.startsWith('/services/data/'));
  const subrequestUrls = (): string[][] =>
    apiRequests()
      .filter((entry) => entry.path.endsWith('/composite'))
      .map((entry) => (JSON.parse(entry.body) as CompositeBody).compositeRequest.map((sub) => sub.url));
  return {
    org,
    client: (sid = org.sf.primary.sid) => {
      const session = { orgId: sid.slice(0, 15), apiHost: API_HOST, sessionId: sid };
      return new OrgClient(session, singleSession(session));
    },
    apiRequests,
    subrequestUrls,
    soqlSent: () =>
      subrequestUrls()
        .flat()
        .flatMap((url) => new URL(url, `https://${API_HOST}`).searchParams.get('q') ?? []),
    close: async () => {
      vi.unstubAllGlobals();
      await org.close();
    },
  };
}
