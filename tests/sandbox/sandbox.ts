import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createGmail, type GmailFake } from './gmail';
import { createOutlook, OUTLOOK_HOSTS, type OutlookFake } from './outlook';
import { createMessagesApi, type MessagesApiFake } from './anthropic';
import { createSalesforce, type SalesforceFake } from './salesforce';
import type { Handler } from './http';
import { createTlsMaterial } from './tls';

export interface SandboxOptions {
  /** Latency added to every Salesforce request, in ms. */
  orgLatencyMs?: number;
  /** The Messages API's time to first token, in ms. */
  modelFirstTokenMs?: number;
  /** Fixed ports (0 = any free port). */
  ports?: { org?: number; model?: number; gmail?: number; outlook?: number };
}

export interface Sandbox {
  org: SalesforceFake;
  model: MessagesApiFake;
  gmail: GmailFake;
  outlook: OutlookFake;
  ports: { org: number; model: number; gmail: number; outlook: number };
  /** base64 SHA-256 of the certificate's public key, for `--ignore-certificate-errors-spki-list`. */
  spki: string;
  /** Chromium's `--host-resolver-rules` value that sends the real host names here and nothing anywhere else. */
  hostResolverRules(options?: { realModelApi?: boolean }): string;
  /** The one JSON line `npm run sandbox` prints (contract in the design). */
  readyLine(): string;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const tls = await createTlsMaterial();
  const org = createSalesforce({ latencyMs: options.orgLatencyMs ?? 0 });
  const model = createMessagesApi({ firstTokenMs: options.modelFirstTokenMs ?? 0 });
  const gmail = createGmail();
  const outlook = createOutlook();

  const servers: Server[] = [];
  const sockets = new Set<Duplex>();
  const listen = async (handler: Handler, port: number): Promise<number> => {
    const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      Promise.resolve(handler(req, res)).catch((error: unknown) => {
        console.error('sandbox handler failed', error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('sandbox error');
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };

  const ports = {
    org: await listen(org.handler, options.ports?.org ?? 0),
    model: await listen(model.handler, options.ports?.model ?? 0),
    gmail: await listen(gmail.handler, options.ports?.gmail ?? 0),
    outlook: await listen(outlook.handler, options.ports?.outlook ?? 0),
  };

  return {
    org,
    model,
    gmail,
    outlook,
    ports,
    spki: tls.spki,
    hostResolverRules({ realModelApi = false } = {}) {
      const salesforce = ['*.salesforce.com', '*.force.com', '*.salesforce-setup.com'].map(
        (pattern) => `MAP ${pattern} 127.0.0.1:${ports.org}`,
      );
      const rules = [
        ...salesforce,
        ...(realModelApi ? [] : [`MAP api.anthropic.com 127.0.0.1:${ports.model}`]),
        `MAP mail.google.com 127.0.0.1:${ports.gmail}`,
        ...OUTLOOK_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${ports.outlook}`),
      ];
      // Everything else resolves nowhere, so the browser makes no outside traffic; with a real model API the
      // catch-all must leave api.anthropic.com alone.
      rules.push(realModelApi ? 'EXCLUDE api.anthropic.com, MAP * ~NOTFOUND' : 'MAP * ~NOTFOUND');
      return rules.join(', ');
    },
    readyLine() {
      const primary = org.primary;
      return JSON.stringify({
        ready: true,
        org: {
          port: ports.org,
          apiHost: primary.apiHost,
          lightningHost: primary.lightningHost,
          orgId: primary.orgId,
          sid: primary.sid,
          restrictedSid: primary.restrictedSid,
        },
        model: { port: ports.model },
        gmail: { port: ports.gmail },
        outlook: { port: ports.outlook, hosts: OUTLOOK_HOSTS },
        tls: { spki: tls.spki },
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}
