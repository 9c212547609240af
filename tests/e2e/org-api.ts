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

const API = '/services/data/v62.0';

/** The records of a SOQL query, run as the org's admin (or the session given). */
export async function orgQuery<T>(sandbox: Sandbox, soql: string, sid?: string): Promise<T[]> {
  const reply = await orgRequest(sandbox, { method: 'GET', path: `${API}/query?q=${encodeURIComponent(soql)}`, ...(sid ? { sid } : {}) });
  return (reply.body as { records: T[] }).records;
}

/** Assigns a permission set to a user as an admin does (`sf org assign permset`): a PermissionSetAssignment; its status. */
export async function assignPermissionSet(sandbox: Sandbox, permissionSet: string, userId: string): Promise<number> {
  const [set] = await orgQuery<{ Id: string }>(sandbox, `SELECT Id FROM PermissionSet WHERE Name = '${permissionSet}'`);
  const reply = await orgRequest(sandbox, { method: 'POST', path: `${API}/sobjects/PermissionSetAssignment`, body: { AssigneeId: userId, PermissionSetId: set?.Id } });
  return reply.status;
}

/** Reads until `done` holds (what the extension sends in the background takes a moment), at most 20 s; the last read. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < 80 && !done(value); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}
