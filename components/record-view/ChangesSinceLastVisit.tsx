import type { RecordCard } from '../../lib/features/record-view/messages';
import { changeShown } from '../../lib/features/record-view/list-titles';
import { t, formatDate } from '../../lib/i18n';

export function ChangesSinceLastVisit({ changes, lastVisit }: { changes: RecordCard['changes']; lastVisit: string | null }) {
  if (changes === null || lastVisit === null) return null;
  const lines = changes.map(changeShown);
  return (
    <section className="slds-m-top_medium" aria-labelledby="gw-changes-title" data-testid="since-last-visit">
      <h3 id="gw-changes-title" className="slds-text-title_bold">
        {t('changes_title')}{' '}
        <span className="slds-text-color_weak">({formatDate(lastVisit, { dateStyle: 'medium', timeStyle: 'short' })})</span>
      </h3>
      {lines.length === 0 ? (
        <p className="slds-text-color_weak" data-testid="no-changes">
          {t('changes_none')}
        </p>
      ) : (
        <ul className="slds-list_dotted">
          {lines.map((line) => (
            <li key={line} data-testid="change">
              {line}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
