import { useMemo, useState, type KeyboardEvent } from 'react';
import { openAuditLog } from '../../lib/audit';
import { AuditView } from './AuditView';
import { SettingsView, type SaveStatus } from './SettingsView';
import { UsageView } from './UsageView';
import { useSettings, type OptionsStores } from './use-settings';

const TABS = [
  { id: 'settings', label: 'Settings' },
  { id: 'audit', label: 'Audit trail' },
  { id: 'usage', label: 'Usage and cost' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** The options page: settings, the audit trail and usage, as tabs (arrow keys move between them). */
export function OptionsPage({ stores }: { stores: OptionsStores }) {
  const [tab, setTab] = useState<Tab>('settings');
  const [saveStatus, setSaveStatus] = useState<SaveStatus>(null);
  const { loaded } = useSettings(stores);
  const log = useMemo(() => openAuditLog(), []);

  const onKeyDown = (event: KeyboardEvent): void => {
    const index = TABS.findIndex((item) => item.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.id);
    document.getElementById(`gw-tab-${next.id}`)?.focus();
  };

  return (
    <main className="slds-p-around_large gw-options">
      <h1 className="slds-text-heading_large slds-m-bottom_medium">Groundwork settings</h1>
      <div className="slds-tabs_default">
        <ul className="slds-tabs_default__nav" role="tablist" onKeyDown={onKeyDown}>
          {TABS.map((item) => (
            <li key={item.id} className={`slds-tabs_default__item${tab === item.id ? ' slds-is-active' : ''}`} role="presentation">
              <button
                type="button"
                id={`gw-tab-${item.id}`}
                className="slds-tabs_default__link slds-button_reset"
                role="tab"
                aria-selected={tab === item.id}
                aria-controls={`gw-tabpanel-${item.id}`}
                tabIndex={tab === item.id ? 0 : -1}
                onClick={() => setTab(item.id)}
                data-testid={`options-tab-${item.id}`}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
        <div id={`gw-tabpanel-${tab}`} className="slds-tabs_default__content" role="tabpanel" aria-labelledby={`gw-tab-${tab}`} data-testid={`options-view-${tab}`}>
          {loaded === null ? (
            <p>Loading…</p>
          ) : tab === 'settings' ? (
            <SettingsView key={loaded.version} stores={stores} loaded={loaded} status={saveStatus} setStatus={setSaveStatus} />
          ) : tab === 'audit' ? (
            <AuditView log={log} />
          ) : (
            <UsageView log={log} settings={loaded.effective.settings} />
          )}
        </div>
      </div>
    </main>
  );
}
