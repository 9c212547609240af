import { useState, type KeyboardEvent } from 'react';
import {
  derivedCachePrice,
  emptyPriceRow,
  PRICE_KINDS,
  priceRowProblems,
  priceRowsFrom,
  priceTableFromRows,
  type PriceKind,
  type PriceProblem,
  type PriceRowDraft,
} from '../../lib/features/governance/price-draft';
import { DEFAULT_PRICES } from '../../lib/settings';
import { Section } from './fields';
import { formatNumber, t, type MessageKey } from '../../lib/i18n';

const ERROR_ID = 'gw-prices-error';

/** Each price's column heading. */
const PRICE_COLUMNS: Record<PriceKind, MessageKey> = { input: 'prices_input', output: 'prices_output', cacheRead: 'prices_cacheRead', cacheWrite: 'prices_cacheWrite' };

interface Props {
  /** The rows as typed; when locked, the organization's prices. */
  rows: PriceRowDraft[];
  onChange(rows: PriceRowDraft[]): void;
  /** Forced by the policy: shown, not editable. */
  locked: boolean;
}

/**
 * The price table the usage view and budgets count new requests with. Edits are kept as typed (SettingsView saves
 * them with the other settings); every problem is listed under the table and blocks the save.
 */
export function PriceTableSection({ rows, onChange, locked }: Props) {
  const [adding, setAdding] = useState<PriceRowDraft>(emptyPriceRow);
  // Shown only once "Add" was pressed, so an empty add row is not an error.
  const [addProblems, setAddProblems] = useState<PriceProblem[]>([]);
  const result = priceTableFromRows(rows);
  const rowProblems = locked || 'prices' in result ? [] : result.problems;
  const problems = [...rowProblems, ...addProblems];

  const setPrice = (model: string, kind: PriceKind, value: string): void =>
    onChange(rows.map((row) => (row.model === model ? { ...row, prices: { ...row.prices, [kind]: value } } : row)));

  const models = rows.map((row) => row.model);
  const add = (): void => {
    const found = priceRowProblems(adding, models, t('prices_theModelToAdd'));
    setAddProblems(found);
    if (found.length > 0) return;
    onChange([...rows, { ...adding, model: adding.model.trim() }]);
    setAdding(emptyPriceRow());
  };
  // Once shown, the add row's problems follow its edits, so a fixed value stops being reported.
  const editAdding = (next: PriceRowDraft): void => {
    setAdding(next);
    if (addProblems.length > 0) setAddProblems(priceRowProblems(next, models, t('prices_theModelToAdd')));
  };
  // Enter in the add row adds the model rather than submitting the whole settings form.
  const addOnEnter = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  const invalid = (model: string, kind: PriceKind | 'model', list: readonly PriceProblem[]): boolean =>
    list.some((problem) => problem.model === model && problem.kind === kind);

  return (
    <Section title={t('prices_title')} id="gw-section-prices">
      {locked && (
        <p className="slds-m-bottom_x-small" data-testid="locked-note">
          {t('options_locked')}
        </p>
      )}
      <p id="gw-prices-help" className="slds-text-body_small slds-m-bottom_small">
        {t('prices_help')}
      </p>
      <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-max-medium-table_stacked slds-m-bottom_small" data-testid="price-table" aria-describedby="gw-prices-help">
        <caption className="slds-assistive-text">{t('prices_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prices_model')}</th>
            {PRICE_KINDS.map((kind) => (
              <th key={kind} scope="col">
                {t(PRICE_COLUMNS[kind])}
              </th>
            ))}
            <th scope="col">
              <span className="slds-assistive-text">{t('prices_actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.model} data-testid="price-row" data-model={row.model}>
              <th scope="row" data-label={t('prices_model')}>
                {row.model}
              </th>
              {PRICE_KINDS.map((kind) => (
                <td key={kind} data-label={t(PRICE_COLUMNS[kind])}>
                  <PriceInput
                    label={t('prices_priceFor', { price: t(PRICE_COLUMNS[kind]), model: row.model })}
                    value={row.prices[kind]}
                    placeholder={placeholderFor(kind, row)}
                    disabled={locked}
                    invalid={invalid(row.model, kind, rowProblems)}
                    onChange={(value) => setPrice(row.model, kind, value)}
                    testId="price-input"
                    model={row.model}
                    kind={kind}
                  />
                </td>
              ))}
              <td>
                {!locked && (
                  <button type="button" className="slds-button slds-button_neutral" onClick={() => onChange(rows.filter((other) => other.model !== row.model))} data-testid="price-remove">
                    {t('prices_remove')}
                    <span className="slds-assistive-text"> {row.model}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {!locked && (
          <tfoot>
            <tr data-testid="price-add-row">
              <td data-label={t('prices_modelToAdd')}>
                <input
                  className="slds-input"
                  type="text"
                  value={adding.model}
                  placeholder={t('prices_modelId')}
                  aria-label={t('prices_modelIdToAdd')}
                  aria-invalid={invalid(adding.model.trim(), 'model', addProblems) || undefined}
                  aria-describedby={addProblems.length > 0 ? ERROR_ID : undefined}
                  onChange={(event) => editAdding({ ...adding, model: event.target.value })}
                  onKeyDown={addOnEnter}
                  data-testid="price-add-model"
                />
              </td>
              {PRICE_KINDS.map((kind) => (
                <td key={kind} data-label={t(PRICE_COLUMNS[kind])}>
                  <PriceInput
                    label={t('prices_priceFor', { price: t(PRICE_COLUMNS[kind]), model: t('prices_theModelToAdd') })}
                    value={adding.prices[kind]}
                    placeholder={placeholderFor(kind, adding)}
                    disabled={false}
                    invalid={invalid(adding.model.trim(), kind, addProblems)}
                    onChange={(value) => editAdding({ ...adding, prices: { ...adding.prices, [kind]: value } })}
                    onKeyDown={addOnEnter}
                    testId="price-add-input"
                    kind={kind}
                  />
                </td>
              ))}
              <td>
                <button type="button" className="slds-button slds-button_neutral" onClick={add} data-testid="price-add">
                  {t('prices_add')}
                </button>
              </td>
            </tr>
          </tfoot>
        )}
      </table>
      {problems.length > 0 && (
        <div id={ERROR_ID} role="alert" className="slds-text-color_error slds-m-bottom_small" data-testid="price-error">
          {problems.map((problem) => (
            <p key={`${problem.model}:${problem.kind}:${problem.text}`}>{problem.text}</p>
          ))}
        </div>
      )}
      {!locked && (
        <button type="button" className="slds-button slds-button_neutral" onClick={() => onChange(priceRowsFrom(DEFAULT_PRICES))} data-testid="price-reset">
          {t('prices_reset')}
        </button>
      )}
    </Section>
  );
}

/** An empty cache price shows what it will be: the input price times Anthropic's multiplier. */
function placeholderFor(kind: PriceKind, row: PriceRowDraft): string | undefined {
  if (kind !== 'cacheRead' && kind !== 'cacheWrite') return undefined;
  const derived = derivedCachePrice(kind, row.prices.input);
  return derived === null ? undefined : formatNumber(derived, { maximumFractionDigits: 12 });
}

function PriceInput(props: {
  label: string;
  value: string;
  placeholder: string | undefined;
  disabled: boolean;
  invalid: boolean;
  onChange(value: string): void;
  onKeyDown?(event: KeyboardEvent): void;
  testId: string;
  model?: string;
  kind: PriceKind;
}) {
  const { label, value, placeholder, disabled, invalid, onChange, onKeyDown, testId, model, kind } = props;
  // No `min`: the browser's own check would block Save with a bubble of its own; the table's problems say it in words.
  return (
    <input
      className="slds-input"
      type="number"
      inputMode="decimal"
      step="any"
      value={value}
      placeholder={placeholder}
      disabled={disabled}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? ERROR_ID : undefined}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
      data-testid={testId}
      data-model={model}
      data-kind={kind}
    />
  );
}
