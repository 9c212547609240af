import { useEffect, useState } from 'react';
import type { PanelView } from '../../lib/features/record-view/messages';
import { connectMail, mailActions, selectCopied, selectInserting, selectLastInsert, selectReply, useMailStore } from '../../lib/features/mail/store';
import type { ReplyDraft } from '../../lib/features/mail/messages';
import { MailLogSection } from './MailLogSection';
import { InsertResultNote } from './InsertResultNote';
import { Alert } from '../shared/Alert';

type MailView = Extract<PanelView, { kind: 'mail' }>;

/**
 * Under the sender card: "Draft reply" to the open message, grounded in the sender's Salesforce record and the thread,
 * streamed, checked and editable; "Insert into Gmail / Outlook" puts it into an inline reply; then "Log to Salesforce".
 */
export function MailReplySection({ view }: { view: MailView }) {
  useEffect(() => connectMail(), []);
  const reply = useMailStore(selectReply);
  const last = useMailStore(selectLastInsert);
  const copied = useMailStore(selectCopied);
  const match = view.match?.kind === 'found' ? view.match : null;
  const forThisSender = reply && view.sender && reply.person.email.toLowerCase() === view.sender.email.toLowerCase() ? reply : null;
  return (
    <>
        {/* A draft's insert that opened a new mail tab: the panel now follows that tab, so the result shows here. */}
        {last?.source === 'draft' && <InsertResultNote result={last} copied={copied} />}
        {match && view.sender && (
          <section className="slds-box slds-theme_default slds-m-top_small" aria-labelledby="gw-reply-heading" data-testid="gmail-reply">
            <h2 id="gw-reply-heading" className="slds-text-heading_small">
              Reply to {match.name}
            </h2>
            <DraftReplyForm streaming={forThisSender?.status === 'streaming'} hasReply={forThisSender !== null} />
            {forThisSender && <ReplyOutput client={view.client} reply={forThisSender} />}
          </section>
        )}
        <MailLogSection />
    </>
  );
}

function DraftReplyForm({ streaming, hasReply }: { streaming: boolean; hasReply: boolean }) {
  const [instruction, setInstruction] = useState('');
  return (
    <div className="slds-m-top_x-small">
      <div className="slds-form-element">
        <label className="slds-form-element__label" htmlFor="gw-reply-instruction">
          What the reply should say (optional)
        </label>
        <input
          id="gw-reply-instruction"
          className="slds-input"
          value={instruction}
          maxLength={500}
          onChange={(event) => setInstruction(event.target.value)}
          data-testid="reply-instruction"
        />
      </div>
      <p className="slds-text-color_weak slds-m-top_xx-small">
        Uses this person&apos;s Salesforce record (for a contact, also their account&apos;s open opportunities and cases) and the open email thread, with sensitive numbers redacted.
      </p>
      <div className="slds-m-top_x-small">
        {streaming ? (
          <button type="button" className="slds-button slds-button_neutral" onClick={mailActions.stopReply} data-testid="stop-reply">
            Stop
          </button>
        ) : (
          <button type="button" className="slds-button slds-button_brand" onClick={() => mailActions.draftReply(instruction)} data-testid="draft-reply">
            {hasReply ? 'Draft again' : 'Draft reply'}
          </button>
        )}
      </div>
    </div>
  );
}

const STATUS_NOTE: Partial<Record<ReplyDraft['status'], string>> = {
  stopped: 'Stopped. What was written so far is kept.',
  interrupted: 'Groundwork was interrupted before this finished. What was written so far is kept.',
};

function ReplyOutput({ reply, client }: { reply: ReplyDraft; client: MailView['client'] }) {
  const inserting = useMailStore(selectInserting);
  const last = useMailStore(selectLastInsert);
  const copied = useMailStore(selectCopied);
  const streaming = reply.status === 'streaming';
  const body = reply.edited ?? reply.text;
  return (
    <>
      {reply.problem && (
        <Alert tone="error" title="The reply could not be written" testId="reply-problem" data={{ 'data-kind': reply.problem.kind }}>
          {reply.problem.message}
        </Alert>
      )}
      <div className="slds-m-top_small gw-output" data-testid="reply" data-status={reply.status} aria-busy={streaming}>
        <p className="slds-text-title_caps gw-ai-label">AI-generated{reply.model ? ` · ${reply.model}` : ''} · check before you use it</p>
        <div className="slds-form-element">
          <label className="slds-form-element__label" htmlFor="gw-reply-body">
            Reply
          </label>
          <textarea
            id="gw-reply-body"
            className="slds-textarea gw-email-body"
            rows={10}
            value={body}
            readOnly={streaming}
            onChange={(event) => mailActions.editReply(event.target.value)}
            data-testid="reply-body"
          />
        </div>
        <div aria-live="polite">
          {STATUS_NOTE[reply.status] && <p className="slds-text-color_weak">{STATUS_NOTE[reply.status]}</p>}
          {reply.status === 'done' && <Checks reply={reply} />}
        </div>
        {!streaming && body.trim() !== '' && (
          <div className="slds-m-top_x-small">
            <button
              type="button"
              className="slds-button slds-button_brand"
              onClick={() => mailActions.insert('reply', reply.threadSubject ? `Re: ${reply.threadSubject}` : '', body)}
              disabled={inserting !== null}
              data-testid="insert-reply"
            >
              {inserting === 'reply' ? 'Inserting…' : `Insert into ${client}`}
            </button>
            {last?.source === 'reply' && <InsertResultNote result={last} copied={copied} />}
          </div>
        )}
      </div>
    </>
  );
}

function Checks({ reply }: { reply: ReplyDraft }) {
  return (
    <>
        {reply.unsupported.length > 0 && (
          <div className="slds-text-color_error" data-testid="reply-unverified">
            <p>Not found in the record or the thread — check before sending:</p>
            <ul className="slds-list_dotted">
              {reply.unsupported.map((claim) => (
                <li key={`${claim.kind}:${claim.text}`} data-testid="unverified-claim">
                  {claim.text}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="slds-text-color_weak" data-testid="reply-grounding">
          {reply.unsupported.length === 0 ? 'Every number, date, email, phone and name was found in the record or the thread' : `${reply.unsupported.length} unverified`}
          {` · ${reply.citations.length} sources cited`}
        </p>
        {reply.citations.length > 0 && (
          <details className="slds-m-top_xx-small">
            <summary>Sources</summary>
            <ul className="slds-list_dotted" data-testid="reply-citations">
              {reply.citations.map((citation) => (
                <li key={citation.id} data-testid="citation">
                  {citation.text}
                </li>
              ))}
            </ul>
          </details>
        )}
    </>
  );
}
