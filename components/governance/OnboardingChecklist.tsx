import { useEffect } from 'react';
import type { PanelView } from '../../lib/features/record-view/messages';
import type { OnboardingStatus } from '../../lib/features/governance/messages';
import { openOptionsPage, requestGovernance, selectOnboarding, useGovernanceStore, watchGovernance } from '../../lib/features/governance/store';
import { Icon } from '../shared/Icon';

/** Views that can only come from a Salesforce tab. */
const SALESFORCE_VIEWS: ReadonlySet<PanelView['kind']> = new Set(['no-record', 'org-not-enabled', 'loading', 'record', 'problem']);

interface Step {
  id: 'key' | 'salesforce' | 'org';
  title: string;
  done: boolean;
  detail: string;
}

function stepsOf(status: OnboardingStatus): Step[] {
  const keyDetail = !status.keySet
    ? 'Add your Anthropic API key in Groundwork settings.'
    : status.keyWorking === null
      ? 'Checking the key…'
      : (status.keyMessage ?? '');
  return [
    { id: 'key', title: 'API key set and working', done: status.keySet && status.keyWorking === true, detail: keyDetail },
    { id: 'salesforce', title: 'A Salesforce tab detected', done: status.salesforceSeen, detail: 'Open Salesforce Lightning in this window.' },
    { id: 'org', title: 'Groundwork enabled for your org', done: status.orgEnabled, detail: 'Open a record and choose "Enable Groundwork".' },
  ];
}

/**
 * The first-run checklist at the top of the panel: key set and working, a Salesforce tab seen, an org enabled. Each
 * step ticks as it happens; once all three have been done the checklist is gone for good.
 */
export function OnboardingChecklist({ view }: { view: PanelView }) {
  const status = useGovernanceStore(selectOnboarding);

  useEffect(() => watchGovernance(), []);

  // A new view also means the port is (re)connected: ask again, and say when the tab is a Salesforce one.
  const onSalesforce = SALESFORCE_VIEWS.has(view.kind);
  useEffect(() => {
    if (view.kind === 'starting') return;
    requestGovernance({ type: onSalesforce ? 'salesforce-seen' : 'status' });
  }, [view.kind, onSalesforce]);

  if (!status || status.done) return null;
  const steps = stepsOf(status);
  const remaining = steps.filter((step) => !step.done).length;

  return (
    <section className="slds-card gw-section" data-testid="onboarding-checklist" aria-labelledby="gw-onboarding-title">
      <h2 id="gw-onboarding-title" className="slds-text-heading_small">
        Get started with Groundwork
      </h2>
      <p className="slds-text-body_small slds-m-bottom_x-small" aria-live="polite">
        {remaining === 1 ? '1 step left.' : `${remaining} steps left.`}
      </p>
      <ol className="slds-list_vertical-space">
        {steps.map((step) => (
          <li key={step.id} data-testid="onboarding-step" data-step={step.id} data-done={String(step.done)}>
            <span className={step.done ? 'gw-step gw-step_done' : 'gw-step'} aria-hidden="true">
              {step.done && <Icon name="check" />}
            </span>
            <strong>{step.title}</strong>
            <span className="slds-assistive-text">{step.done ? ' (done)' : ' (to do)'}</span>
            {!step.done && <div className="slds-text-body_small">{step.detail}</div>}
          </li>
        ))}
      </ol>
      {!steps[0]?.done && (
        <button type="button" className="slds-button slds-button_neutral slds-m-top_x-small" onClick={() => openOptionsPage('key')} data-testid="open-settings">
          Open settings
        </button>
      )}
    </section>
  );
}
