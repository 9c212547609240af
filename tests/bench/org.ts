/**
 * The sandbox org for the Node-side figures: the fake Salesforce on a plain HTTP port, and a fetch that sends
 * `https://acme.my.salesforce.com/…` there with the real host in the Host header (how the sandbox picks the org). The
 * Groundwork client and the naive integration both go through this one fetch, so they pay the same transport.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSalesforce, type SalesforceFake } from '../fakes/salesforce';
import type { RequestLogEntry } from '../fakes/http';

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

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function bodyOf(init: RequestInit | undefined): string | Uint8Array | undefined {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new Error('the bench fetch sends string or byte bodies only');
}

/** A fetch that reaches 127.0.0.1:port whatever the URL's host, keeping that host in the Host header. */
function loopbackFetch(port: number): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const body = bodyOf(init);
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
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
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
