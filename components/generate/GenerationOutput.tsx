import { useCallback, useEffect, useRef, useState } from 'react';
import { FEEDBACK_REASON_MAX, type Generation, type UseVia } from '../../lib/features/generate/messages';
import { splitEmail } from '../../lib/features/generate/validate';
import { selectLastInsert, useGmailStore } from '../../lib/features/gmail/store';
import { InsertIntoGmailButton } from '../gmail/InsertIntoGmailButton';
import { SafeMarkdown } from '../shared/SafeMarkdown';

export interface OutputActions {
  regenerate(): void;
  stop(): void;
  /** Thumbs; a thumbs down may come again with the rep's reason. */
  feedback(value: 'up' | 'down', reason?: string): void;
  /** Resolves whether the browser took the text. */
  copy(text: string): Promise<boolean>;
  openInGmail?(subject: string, body: string): void;
  /** The rep used the output (the text as used, to measure their edits). */
  used?(via: UseVia, finalText: string): void;
  /** The rep edited an email draft: kept in the background so closing the panel loses nothing. */
  edit?(subject: string, body: string): void;
}

/** How long typing pauses before an edit is kept: one message per pause, not per key. */
const EDIT_SAVE_DELAY_MS = 400;

const draftText = (subject: string, body: string): string => `Subject: ${subject}\n\n${body}`;

interface Props {
  generation: Generation;
  actions: OutputActions;
  recordUrl(objectName: string, recordId: string): string;
  isOrgRecordUrl(href: string): boolean;
}

const STATUS_NOTE: Partial<Record<Generation['status'], string>> = {
  stopped: 'Stopped. What was written so far is kept.',
  interrupted: 'Groundwork was interrupted before this finished. What was written so far is kept.',
};

/** One generated output with its trust signals: AI label, citations, unverified claims, checks, and what to do next. */
export function GenerationOutput({ generation, actions, recordUrl, isOrgRecordUrl }: Props) {
  const streaming = generation.status === 'streaming';
  const email = generation.feature === 'email' ? splitEmail(generation.text) : null;
  return (
    <section className="slds-box slds-theme_default gw-output" data-testid="generation" data-feature={generation.feature} data-status={generation.status} data-record-id={generation.recordId} aria-busy={streaming}>
      <p className="slds-text-title_caps gw-ai-label">
        AI-generated{generation.model ? ` · ${generation.model}` : ''} · check before you use it
      </p>
      {generation.stale && (
        <p className="slds-text-color_weak" data-testid="generation-stale" role="status">
          The record changed since this was written. Regenerate for an up-to-date version.
        </p>
      )}
      {generation.findings.length > 0 && (
        <ul className="slds-list_dotted slds-m-bottom_small" aria-label="Checks" data-testid="deal-findings">
          {generation.findings.map((finding) => (
            <li key={finding.text} data-testid="deal-finding">
              {finding.text}
            </li>
          ))}
        </ul>
      )}
      {email ? (
        <EmailDraft key={generation.id} generated={email} edited={generation.edited} streaming={streaming} actions={actions} />
      ) : (
        <SafeMarkdown text={generation.text} citations={generation.citations} claims={generation.unsupported} recordUrl={recordUrl} isOrgRecordUrl={isOrgRecordUrl} />
      )}
      {streaming && <span className="slds-assistive-text">Writing…</span>}
      <Signals generation={generation} />
      <div className="slds-button-group slds-m-top_small gw-output__actions" role="group" aria-label="Output actions">
        {streaming ? (
          <button type="button" className="slds-button slds-button_neutral" onClick={actions.stop} data-testid="stop-generation">
            Stop
          </button>
        ) : (
          <>
            <button type="button" className="slds-button slds-button_neutral" onClick={actions.regenerate} data-testid="regenerate">
              {generation.status === 'done' ? 'Regenerate' : 'Retry'}
            </button>
            {!email && (
              <CopyButton copy={() => actions.copy(generation.text)} />
            )}
            <button type="button" className="slds-button slds-button_neutral" aria-pressed={generation.feedback === 'up'} onClick={() => actions.feedback('up')} data-testid="thumbs-up">
              <span aria-hidden="true">👍</span>
              <span className="slds-assistive-text">Helpful</span>
            </button>
            <ThumbsDown key={generation.id} generation={generation} onFeedback={actions.feedback} />
          </>
        )}
      </div>
      {!streaming && generation.feedback === 'down' && <FeedbackReason key={generation.id} generation={generation} onFeedback={actions.feedback} />}
    </section>
  );
}

