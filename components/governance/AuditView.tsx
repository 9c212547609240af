import { Fragment, useEffect, useState } from 'react';
import { AUDIT_FEATURES, isModelCall, OUTCOMES, type AuditEntry, type AuditLog, type VerifyResult } from '../../lib/audit';
import { AuditIntegrity } from './AuditIntegrity';
import { EMPTY_FILTERS, filtersFromForm, type FilterForm } from '../../lib/features/governance/audit-filters';
import { AUDIT_FEATURE_LABELS } from '../../lib/features/governance/use-cases';
import { count, dateTime, usd } from './format';
import { downloadText } from './download';
import { Section } from './fields';
import { formatNumber, plural, t, type MessageKey } from '../../lib/i18n';
import { RichMessage } from '../shared/RichMessage';
import { Icon } from '../shared/Icon';

/** The audit trail: filter, read, verify the chain, export. */
export function AuditView({ log }: { log: AuditLog }) {
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  // The log moves while the page is open (the background records): exports and verifications read it again.
  const [reads, setReads] = useState(0);
  const exported = (): void => setReads((current) => current + 1);

  useEffect(() => {
    let current = true;
    void log.query(filtersFromForm(form)).then((found) => current && setEntries([...found].reverse()));
    return () => {
      current = false;
    };
  }, [log, form, verified, reads]);

  const field = (key: keyof FilterForm) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: event.target.value })),
  });
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <>
      <Section title={t('audit_filter')} id="gw-audit-filters">
        <div className="slds-grid slds-wrap slds-gutters_x-small">
          <FilterInput id="gw-filter-from" label={t('audit_from')} type="date" testId="audit-filter-from" {...field('from')} />
          <FilterInput id="gw-filter-to" label={t('audit_to')} type="date" testId="audit-filter-to" {...field('to')} />
          <FilterSelect id="gw-filter-feature" label={t('audit_feature')} testId="audit-filter-feature" options={AUDIT_FEATURES.map((feature) => [feature, t(AUDIT_FEATURE_LABELS[feature])])} {...field('feature')} />
          <FilterInput id="gw-filter-org" label={t('audit_orgId')} type="text" testId="audit-filter-org" {...field('orgId')} />
          <FilterInput id="gw-filter-record" label={t('audit_recordId')} type="text" testId="audit-filter-record" {...field('recordId')} />
          <FilterSelect id="gw-filter-outcome" label={t('audit_outcome')} testId="audit-filter-outcome" options={OUTCOMES.map((outcome) => [outcome, t(OUTCOME_LABELS[outcome])])} {...field('outcome')} />
        </div>
      </Section>

      <Section title={t('audit_integrityExport')} id="gw-audit-tools">
        <div className="slds-button-group" role="group" aria-label={t('audit_tools')}>
          <button type="button" className="slds-button slds-button_neutral" onClick={() => void log.verify().then(setVerified)} data-testid="audit-verify">
            {t('audit_verify')}
          </button>
          <button type="button" className="slds-button slds-button_neutral" onClick={() => void log.exportJson(filtersFromForm(form)).then((text) => downloadText(text, `groundwork-audit-${stamp}.json`, 'application/json')).then(exported)} data-testid="audit-export-json">
            {t('audit_exportJson')}
          </button>
          <button type="button" className="slds-button slds-button_neutral" onClick={() => void log.exportCsv(filtersFromForm(form)).then((text) => downloadText(text, `groundwork-audit-${stamp}.csv`, 'text/csv')).then(exported)} data-testid="audit-export-csv">
            {t('audit_exportCsv')}
          </button>
        </div>
        <AuditIntegrity log={log} verified={verified} changes={reads} />
      </Section>

      <Section title={t('audit_entries')} id="gw-audit-entries">
        {entries === null ? (
          <p>{t('options_loading')}</p>
        ) : entries.length === 0 ? (
          <p data-testid="audit-empty">{t('audit_noEntries')}</p>
        ) : (
          <>
            <EntryCounts entries={entries} />
            <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-max-medium-table_stacked gw-audit-table" data-testid="audit-table">
              <caption className="slds-assistive-text">{t('audit_caption')}</caption>
              <colgroup>
                <col style={{ width: '14%' }} />
                <col style={{ width: '23%' }} />
                <col style={{ width: '20%' }} />
                <col style={{ width: '9%' }} />
                <col style={{ width: '22%' }} />
                <col style={{ width: '12%' }} />
              </colgroup>
              <thead>
                <tr className="slds-line-height_reset">
                  {COLUMNS.map((heading) => (
                    <th key={heading} scope="col">
                      {t(heading)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <Fragment key={entry.id}>
                    <EntryRow entry={entry} open={open === entry.id} toggle={() => setOpen(open === entry.id ? null : entry.id)} />
                    {open === entry.id && <EntryDetails entry={entry} />}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Section>
    </>
  );
}

const COLUMNS: readonly MessageKey[] = ['audit_when', 'audit_what', 'audit_modelTokens', 'audit_cost', 'audit_outcome', 'audit_details'];

/** How each outcome reads; in English the recorded word itself. */
const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], MessageKey> = {
  accepted: 'outcome_accepted',
  edited: 'outcome_edited',
  rejected: 'outcome_rejected',
  regenerated: 'outcome_regenerated',
  'feedback-up': 'outcome_feedbackUp',
  'feedback-down': 'outcome_feedbackDown',
  pending: 'outcome_pending',
};

/** How many entries the filters match, and of them the model calls and failed ones: the usage view counts the same. */
function EntryCounts({ entries }: { entries: readonly AuditEntry[] }) {
  const calls = entries.filter(isModelCall);
  const failed = calls.filter((entry) => entry.error !== undefined).length;
  return (
    <p className="slds-m-bottom_small" data-testid="audit-counts" data-entries={entries.length} data-requests={calls.length} data-failed={failed}>
      {plural('audit_entryCount', entries.length)}: {plural('audit_requestCount', calls.length)}
      {failed > 0 ? ` (${plural('audit_failedCount', failed)})` : ''}
    </p>
  );
}

function EntryRow({ entry, open, toggle }: { entry: AuditEntry; open: boolean; toggle(): void }) {
  return (
    <tr data-testid="audit-row" data-entry-id={entry.id} data-feature={entry.feature} data-prompt={entry.promptId ? `${entry.promptId}@${entry.promptVersion ?? ''}` : ''} data-failed={String(entry.error !== undefined)}>
      <td data-label={t('audit_when')}>
        {dateTime(entry.time)}
        <span className="gw-secondary" data-testid="audit-user" title={entry.user?.id}>
          {entry.user?.name ?? entry.user?.id ?? '—'}
        </span>
      </td>
      <td data-label={t('audit_what')}>
        {t(AUDIT_FEATURE_LABELS[entry.feature])}
        <span className="gw-secondary">
          <RichMessage text={t('audit_record')} parts={{ id: <span data-testid="audit-record">{entry.recordId ?? '—'}</span> }} />
        </span>
        <span className="gw-secondary">
          <RichMessage text={t('audit_org')} parts={{ id: <span data-testid="audit-org">{entry.orgId ?? '—'}</span> }} />
        </span>
      </td>
      <td data-label={t('audit_modelTokens')}>
        <span data-testid="audit-model" title={entry.model}>
          {entry.modelName ?? entry.model ?? '—'}
        </span>
        <span className="gw-secondary">
          <RichMessage text={t('audit_inOut')} parts={{ tokens: <span data-testid="audit-tokens">{count(entry.tokens.input)} / {count(entry.tokens.output)}</span> }} />
        </span>
        <span className="gw-secondary">
          {t('audit_cache', { read: count(entry.tokens.cacheRead), write: count(entry.tokens.cacheWrite) })}
        </span>
      </td>
      <td data-label={t('audit_cost')}>
        <span data-testid="audit-cost">{usd(entry.costUsd)}</span>
        <span className="gw-secondary">{entry.latencyMs === undefined ? '—' : t('audit_seconds', { seconds: formatNumber(entry.latencyMs / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}</span>
      </td>
      <td data-label={t('audit_outcome')}>
        <span data-testid="audit-outcome">
          {t(OUTCOME_LABELS[entry.outcome])}
          {entry.feedback ? ` (${entry.feedback === 'up' ? t('audit_thumbsUp') : t('audit_thumbsDown')})` : ''}
          {entry.error ? ` — ${entry.error}` : ''}
        </span>
        {entry.editDistance !== undefined && (
          <span className="gw-secondary" data-testid="audit-edit-distance" data-distance={entry.editDistance}>
            {plural('audit_charactersChanged', entry.editDistance)}
          </span>
        )}
        {entry.groundingFlags > 0 && <span className="gw-secondary">{plural('audit_unverifiedClaims', entry.groundingFlags)}</span>}
      </td>
      <td data-label={t('audit_details')}>
        {/* An icon, not a word: the narrow column fits it in every language; its name says what it opens. */}
        <button
          type="button"
          className="slds-button slds-button_icon slds-button_icon-border-filled gw-disclosure"
          aria-expanded={open}
          title={open ? t('audit_hideDetails') : t('audit_showDetails')}
          onClick={toggle}
          data-testid="audit-details-toggle"
        >
          <Icon name="chevrondown" size="button" />
          <span className="slds-assistive-text">{open ? t('audit_hideDetails') : t('audit_showDetails')}</span>
        </button>
      </td>
    </tr>
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  return (
    <tr data-testid="audit-details">
      <td colSpan={COLUMNS.length}>
        <p className="slds-text-title_caps">{t('audit_prompt')}</p>
        <p>
          {t('audit_promptVersion', { prompt: entry.promptId ?? '—', version: entry.promptVersion ?? '—' })}
          {entry.variant ? t('audit_variant', { variant: entry.variant }) : ''}
        </p>
        <p className="slds-text-title_caps slds-m-top_x-small">{t('audit_sent')}</p>
        <pre tabIndex={0} className="slds-box slds-box_x-small" style={{ whiteSpace: 'pre-wrap', maxHeight: '16rem', overflow: 'auto' }} data-testid="audit-sent">
          {entry.sent}
        </pre>
        <p className="slds-text-title_caps slds-m-top_x-small">{t('audit_received')}</p>
        <pre tabIndex={0} className="slds-box slds-box_x-small" style={{ whiteSpace: 'pre-wrap', maxHeight: '16rem', overflow: 'auto' }} data-testid="audit-received">
          {entry.received}
        </pre>
        {entry.write && (
          <>
            <p className="slds-text-title_caps slds-m-top_x-small">{t('audit_write')}</p>
            <pre className="slds-box slds-box_x-small" style={{ whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(entry.write, null, 2)}
            </pre>
          </>
        )}
      </td>
    </tr>
  );
}

interface FilterProps {
  id: string;
  label: string;
  testId: string;
  value: string;
  onChange(event: { target: { value: string } }): void;
}

function FilterInput({ id, label, type, testId, value, onChange }: FilterProps & { type: 'date' | 'text' }) {
  return (
    <div className="slds-col slds-form-element slds-m-bottom_x-small">
      <label className="slds-form-element__label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="slds-input" type={type} value={value} onChange={onChange} data-testid={testId} />
    </div>
  );
}

function FilterSelect({ id, label, testId, value, onChange, options }: FilterProps & { options: [string, string][] }) {
  return (
    <div className="slds-col slds-form-element slds-m-bottom_x-small">
      <label className="slds-form-element__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="slds-select" value={value} onChange={onChange} data-testid={testId}>
        <option value="">{t('audit_any')}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
