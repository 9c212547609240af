import { useEffect } from 'react';
import type { PanelView } from '../../lib/features/record-view/messages';
import type { OnboardingStatus } from '../../lib/features/governance/messages';
import { openOptionsPage, requestGovernance, selectOnboarding, useGovernanceStore, watchGovernance } from '../../lib/features/governance/store';
import { Icon } from '../shared/Icon';
import { plural, t, type MessageKey } from '../../lib/i18n';

/** Views that can only come from a Salesforce tab. */
const SALESFORCE_VIEWS: ReadonlySet<PanelView['kind']> = new Set(['no-record', 'org-not-enabled', 'loading', 'record', 'problem']);

interface Step {
  id: 'key' | 'salesforce' | 'org';
  title: MessageKey;
  done: boolean;
  detail: string;
}

function stepsOf(status: OnboardingStatus): Step[] {
  const keyDetail = !status.keySet
    ? t('onboarding_addKey')
    : status.keyWorking === null
      ? t('onboarding_checkingKey')
      : (status.keyMessage ?? '');
  return [
    { id: 'key', title: 'onboarding_keyStep', done: status.keySet && status.keyWorking === true, detail: keyDetail },
    { id: 'salesforce', title: 'onboarding_salesforceStep', done: status.salesforceSeen, detail: t('onboarding_salesforceDetail') },
    { id: 'org', title: 'onboarding_orgStep', done: status.orgEnabled, detail: t('onboarding_orgDetail') },
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
        {t('onboarding_title')}
      </h2>
      <p className="slds-text-body_small slds-m-bottom_x-small" aria-live="polite">
        {plural('onboarding_stepsLeft', remaining)}
      </p>
      <ol className="slds-list_vertical-space">
        {steps.map((step) => (
          <li key={step.id} data-testid="onboarding-step" data-step={step.id} data-done={String(step.done)}>
            <span className={step.done ? 'gw-step gw-step_done' : 'gw-step'} aria-hidden="true">
              {step.done && <Icon name="check" />}
            </span>
            <strong>{t(step.title)}</strong>
            <span className="slds-assistive-text">{` ${step.done ? t('onboarding_done') : t('onboarding_toDo')}`}</span>
            {!step.done && <div className="slds-text-body_small">{step.detail}</div>}
          </li>
        ))}
      </ol>
      {!steps[0]?.done && (
        <button type="button" className="slds-button slds-button_neutral slds-m-top_x-small" onClick={() => openOptionsPage('key')} data-testid="open-settings">
          {t('blocker_openSettings')}
        </button>
      )}
    </section>
  );
}
