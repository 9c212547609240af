/**
 * The transport over Node's real fetch (which follows redirects by default, as a browser does), against two local
 * servers: the org's API host and another host a redirect points to.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { singleSession } from '../../../lib/salesforce/credentials';
import { SalesforceProblem } from '../../../lib/salesforce/problems';
import { SalesforceTransport } from '../../../lib/salesforce/transport';

const SESSION = { orgId: '00D000000000001', apiHost: 'acme.my.salesforce.com', sessionId: '00D000000000001!session-secret' };

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

const servers: Server[] = [];

async function listen(answer: (request: IncomingMessage, body: string) => { status: number; headers?: Record<string, string>; body?: string }): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
      const reply = answer(request, body);
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(reply.body ?? '');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

/** The global fetch with the org's https host mapped to a local plain-HTTP port; the request's own options untouched. */
function toLocal(port: number): typeof fetch {
  return (input, init) => fetch(String(input).replace(`https://${SESSION.apiHost}`, `http://127.0.0.1:${port}`), init);
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('Salesforce transport', () => {
  it('never follows a redirect: the session and the body go to no other host, and the call fails', async () => {
    const elsewhere = await listen(() => ({ status: 200, body: '{"id":"001000000000001AAA","success":true}' }));
    for (const status of [301, 302, 303, 307, 308]) {
      const org = await listen(() => ({ status, headers: { location: `http://127.0.0.1:${elsewhere.port}/collect` } }));
      const transport = new SalesforceTransport(singleSession(SESSION), toLocal(org.port));
      const call = transport.request('POST', '/services/data/v62.0/sobjects/Account', { Name: 'Globex' });
      await expect(call).rejects.toBeInstanceOf(SalesforceProblem);
      expect(org.seen).toHaveLength(1);
    }
    expect(elsewhere.seen).toEqual([]);
  });

  it('reads an ordinary answer', async () => {
    const org = await listen(() => ({ status: 200, body: '{"totalSize":0,"done":true,"records":[]}' }));
    const transport = new SalesforceTransport(singleSession(SESSION), toLocal(org.port));
    await expect(transport.request('GET', '/services/data/v62.0/query?q=SELECT+Id+FROM+Account')).resolves.toEqual({ totalSize: 0, done: true, records: [] });
    expect(org.seen[0]?.authorization).toBe(`Bearer ${SESSION.sessionId}`);
  });
});
