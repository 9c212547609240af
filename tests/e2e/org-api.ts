import { request } from 'node:https';
import type { Sandbox } from '../sandbox/sandbox';

export interface OrgResponse {
  status: number;
  body: unknown;
}

/**
 * A REST call to a sandbox org as another Salesforce user or integration would make it (not through the extension):
 * to change records behind the rep's back, or to read what the extension wrote.
 */
export function orgRequest(
  sandbox: Sandbox,
  options: { method: string; path: string; body?: unknown; sid?: string; apiHost?: string },
): Promise<OrgResponse> {
  const apiHost = options.apiHost ?? sandbox.org.primary.apiHost;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port: sandbox.ports.org,
        servername: apiHost,
        method: options.method,
        path: options.path,
        // The sandbox's certificate is self-signed and generated per run; this client talks only to it, on loopback.
        rejectUnauthorized: false,
        headers: {
          Host: apiHost,
          Authorization: `Bearer ${options.sid ?? sandbox.org.primary.sid}`,
          ...(payload ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null });
        });
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}
