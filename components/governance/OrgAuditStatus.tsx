import { useCallback, useEffect, useState } from 'react';
import type { AuditLog } from '../../lib/audit';
import { onLocalChange, type KeyValueStore } from '../../lib/browser';
import { ENABLED_ORGS_KEY } from '../../lib/features/governance/keys';
import { orgAuditStatus, type OrgAuditStatus as Status } from '../../lib/features/governance/org-audit/queue';
import { ORG_AUDIT_ALARM_MINUTES, ORG_AUDIT_STATE_KEY } from '../../lib/features/governance/org-audit/sink';
import { listEnabledOrgs } from '../../lib/features/governance/orgs';
import type { EffectiveSettings } from '../../lib/settings';
import { count, dateTime } from './format';
import { Section } from './fields';
import { plural, t } from '../../lib/i18n';

/**
 * Where the org sink stands, for the rep and whoever supports them: on or off (the policy decides), how many events
 * went, how many wait and for which org, and why they wait. Read from the sink's own cursor and the chain, again
 * whenever the sink records progress.
 */
export function OrgAuditStatus({ log, local, policy }: { log: AuditLog; local: KeyValueStore; policy: EffectiveSettings['orgAudit'] }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [hosts, setHosts] = useState<Map<string, string>>(new Map());
  const reload = useCallback(() => {
    void orgAuditStatus(log, local).then(setStatus);
    void listEnabledOrgs(local).then((orgs) => setHosts(new Map(orgs.map((org) => [org.orgId, org.apiHost]))));
  }, [log, local]);

  useEffect(() => {
    reload();
    return onLocalChange([ORG_AUDIT_STATE_KEY, ENABLED_ORGS_KEY], reload);
  }, [reload]);

  if (!policy.enabled) {
    return (
      <Section title={t('orgAuditNotice_title')} id="gw-audit-org">
        <p data-testid="org-audit-status" data-enabled="false">
          {t('orgAudit_off')}
        </p>
      </Section>
    );
  }
  const state = status?.state ?? null;
  const waiting = status?.waiting ?? [];
  const waitingTotal = waiting.reduce((sum, org) => sum + org.events, 0);
  const every = plural('orgAudit_minutes', ORG_AUDIT_ALARM_MINUTES);
  const problem = state?.denied
    ? `${state.denied.message} ${t('orgAudit_asksAgain', { every })}`
    : waitingTotal > 0 && state?.waiting
      ? `${state.waiting} ${t('orgAudit_kept', { every })}`
      : null;
  return (
    <Section title={t('orgAuditNotice_title')} id="gw-audit-org">
      <p className="slds-m-bottom_small" data-testid="org-audit-status" data-enabled="true">
        {policy.content === 'redacted-text' ? t('orgAudit_onText') : t('orgAudit_onEvents')}
      </p>
      {status !== null && (
        <dl className="slds-dl_horizontal">
          <dt className="slds-dl_horizontal__label">{t('orgAudit_sent')}</dt>
          <dd className="slds-dl_horizontal__detail" data-testid="org-audit-sent" data-sent={state?.sent ?? 0}>
            {plural('orgAudit_events', state?.sent ?? 0)}
            {state?.lastSentAt ? t('orgAudit_lastOn', { when: dateTime(state.lastSentAt) }) : ''}
          </dd>
          <dt className="slds-dl_horizontal__label">{t('orgAudit_waiting')}</dt>
          <dd className="slds-dl_horizontal__detail" data-testid="org-audit-waiting" data-events={waitingTotal}>
            {waiting.length === 0 ? (
              t('orgAudit_nothingWaiting')
            ) : (
              <ul>
                {waiting.map((org, index) => (
                  <li key={org.orgId} data-testid="org-audit-waiting-org" data-org-id={org.orgId} data-events={org.events}>
                    {hosts.get(org.orgId) ?? org.orgId}: {plural('orgAudit_events', org.events)}
                    {waiting.length > 1 ? ` (${index === 0 ? t('orgAudit_sentFirst') : t('orgAudit_sentAfter')})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          {problem && (
            <>
              <dt className="slds-dl_horizontal__label">{t('orgAudit_why')}</dt>
              <dd className="slds-dl_horizontal__detail" data-testid="org-audit-problem">
                {problem}
              </dd>
            </>
          )}
          {(state?.rejected ?? 0) > 0 && (
            <>
              <dt className="slds-dl_horizontal__label">{t('orgAudit_refused')}</dt>
              <dd className="slds-dl_horizontal__detail" data-testid="org-audit-rejected">
                {count(state?.rejected ?? 0)}: {state?.lastRejection}
              </dd>
            </>
          )}
        </dl>
      )}
    </Section>
  );
}
