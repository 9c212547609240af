import { useEffect } from 'react';
import { connectGmail, gmailActions, selectCopied, selectInserting, selectLastInsert, useGmailStore } from '../../lib/features/gmail/store';
import { InsertResultNote } from './InsertResultNote';

/** "Insert into Gmail" under an email draft: into the compose the rep used last, else a prefilled new message. */
export function InsertIntoGmailButton({ subject, body }: { subject: string; body: string }) {
  useEffect(() => connectGmail(), []);
  const inserting = useGmailStore(selectInserting);
  const last = useGmailStore(selectLastInsert);
  const copied = useGmailStore(selectCopied);
  const busy = inserting !== null;
  return (
    <>
      <button
        type="button"
        className="slds-button slds-button_neutral"
        onClick={() => gmailActions.insert('draft', subject, body)}
        disabled={busy || body.trim() === ''}
        data-testid="insert-into-gmail"
      >
        {inserting === 'draft' ? 'Inserting…' : 'Insert into Gmail'}
      </button>
      {last?.source === 'draft' && <InsertResultNote result={last} copied={copied} />}
    </>
  );
}
