import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { openAuditLog } from '../../lib/audit';
import { OPTIONS_SECTIONS, sectionFromHash, type OptionsSection } from '../../lib/features/governance/options-sections';
import { Alert } from '../shared/Alert';
import { AuditView } from './AuditView';
import { BudgetsSection } from './BudgetsSection';
import { FeaturesSection } from './FeaturesSection';
import { KeyModelsSection } from './KeyModelsSection';
import { LanguageSection } from './LanguageSection';
import { OrgAuditStatus } from './OrgAuditStatus';
import { OrgsSection } from './OrgsSection';
import { PrivacySection } from './PrivacySection';
import { SalesforceSignInSection } from './SalesforceSignInSection';
import { UsageView } from './UsageView';
import { useSettings, type LoadedSettings, type OptionsStores } from './use-settings';
import { useSettingsDraft, type SettingsForm } from './use-settings-draft';
import { t } from '../../lib/i18n';

/** The section in the address (options.html#usage), so the panel can link straight to where a problem is fixed. */
function useSection(): OptionsSection {
  const [section, setSection] = useState<OptionsSection>(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    const follow = (): void => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return section;
}

/** The options page: sections in a side navigation, one settings draft across them, and a Save bar always in view. */
export function OptionsPage({ stores }: { stores: OptionsStores }) {
  const { loaded } = useSettings(stores);
  return loaded === null ? (
    <main className="gw-options">
      <p className="slds-p-around_large">{t('options_loading')}</p>
    </main>
  ) : (
    <LoadedOptions stores={stores} loaded={loaded} />
  );
}

function LoadedOptions({ stores, loaded }: { stores: OptionsStores; loaded: LoadedSettings }) {
  const section = useSection();
  const form = useSettingsDraft(loaded, stores);
  const log = useMemo(() => openAuditLog(), []);
  const current = OPTIONS_SECTIONS.find((item) => item.id === section) ?? OPTIONS_SECTIONS[0];

  // Leaving the page with edits not saved asks first.
  useEffect(() => {
    if (!form.dirty) return;
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [form.dirty]);

  const content: Record<OptionsSection, () => ReactNode> = {
    key: () => <KeyModelsSection form={form} stores={stores} />,
    features: () => <FeaturesSection form={form} />,
    language: () => <LanguageSection form={form} browserLanguage={stores.uiLanguage} />,
    privacy: () => <PrivacySection form={form} />,
    budgets: () => <BudgetsSection form={form} />,
    orgs: () => (
      <>
        <OrgsSection local={stores.local} allowedOrgIds={loaded.effective.allowedOrgIds} />
        <SalesforceSignInSection form={form} local={stores.local} />
      </>
    ),
    audit: () => (
      <>
        <OrgAuditStatus log={log} local={stores.local} policy={loaded.effective.orgAudit} />
        <AuditView log={log} />
      </>
    ),
    usage: () => <UsageView log={log} settings={loaded.effective.settings} local={stores.local} team={stores.teamUsage} />,
  };

  return (
    <div className="gw-options">
      <header className="gw-options__header">
        <h1 className="slds-text-heading_medium">{t('panel_settingsLabel')}</h1>
      </header>
      <div className="gw-options__layout">
        <nav className="slds-nav-vertical slds-nav-vertical_compact gw-options__nav" aria-label={t('options_sections')}>
          <ul className="slds-nav-vertical__section">
            {OPTIONS_SECTIONS.map((item) => (
              <li key={item.id} className={item.id === current?.id ? 'slds-nav-vertical__item slds-is-active' : 'slds-nav-vertical__item'}>
                <a href={`#${item.id}`} className="slds-nav-vertical__action" aria-current={item.id === current?.id ? 'page' : undefined} data-testid={`options-tab-${item.id}`}>
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="gw-options__content" aria-labelledby="gw-options-section-title" data-testid={`options-view-${current?.id ?? 'key'}`}>
          <h2 id="gw-options-section-title" className="slds-text-heading_large gw-options__title">
            {current && t(current.label)}
          </h2>
          {loaded.effective.policyProblems.length > 0 && (
            <Alert tone="warning" title={t('options_policyProblems')} testId="policy-problems">
              {loaded.effective.policyProblems.map((problem) => (
                <p key={problem}>{problem}</p>
              ))}
            </Alert>
          )}
          {current?.settings ? (
            <SettingsFormFrame form={form} label={t(current.label)}>
              {content[current.id]()}
            </SettingsFormFrame>
          ) : (
            <>
              {content[current?.id ?? 'audit']()}
              {form.dirty && <SettingsFormFrame form={form} label={t('options_unsaved')} />}
            </>
          )}
        </main>
      </div>
    </div>
  );
}

/** The settings of a section with the Save bar: Enter in a field or Save stores the whole draft. */
function SettingsFormFrame({ form, label, children }: { form: SettingsForm; label: string; children?: ReactNode }) {
  return (
    <form
      className="slds-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        void form.save();
      }}
    >
      {children}
      <SaveBar form={form} />
    </form>
  );
}

/** Always in view at the bottom of the settings sections (and of any other once something is unsaved). */
function SaveBar({ form }: { form: SettingsForm }) {
  const { status, dirty } = form;
  return (
    <div className="slds-docked-form-footer gw-save-bar" data-testid="save-bar" data-dirty={String(dirty)}>
      <div className="gw-save-bar__inner">
        {status ? (
          <p role={status.tone === 'error' ? 'alert' : 'status'} className={status.tone === 'error' ? 'gw-save-bar__status slds-text-color_error' : 'gw-save-bar__status'} data-testid="settings-status" data-tone={status.tone}>
            {status.text}
          </p>
        ) : (
          <p className="gw-save-bar__status" role="status">
            {dirty ? t('options_dirty') : t('options_allSaved')}
          </p>
        )}
        <button type="button" className="slds-button slds-button_neutral" onClick={form.discard} disabled={!dirty} data-testid="discard-settings">
          {t('options_discard')}
        </button>
        <button type="submit" className="slds-button slds-button_brand" data-testid="save-settings">
          {t('options_save')}
        </button>
      </div>
    </div>
  );
}
