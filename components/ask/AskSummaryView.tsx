import type { AskSummary } from '../../lib/features/ask/messages';
import { LazyMarkdown } from '../shared/LazyMarkdown';
import { lightningRecordUrl, rowAnchor } from './AskResults';
import { isOrgRecordUrl } from '../shared/org-links';
import { Alert } from '../shared/Alert';

interface Props {
  askId: string;
  summary: AskSummary | null;
  hasRows: boolean;
  host: string;
  onSummarize(): void;
  onStop(): void;
}

const STATUS_NOTE: Partial<Record<AskSummary['status'], string>> = {
  stopped: 'Stopped. What was written so far is kept.',
  interrupted: 'Groundwork was interrupted before this finished. What was written so far is kept.',
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
  const sources = `${summary.citations.length} ${summary.citations.length === 1 ? 'row' : 'rows'} cited`;
  if (summary.unsupported.length === 0) return `Every number, date, email, phone and name was found in the results · ${sources}`;
  const claims = summary.unsupported.length === 1 ? 'claim' : 'claims';
  return `${summary.unsupported.length} unverified ${claims} highlighted · ${sources}`;
}

/** "Summarize these results": a short streamed answer citing result rows, with the generation features' trust signals. */
export function AskSummaryView({ askId, summary, hasRows, host, onSummarize, onStop }: Props) {
  const streaming = summary?.status === 'streaming';
  if (!summary) {
    return hasRows ? (
      <button type="button" className="slds-button slds-button_neutral slds-m-top_small" onClick={onSummarize} data-testid="ask-summarize">
        Summarize these results
      </button>
    ) : null;
  }
  const note = STATUS_NOTE[summary.status];
  // A total's citation carries no record; its row id goes where the object name would, for the anchor.
  const citations = summary.citations.map((citation) => (citation.recordId ? citation : { ...citation, objectName: citation.id }));
  const problem = summary.problem && (
    <Alert tone="error" title="The summary could not be written" testId="ask-summary-problem" data={{ 'data-kind': summary.problem.kind }}>
      {summary.problem.message}
    </Alert>
  );
  return (
    <>
      {problem}
      <section className="slds-box slds-theme_default slds-m-top_small gw-output" data-testid="ask-summary" data-status={summary.status} data-ask-id={askId} aria-busy={streaming} aria-label="Summary of the results">
        <div className="gw-output__head">
          <p className="slds-text-title_caps gw-ai-label">
            AI-generated{summary.model ? ` · ${summary.model}` : ''} · from the first {summary.rowsSent} rows · check before you use it
          </p>
          {streaming && (
            <button type="button" className="slds-button slds-button_neutral" onClick={onStop} data-testid="ask-stop-summary">
              Stop
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
            {summary.status === 'done' ? 'Summarize again' : 'Retry'}
          </button>
        )}
      </section>
    </>
  );
}
