/**
 * Where Salesforce credentials may go: a whole working session (sign in with OAuth, read a record, generate a summary
 * with the model, let the access token expire and refresh, audit and export) over real HTTP against the sandbox org
 * and the sandbox Messages API. Afterwards no token (access, refresh, or the browser's session id) is found in clear
 * in any storage area, in the audit log or its exports, or in any request to a host that is not the org's.
 */
import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationService } from '../../../lib/features/generate';
import { createGovernance } from '../../../lib/features/governance';
import { streamGeneration } from '../../../lib/model';
import { OrgRegistry } from '../../../lib/orgs';
import { currentUsers } from '../../../lib/salesforce/current-user';
import { isApiHost } from '../../../lib/salesforce/hosts';
import { saveSettings } from '../../../lib/settings';
import { createMessagesApi } from '../../sandbox/anthropic';
import { loopbackFetch } from '../../sandbox/loopback-fetch';
import { ACME } from '../../sandbox/salesforce/seed';
import { resetWorld, startOAuthWorld, type OAuthWorld } from './oauth-harness';

let world: OAuthWorld;
let modelServer: Server;

beforeAll(async () => {
  world = await startOAuthWorld();
  const model = createMessagesApi({ chunkDelayMs: 0 });
  modelServer = createServer((req, res) => void model.handler(req, res));
  await new Promise<void>((resolve) => modelServer.listen(0, '127.0.0.1', resolve));
  world.routes.set('api.anthropic.com', loopbackFetch((modelServer.address() as AddressInfo).port));
  await resetWorld(world);
});
afterAll(async () => {
  await world.close();
  await new Promise((resolve) => modelServer.close(resolve));
});

describe('Salesforce tokens', () => {
  it('never appear in storage in clear, in the audit or its exports, or in a request to another host', async () => {
    const { local, session } = world;
    await world.control('api-access-control', { on: true });
    await saveSettings(local, { anthropicApiKey: 'sk-ant-sandbox-key-0000' });
    const orgs = new OrgRegistry(local);
    const browserSession = world.apiSession();
    const org = { orgId: browserSession.orgId, apiHost: browserSession.apiHost };
    await orgs.enable(org);
    await orgs.markUsed(org);
    const governance = createGovernance({
      local,
      session,
      orgs,
      now: () => new Date(),
      managed: { get: async () => undefined },
      userOf: currentUsers({
        cookies: { sidFor: async () => browserSession.sessionId, allSids: async () => [] },
        identityOf: (orgId) => orgs.identityOf(orgId),
        cache: session,
        get: (apiSession, path) => world.sessions.client(apiSession).request('GET', path),
      }),
    });
    const generations = new GenerationService({
      store: local,
      slots: session,
      modelSettings: (feature) => governance.modelSettings(feature),
      promptVariant: async () => 'A',
      stream: streamGeneration,
      prohibitedPhrases: async () => [],
      redaction: () => governance.redaction(),
      audit: governance.audit,
      keepAlive: () => () => undefined,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    });

    await world.oauth.signIn(org, browserSession.sessionId);
    const client = world.sessions.client(browserSession);
    const ref = { recordId: ACME.accounts.globex.id, sobject: 'Account' };
    const graph = await client.context(ref);
    const target = { slotKey: 'record:test', recordId: ref.recordId, graph, lastVisit: null, changes: [], api: client };
    const summary = await generations.generate(target, 'summary', null);
    expect(summary.status).toBe('done');
    await world.control('oauth/expire-access-tokens');
    await client.context(ref);

    const secrets = new Set<string>([browserSession.sessionId, (await world.vault.refreshToken(org.orgId)) ?? '']);
    for (const entry of world.org.sf.log) {
      const bearer = /^Bearer (.+)$/.exec(entry.headers.authorization ?? '')?.[1];
      if (bearer) secrets.add(bearer);
    }
    secrets.delete('');
    expect(secrets.size).toBeGreaterThanOrEqual(4);

    const elsewhere = world.sent.filter((request) => !isApiHost(new URL(request.url).hostname));
    expect(elsewhere.length).toBeGreaterThan(0);
    const audit = await governance.log.query();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit[0]?.user?.id).toBe(ACME.users.admin.id);
    const places: [string, string][] = [
      ['local storage', JSON.stringify(await Promise.all(local.keys().map((key) => local.get(key))))],
      ['session storage', JSON.stringify(await Promise.all(session.keys().map((key) => session.get(key))))],
      ['the audit log', JSON.stringify(audit)],
      ['the JSON export', await governance.log.exportJson()],
      ['the CSV export', await governance.log.exportCsv()],
      ...elsewhere.map((request): [string, string] => [`a request to ${request.url}`, JSON.stringify(request)]),
    ];
    for (const [place, text] of places) {
      for (const secret of secrets) expect({ place, leaked: text.includes(secret) }).toEqual({ place, leaked: false });
    }
  });
});
