import { PLACEHOLDER_PATTERN } from '../../lib/context/redact';
import type { ContextPreview as Preview } from '../../lib/features/record-view/messages';
import { t, plural } from '../../lib/i18n';

/** The placeholders of lib/context, captured so that split() keeps them. */
const PLACEHOLDER = new RegExp(`(${PLACEHOLDER_PATTERN.source})`, 'g');

/** The exact text that would leave the browser, redactions marked so the rep sees what stays behind. */
export function ContextPreview({ preview, onClose }: { preview: Preview; onClose(): void }) {
  return (
    <section className="slds-box slds-theme_default slds-m-top_small gw-preview" aria-labelledby="gw-preview-title" data-testid="context-preview">
      <div className="slds-grid slds-grid_align-spread slds-grid_vertical-align-center">
        <h3 id="gw-preview-title" className="slds-text-title_bold">
          {t('preview_title')}
        </h3>
        <button type="button" className="slds-button" onClick={onClose} data-testid="close-context-preview">
          {t('common_close')}
        </button>
      </div>
      <p className="slds-text-color_weak slds-m-vertical_x-small">
        {plural('preview_tokens', preview.tokens)} · {plural('preview_redacted', preview.redactions.length)}
        {preview.droppedLines > 0 && ` · ${plural('preview_droppedLines', preview.droppedLines)}`}
      </p>
      <pre className="gw-preview__text" tabIndex={0} data-testid="context-preview-text">
        {preview.text.split(PLACEHOLDER).map((part, index) =>
          index % 2 === 1 ? (
            <mark key={index} className="gw-redaction" data-testid="redaction">
              {part}
            </mark>
          ) : (
            part
          ),
        )}
      </pre>
    </section>
  );
}
