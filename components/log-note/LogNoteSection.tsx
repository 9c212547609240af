import { useEffect, useId, useRef, useState } from 'react';
import { NOTE_MAX_CHARS, type NotesState } from '../../lib/features/log-note/messages';
import { selectNotesFor, sendNotesRequest as send, useNotesStore } from '../../lib/features/log-note/store';
import type { RecordCard } from '../../lib/features/record-view/messages';
import { Alert } from '../shared/Alert';
import { BlockerAlert, type Blocker } from '../shared/FeatureBlocker';
import { CommitResult } from '../shared/review/CommitResult';
import { ConfirmBar } from '../shared/review/ConfirmBar';
import { ReviewCards } from '../shared/review/ReviewCards';
import { TranscriptPicker, useTranscriptDrop } from './TranscriptPicker';
import { t } from '../../lib/i18n';

/**
 * "Log this note" for the record in view: the note, the proposed changes to review, the commit and its undo. The
 * background keeps the note and any pending review (the record workspace asks for them on every connection).
 */
export function LogNoteSection({ card, blocker }: { card: RecordCard; blocker: Blocker | null }) {
  const state = useNotesStore(selectNotesFor(card.recordId));
  const headingId = useId();
  return (
    <section data-testid="log-note" aria-labelledby={headingId}>
      <h2 id={headingId} className="slds-assistive-text">
        {t('tab_noteTitle')}
      </h2>
      {blocker && <BlockerAlert blocker={blocker} />}
      {state?.problem && (
        <Alert tone="error" testId="notes-problem">
          {state.problem}
        </Alert>
      )}
      <Body state={state} blocked={blocker !== null} />
    </section>
  );
}

function Body({ state, blocked }: { state: NotesState | null; blocked: boolean }) {
  if (!state || state.phase === 'draft' || state.phase === 'proposing') return <NoteEditor state={state} blocked={blocked} />;
  if ((state.phase === 'committed' || state.phase === 'undoing' || state.phase === 'undone') && state.committed) {
    return (
      <CommitResult
        committed={state.committed}
        review={state.review}
        lightningHost={state.lightningHost}
        undoing={state.phase === 'undoing'}
        undone={state.phase === 'undone'}
        onUndo={() => send({ type: 'undo' })}
        onDone={() => send({ type: 'done' })}
      />
    );
  }
  if (!state.review) return null;
  return (
    <div data-testid="notes-review">
      {state.changes.length > 0 && (
        <Alert tone="warning" title={t('note_changedSince')} testId="record-changed">
          <ul>
            {state.changes.map((change) => (
              <li key={change.field}>
                {t('note_changedField', { field: change.label, before: String(change.before ?? t('review_empty')), now: String(change.now ?? t('review_empty')) })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <ReviewCards
        review={state.review}
        disabled={state.phase === 'committing'}
        onChange={(change) => send(change)}
        lightningHost={state.lightningHost}
      />
      <ConfirmBar
        review={state.review}
        busy={state.phase === 'committing'}
        onConfirm={() => send({ type: 'confirm' })}
        onDiscard={() => send({ type: 'discard' })}
      />
    </div>
  );
}

function NoteEditor({ state, blocked }: { state: NotesState | null; blocked: boolean }) {
  const [text, setText] = useState(state?.draft ?? '');
  const inputId = useId();
  const stored = state?.draft;
  const addedAt = state?.added?.at;
  const typed = useRef(false);
  // The background's copy is shown until the rep types here (the panel reopened): after that, echoes of the rep's own
  // typing must not overwrite newer keystrokes. Text added by a right-click is the background's: it is taken again.
  useEffect(() => {
    typed.current = false;
  }, [addedAt]);
  useEffect(() => {
    if (!typed.current && stored !== undefined) setText(stored);
  }, [stored, addedAt]);
  const proposing = state?.phase === 'proposing';
  const transcript = state?.transcript ?? null;
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const drop = useTranscriptDrop(!proposing && !blocked, setFileProblem);
  return (
    <div className={`slds-form-element slds-m-top_x-small gw-note-editor${drop.over ? ' gw-note-editor_drop' : ''}`} {...drop.handlers} data-testid="note-editor">
      <label className="slds-form-element__label" htmlFor={inputId}>
        {transcript ? t('note_ownNotes') : t('note_inputLabel')}
      </label>
      <textarea
        id={inputId}
        className="slds-textarea"
        rows={6}
        maxLength={NOTE_MAX_CHARS}
        value={text}
        disabled={proposing}
        onChange={(event) => {
          typed.current = true;
          setText(event.target.value);
          send({ type: 'draft', text: event.target.value });
        }}
        data-testid="note-input"
      />
      <TranscriptPicker transcript={transcript} disabled={blocked || proposing} problem={fileProblem} onProblem={setFileProblem} />
      <button
        type="button"
        className="slds-button slds-button_brand slds-m-top_x-small"
        disabled={blocked || proposing || (text.trim() === '' && !transcript)}
        onClick={() => send({ type: 'propose', text })}
        data-testid="propose-updates"
      >
        {proposing ? (transcript ? t('note_readingCall') : t('note_readingNote')) : t('note_propose')}
      </button>
      {state?.added && (
        <p className="slds-text-body_small slds-m-top_x-small" role="status" data-testid="note-added">
          {t('note_added', { from: state.added.from })}
        </p>
      )}
      <p className="slds-text-body_small slds-text-color_weak slds-m-top_x-small">
        {t('note_nothingWritten')}
      </p>
    </div>
  );
}
