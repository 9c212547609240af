import { useEffect } from 'react';
import { selectIncomingNote, sendNotesRequest as send, useNotesStore } from '../../lib/features/log-note/store';
import { selectConnected, usePanelConnection } from '../../lib/panel/feature-bus';
import { t } from '../../lib/i18n';
const PREVIEW_CHARS = 120;

/**
 * Wherever no record is in view: the text the rep sent with "Add to a Salesforce note" is waiting, and will be in the
 * note of the record they open next in this window (or can be dropped).
 */
export function PendingNote() {
  const incoming = useNotesStore(selectIncomingNote);
  const connected = usePanelConnection(selectConnected);
  useEffect(() => {
    if (connected) send({ type: 'incoming' });
  }, [connected]);
  if (!incoming) return null;
  const preview = incoming.text.length > PREVIEW_CHARS ? `${incoming.text.slice(0, PREVIEW_CHARS).trimEnd()}…` : incoming.text;
  return (
    <section className="slds-box slds-m-top_medium" role="status" aria-label={t('pending_label')} data-testid="pending-note">
      <p>
        {t('pending_body', { from: incoming.from })}
      </p>
      <blockquote className="slds-text-body_small slds-text-color_weak slds-m-vertical_x-small gw-pending-note">{preview}</blockquote>
      <button type="button" className="slds-button slds-button_neutral" onClick={() => send({ type: 'drop-incoming' })} data-testid="pending-note-drop">
        {t('pending_drop')}
      </button>
    </section>
  );
}
