import { useEffect, useId, useState } from 'react';
import type { KeyValueStore } from '../../lib/browser/store';
import type { TeamGroup, TeamUsage, TeamUsageReply, TeamUsageRequest } from '../../lib/features/governance/org-audit/team-messages';
import { listEnabledOrgs, type EnabledOrg } from '../../lib/features/governance/orgs';
import type { AuditFeature } from '../../lib/audit';
import { AUDIT_FEATURE_LABELS } from '../../lib/features/governance/use-cases';
import { Alert } from '../shared/Alert';
import { count, percent, usd } from './format';
import { Section } from './fields';

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
    const failed = (): TeamUsageReply => ({ state: 'error', org: null, message: 'Groundwork could not ask Salesforce: the extension did not answer. Try again.' });
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
  const retry = { label: 'Try again', onClick: () => setAttempt((value) => value + 1), testId: 'team-usage-retry' };
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
        Salesforce org
      </label>
      <div className="slds-form-element__control">
        <select id={id} className="slds-select" value={value ?? ''} onChange={(event) => onChange(event.target.value)} data-testid="team-usage-org">
          {value === undefined && <option value="">Choose an org</option>}
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
          Reading the team's events from Salesforce…
        </p>
      );
    case 'no-org':
      return orgsEnabled > 0 ? (
        <p data-testid="team-usage-choose">Choose the Salesforce org to read above.</p>
      ) : (
        <Alert tone="info" title="No Salesforce org enabled yet" testId="team-usage-problem">
          <p>Open a Salesforce record, choose "Enable Groundwork" in the panel, then come back here.</p>
        </Alert>
      );
    case 'signed-out':
      return (
        <Alert tone="warning" title={`You are not logged in to ${shown.org.apiHost}`} actions={[retry]} testId="team-usage-problem">
          <p>The team's usage is read with your own Salesforce session. Log in to Salesforce in a tab of this browser, then try again.</p>
        </Alert>
      );
    case 'not-admin':
      return (
        <Alert tone="info" title="The team's usage is for Groundwork admins" testId="team-usage-problem" data={{ 'data-problem': 'not-admin' }}>
          <p>
            Seeing every rep's events in {shown.org.apiHost} needs the "Groundwork AI Admin" permission set, which you do not have there. Ask your
            Salesforce admin to assign it. Your own use is under "My browser".
          </p>
        </Alert>
      );
    case 'not-deployed':
      return (
        <Alert tone="info" title="The org keeps no Groundwork events yet" testId="team-usage-problem" data={{ 'data-problem': 'not-deployed' }}>
          <p>
            The Groundwork AI Event object is not deployed in {shown.org.apiHost}. Your Salesforce admin deploys it once (see "The audit trail in
            Salesforce" in Groundwork's README); reps' events then reach the org when your organization's policy turns the org audit trail on.
          </p>
        </Alert>
      );
    case 'error':
      return (
        <Alert tone="error" title="Salesforce did not give the team's usage" actions={[retry]} testId="team-usage-problem" data={{ 'data-problem': 'error' }}>
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
        From the Groundwork AI events in {apiHost}, as Salesforce lets you read them.{' '}
        <button type="button" className="slds-button slds-button_neutral" onClick={onRefresh} data-testid="team-usage-refresh">
          Refresh
        </button>
      </p>
      {usage.truncated && (
        <Alert tone="warning" title="Some tables are incomplete">
          <p>The org answered its first 2,000 groups only. Choose a shorter period, or use the reports in Salesforce.</p>
        </Alert>
      )}
      {total.events === 0 ? (
        <Alert tone="info" title="No events in this period" testId="team-usage-empty">
          <p>
            No rep's Groundwork events reached {apiHost} in this period. They arrive when your organization's policy turns on the org audit trail and
            reps use Groundwork.
          </p>
        </Alert>
      ) : (
        <>
          <Section title="Team totals" id="gw-team-totals">
            <dl className="slds-dl_horizontal" data-testid="team-usage-totals">
              <dt className="slds-dl_horizontal__label">Events</dt>
              <dd className="slds-dl_horizontal__detail" data-testid="team-usage-events">
                {count(total.events)}
                {total.failed > 0 && ` (${count(total.failed)} failed)`}
              </dd>
              <dt className="slds-dl_horizontal__label">Tokens</dt>
              <dd className="slds-dl_horizontal__detail">{count(total.tokens)}</dd>
              <dt className="slds-dl_horizontal__label">Cost</dt>
              <dd className="slds-dl_horizontal__detail" data-testid="team-usage-cost">{usd(total.costUsd)}</dd>
              <dt className="slds-dl_horizontal__label">Acceptance</dt>
              <dd className="slds-dl_horizontal__detail">{percent(total.acceptanceRate)}</dd>
            </dl>
          </Section>
          <GroupTable title="Per rep" id="gw-team-users" testId="team-usage-user" heading="Rep" groups={usage.byUser} label={(keys) => keys.userName ?? 'Unknown user'} />
          <GroupTable title="Per feature" id="gw-team-features" testId="team-usage-feature" heading="Feature" groups={usage.byFeature} label={(keys) => featureLabel(keys.feature)} />
          <GroupTable
            title="Per department and role"
            id="gw-team-departments"
            testId="team-usage-department"
            heading="Department · role"
            groups={usage.byDepartment}
            label={(keys) => `${keys.department ?? 'No department'} · ${keys.role ?? 'No role'}`}
          />
          <GroupTable
            title="Per prompt version"
            id="gw-team-prompts"
            testId="team-usage-prompt"
            heading="Prompt"
            groups={usage.byPrompt}
            label={(keys) => (keys.promptId ? `${keys.promptId} v${keys.promptVersion ?? '?'}` : 'No prompt')}
          />
        </>
      )}
    </>
  );
}

function featureLabel(feature: string | null | undefined): string {
  return feature && feature in AUDIT_FEATURE_LABELS ? AUDIT_FEATURE_LABELS[feature as AuditFeature] : (feature ?? 'Unknown');
}

const COLUMNS = ['Events', 'Failed', 'Tokens', 'Cost', 'Acceptance'] as const;

function GroupTable(props: { title: string; id: string; testId: string; heading: string; groups: readonly TeamGroup[]; label(keys: TeamGroup['keys']): string }) {
  const { title, id, testId, heading, groups, label } = props;
  return (
    <Section title={title} id={id}>
      <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-max-medium-table_stacked gw-usage-table gw-team-table" data-testid={`${testId}s`}>
        <caption className="slds-assistive-text">{title}</caption>
        <thead>
          <tr>
            {[heading, ...COLUMNS].map((column) => (
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
              <td data-label="Events">{count(group.events)}</td>
              <td data-label="Failed">{count(group.failed)}</td>
              <td data-label="Tokens">{count(group.tokens)}</td>
              <td data-label="Cost">{usd(group.costUsd)}</td>
              <td data-label="Acceptance">{percent(group.acceptanceRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
