import type { AskState } from '../../lib/features/ask/messages';
import type { CellValue, PreparedQuery, RecordLink, ResultColumn, ResultRow } from '../../lib/features/ask/results';
import { formatNumber, nounInSentence, plural, t } from '../../lib/i18n';

interface Props {
  state: AskState;
  prepared: PreparedQuery;
  host: string;
  onLoadMore(): void;
}

/** The org's own Lightning page for a record, on the host the rep is browsing. */
export function lightningRecordUrl(host: string, link: RecordLink): string {
  return `https://${host}/lightning/r/${encodeURIComponent(link.objectName)}/${encodeURIComponent(link.id)}/view`;
}

/** The anchor of a result row, for citations of rows without a record of their own (totals). */
export const rowAnchor = (index: number): string => `gw-ask-row-q${index + 1}`;

function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? t('common_yes') : t('common_no');
  if (typeof value === 'number') return formatNumber(value, { maximumFractionDigits: 2 });
  return value;
}

/** Rows link to their records, so the Id column itself is not shown. */
function shownColumns(prepared: PreparedQuery): ResultColumn[] {
  const shown = prepared.columns.filter((column) => column.key !== 'Id');
  return shown.length > 0 ? shown : prepared.columns;
}

function Cell({ row, column, first, host }: { row: ResultRow; column: ResultColumn; first: boolean; host: string }) {
  const text = cellText(row.values[column.key] ?? null);
  const link = row.links[column.key] ?? (first ? row.link : null);
  if (!link || !text) return <td data-label={column.label}>{text}</td>;
  return (
    <td data-label={column.label}>
      <a href={lightningRecordUrl(host, link)} target="_blank" rel="noreferrer" data-testid="ask-record-link" data-record-id={link.id}>
        {text}
      </a>
    </td>
  );
}

/** The query's rows as an accessible table, each linking to its record, with "Load more" while Salesforce has more. */
export function AskResults({ state, prepared, host, onLoadMore }: Props) {
  const columns = shownColumns(prepared);
  if (state.rows.length === 0) {
    return (
      <p role="status" className="slds-m-top_x-small" data-testid="ask-empty">
        {t('ask_noRows', { object: nounInSentence(prepared.objectLabel) })}
      </p>
    );
  }
  return (
    <div className="slds-m-top_small">
      <div className="slds-scrollable_x" role="region" aria-label={t('ask_results')} tabIndex={0}>
        <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-table_striped slds-max-medium-table_stacked-horizontal gw-results-table" data-testid="ask-results">
          <caption className="slds-assistive-text">{t('ask_resultsOf', { question: state.question })}</caption>
          <thead>
            <tr className="slds-line-height_reset">
              <th scope="col">{t('ask_row')}</th>
              {columns.map((column) => (
                <th scope="col" key={column.key}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.rows.map((row, index) => (
              <tr key={`${row.link?.id ?? ''}${index}`} id={rowAnchor(index)} data-testid="ask-row" data-record-id={row.link?.id ?? ''}>
                <th scope="row" className="slds-text-color_weak" data-label={t('ask_row')}>
                  q{index + 1}
                </th>
                {columns.map((column, position) => (
                  <Cell key={column.key} row={row} column={column} first={position === 0} host={host} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="slds-m-top_x-small" role="status" data-testid="ask-count">
        {plural('ask_showing', state.totalSize, { shown: state.rows.length })}
      </p>
      {state.moreError && (
        <p role="alert" className="slds-text-color_error" data-testid="ask-more-error">
          {state.moreError}
        </p>
      )}
      {state.nextRecordsUrl && (
        <button type="button" className="slds-button slds-button_neutral" onClick={onLoadMore} disabled={state.loadingMore} data-testid="ask-load-more">
          {state.loadingMore ? t('ask_loadingMore') : t('ask_loadMore')}
        </button>
      )}
    </div>
  );
}
