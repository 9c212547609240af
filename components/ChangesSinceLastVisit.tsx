import type { Change } from '../lib/snapshots';

export function ChangesSinceLastVisit({ changes, lastVisit }: { changes: Change[] | null; lastVisit: string | null }) {
  if (changes === null || lastVisit === null) return null;
  return (
    <section className="slds-m-top_medium" aria-labelledby="gw-changes-title" data-testid="since-last-visit">
      <h3 id="gw-changes-title" className="slds-text-title_bold">
        Since your last visit <span className="slds-text-color_weak">({new Date(lastVisit).toLocaleString()})</span>
      </h3>
      {changes.length === 0 ? (
        <p className="slds-text-color_weak" data-testid="no-changes">
          Nothing changed.
        </p>
      ) : (
        <ul className="slds-list_dotted">
          {changes.map((change, index) => (
            <li key={index} data-testid="change">
              {change.kind === 'field' ? (
                <>
                  {change.label}: {change.before} → {change.after}
                </>
              ) : (
                <>
                  New in {change.list}: {change.name}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
