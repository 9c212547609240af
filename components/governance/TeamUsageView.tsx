import { useEffect, useId, useState } from 'react';
import type { KeyValueStore } from '../../lib/browser/store';
import type { TeamGroup, TeamUsage, TeamUsageReply, TeamUsageRequest } from '../../lib/features/governance/org-audit/team-messages';
import { listEnabledOrgs, type EnabledOrg } from '../../lib/features/governance/orgs';
import type { AuditFeature } from '../../lib/audit';
import { AUDIT_FEATURE_LABELS } from '../../lib/features/governance/use-cases';
import { Alert } from '../shared/Alert';
import { count, percent, usd } from './format';
import { Section } from './fields';
import { plural, t, type MessageKey } from '../../lib/i18n';

/** Asks the background for the team's usage in an org (the rep's session there answers). */
export type TeamUsageSource = (request: TeamUsageRequest) => Promise<TeamUsageReply>;

type Shown = { state: 'loading' } | TeamUsageReply;

/**
 * The team's usage as the org holds it (Groundwork AI events, one per audit entry of every rep whose browser sends
 * them), for a rep with the "Groundwork AI Admin" permission set there. Everything else is said in words.
 */
export function TeamUsageView({ source, local, range }: { source: TeamUsageSource; local: KeyValueStore; range: { from: string; to: string } }) {
  const [orgs, setOrgs] = useState<EnabledOrg[] | null>(null);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ question: string; reply: TeamUsageReply } | null>(null);

  useEffect(() => void listEnabledOrgs(local).then(setOrgs), [local]);

  // Each question (org, period, attempt) shows "loading" until its own answer is in; a late answer to an earlier one is dropped.
  const question = JSON.stringify({ orgId, range, attempt });
  useEffect(() => {
    if (orgs === null) return;
    let current = true;
    const failed = (): TeamUsageReply => ({ state: 'error', org: null, message: t('team_noAnswer') });
    const only = orgs.length === 1 ? orgs[0]?.orgId : undefined;
    const asked = orgId ?? only;
    void source({ type: 'team-usage', ...(asked ? { orgId: asked } : {}), ...range })
      .catch(failed)
      .then((reply) => {
        if (current) setAnswer({ question, reply });
      });
    return () => {
      current = false;
    };
  }, [source, orgs, orgId, range, question]);

  const shown: Shown = answer?.question === question ? answer.reply : { state: 'loading' };
  const retry = { label: t('common_tryAgain'), onClick: () => setAttempt((value) => value + 1), testId: 'team-usage-retry' };
  const chosen = 'org' in shown ? shown.org?.orgId : orgId;
  return (
    <div data-testid="team-usage" data-state={shown.state}>
      {orgs !== null && orgs.length > 1 && <OrgPicker orgs={orgs} value={chosen} onChange={setOrgId} />}
      <TeamState shown={shown} retry={retry} orgsEnabled={orgs?.length ?? 0} />
    </div>
  );
}

