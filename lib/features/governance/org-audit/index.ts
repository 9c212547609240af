/**
 * The org sink wired to the worker: the shared audit log (each append asks for a send, a moment later so that a burst
 * of entries goes in one request), the policy and redaction in force, and the org client every feature shares.
 */
import type { AuditLog } from '../../../audit';
import type { KeyValueStore } from '../../../browser/store';
import { redactText } from '../../../context/redact';
import type { ClientFor } from '../../../salesforce/org-clients';
import { sessionOfOrg, type CookieJar } from '../../../salesforce/session';
import { compileRedactionPatterns } from '../../../settings';
import type { SettingsSource } from '../sources';
import { OrgAuditSink } from './sink';

export { OrgAuditSink, OrgAuditState, ORG_AUDIT_ALARM, ORG_AUDIT_ALARM_MINUTES, ORG_AUDIT_STATE_KEY, DENIED_MESSAGE, EVENTS_PER_REQUEST } from './sink';
export { EVENT_OBJECT, EVENT_KEY_FIELD, eventFields, historyFrom } from './events';

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
