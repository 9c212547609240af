import type { RecordCard } from '../../lib/features/record-view/messages';
import { changeLines } from '../../lib/features/record-view/card';

export function ChangesSinceLastVisit({ changes, lastVisit }: { changes: RecordCard['changes']; lastVisit: string | null }) {
  if (changes === null || lastVisit === null) return null;
  const lines = changeLines(changes);
  return (
    <section className="slds-m-top_medium" aria-labelledby="gw-changes-title" data-testid="since-last-visit">
      <h3 id="gw-changes-title" className="slds-text-title_bold">
        Since your last visit <span className="slds-text-color_weak">({new Date(lastVisit).toLocaleString()})</span>
      </h3>
      {lines.length === 0 ? (
        <p className="slds-text-color_weak" data-testid="no-changes">
          Nothing changed.
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
