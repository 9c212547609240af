import { useEffect, useMemo, useRef } from 'react';
import type { GenerateActions } from '../../components/generate/GenerateSection';
import { FeatureGate } from '../../components/governance/FeatureGate';
import { OnboardingChecklist } from '../../components/governance/OnboardingChecklist';
import { OrgAuditNotice } from '../../components/governance/OrgAuditNotice';
import { LeadReviewPanel } from '../../components/extract-lead/LeadReviewPanel';
import { PanelView, type PanelActions } from '../../components/record-view/PanelView';
import { connectPanel } from '../../lib/panel/connection';
import {
  selectFeature,
  selectGenerations,
  selectPreview,
  selectPreviewRequested,
  selectView,
  usePanelStore,
} from '../../lib/features/record-view/store';

/** Gmail opens a new message prefilled from this URL. */
function gmailComposeUrl(to: string | null, subject: string, body: string): string {
  const params = new URLSearchParams({ view: 'cm', fs: '1', su: subject, body });
  if (to) params.set('to', to);
  return `https://mail.google.com/mail/?${params.toString()}`;
}

export function App({ windowId }: { windowId: number }) {
  const view = usePanelStore(selectView);
  const preview = usePanelStore(selectPreview);
  const previewRequested = usePanelStore(selectPreviewRequested);
  const generations = usePanelStore(selectGenerations);
  const feature = usePanelStore(selectFeature);
  const connection = useRef<ReturnType<typeof connectPanel> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    connection.current = connectPanel(windowId, controller.signal);
    return () => controller.abort();
  }, [windowId]);

  const actions = useMemo<PanelActions>(
    () => ({
      retry: () => connection.current?.send({ type: 'retry' }),
      enableOrg: (orgId) => connection.current?.send({ type: 'enable-org', orgId }),
      signIn: () => connection.current?.send({ type: 'sign-in' }),
      signOut: () => connection.current?.send({ type: 'sign-out' }),
      showContext: () => {
        usePanelStore.getState().requestPreview();
        connection.current?.send({ type: 'show-context' });
      },
      closeContext: () => usePanelStore.getState().closePreview(),
    }),
    [],
  );

  const generateActions = useMemo<GenerateActions>(
    () => ({
      generate: (chosen, email) => connection.current?.send({ type: 'generate', feature: chosen, email }),
      stop: (chosen) => connection.current?.send({ type: 'stop-generation', feature: chosen }),
      report: (chosen, generationId, report) => connection.current?.send({ type: 'generation-outcome', feature: chosen, generationId, report }),
      copy: (text) => navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      ),
      openInGmail: (to, subject, body) => window.open(gmailComposeUrl(to, subject, body), '_blank', 'noopener'),
      chooseFeature: (chosen) => usePanelStore.getState().chooseFeature(chosen),
    }),
    [],
  );

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
          actions={actions}
          feature={feature}
          generations={generations}
          generateActions={generateActions}
        />
      </main>
    </div>
  );
}
