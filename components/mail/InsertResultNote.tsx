import type { InsertResult } from '../../lib/features/mail/messages';
import { t } from '../../lib/i18n';

/** What became of "Insert into Gmail / Outlook", in plain words; for the clipboard fallback, whether the copy worked. */
export function InsertResultNote({ result, copied }: { result: InsertResult; copied: { at: string; ok: boolean } | null }) {
  const copy = result.kind === 'clipboard' && copied?.at === result.at ? copied : null;
  const problem = result.kind === 'clipboard' || result.kind === 'failed';
  return (
    <p
      className={`slds-m-top_x-small ${problem ? 'slds-text-color_error' : ''}`}
      role={problem ? 'alert' : 'status'}
      data-testid="gmail-insert-result"
      data-kind={result.kind}
      data-copied={copy ? String(copy.ok) : undefined}
    >
      {result.message}
      {copy && !copy.ok && ` ${t('mail_clipboardRefused')}`}
    </p>
  );
}
