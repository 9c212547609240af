import { useEffect, useMemo, useRef } from 'react';
import { PanelView, type PanelActions } from '../../components/PanelView';
import { connectPanel } from '../../lib/panel/connection';
import { selectPreview, selectPreviewRequested, selectView, usePanelStore } from '../../lib/panel/store';

export function App({ windowId }: { windowId: number }) {
  const view = usePanelStore(selectView);
  const preview = usePanelStore(selectPreview);
  const previewRequested = usePanelStore(selectPreviewRequested);
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
      showContext: () => {
        usePanelStore.getState().requestPreview();
        connection.current?.send({ type: 'show-context' });
      },
      closeContext: () => usePanelStore.getState().closePreview(),
    }),
    [],
  );

  return (
    <div className="gw-panel">
      <header className="gw-panel__header">
        <h1 className="slds-text-heading_small">Groundwork</h1>
      </header>
      <main className="gw-panel__body">
        <PanelView view={view} preview={preview} previewRequested={previewRequested} actions={actions} />
      </main>
    </div>
  );
}
