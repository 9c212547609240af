import { useEffect } from 'react';
import { FeatureGate } from '../../components/governance/FeatureGate';
import { OnboardingChecklist } from '../../components/governance/OnboardingChecklist';
import { OrgAuditNotice } from '../../components/governance/OrgAuditNotice';
import { LeadReviewPanel } from '../../components/extract-lead/LeadReviewPanel';
import { PanelView } from '../../components/record-view/PanelView';
import { Icon } from '../../components/shared/Icon';
import { CHANNELS } from '../../lib/features/channels';
import { watchAsk } from '../../lib/features/ask/store';
import { generateActions, selectGenerations, useGenerationStore, watchGenerations } from '../../lib/features/generate/store';
import { openOptionsPage } from '../../lib/features/governance/store';
import { watchNotes } from '../../lib/features/log-note/store';
import { recordViewActions, selectKeptCard, selectKeptSignedIn, selectPreview, selectPreviewRequested, selectView, useRecordViewStore, watchRecordView } from '../../lib/features/record-view/store';
import { connectPanel } from '../../lib/panel/connection';
import { flushPlaces } from '../../lib/panel/place';
import { t } from '../../lib/i18n';

/** Gmail opens a new message prefilled from this URL. */
function gmailComposeUrl(to: string | null, subject: string, body: string): string {
  const params = new URLSearchParams({ view: 'cm', fs: '1', su: subject, body });
  if (to) params.set('to', to);
  return `https://mail.google.com/mail/?${params.toString()}`;
}

const outputActions = {
  ...generateActions,
  copy: (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    ),
  openInGmail: (to: string | null, subject: string, body: string) => window.open(gmailComposeUrl(to, subject, body), '_blank', 'noopener'),
  openSettings: (section: string) => openOptionsPage(section),
};

export function App({ windowId }: { windowId: number }) {
  const view = useRecordViewStore(selectView);
  const keptCard = useRecordViewStore(selectKeptCard);
  const signedIn = useRecordViewStore(selectKeptSignedIn);
  const preview = useRecordViewStore(selectPreview);
  const previewRequested = useRecordViewStore(selectPreviewRequested);
  const generations = useGenerationStore(selectGenerations);

  useEffect(() => {
    const controller = new AbortController();
    const stops = [watchRecordView(), watchGenerations(windowId), watchNotes(), watchAsk()];
    connectPanel(windowId, CHANNELS, controller.signal);
    window.addEventListener('pagehide', flushPlaces);
    return () => {
      controller.abort();
      window.removeEventListener('pagehide', flushPlaces);
      for (const stop of stops) stop();
    };
  }, [windowId]);

  return (
    <div className="gw-panel">
      <header className="gw-panel__header">
        <h1 className="gw-panel__title">
          <Icon name="einstein" size="small" />
          {t('panel_title')}
        </h1>
        <button type="button" className="slds-button slds-button_icon slds-button_icon-border-filled" title={t('panel_settings')} onClick={() => openOptionsPage()} data-testid="panel-settings">
          <Icon name="settings" size="button" />
          <span className="slds-assistive-text">{t('panel_settingsLabel')}</span>
        </button>
      </header>
      <main className="gw-panel__body">
        <OnboardingChecklist view={view} />
        <OrgAuditNotice />
        <FeatureGate feature="extractLead">
          <LeadReviewPanel />
        </FeatureGate>
        <PanelView
          view={view}
          keptCard={keptCard}
          signedIn={signedIn}
          preview={preview}
          previewRequested={previewRequested}
          actions={recordViewActions}
          generations={generations}
          generateActions={outputActions}
        />
      </main>
    </div>
  );
}
