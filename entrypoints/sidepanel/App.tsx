import { useEffect } from 'react';
import { FeatureGate } from '../../components/governance/FeatureGate';
import { OnboardingChecklist } from '../../components/governance/OnboardingChecklist';
import { OrgAuditNotice } from '../../components/governance/OrgAuditNotice';
import { LeadReviewPanel } from '../../components/extract-lead/LeadReviewPanel';
import { PanelView } from '../../components/record-view/PanelView';
import { CHANNELS } from '../../lib/features/channels';
import { generateActions, selectFeature, selectGenerations, useGenerationStore, watchGenerations } from '../../lib/features/generate/store';
import { recordViewActions, selectPreview, selectPreviewRequested, selectView, useRecordViewStore, watchRecordView } from '../../lib/features/record-view/store';
import { connectPanel } from '../../lib/panel/connection';

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
};

export function App({ windowId }: { windowId: number }) {
  const view = useRecordViewStore(selectView);
  const preview = useRecordViewStore(selectPreview);
  const previewRequested = useRecordViewStore(selectPreviewRequested);
  const generations = useGenerationStore(selectGenerations);
  const feature = useGenerationStore(selectFeature);

  useEffect(() => {
    const controller = new AbortController();
    const stops = [watchRecordView(), watchGenerations()];
    connectPanel(windowId, CHANNELS, controller.signal);
    return () => {
      controller.abort();
      for (const stop of stops) stop();
    };
  }, [windowId]);

  return (
    <div className="gw-panel">
      <header className="gw-panel__header">
        <h1 className="slds-text-heading_small">Groundwork</h1>
      </header>
      <main className="gw-panel__body">
        <OnboardingChecklist view={view} />
        <OrgAuditNotice />
        <FeatureGate feature="extractLead">
          <LeadReviewPanel />
        </FeatureGate>
        <PanelView
          view={view}
          preview={preview}
          previewRequested={previewRequested}
          actions={recordViewActions}
          feature={feature}
          generations={generations}
          generateActions={outputActions}
        />
      </main>
    </div>
  );
}
