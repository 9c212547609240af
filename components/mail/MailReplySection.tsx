import { useEffect, useState } from 'react';
import type { PanelView } from '../../lib/features/record-view/messages';
import { connectMail, mailActions, selectCopied, selectInserting, selectLastInsert, selectReply, useMailStore } from '../../lib/features/mail/store';
import type { ReplyDraft } from '../../lib/features/mail/messages';
import { MailLogSection } from './MailLogSection';
import { InsertResultNote } from './InsertResultNote';
import { Alert } from '../shared/Alert';
import { plural, t, type MessageKey } from '../../lib/i18n';
import { replySubject } from '../../lib/i18n/draft-words';

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
              {t('reply_to', { name: match.name })}
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
          {t('reply_instruction')}
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
        {t('reply_uses')}
      </p>
      <div className="slds-m-top_x-small">
        {streaming ? (
          <button type="button" className="slds-button slds-button_neutral" onClick={mailActions.stopReply} data-testid="stop-reply">
            {t('output_stop')}
          </button>
        ) : (
          <button type="button" className="slds-button slds-button_brand" onClick={() => mailActions.draftReply(instruction)} data-testid="draft-reply">
            {hasReply ? t('reply_draftAgain') : t('reply_draft')}
          </button>
        )}
      </div>
    </div>
  );
}

const STATUS_NOTE: Partial<Record<ReplyDraft['status'], MessageKey>> = {
  stopped: 'output_stopped',
  interrupted: 'output_interrupted',
};

function ReplyOutput({ reply, client }: { reply: ReplyDraft; client: MailView['client'] }) {
  const inserting = useMailStore(selectInserting);
  const last = useMailStore(selectLastInsert);
  const copied = useMailStore(selectCopied);
  const streaming = reply.status === 'streaming';
  const body = reply.edited ?? reply.text;
  const noteKey = STATUS_NOTE[reply.status];
  return (
    <>
      {reply.problem && (
        <Alert tone="error" title={t('reply_problem')} testId="reply-problem" data={{ 'data-kind': reply.problem.kind }}>
          {reply.problem.message}
        </Alert>
      )}
      <div className="slds-m-top_small gw-output" data-testid="reply" data-status={reply.status} aria-busy={streaming}>
        <p className="slds-text-title_caps gw-ai-label">{reply.model ? t('reply_aiLabelModel', { model: reply.model }) : t('output_aiLabel')}</p>
        <div className="slds-form-element">
          <label className="slds-form-element__label" htmlFor="gw-reply-body">
            {t('reply_label')}
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
          {noteKey && <p className="slds-text-color_weak">{t(noteKey)}</p>}
          {reply.status === 'done' && <Checks reply={reply} />}
        </div>
        {!streaming && body.trim() !== '' && (
          <div className="slds-m-top_x-small">
            <button
              type="button"
              className="slds-button slds-button_brand"
              onClick={() => mailActions.insert('reply', replySubject(reply.threadSubject, reply.language, client), body, reply.language)}
              disabled={inserting !== null}
              data-testid="insert-reply"
            >
              {inserting === 'reply' ? t('mail_inserting') : t('mail_insertInto', { client })}
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
            <p>{t('reply_notFound')}</p>
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
          {reply.unsupported.length === 0 ? t('reply_allFound') : plural('reply_unverified', reply.unsupported.length)}
          {` · ${plural('output_sourcesCited', reply.citations.length)}`}
        </p>
        {reply.citations.length > 0 && (
          <details className="slds-m-top_xx-small">
            <summary>{t('reply_sources')}</summary>
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