function Signals({ generation }: { generation: Generation }) {
  const note = STATUS_NOTE[generation.status];
  return (
    <div className="slds-m-top_x-small" aria-live="polite">
      {note && (
        <p className="slds-text-color_weak" data-testid="generation-note">
          {note}
        </p>
      )}
      {generation.problem && (
        <p role="alert" className="slds-text-color_error" data-testid="generation-problem" data-kind={generation.problem.kind}>
          {generation.problem.message}
        </p>
      )}
      {generation.status === 'done' && (
        <p className="slds-text-color_weak" data-testid="grounding-summary">
          {generation.unsupported.length === 0
            ? `Every number, date, email, phone and name was found in the record data · ${generation.citations.length} sources cited`
            : `${generation.unsupported.length} unverified ${generation.unsupported.length === 1 ? 'claim' : 'claims'} highlighted · ${generation.citations.length} sources cited`}
        </p>
      )}
      {generation.validation.length > 0 && (
        <ul className="slds-text-color_error" data-testid="generation-validation">
          {generation.validation.map((problem) => (
            <li key={problem}>{problem} Regenerate to try again.</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const COPIED_NOTE_MS = 2_500;

/** Copy, saying that it worked (briefly) or, when the browser refused, what to do instead. */
function CopyButton({ copy }: { copy(): Promise<boolean> }) {
  const [result, setResult] = useState<'copied' | 'refused' | null>(null);
  useEffect(() => {
    if (result !== 'copied') return;
    const timer = setTimeout(() => setResult(null), COPIED_NOTE_MS);
    return () => clearTimeout(timer);
  }, [result]);
  return (
    <>
      <button type="button" className="slds-button slds-button_neutral" onClick={() => void copy().then((ok) => setResult(ok ? 'copied' : 'refused'))} data-testid="copy">
        {result === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span role="status" className={result === 'refused' ? 'slds-text-color_error slds-m-left_x-small' : 'slds-assistive-text'} data-testid="copy-status" data-result={result ?? ''}>
        {result === 'copied' ? 'Copied to the clipboard.' : result === 'refused' ? 'The browser did not allow copying: select the text and press Ctrl+C.' : ''}
      </span>
    </>
  );
}

function ThumbsDown({ generation, onFeedback }: { generation: Generation; onFeedback: OutputActions['feedback'] }) {
  return (
    <button
      type="button"
      className="slds-button slds-button_neutral"
      aria-pressed={generation.feedback === 'down'}
      aria-controls={generation.feedback === 'down' ? 'gw-feedback-reason' : undefined}
      onClick={() => onFeedback('down')}
      data-testid="thumbs-down"
    >
      <span aria-hidden="true">👎</span>
      <span className="slds-assistive-text">Not helpful</span>
    </button>
  );
}

/** After a thumbs down: an optional reason, in the rep's words, sent with the feedback. */
function FeedbackReason({ generation, onFeedback }: { generation: Generation; onFeedback: OutputActions['feedback'] }) {
  const [reason, setReason] = useState('');
  const [dismissed, setDismissed] = useState(false);
  if (generation.feedbackReason) {
    return (
      <p className="slds-text-color_weak slds-m-top_x-small" role="status" data-testid="feedback-thanks">
        Thanks. Your reason was noted: “{generation.feedbackReason}”
      </p>
    );
  }
  if (dismissed) return null;
  const send = (): void => {
    if (reason.trim()) onFeedback('down', reason.trim());
    else setDismissed(true);
  };
  return (
    <div className="slds-form-element slds-m-top_x-small" data-testid="feedback-reason-form">
      <label className="slds-form-element__label" htmlFor="gw-feedback-reason">
        What was wrong? (optional)
      </label>
      <textarea
        id="gw-feedback-reason"
        className="slds-textarea"
        rows={2}
        maxLength={FEEDBACK_REASON_MAX}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        data-testid="feedback-reason"
      />
      <div className="slds-button-group slds-m-top_xx-small" role="group" aria-label="Send the reason">
        <button type="button" className="slds-button slds-button_neutral" onClick={send} data-testid="send-feedback-reason">
          Send
        </button>
        <button type="button" className="slds-button slds-button_neutral" onClick={() => setDismissed(true)} data-testid="skip-feedback-reason">
          Skip
        </button>
      </div>
    </div>
  );
}

/** Reports a successful "Insert into Gmail" of this draft once, with the text inserted. */
function useInsertReport(text: string, used: OutputActions['used']): void {
  const last = useGmailStore(selectLastInsert);
  const seen = useRef(last?.at ?? null);
  const current = useRef(text);
  useEffect(() => {
    current.current = text;
  }, [text]);
  useEffect(() => {
    if (!last || last.at === seen.current) return;
    seen.current = last.at;
    if (last.source === 'draft' && (last.kind === 'inserted' || last.kind === 'opened-compose')) used?.('gmail-insert', current.current);
  }, [last, used]);
}

type Draft = { subject: string; body: string };

/**
 * Sends the latest edit once typing pauses, and at once when the field loses focus (before a click on Copy counts) or
 * the draft goes away (another record, a new draft).
 */
function useDebouncedEdit(edit: OutputActions['edit']): { keep(draft: Draft): void; flush(): void } {
  const pending = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const send = useRef(edit);
  useEffect(() => {
    send.current = edit;
  }, [edit]);
  // Only refs inside: one function for the draft's whole life, also used as the unmount cleanup.
  const flush = useCallback((): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const draft = pending.current;
    pending.current = null;
    if (draft) send.current?.(draft.subject, draft.body);
  }, []);
  useEffect(() => flush, [flush]);
  return {
    keep(draft) {
      pending.current = draft;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, EDIT_SAVE_DELAY_MS);
    },
    flush,
  };
}

interface EmailDraftProps {
  generated: Draft;
  edited: Draft | null;
  streaming: boolean;
  actions: OutputActions;
}

function EmailDraft({ generated, edited: kept, streaming, actions }: EmailDraftProps) {
  const [edited, setEditedState] = useState<Draft | null>(kept);
  const current = edited ?? generated;
  const edits = useDebouncedEdit(actions.edit);
  useInsertReport(draftText(current.subject, current.body), actions.used);
  const setEdited = (next: Draft): void => {
    setEditedState(next);
    edits.keep(next);
  };
  return (
    <div className="slds-form" data-testid="email-draft">
      <div className="slds-form-element">
        <label className="slds-form-element__label" htmlFor="gw-email-subject">
          Subject
        </label>
        <input id="gw-email-subject" className="slds-input" value={current.subject} readOnly={streaming} onChange={(event) => setEdited({ ...current, subject: event.target.value })} onBlur={edits.flush} data-testid="email-subject" />
      </div>
      <div className="slds-form-element slds-m-top_x-small">
        <label className="slds-form-element__label" htmlFor="gw-email-body">
          Body
        </label>
        <textarea id="gw-email-body" className="slds-textarea gw-email-body" value={current.body} readOnly={streaming} rows={12} onChange={(event) => setEdited({ ...current, body: event.target.value })} onBlur={edits.flush} data-testid="email-body" />
      </div>
      {!streaming && (
        <div className="slds-button-group slds-m-top_x-small" role="group" aria-label="Use the draft">
          <CopyButton copy={() => actions.copy(draftText(current.subject, current.body))} />
          {actions.openInGmail && (
            <button type="button" className="slds-button slds-button_neutral" onClick={() => actions.openInGmail?.(current.subject, current.body)} data-testid="open-in-gmail">
              Open in Gmail
            </button>
          )}
          <InsertIntoGmailButton subject={current.subject} body={current.body} />
        </div>
      )}
    </div>
  );
}
