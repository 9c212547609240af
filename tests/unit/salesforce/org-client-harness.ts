/**
 * Test helper: an OrgClient talking to the sandbox org over real HTTP, as the extension would. The client calls
 * `https://acme.my.salesforce.com/…` exactly as in production; `sandboxFetch` (stubbed as the global fetch) sends each
 * request to the sandbox's plain HTTP port on 127.0.0.1 with the URL's host as the Host header, which is how the
 * sandbox picks the org. No test switch in OrgClient is needed.
 */
import { request } from 'node:http';
import { vi } from 'vitest';
import { OrgClient } from '../../../lib/salesforce/client';
import type { RequestLogEntry } from '../../fakes/http';
import { API_HOST, startOrg, type OrgUnderTest } from '../sandbox/salesforce-client';


function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** A fetch that reaches the sandbox on 127.0.0.1:port whatever the URL's host, keeping that host in the Host header. */
export function sandboxFetch(port: number): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const body = init?.body;
      const headers = { ...headersOf(init), host: url.host };
      const req = request({ host: '127.0.0.1', port, path: url.pathname + url.search, method: init?.method ?? 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? '']) responseHeaders.append(name, one);
          }
          const status = res.statusCode ?? 500;
          const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, headers: responseHeaders }));
        });
      });
      req.on('error', reject);
      if (typeof body === 'string' || body instanceof Uint8Array) req.write(body);
      else if (body !== undefined && body !== null) reject(new Error('sandboxFetch sends string or byte bodies only'));
      req.end();
    });
}

export interface SandboxClients {
  org: OrgUnderTest;
  /** A fresh client (empty describe cache) for a session; the full user's by default. */
  client(sid?: string, reread?: () => Promise<null>): OrgClient;
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
  vi.stubGlobal('fetch', sandboxFetch(org.port));
  const apiRequests = (): RequestLogEntry[] => org.sf.log.filter((entry) => entry.path.startsWith('/services/data/'));
  const subrequestUrls = (): string[][] =>
    apiRequests()
      .filter((entry) => entry.path.endsWith('/composite'))
      .map((entry) => (JSON.parse(entry.body) as CompositeBody).compositeRequest.map((sub) => sub.url));
  return {
    org,
    client: (sid = org.sf.primary.sid, reread = async () => null) =>
      new OrgClient({ orgId: sid.slice(0, 15), apiHost: API_HOST, sessionId: sid }, reread),
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
