import type { AskSummary } from '../../lib/features/ask/messages';
import { LazyMarkdown } from '../shared/LazyMarkdown';
import { lightningRecordUrl, rowAnchor } from './AskResults';
import { isOrgRecordUrl } from '../shared/org-links';
import { Alert } from '../shared/Alert';
import { plural, t, type MessageKey } from '../../lib/i18n';

interface Props {
  askId: string;
  summary: AskSummary | null;
  hasRows: boolean;
  host: string;
  onSummarize(): void;
  onStop(): void;
}

const STATUS_NOTE: Partial<Record<AskSummary['status'], MessageKey>> = {
  stopped: 'output_stopped',
  interrupted: 'output_interrupted',
};

/** Citations link to the row's record; a row of totals has none, so its citation points at the row in the table. */
function linksFor(host: string) {
  return {
    recordUrl: (objectName: string, recordId: string): string => {
      if (recordId) return lightningRecordUrl(host, { objectName, id: recordId });
      return `#${rowAnchor(Number(/q(\d+)/.exec(objectName)?.[1] ?? 1) - 1)}`;
    },
    isOrgRecordUrl: (href: string): boolean => isOrgRecordUrl(host, href),
  };
}

function groundingText(summary: AskSummary): string {
  const sources = plural('ask_rowsCited', summary.citations.length);
  if (summary.unsupported.length === 0) return `${t('ask_allFound')} · ${sources}`;
  return `${plural('output_unverified', summary.unsupported.length)} · ${sources}`;
}

/** "Summarize these results": a short streamed answer citing result rows, with the generation features' trust signals. */
export function AskSummaryView({ askId, summary, hasRows, host, onSummarize, onStop }: Props) {
  const streaming = summary?.status === 'streaming';
  if (!summary) {
    return hasRows ? (
      <button type="button" className="slds-button slds-button_neutral slds-m-top_small" onClick={onSummarize} data-testid="ask-summarize">
        {t('ask_summarize')}
      </button>
    ) : null;
  }
  const noteKey = STATUS_NOTE[summary.status];
  const note = noteKey ? t(noteKey) : null;
  // A total's citation carries no record; its row id goes where the object name would, for the anchor.
  const citations = summary.citations.map((citation) => (citation.recordId ? citation : { ...citation, objectName: citation.id }));
  const problem = summary.problem && (
    <Alert tone="error" title={t('ask_summaryProblem')} testId="ask-summary-problem" data={{ 'data-kind': summary.problem.kind }}>
      {summary.problem.message}
    </Alert>
  );
  return (
    <>
      {problem}
      <section className="slds-box slds-theme_default slds-m-top_small gw-output" data-testid="ask-summary" data-status={summary.status} data-ask-id={askId} aria-busy={streaming} aria-label={t('ask_summaryLabel')}>
        <div className="gw-output__head">
          <p className="slds-text-title_caps gw-ai-label">
            {summary.model ? plural('ask_summaryAiLabelModel', summary.rowsSent, { model: summary.model }) : plural('ask_summaryAiLabel', summary.rowsSent)}
          </p>
          {streaming && (
            <button type="button" className="slds-button slds-button_neutral" onClick={onStop} data-testid="ask-stop-summary">
              {t('output_stop')}
            </button>
          )}
        </div>
        <LazyMarkdown text={summary.text} citations={citations} claims={summary.unsupported} {...linksFor(host)} />
        <div className="slds-m-top_x-small" aria-live="polite">
          {note && <p className="slds-text-color_weak">{note}</p>}
          {summary.status === 'done' && (
            <p className="slds-text-color_weak" data-testid="ask-grounding">
              {groundingText(summary)}
            </p>
          )}
        </div>
        {!streaming && (
          <button type="button" className="slds-button slds-button_neutral slds-m-top_x-small" onClick={onSummarize} data-testid="ask-summarize">
            {summary.status === 'done' ? t('ask_summarizeAgain') : t('output_retry')}
          </button>
        )}
      </section>
    </>
  );
}
