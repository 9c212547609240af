import { useRef, type FormEvent } from 'react';
import { MAX_QUESTION_LENGTH, type AskState } from '../../lib/features/ask/messages';
import { selectAskDraft, selectAskSending, selectAskState, sendAskRequest as send, useAskStore } from '../../lib/features/ask/store';
import type { RecordCard } from '../../lib/features/record-view/messages';
import { Alert } from '../shared/Alert';
import { BlockerAlert, type Blocker } from '../shared/FeatureBlocker';
import { useDebouncedSend } from '../shared/use-debounced-send';
import { AskQuery } from './AskQuery';
import { AskResults } from './AskResults';
import { AskSummaryView } from './AskSummaryView';
import { nounInSentence, t } from '../../lib/i18n';

interface Props {
  host: string;
  record: RecordCard | null;
  blocker?: Blocker | null;
}

const DRAFT_SAVE_DELAY_MS = 300;

/**
 * Keeps what the rep types in the background too (debounced, and at once when the panel closes or the tab changes),
 * so closing the panel loses nothing.
 */
function useDraft(): [string, (text: string) => void] {
  const draft = useAskStore(selectAskDraft);
  const kept = useDebouncedSend((text: string) => send({ type: 'draft', text }), DRAFT_SAVE_DELAY_MS);
  const change = (text: string): void => {
    useAskStore.getState().setDraft(text);
    kept.keep(text);
  };
  return [draft, change];
}

/** An example question that fits the record in view. */
function placeholderFor(record: RecordCard | null): string {
  switch (record?.objectName) {
    case 'Account':
      return t('ask_exampleAccount');
    case 'Opportunity':
      return t('ask_exampleOpportunity');
    case 'Contact':
      return t('ask_exampleContact');
    case 'Lead':
      return t('ask_exampleLead');
    case 'Case':
      return t('ask_exampleCase');
    default:
      return t('ask_exampleAny');
  }
}

const isBusy = (state: AskState | null, sending: boolean): boolean => sending || state?.phase === 'planning' || state?.phase === 'running';

/** Natural-language questions answered from live Salesforce data, with the query shown and run as the rep. */
export function AskSection({ host, record, blocker = null }: Props) {
  const state = useAskStore(selectAskState);
  const sending = useAskStore(selectAskSending);
  const [draft, setDraft] = useDraft();
  const input = useRef<HTMLInputElement>(null);
  const busy = isBusy(state, sending);

  const ask = (question: string): void => {
    if (!question.trim() || busy) return;
    useAskStore.getState().markSending();
    // The question stays in the box: the rep may refine it and ask again.
    send({ type: 'ask', question: question.trim() });
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    ask(draft);
  };
  const rephrase = (question: string): void => {
    setDraft(question);
    input.current?.focus();
  };

  return (
    <section className="gw-ask" aria-labelledby="gw-ask-title" data-testid="ask-section">
      <h2 id="gw-ask-title" className="slds-assistive-text">
        {t('ask_sectionLabel')}
      </h2>
      {blocker && <BlockerAlert blocker={blocker} />}
      <form onSubmit={onSubmit} role="search" aria-label={t('ask_formLabel')}>
        <div className="slds-form-element">
          <label className="slds-form-element__label" htmlFor="gw-ask-input">
            {t('ask_yourQuestion')}
          </label>
          <div className="slds-form-element__control">
            <input
              ref={input}
              id="gw-ask-input"
              type="text"
              className="slds-input"
              value={draft}
              maxLength={MAX_QUESTION_LENGTH}
              placeholder={placeholderFor(record)}
              aria-describedby="gw-ask-help"
              onChange={(event) => setDraft(event.target.value)}
              data-testid="ask-input"
            />
          </div>
          <div id="gw-ask-help" className="slds-form-element__help slds-text-color_weak">
            {record ? `${t('ask_thisMeans', { object: nounInSentence(record.objectLabel), name: record.name })} ` : ''}
            {t('ask_help')}
          </div>
        </div>
        <button type="submit" className="slds-button slds-button_brand slds-m-top_x-small" disabled={blocker !== null || busy || !draft.trim()} data-testid="ask-submit">
          {busy ? t('ask_asking') : t('tab_ask')}
        </button>
      </form>
      {sending && !state && <Progress text={t('ask_sending')} />}
      {state && <AskOutcome state={state} host={host} onAgain={() => ask(state.question)} onRephrase={() => rephrase(state.question)} />}
    </section>
  );
}

interface OutcomeProps {
  state: AskState;
  host: string;
  onAgain(): void;
  onRephrase(): void;
}

function AskOutcome({ state, host, onAgain, onRephrase }: OutcomeProps) {
  return (
    <div className="slds-m-top_small" data-testid="ask-outcome" data-phase={state.phase} data-ask-id={state.id}>
      <p className="slds-text-title slds-m-bottom_x-small" data-testid="ask-question">
        {state.scopeName ? t('ask_youAskedAbout', { question: state.question, scope: state.scopeName }) : t('ask_youAsked', { question: state.question })}
      </p>
      {state.phase === 'planning' && <Progress text={t('ask_planning')} />}
      {state.phase === 'refused' && <Refused problems={state.problems} onRephrase={onRephrase} />}
      {state.phase === 'failed' && <Failed message={state.error ?? t('ask_somethingWrong')} onAgain={onAgain} />}
      {state.prepared && <AskQuery prepared={state.prepared} />}
      {state.phase === 'running' && <Progress text={t('ask_running')} />}
      {state.phase === 'done' && state.prepared && (
        <>
          <AskResults state={state} prepared={state.prepared} host={host} onLoadMore={() => send({ type: 'load-more' })} />
          <AskSummaryView
            askId={state.id}
            summary={state.summary}
            hasRows={state.rows.length > 0}
            host={host}
            onSummarize={() => send({ type: 'summarize' })}
            onStop={() => send({ type: 'stop-summary' })}
          />
        </>
      )}
    </div>
  );
}

function Progress({ text }: { text: string }) {
  return (
    <p role="status" className="slds-text-color_weak slds-m-top_x-small" data-testid="ask-progress" aria-busy="true">
      {text}
    </p>
  );
}

function Refused({ problems, onRephrase }: { problems: string[]; onRephrase(): void }) {
  return (
    <div role="alert" className="slds-m-top_x-small" data-testid="ask-refused">
      <p className="slds-text-color_error">{t('ask_refused')}</p>
      <ul className="slds-list_dotted">
        {problems.map((problem) => (
          <li key={problem} data-testid="ask-problem">
            {problem}
          </li>
        ))}
      </ul>
      <button type="button" className="slds-button slds-button_neutral slds-m-top_x-small" onClick={onRephrase} data-testid="ask-rephrase">
        {t('ask_rephrase')}
      </button>
    </div>
  );
}

function Failed({ message, onAgain }: { message: string; onAgain(): void }) {
  return (
    <Alert tone="error" testId="ask-error" actions={[{ label: t('ask_again'), onClick: onAgain, testId: 'ask-again' }]}>
      {message}
    </Alert>
  );
}
