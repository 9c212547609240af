import { useEffect, useRef } from 'react';
import { PanelView } from '../../components/PanelView';
import { connectPanel } from '../../lib/panel/connection';
import { selectView, usePanelStore } from '../../lib/panel/store';

export function App({ windowId }: { windowId: number }) {
  const view = usePanelStore(selectView);
  const connection = useRef<ReturnType<typeof connectPanel> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    connection.current = connectPanel(windowId, controller.signal);
    return () => controller.abort();
  }, [windowId]);

  return (
    <div className="gw-panel">
      <header className="gw-panel__header">
        <h1 className="slds-text-heading_small">Groundwork</h1>
      </header>
      <main className="gw-panel__body">
        <PanelView view={view} onRetry={() => connection.current?.send({ type: 'retry' })} />
      </main>
    </div>
  );
}
