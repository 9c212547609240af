/**
 * Who the rep is in an org, for the audit trail: the user of the org's session, read from the sandbox's OAuth
 * userinfo over real HTTP, once per session.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, IdbAuditBackend } from '../../../lib/audit';
import { currentUsers } from '../../../lib/salesforce/current-user';
import { orgIdOfSid, type ApiSession } from '../../../lib/salesforce/session';
import { API_HOST } from '../sandbox/salesforce-client';
import { memoryStore } from '../memory-store';
import { startSandboxClients, type SandboxClients } from './org-client-harness';

let sandbox: SandboxClients;
beforeAll(async () => {
  sandbox = await startSandboxClients();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => sandbox.org.sf.reset());

/** The org id as the extension knows it: the 15 characters its session ids start with. */
const orgId = (): string => orgIdOfSid(sandbox.org.sf.primary.sid) ?? '';

function usersWith(sid: string | null, enabled = true) {
  return currentUsers({
    cookies: { sidFor: async (url) => (url === `https://${API_HOST}/` ? sid : null), allSids: async () => (sid ? [{ domain: API_HOST, value: sid }] : []) },
    identityOf: async (id) => (enabled && id === orgId() ? { orgId: id, apiHost: API_HOST } : null),
    cache: memoryStore(),
    get: (session: ApiSession, path) => sandbox.client(session.sessionId).request('GET', path),
  });
}

const userinfoCalls = () => sandbox.org.sf.log.filter((entry) => entry.path === '/services/oauth2/userinfo').length;

describe('currentUsers', () => {
  it('names the user behind the org’s session, asking Salesforce once per session', async () => {
    const org = sandbox.org.sf.primary;
    const userOf = usersWith(org.sid);
    expect(await userOf(orgId())).toEqual({ id: org.users.full.id, name: org.users.full.name });
    expect(await userOf(orgId())).toEqual({ id: org.users.full.id, name: org.users.full.name });
    expect(userinfoCalls()).toBe(1);
  });

  it('tells two users of one org apart by their sessions', async () => {
    const org = sandbox.org.sf.primary;
    expect(await usersWith(org.restrictedSid)(orgId())).toEqual({ id: org.users.restricted.id, name: org.users.restricted.name });
  });

  it('asks nothing of an org the rep has not enabled, or without a session', async () => {
    const org = sandbox.org.sf.primary;
    expect(await usersWith(org.sid, false)(orgId())).toBeNull();
    expect(await usersWith(null)(orgId())).toBeNull();
    expect(userinfoCalls()).toBe(0);
  });

  it('stamps audit entries that name an org with its user, and leaves others (and given users) alone', async () => {
    const org = sandbox.org.sf.primary;
    const log = new AuditLog(new IdbAuditBackend('audit-user-test'), { userOf: usersWith(org.sid) });
    const stamped = await log.record({ feature: 'summary', orgId: orgId() });
    const noOrg = await log.record({ feature: 'summary' });
    const given = await log.record({ feature: 'summary', orgId: orgId(), user: { id: '005000000000001AAA' } });
    expect(stamped.user).toEqual({ id: org.users.full.id, name: org.users.full.name });
    expect(noOrg.user).toBeUndefined();
    expect(given.user).toEqual({ id: '005000000000001AAA' });
  });

  it('records the entry without a user when the look-up fails', async () => {
    const log = new AuditLog(new IdbAuditBackend('audit-user-test-2'), { userOf: async () => Promise.reject(new Error('offline')) });
    expect((await log.record({ feature: 'summary', orgId: orgId() })).user).toBeUndefined();
  });
});
