import { useEffect, useRef, useState } from 'react';
import { FEEDBACK_REASON_MAX, type Generation, type UseVia } from '../../lib/features/generate/messages';
import { splitEmail } from '../../lib/features/generate/validate';
import { selectLastInsert, useMailStore } from '../../lib/features/mail/store';
import { InsertIntoMailButton } from '../mail/InsertIntoMailButton';
import { Icon } from '../shared/Icon';
import { LazyMarkdown } from '../shared/LazyMarkdown';
import { useDebouncedSend } from '../shared/use-debounced-send';
import { plural, t, type MessageKey } from '../../lib/i18n';
import { draftText } from '../../lib/i18n/draft-words';
import type { OutputLanguage } from '../../lib/settings/languages';

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


interface Props {
  generation: Generation;
  actions: OutputActions;
  recordUrl(objectName: string, recordId: string): string;
  isOrgRecordUrl(href: string): boolean;
}

const STATUS_NOTE: Partial<Record<Generation['status'], MessageKey>> = {
  stopped: 'output_stopped',
  interrupted: 'output_interrupted',
};

/** One generated output with its trust signals: AI label, citations, unverified claims, checks, and what to do next. */
export function GenerationOutput({ generation, actions, recordUrl, isOrgRecordUrl }: Props) {
  const streaming = generation.status === 'streaming';
  const email = generation.feature === 'email' ? splitEmail(generation.text) : null;
  return (
    <section className="slds-box slds-theme_default gw-output" data-testid="generation" data-feature={generation.feature} data-status={generation.status} data-record-id={generation.recordId} aria-busy={streaming}>
      <div className="gw-output__head">
        <p className="gw-ai-label">
          <Icon name="einstein" />
          <span>{t('output_aiLabel')}</span>
          {generation.model && <span className="gw-ai-label__model" title={generation.model}>{generation.model}</span>}
        </p>
        {streaming && (
          <button type="button" className="slds-button slds-button_neutral" onClick={actions.stop} data-testid="stop-generation">
            <Icon name="stop" size="button" className="slds-button__icon_left" />
            {t('output_stop')}
          </button>
        )}
      </div>
      {generation.stale && (
        <p className="slds-text-color_weak" data-testid="generation-stale" role="status">
          {t('output_stale')}
        </p>
      )}
      {generation.findings.length > 0 && (
        <ul className="slds-list_dotted slds-m-bottom_small" aria-label={t('output_checks')} data-testid="deal-findings">
          {generation.findings.map((finding) => (
            <li key={finding.text} data-testid="deal-finding">
              {finding.text}
            </li>
          ))}
        </ul>
      )}
      {email ? (
        <EmailDraft key={generation.id} generated={email} edited={generation.edited} streaming={streaming} actions={actions} language={generation.language} />
      ) : (
        <LazyMarkdown text={generation.text} citations={generation.citations} claims={generation.unsupported} recordUrl={recordUrl} isOrgRecordUrl={isOrgRecordUrl} />
      )}
      {streaming && !generation.text && (
        <p className="gw-writing" data-testid="generation-writing">
          <span className="gw-tab-badge gw-tab-badge_running" aria-hidden="true" /> {t('output_writing')}
        </p>
      )}
      {streaming && generation.text && <span className="slds-assistive-text">{t('output_writing')}</span>}
      <Signals generation={generation} />
      {!streaming && (
        <div className="gw-actions gw-output__actions" role="group" aria-label={t('output_actions')}>
          <button type="button" className="slds-button slds-button_neutral" onClick={actions.regenerate} data-testid="regenerate">
            <Icon name="refresh" size="button" className="slds-button__icon_left" />
            {generation.status === 'done' ? t('output_regenerate') : t('output_retry')}
          </button>
          {!email && <CopyButton copy={() => actions.copy(generation.text)} />}
          <button
            type="button"
            className={generation.feedback === 'up' ? 'slds-button slds-button_icon slds-button_icon-border-filled slds-is-selected gw-thumb' : 'slds-button slds-button_icon slds-button_icon-border-filled gw-thumb'}
            aria-pressed={generation.feedback === 'up'}
            title={t('output_helpful')}
            onClick={() => actions.feedback('up')}
            data-testid="thumbs-up"
          >
            <Icon name="like" size="button" />
            <span className="slds-assistive-text">{t('output_helpful')}</span>
          </button>
          <ThumbsDown key={generation.id} generation={generation} onFeedback={actions.feedback} />
        </div>
      )}
      {!streaming && generation.feedback === 'down' && <FeedbackReason key={generation.id} generation={generation} onFeedback={actions.feedback} />}
    </section>
  );
}

