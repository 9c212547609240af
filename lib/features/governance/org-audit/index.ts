/**
 * The org sink wired to the worker: the shared audit log (each append asks for a send, a moment later so that a burst
 * of entries goes in one request), the policy and redaction in force, and the org client every feature shares.
 */
import type { AuditLog } from '../../../audit';
import type { KeyValueStore } from '../../../browser/store';
import { redactText } from '../../../context/redact';
import type { OrgRegistry } from '../../../orgs';
import type { UserLookup } from '../../../salesforce/current-user';
import type { ClientFor } from '../../../salesforce/org-clients';
import { sessionOfOrg, type CookieJar } from '../../../salesforce/session';
import { compileRedactionPatterns } from '../../../settings';
import type { SettingsSource } from '../sources';
import { OrgAuditSink } from './sink';
import { readTeamUsage } from './team-usage';
import type { TeamUsageReply, TeamUsageRequest } from './team-messages';

export { OrgAuditSink, OrgAuditState, ORG_AUDIT_ALARM, ORG_AUDIT_ALARM_MINUTES, ORG_AUDIT_STATE_KEY, EVENTS_PER_REQUEST } from './sink';
export { EVENT_OBJECT, EVENT_KEY_FIELD, eventFields, historyFrom } from './events';
export { readTeamUsage } from './team-usage';
export { orgAuditStatus, type OrgAuditStatus } from './queue';
export { TeamUsageRequest, TeamUsageReply, TeamUsage, TeamGroup } from './team-messages';
export { ADMIN_PERMISSION_SET } from './team-queries';

/** How long the sink waits after an append before sending, so that entries recorded together travel together. */
export const SEND_DELAY_MS = 400;

export interface OrgAuditWiring {
  log: AuditLog;
  local: KeyValueStore;
  settings: SettingsSource;
  orgs: { identityOf(orgId: string): Promise<{ orgId: string; apiHost: string } | null> };
  cookies: CookieJar;
  /** The org client of a session: the one every feature shares (its credential: lib/salesforce/credentials.ts). */
  clientFor: ClientFor;
  now(): Date;
}

export function createOrgAuditSink(wiring: OrgAuditWiring): OrgAuditSink {
  const sink = new OrgAuditSink({
    log: wiring.log,
    store: wiring.local,
    policy: async () => (await wiring.settings.effective()).orgAudit,
    redact: async () => {
      const effective = await wiring.settings.effective();
      const patterns = compileRedactionPatterns([...effective.settings.redaction.extraPatterns, ...effective.orgRedaction.extraPatterns]);
      return (text) => redactText(text, [], patterns).text;
    },
    clientFor: async (orgId) => {
      const org = await wiring.orgs.identityOf(orgId);
      const session = org ? await sessionOfOrg(org, wiring.cookies) : null;
      return session ? wiring.clientFor(session) : null;
    },
    now: wiring.now,
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  wiring.log.onAppend(() => {
    timer ??= setTimeout(() => {
      timer = null;
      void sink.flush();
    }, SEND_DELAY_MS);
  });
  return sink;
}

export interface TeamUsageWiring {
  orgs: Pick<OrgRegistry, 'identityOf' | 'lastUsed'>;
  cookies: CookieJar;
  clientFor: ClientFor;
  /** Who the rep is behind a session (userinfo, looked up once per session). */
  userOfSession: UserLookup;
}

/** The team's usage from an enabled org, read with the rep's own session there (team-usage.ts). */
export function teamUsageReader(wiring: TeamUsageWiring): (request: TeamUsageRequest) => Promise<TeamUsageReply> {
  return (request) =>
    readTeamUsage(
      {
        // Left to choose, the org of the last record viewed (if it is still enabled).
        org: async (orgId) => {
          const chosen = orgId ?? (await wiring.orgs.lastUsed())?.orgId;
          return chosen ? wiring.orgs.identityOf(chosen) : null;
        },
        connect: async (org) => {
          const session = await sessionOfOrg(org, wiring.cookies);
          if (!session) return null;
          const client = wiring.clientFor(session);
          return { client, userId: (await wiring.userOfSession(session)).id };
        },
      },
      request,
    );
}
