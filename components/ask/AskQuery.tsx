import { useState } from 'react';
import type { PreparedQuery } from '../../lib/features/ask/results';
import { t } from '../../lib/i18n';

/** The SOQL exactly as it is sent, in monospace, with Copy, and what the rep should know about it. */
export function AskQuery({ prepared }: { prepared: PreparedQuery }) {
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    void navigator.clipboard.writeText(prepared.soql).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="slds-m-top_x-small" data-testid="ask-query">
      <h3 className="slds-text-title_caps" id="gw-ask-soql-title">
        {t('ask_queryRunAsYou')}
      </h3>
      <pre
        className="slds-box slds-box_x-small slds-theme_shade slds-m-top_xx-small"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
        aria-labelledby="gw-ask-soql-title"
      >
        <code data-testid="ask-soql">{prepared.soql}</code>
      </pre>
      <button type="button" className="slds-button slds-button_neutral slds-m-top_xx-small" onClick={copy} data-testid="ask-copy-soql">
        {t('ask_copyQuery')}
      </button>
      <span role="status" className="slds-m-left_x-small slds-text-color_weak">
        {copied ? t('copy_copied') : ''}
      </span>
      {prepared.notes.length > 0 && (
        <ul className="slds-list_dotted slds-m-top_xx-small slds-text-color_weak" data-testid="ask-notes">
          {prepared.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
