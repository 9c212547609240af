import { useEffect, useId } from 'react';
import type { LeadState } from '../../lib/features/extract-lead/messages';
import { selectLeadState, sendLeadRequest as send, useLeadStore, watchLead } from '../../lib/features/extract-lead/store';
import { selectConnected, usePanelConnection } from '../../lib/panel/feature-bus';
import { Alert } from '../shared/Alert';
import { ConfirmBar } from '../shared/review/ConfirmBar';
import { recordUrl, ReviewCards } from '../shared/review/ReviewCards';
import { nounInSentence, plural, t } from '../../lib/i18n';


/** A link inside a sentence is told apart by more than its colour (WCAG 1.4.1). */
const UNDERLINED = { textDecoration: 'underline' } as const;

/** The pending "Extract to Lead" review of this window; nothing at all when none is pending. */
export function LeadReviewPanel() {
  const state = useLeadStore(selectLeadState);
  const connected = usePanelConnection(selectConnected);
  const headingId = useId();

  useEffect(() => watchLead(), []);
  useEffect(() => {
    if (connected) send({ type: 'open' });
  }, [connected]);

  if (!state) return null;
  return (
    <section className="slds-card gw-section" data-testid="lead-review" data-phase={state.phase} aria-labelledby={headingId}>
      <h2 id={headingId} className="slds-text-heading_small">
        {t('menu_extractToLead')}
      </h2>
      <LeadSourceLine source={state.source} />
      {state.problem && (
        <Alert tone="error" testId="lead-problem">
          {state.problem}
        </Alert>
      )}
      <LeadBody state={state} />
    </section>
  );
}

/** Where the text was selected: the open email's sender in Gmail or Outlook, else the page's title and address. */
function LeadSourceLine({ source }: { source: LeadState['source'] }) {
  if (source.sender) {
    return (
      <p className="slds-text-body_small" data-testid="lead-source">
        {t('lead_fromEmail', { name: source.sender.name, email: source.sender.email })}
      </p>
    );
  }
  const page = source.pageTitle ?? source.pageUrl;
  if (!page) return null;
  return (
    <p className="slds-text-body_small slds-truncate" data-testid="lead-source" title={source.pageUrl ?? undefined}>
      {t('lead_fromPage', { page })}
    </p>
  );
}

function LeadBody({ state }: { state: LeadState }) {
  if (state.phase === 'proposing') {
    return (
      <p role="status" aria-busy="true" data-testid="lead-extracting">
        {t('lead_reading')}
        {state.progress && ` ${plural('lead_partsRead', state.progress.total, { done: state.progress.done })}`}
      </p>
    );
  }
  const created = state.results.filter((result) => result.id);
  return (
    <>
      {created.length > 0 && (
        <ul data-testid="lead-results" className="slds-m-top_x-small">
          {created.map((result) => {
            const title = state.review?.cards.find((card) => card.id === result.cardId)?.title ?? t('lead_lead');
            return (
              <li
                key={result.cardId}
                data-testid={result.action === 'updated' ? 'lead-updated' : 'lead-created'}
                data-id={result.id}
                data-object={result.objectName}
              >
                {result.action === 'updated' ? t('lead_updated', { object: nounInSentence(result.objectName) }) : t('lead_created')}{' '}
                {state.lightningHost && result.id ? (
                  <a href={recordUrl(state.lightningHost, result.objectName, result.id)} target="_blank" rel="noopener noreferrer" style={UNDERLINED}>
                    {title}
                  </a>
                ) : (
                  title
                )}
              </li>
            );
          })}
        </ul>
      )}
      {state.review && (state.phase === 'review' || state.phase === 'committing') && (
        <>
          <ReviewCards
            review={{ ...state.review, cards: state.review.cards.filter((card) => !created.some((result) => result.cardId === card.id)) }}
            disabled={state.phase === 'committing'}
            onChange={(change) => send(change)}
            lightningHost={state.lightningHost}
            onDuplicateChoice={(choice) => send(choice)}
          />
          <ConfirmBar
            review={{ ...state.review, cards: state.review.cards.filter((card) => !created.some((result) => result.cardId === card.id)) }}
            busy={state.phase === 'committing'}
            onConfirm={() => send({ type: 'confirm' })}
            onDiscard={() => send({ type: 'discard' })}
          />
        </>
      )}
      {(state.phase === 'draft' || state.phase === 'committed') && (
        <button type="button" className="slds-button slds-button_neutral slds-m-top_small" onClick={() => send({ type: 'discard' })} data-testid="lead-close">
          {t('common_close')}
        </button>
      )}
    </>
  );
}
