import { useId, useState, type DragEvent, type ReactNode } from 'react';
import type { Transcript } from '../../lib/features/log-note/messages';
import { sendNotesRequest as send } from '../../lib/features/log-note/store';
import { readTranscriptFile } from '../../lib/features/log-note/transcript-file';
import { clockOf, speakersOf } from '../../lib/features/log-note/transcript';
import { Alert } from '../shared/Alert';
import { Icon } from '../shared/Icon';
import { plural, t, type MessageKey } from '../../lib/i18n';

const FORMAT_NAMES: Record<Transcript['format'], MessageKey> = {
  webvtt: 'transcript_formatWebvtt',
  srt: 'transcript_formatSrt',
  'speaker-lines': 'transcript_formatSpeakerLines',
  'meeting-export': 'transcript_formatMeetingExport',
};

/** Reads a dropped or picked file in the panel: a bad one is refused here, and nothing reaches the background or the model. */
async function attach(file: File, refuse: (problem: string) => void): Promise<void> {
  const result = await readTranscriptFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if ('problem' in result) refuse(result.problem);
  else send({ type: 'attach-transcript', transcript: result.transcript });
}

/** Dropping a file anywhere on the note's editor: the drop zone lights up, and the first file is read. */
export function useTranscriptDrop(enabled: boolean, refuse: (problem: string | null) => void) {
  const [over, setOver] = useState(false);
  const accepts = (event: DragEvent): boolean => enabled && event.dataTransfer.types.includes('Files');
  return {
    over,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!accepts(event)) return;
        event.preventDefault();
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (event: DragEvent) => {
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (!accepts(event) || !file) return;
        event.preventDefault();
        refuse(null);
        void attach(file, refuse);
      },
    },
  };
}

/** The transcript added to the note, or the way to add one; a refused file's message stays until the next try. */
export function TranscriptPicker({ transcript, disabled, problem, onProblem }: { transcript: Transcript | null; disabled: boolean; problem: string | null; onProblem: (problem: string | null) => void }) {
  const inputId = useId();
  let body: ReactNode;
  if (transcript) {
    body = <AttachedTranscript transcript={transcript} disabled={disabled} />;
  } else {
    body = (
      <div className="slds-file-selector slds-file-selector_files gw-transcript-picker">
        <div className="slds-file-selector__dropzone">
          <input
            type="file"
            id={inputId}
            className="slds-file-selector__input slds-assistive-text"
            accept=".vtt,.srt,.txt,text/vtt,text/plain"
            disabled={disabled}
            data-testid="transcript-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              onProblem(null);
              if (file) void attach(file, onProblem);
            }}
          />
          <label className="slds-file-selector__body" htmlFor={inputId}>
            <span className="slds-file-selector__button slds-button slds-button_neutral">
              <Icon name="attach" className="slds-button__icon slds-button__icon_left" />
              {t('transcript_add')}
            </span>
            <span className="slds-file-selector__text">{t('transcript_drop')}</span>
          </label>
        </div>
      </div>
    );
  }
  return (
    <div className="slds-m-top_x-small">
      {body}
      {problem && (
        <Alert tone="error" title={t('transcript_notAdded')} testId="transcript-problem">
          {problem}
        </Alert>
      )}
    </div>
  );
}

function AttachedTranscript({ transcript, disabled }: { transcript: Transcript; disabled: boolean }) {
  const speakers = speakersOf(transcript);
  const lastAt = transcript.lines.reduce<number | null>((latest, line) => (line.at !== null && (latest === null || line.at > latest) ? line.at : latest), null);
  const facts = [
    t(FORMAT_NAMES[transcript.format]),
    plural('transcript_turns', transcript.lines.length),
    ...(lastAt !== null ? [t('transcript_length', { clock: clockOf(lastAt) })] : []),
  ];
  return (
    <div className="slds-box slds-box_x-small gw-transcript" data-testid="transcript-attached" data-lines={transcript.lines.length}>
      <p className="gw-transcript__name">
        <Icon name="attach" /> <span className="slds-truncate" title={transcript.fileName}>{transcript.fileName}</span>
      </p>
      <p className="slds-text-body_small slds-text-color_weak">{facts.join(' · ')}</p>
      <p className="slds-text-body_small" data-testid="transcript-speakers">
        {speakers.length > 0 ? t('transcript_speakers', { speakers: speakers.join(', ') }) : t('transcript_noSpeakers')}
      </p>
      <button type="button" className="slds-button slds-button_neutral slds-m-top_x-small" disabled={disabled} onClick={() => send({ type: 'drop-transcript' })} data-testid="transcript-remove">
        {t('transcript_remove')}
      </button>
    </div>
  );
}
