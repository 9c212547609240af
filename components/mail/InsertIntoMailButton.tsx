import { useEffect } from 'react';
import { connectMail, mailActions, selectCopied, selectInserting, selectLastInsert, selectTargetClient, useMailStore } from '../../lib/features/mail/store';
import { InsertResultNote } from './InsertResultNote';
import { t } from '../../lib/i18n';
import type { OutputLanguage } from '../../lib/settings/languages';

/** "Insert into Gmail / Outlook" under an email draft: into the compose the rep used last, else a prefilled new message. */
export function InsertIntoMailButton({ subject, body, language }: { subject: string; body: string; language: OutputLanguage }) {
  useEffect(() => connectMail(), []);
  const inserting = useMailStore(selectInserting);
  const last = useMailStore(selectLastInsert);
  const copied = useMailStore(selectCopied);
  // With no mail tab open, the draft opens Gmail's new message.
  const client = useMailStore(selectTargetClient) ?? 'Gmail';
  const busy = inserting !== null;
  return (
    <>
      <button
        type="button"
        className="slds-button slds-button_neutral"
        onClick={() => mailActions.insert('draft', subject, body, language)}
        disabled={busy || body.trim() === ''}
        data-testid="insert-into-gmail"
      >
        {inserting === 'draft' ? t('mail_inserting') : t('mail_insertInto', { client })}
      </button>
      {last?.source === 'draft' && <InsertResultNote result={last} copied={copied} />}
    </>
  );
}
