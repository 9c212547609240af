import { openAuditLog, type AuditLog, type AuditLogOptions } from '../../audit';
import { browser } from '../../browser';
import { managedStore } from '../../browser/managed';
import type { FeatureDeps, FeatureHandler } from '../handler';
import { SETTINGS_KEY, type PolicySource } from '../../settings';
import { settingsGate } from './gate';
import { testApiKey } from './key-check';
import { createMorningPrep, MORNING_PREP_ALARM, MORNING_PREP_PERIOD_MINUTES } from '../morning-prep/morning-prep';
import { GovernanceRequest } from './protocol';
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
  /** Calls back when the rep switches morning prep on (storage.onChanged of the settings unless given). */
  onMorningPrepEnabled(listener: () => void): void;
}

/** What morning prep needs beyond the governance channel; without it (as in the channel's own tests) it is not set up. */
type PrepDeps = Pick<FeatureDeps, 'generations' | 'orgs' | 'cookies' | 'clientFor'>;

const morningPrepOf = (settings: unknown): boolean =>
  typeof settings === 'object' && settings !== null && 'morningPrep' in settings && settings.morningPrep === true;

/** The rep's settings changing from morning prep off to on. */
function watchMorningPrepEnabled(listener: () => void): void {
  browser.storage.onChanged.addListener((changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = area === 'local' ? changes[SETTINGS_KEY] : undefined;
    if (change && morningPrepOf(change.newValue) && !morningPrepOf(change.oldValue)) listener();
  });
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

/**
 * The panel's governance channel (the first-run checklist, which features to show, the budget's word), the daily
 * audit retention alarm, and morning prep (an hourly alarm, and a run as soon as the rep switches it on).
 */
export function createGovernanceHandler(deps: Pick<FeatureDeps, 'local' | 'now'> & Partial<PrepDeps>, extras?: Partial<GovernanceExtras>): FeatureHandler {
  const managed = extras?.managed ?? managedStore();
  const log = extras?.log ?? auditLog();
  const settings = settingsSource(deps.local, managed);
  const gate = settingsGate({ settings, spend: log, now: deps.now });
  const { generations, orgs, cookies, clientFor } = deps;
  // The org sink runs where the rep's sessions are (the worker): it needs the orgs and the cookies.
  const sink = orgs && cookies && clientFor ? createOrgAuditSink({ log: auditLog(), local: deps.local, settings, orgs, cookies, clientFor, now: deps.now }) : null;
  void sink?.flush();
  const orgAuditNotice = async (): Promise<string | null> => {
    const denied = (await sink?.state())?.denied;
    return denied && !denied.dismissed ? denied.message : null;
  };
  const statusDeps = { local: deps.local, gate, effective: settings.effective, testKey: extras?.testKey ?? testApiKey, now: deps.now, orgAuditNotice };
  const prep = generations && orgs && cookies && clientFor ? createMorningPrep({ settings, gate, orgs, cookies, generations, clientFor }) : null;
  if (prep) (extras?.onMorningPrepEnabled ?? watchMorningPrepEnabled)(() => void prep.run());

  return {
    name: 'governance',
    alarms: [
      { name: RETENTION_ALARM, periodInMinutes: DAY_MINUTES },
      ...(sink ? [{ name: ORG_AUDIT_ALARM, periodInMinutes: ORG_AUDIT_ALARM_MINUTES }] : []),
      ...(prep ? [{ name: MORNING_PREP_ALARM, periodInMinutes: MORNING_PREP_PERIOD_MINUTES }] : []),
    ],
    async onAlarm(name) {
      if (name === MORNING_PREP_ALARM) {
        await prep?.run();
        return;
      }
      if (name === ORG_AUDIT_ALARM) {
        await sink?.flush({ retryDenied: true });
        return;
      }
      if (name !== RETENTION_ALARM) return;
      const effective = await settings.effective();
      await log.applyRetention(effective.settings.auditRetentionDays, deps.now());
    },
    async handle(payload, panel) {
      const request = GovernanceRequest.safeParse(payload);
      if (!request.success) return;
      if (request.data.type === 'salesforce-seen') await deps.local.set(SALESFORCE_SEEN_KEY, true);
      if (request.data.type === 'dismiss-org-audit-notice') await sink?.dismissNotice();
      panel.send(await governanceStatus(statusDeps));
    },
  };
}