function Signals({ generation }: { generation: Generation }) {
  const noteKey = STATUS_NOTE[generation.status];
  const note = noteKey ? t(noteKey) : null;
  return (
    <div className="slds-m-top_x-small" aria-live="polite">
      {note && (
        <p className="slds-text-color_weak" data-testid="generation-note">
          {note}
        </p>
      )}
      {generation.status === 'done' && (
        <p className="slds-text-color_weak" data-testid="grounding-summary">
          {generation.unsupported.length === 0
            ? `${t('output_allFound')} · ${plural('output_sourcesCited', generation.citations.length)}`
            : `${plural('output_unverified', generation.unsupported.length)} · ${plural('output_sourcesCited', generation.citations.length)}`}
        </p>
      )}
      {generation.validation.length > 0 && (
        <ul className="slds-text-color_error" data-testid="generation-validation">
          {generation.validation.map((problem) => (
            <li key={problem}>{t('output_validationProblem', { problem })}</li>
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
        <Icon name={result === 'copied' ? 'check' : 'copy'} size="button" className="slds-button__icon_left" />
        {result === 'copied' ? t('copy_copied') : t('copy_copy')}
      </button>
      <span role="status" className={result === 'refused' ? 'slds-text-color_error slds-m-left_x-small' : 'slds-assistive-text'} data-testid="copy-status" data-result={result ?? ''}>
        {result === 'copied' ? t('copy_done') : result === 'refused' ? t('copy_refused') : ''}
      </span>
    </>
  );
}

function ThumbsDown({ generation, onFeedback }: { generation: Generation; onFeedback: OutputActions['feedback'] }) {
  return (
    <button
      type="button"
      className={generation.feedback === 'down' ? 'slds-button slds-button_icon slds-button_icon-border-filled slds-is-selected gw-thumb' : 'slds-button slds-button_icon slds-button_icon-border-filled gw-thumb'}
      aria-pressed={generation.feedback === 'down'}
      aria-controls={generation.feedback === 'down' ? 'gw-feedback-reason' : undefined}
      title={t('output_notHelpful')}
      onClick={() => onFeedback('down')}
      data-testid="thumbs-down"
    >
      <Icon name="dislike" size="button" />
      <span className="slds-assistive-text">{t('output_notHelpful')}</span>
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
        {t('feedback_thanks', { reason: generation.feedbackReason })}
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
        {t('feedback_whatWasWrong')}
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
      <div className="gw-actions slds-m-top_xx-small" role="group" aria-label={t('feedback_sendReason')}>
        <button type="button" className="slds-button slds-button_neutral" onClick={send} data-testid="send-feedback-reason">
          {t('feedback_send')}
        </button>
        <button type="button" className="slds-button slds-button_neutral" onClick={() => setDismissed(true)} data-testid="skip-feedback-reason">
          {t('feedback_skip')}
        </button>
      </div>
    </div>
  );
}

/** Reports a successful "Insert into Gmail" of this draft once, with the text inserted. */
function useInsertReport(text: string, used: OutputActions['used']): void {
  const last = useMailStore(selectLastInsert);
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

interface EmailDraftProps {
  generated: Draft;
  edited: Draft | null;
  streaming: boolean;
  actions: OutputActions;
  /** The draft's own language: its copy's "Subject:" line is written in it. */
  language: OutputLanguage;
}

function EmailDraft({ generated, edited: kept, streaming, actions, language }: EmailDraftProps) {
  const [edited, setEditedState] = useState<Draft | null>(kept);
  const current = edited ?? generated;
  const edit = actions.edit;
  // An edit is kept when typing pauses and at once when the field loses focus (before a click on Copy counts).
  const edits = useDebouncedSend<Draft>(edit ? (draft) => edit(draft.subject, draft.body) : undefined, EDIT_SAVE_DELAY_MS);
  useInsertReport(draftText(current.subject, current.body, language), actions.used);
  const setEdited = (next: Draft): void => {
    setEditedState(next);
    edits.keep(next);
  };
  return (
    <div className="slds-form" data-testid="email-draft">
      <div className="slds-form-element">
        <label className="slds-form-element__label" htmlFor="gw-email-subject">
          {t('email_subject')}
        </label>
        <input id="gw-email-subject" className="slds-input" value={current.subject} readOnly={streaming} onChange={(event) => setEdited({ ...current, subject: event.target.value })} onBlur={edits.flush} data-testid="email-subject" />
      </div>
      <div className="slds-form-element slds-m-top_x-small">
        <label className="slds-form-element__label" htmlFor="gw-email-body">
          {t('email_body')}
        </label>
        <textarea id="gw-email-body" className="slds-textarea gw-email-body" value={current.body} readOnly={streaming} rows={12} onChange={(event) => setEdited({ ...current, body: event.target.value })} onBlur={edits.flush} data-testid="email-body" />
      </div>
      {!streaming && (
        <div className="gw-actions" role="group" aria-label={t('email_useDraft')}>
          <CopyButton copy={() => actions.copy(draftText(current.subject, current.body, language))} />
          {actions.openInGmail && (
            <button type="button" className="slds-button slds-button_neutral" onClick={() => actions.openInGmail?.(current.subject, current.body)} data-testid="open-in-gmail">
              {t('email_openInGmail')}
            </button>
          )}
          <InsertIntoMailButton subject={current.subject} body={current.body} language={language} />
        </div>
      )}
    </div>
  );
}
