import { openAuditLog, type AuditLog, type AuditLogOptions } from '../../audit';
import { managedStore } from '../../browser/managed';
import type { ChannelHandler, FeatureDeps, FeatureRegistration } from '../../messaging/feature-handler';
import type { PolicySource } from '../../settings';
import { settingsGate } from './gate';
import { testApiKey } from './key-check';
import { settingsSource } from './sources';
import { SALESFORCE_SEEN_KEY } from './keys';
import { governanceStatus } from './status';

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

/** The panel's governance channel (the first-run checklist, which features to show, the budget's word) and the daily audit retention alarm. */
export function createGovernanceFeature(deps: Pick<FeatureDeps, 'local' | 'now'>, extras?: Partial<GovernanceExtras>): FeatureRegistration & { channel: ChannelHandler<'governance'> } {
  const managed = extras?.managed ?? managedStore();
  const log = extras?.log ?? auditLog();
  const settings = settingsSource(deps.local, managed);
  const gate = settingsGate({ settings, spend: log, now: deps.now });
  const statusDeps = { local: deps.local, gate, effective: settings.effective, testKey: extras?.testKey ?? testApiKey, now: deps.now };
  return {
    name: 'governance',
    alarms: [{ name: RETENTION_ALARM, periodInMinutes: DAY_MINUTES }],
    async onAlarm(name) {
      if (name !== RETENTION_ALARM) return;
      const effective = await settings.effective();
      await log.applyRetention(effective.settings.auditRetentionDays, deps.now());
    },
    channel: {
      channel: 'governance',
      async handle(request, panel) {
        if (request.type === 'salesforce-seen') await deps.local.set(SALESFORCE_SEEN_KEY, true);
        panel.send(await governanceStatus(statusDeps));
      },
    },
  };
}
