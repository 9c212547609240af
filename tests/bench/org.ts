/**
 * The sandbox org for the Node-side figures: the fake Salesforce on a plain HTTP port, and a fetch that sends
 * `https://acme.my.salesforce.com/…` there with the real host in the Host header (how the sandbox picks the org). The
 * Groundwork client and the naive integration both go through this one fetch, so they pay the same transport.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSalesforce, type SalesforceFake } from '../sandbox/salesforce';
import type { RequestLogEntry } from '../sandbox/http';
import { loopbackFetch } from '../sandbox/loopback-fetch';

export const API_VERSION_PATH = '/services/data/v62.0';

export interface BenchOrg {
  sf: SalesforceFake;
  apiHost: string;
  sid: string;
  fetch: typeof fetch;
  /** REST API requests (not pages, not sandbox controls) since the last clearLog(). */
  apiRequests(): RequestLogEntry[];
  close(): Promise<void>;
}

export async function startBenchOrg(latencyMs: number): Promise<BenchOrg> {
  const sf = createSalesforce({ latencyMs });
  const server: Server = createServer((req, res) => {
    Promise.resolve(sf.handler(req, res)).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  // Keep-alive as a browser would: neither side pays a TCP handshake per request.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    sf,
    apiHost: sf.primary.apiHost,
    sid: sf.primary.sid,
    fetch: loopbackFetch(port),
    apiRequests: () => sf.log.filter((entry) => entry.path.startsWith('/services/data/')),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
