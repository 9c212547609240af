import { useState } from 'react';
import type { Generation } from '../../lib/generation/types';
import { splitEmail } from '../../lib/generation/validate';
import { InsertIntoGmailButton } from '../gmail/InsertIntoGmailButton';
import { SafeMarkdown } from './SafeMarkdown';

export interface OutputActions {
  regenerate(): void;
  stop(): void;
  feedback(value: 'up' | 'down'): void;
  copy(text: string): void;
  openInGmail?(subject: string, body: string): void;
}

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
    <section className="slds-box slds-theme_default gw-output" data-testid="generation" data-feature={generation.feature} data-status={generation.status} aria-busy={streaming}>
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
        <EmailDraft key={generation.id} subject={email.subject} body={email.body} streaming={streaming} actions={actions} />
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
              <button type="button" className="slds-button slds-button_neutral" onClick={() => actions.copy(generation.text)} data-testid="copy">
                Copy
              </button>
            )}
            <button type="button" className="slds-button slds-button_neutral" aria-pressed={generation.feedback === 'up'} onClick={() => actions.feedback('up')} data-testid="thumbs-up">
              <span aria-hidden="true">👍</span>
              <span className="slds-assistive-text">Helpful</span>
            </button>
            <button type="button" className="slds-button slds-button_neutral" aria-pressed={generation.feedback === 'down'} onClick={() => actions.feedback('down')} data-testid="thumbs-down">
              <span aria-hidden="true">👎</span>
              <span className="slds-assistive-text">Not helpful</span>
            </button>
          </>
        )}
      </div>
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

function EmailDraft({ subject, body, streaming, actions }: { subject: string; body: string; streaming: boolean; actions: OutputActions }) {
  const [edited, setEdited] = useState<{ subject: string; body: string } | null>(null);
  const current = edited ?? { subject, body };
  return (
    <div className="slds-form" data-testid="email-draft">
      <div className="slds-form-element">
        <label className="slds-form-element__label" htmlFor="gw-email-subject">
          Subject
        </label>
        <input id="gw-email-subject" className="slds-input" value={current.subject} readOnly={streaming} onChange={(event) => setEdited({ ...current, subject: event.target.value })} data-testid="email-subject" />
      </div>
      <div className="slds-form-element slds-m-top_x-small">
        <label className="slds-form-element__label" htmlFor="gw-email-body">
          Body
        </label>
        <textarea id="gw-email-body" className="slds-textarea gw-email-body" value={current.body} readOnly={streaming} rows={12} onChange={(event) => setEdited({ ...current, body: event.target.value })} data-testid="email-body" />
      </div>
      {!streaming && (
        <div className="slds-button-group slds-m-top_x-small" role="group" aria-label="Use the draft">
          <button type="button" className="slds-button slds-button_neutral" onClick={() => actions.copy(`Subject: ${current.subject}\n\n${current.body}`)} data-testid="copy">
            Copy
          </button>
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
