import { openAuditLog, type AuditLog, type AuditLogOptions } from '../../audit';
import { managedStore } from '../../browser/managed';
import type { ChannelHandler, FeatureDeps, FeatureRegistration } from '../../messaging/feature-handler';
import type { PolicySource } from '../../settings';
import { settingsGate } from './gate';
import { testApiKey } from './key-check';
import { settingsSource } from './sources';
import { SALESFORCE_SEEN_KEY } from './keys';
import { governanceStatus } from './status';
import { createOrgAuditSink, ORG_AUDIT_ALARM, ORG_AUDIT_ALARM_MINUTES } from './org-audit';

export const RETENTION_ALARM = 'governance:audit-retention';
const DAY_MINUTES = 24 * 60;

/** What the governance handler needs beyond the common feature deps; real browser facilities unless given. */
export interface GovernanceExtras {
  managed: PolicySource;
  log: Pick<AuditLog, 'query' | 'applyRetention'>;
  testKey: typeof testApiKey;
}

let sharedLog: AuditLog | null = null;

/**
 * One audit log per context: its appends are serialized, so every writer in the worker must share it. The first call
 * (createGovernance, at the worker's start) sets its options.
 */
export function auditLog(options: AuditLogOptions = {}): AuditLog {
  sharedLog ??= openAuditLog(options);
  return sharedLog;
}

/** What the org audit sink needs besides: without it (as in the channel's own tests) entries stay in the browser. */
type SinkDeps = Pick<FeatureDeps, 'orgs' | 'cookies' | 'clientFor'>;

/**
 * The panel's governance channel (the first-run checklist, which features to show, the budget's word, the org audit's
 * notice), the daily audit retention alarm, and the sink that copies audit entries into the org when the policy asks.
 */
export function createGovernanceFeature(
  deps: Pick<FeatureDeps, 'local' | 'now'> & Partial<SinkDeps>,
  extras?: Partial<GovernanceExtras>,
): FeatureRegistration & { channel: ChannelHandler<'governance'> } {
  const managed = extras?.managed ?? managedStore();
  const log = extras?.log ?? auditLog();
  const settings = settingsSource(deps.local, managed);
  const gate = settingsGate({ settings, spend: log, now: deps.now });
  const { orgs, cookies, clientFor } = deps;
  // The org sink runs where the rep's sessions are (the worker): it needs the orgs, the cookies and the org clients.
  const sink = orgs && cookies && clientFor ? createOrgAuditSink({ log: auditLog(), local: deps.local, settings, orgs, cookies, clientFor, now: deps.now }) : null;
  void sink?.flush();
  const orgAuditNotice = async (): Promise<string | null> => {
    const denied = (await sink?.state())?.denied;
    return denied && !denied.dismissed ? denied.message : null;
  };
  const statusDeps = { local: deps.local, gate, effective: settings.effective, testKey: extras?.testKey ?? testApiKey, now: deps.now, orgAuditNotice };
  return {
    name: 'governance',
    alarms: [{ name: RETENTION_ALARM, periodInMinutes: DAY_MINUTES }, ...(sink ? [{ name: ORG_AUDIT_ALARM, periodInMinutes: ORG_AUDIT_ALARM_MINUTES }] : [])],
    async onAlarm(name) {
      if (name === ORG_AUDIT_ALARM) {
        await sink?.flush({ retryDenied: true });
        return;
      }
      if (name !== RETENTION_ALARM) return;
      const effective = await settings.effective();
      await log.applyRetention(effective.settings.auditRetentionDays, deps.now());
    },
    channel: {
      channel: 'governance',
      async handle(request, panel) {
        if (request.type === 'salesforce-seen') await deps.local.set(SALESFORCE_SEEN_KEY, true);
        if (request.type === 'dismiss-org-audit-notice') await sink?.dismissNotice();
        panel.send(await governanceStatus(statusDeps));
      },
    },
  };
}