function OrgPicker({ orgs, value, onChange }: { orgs: readonly EnabledOrg[]; value: string | undefined; onChange(orgId: string): void }) {
  const id = useId();
  return (
    <div className="slds-form-element slds-m-bottom_medium">
      <label className="slds-form-element__label" htmlFor={id}>
        {t('team_org')}
      </label>
      <div className="slds-form-element__control">
        <select id={id} className="slds-select" value={value ?? ''} onChange={(event) => onChange(event.target.value)} data-testid="team-usage-org">
          {value === undefined && <option value="">{t('team_chooseOrg')}</option>}
          {orgs.map((org) => (
            <option key={org.orgId} value={org.orgId}>
              {org.apiHost}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function TeamState({ shown, retry, orgsEnabled }: { shown: Shown; retry: { label: string; onClick(): void; testId: string }; orgsEnabled: number }) {
  switch (shown.state) {
    case 'loading':
      return (
        <p role="status" className="gw-team-loading" data-testid="team-usage-loading">
          <span className="slds-spinner slds-spinner_x-small slds-spinner_inline gw-team-spinner" aria-hidden="true">
            <span className="slds-spinner__dot-a" />
            <span className="slds-spinner__dot-b" />
          </span>
          {t('team_loading')}
        </p>
      );
    case 'no-org':
      return orgsEnabled > 0 ? (
        <p data-testid="team-usage-choose">{t('team_chooseAbove')}</p>
      ) : (
        <Alert tone="info" title={t('team_noOrgTitle')} testId="team-usage-problem">
          <p>{t('team_noOrgBody')}</p>
        </Alert>
      );
    case 'signed-out':
      return (
        <Alert tone="warning" title={t('team_signedOutTitle', { host: shown.org.apiHost })} actions={[retry]} testId="team-usage-problem">
          <p>{t('team_signedOutBody')}</p>
        </Alert>
      );
    case 'not-admin':
      return (
        <Alert tone="info" title={t('team_notAdminTitle')} testId="team-usage-problem" data={{ 'data-problem': 'not-admin' }}>
          <p>{t('team_notAdminBody', { host: shown.org.apiHost })}</p>
        </Alert>
      );
    case 'not-deployed':
      return (
        <Alert tone="info" title={t('team_notDeployedTitle')} testId="team-usage-problem" data={{ 'data-problem': 'not-deployed' }}>
          <p>{t('team_notDeployedBody', { host: shown.org.apiHost })}</p>
        </Alert>
      );
    case 'error':
      return (
        <Alert tone="error" title={t('team_errorTitle')} actions={[retry]} testId="team-usage-problem" data={{ 'data-problem': 'error' }}>
          <p>{shown.message}</p>
        </Alert>
      );
    case 'ready':
      return <TeamReport usage={shown.usage} apiHost={shown.org.apiHost} onRefresh={retry.onClick} />;
  }
}

function TeamReport({ usage, apiHost, onRefresh }: { usage: TeamUsage; apiHost: string; onRefresh(): void }) {
  const { total } = usage;
  return (
    <>
      <p className="slds-m-bottom_small" data-testid="team-usage-source">
        {t('team_source', { host: apiHost })}{' '}
        <button type="button" className="slds-button slds-button_neutral" onClick={onRefresh} data-testid="team-usage-refresh">
          {t('team_refresh')}
        </button>
      </p>
      {usage.truncated && (
        <Alert tone="warning" title={t('team_truncatedTitle')}>
          <p>{t('team_truncatedBody', { groups: 2000 })}</p>
        </Alert>
      )}
      {total.events === 0 ? (
        <Alert tone="info" title={t('team_emptyTitle')} testId="team-usage-empty">
          <p>{t('team_emptyBody', { host: apiHost })}</p>
        </Alert>
      ) : (
        <>
          <Section title={t('team_totals')} id="gw-team-totals">
            <dl className="slds-dl_horizontal" data-testid="team-usage-totals">
              <dt className="slds-dl_horizontal__label">{t('col_events')}</dt>
              <dd className="slds-dl_horizontal__detail" data-testid="team-usage-events">
                {count(total.events)}
                {total.failed > 0 && ` (${plural('audit_failedCount', total.failed)})`}
              </dd>
              <dt className="slds-dl_horizontal__label">{t('col_tokens')}</dt>
              <dd className="slds-dl_horizontal__detail">{count(total.tokens)}</dd>
              <dt className="slds-dl_horizontal__label">{t('audit_cost')}</dt>
              <dd className="slds-dl_horizontal__detail" data-testid="team-usage-cost">{usd(total.costUsd)}</dd>
              <dt className="slds-dl_horizontal__label">{t('col_acceptance')}</dt>
              <dd className="slds-dl_horizontal__detail">{percent(total.acceptanceRate)}</dd>
            </dl>
          </Section>
          <GroupTable title={t('team_perRep')} id="gw-team-users" testId="team-usage-user" heading={t('team_rep')} groups={usage.byUser} label={(keys) => keys.userName ?? t('team_unknownUser')} />
          <GroupTable title={t('usage_perFeature')} id="gw-team-features" testId="team-usage-feature" heading={t('col_feature')} groups={usage.byFeature} label={(keys) => featureLabel(keys.feature)} />
          <GroupTable
            title={t('team_perDepartment')}
            id="gw-team-departments"
            testId="team-usage-department"
            heading={t('team_departmentRole')}
            groups={usage.byDepartment}
            label={(keys) => `${keys.department ?? t('team_noDepartment')} · ${keys.role ?? t('team_noRole')}`}
          />
          <GroupTable
            title={t('usage_perPrompt')}
            id="gw-team-prompts"
            testId="team-usage-prompt"
            heading={t('audit_prompt')}
            groups={usage.byPrompt}
            label={(keys) => (keys.promptId ? `${keys.promptId} v${keys.promptVersion ?? '?'}` : t('team_noPrompt'))}
          />
        </>
      )}
    </>
  );
}

function featureLabel(feature: string | null | undefined): string {
  return feature && feature in AUDIT_FEATURE_LABELS ? t(AUDIT_FEATURE_LABELS[feature as AuditFeature]) : (feature ?? t('team_unknown'));
}

const COLUMNS: readonly MessageKey[] = ['col_events', 'col_failed', 'col_tokens', 'audit_cost', 'col_acceptance'];

function GroupTable(props: { title: string; id: string; testId: string; heading: string; groups: readonly TeamGroup[]; label(keys: TeamGroup['keys']): string }) {
  const { title, id, testId, heading, groups, label } = props;
  return (
    <Section title={title} id={id}>
      <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-max-medium-table_stacked gw-usage-table gw-team-table" data-testid={`${testId}s`}>
        <caption className="slds-assistive-text">{title}</caption>
        <thead>
          <tr>
            {[heading, ...COLUMNS.map((column) => t(column))].map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={JSON.stringify(group.keys)} data-testid={`${testId}-row`} data-events={group.events} data-keys={JSON.stringify(group.keys)}>
              <th scope="row" data-label={heading}>
                {label(group.keys)}
              </th>
              <td data-label={t('col_events')}>{count(group.events)}</td>
              <td data-label={t('col_failed')}>{count(group.failed)}</td>
              <td data-label={t('col_tokens')}>{count(group.tokens)}</td>
              <td data-label={t('audit_cost')}>{usd(group.costUsd)}</td>
              <td data-label={t('col_acceptance')}>{percent(group.acceptanceRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
