import { Fragment, useEffect, useState } from 'react';
import { AUDIT_FEATURES, OUTCOMES, type AuditEntry, type AuditLog, type VerifyResult } from '../../lib/audit';
import { AuditIntegrity } from './AuditIntegrity';
import { EMPTY_FILTERS, filtersFromForm, type FilterForm } from '../../lib/features/governance/audit-filters';
import { AUDIT_FEATURE_LABELS } from '../../lib/features/governance/use-cases';
import { count, dateTime, usd } from './format';
import { downloadText } from './download';
import { Section } from './fields';

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
      <Section title="Filter" id="gw-audit-filters">
        <div className="slds-grid slds-wrap slds-gutters_x-small">
          <FilterInput id="gw-filter-from" label="From" type="date" testId="audit-filter-from" {...field('from')} />
          <FilterInput id="gw-filter-to" label="To (inclusive)" type="date" testId="audit-filter-to" {...field('to')} />
          <FilterSelect id="gw-filter-feature" label="Feature" testId="audit-filter-feature" options={AUDIT_FEATURES.map((feature) => [feature, AUDIT_FEATURE_LABELS[feature]])} {...field('feature')} />
          <FilterInput id="gw-filter-org" label="Org id" type="text" testId="audit-filter-org" {...field('orgId')} />
          <FilterInput id="gw-filter-record" label="Record id" type="text" testId="audit-filter-record" {...field('recordId')} />
          <FilterSelect id="gw-filter-outcome" label="Outcome" testId="audit-filter-outcome" options={OUTCOMES.map((outcome) => [outcome, outcome])} {...field('outcome')} />
        </div>
      </Section>

      <Section title="Integrity and export" id="gw-audit-tools">
        <div className="slds-button-group" role="group" aria-label="Audit tools">
          <button type="button" className="slds-button slds-button_neutral" onClick={() => void log.verify().then(setVerified)} data-testid="audit-verify">
            Verify
          </button>
          <button type="button" className="slds-button slds-button_neutral" onClick={() => void log.exportJson(filtersFromForm(form)).then((text) => downloadText(text, `groundwork-audit-${stamp}.json`, 'application/json')).then(exported)} data-testid="audit-export-json">
            Export JSON
          </button>
          <button type="button" className="slds-button slds-button_neutral" onClick={() => void log.exportCsv(filtersFromForm(form)).then((text) => downloadText(text, `groundwork-audit-${stamp}.csv`, 'text/csv')).then(exported)} data-testid="audit-export-csv">
            Export CSV
          </button>
        </div>
        <AuditIntegrity log={log} verified={verified} changes={reads} />
      </Section>

      <Section title="Entries" id="gw-audit-entries">
        {entries === null ? (
          <p>Loading…</p>
        ) : entries.length === 0 ? (
          <p data-testid="audit-empty">No entries match.</p>
        ) : (
          <div className="slds-scrollable_x">
            <table className="slds-table slds-table_bordered slds-table_cell-buffer" data-testid="audit-table">
              <caption className="slds-assistive-text">Audit entries, newest first</caption>
              <thead>
                <tr className="slds-line-height_reset">
                  {['Time', 'User', 'Feature', 'Org', 'Record', 'Model', 'Tokens in / out', 'Cache read / write', 'Cost', 'Latency', 'Flags', 'Outcome', 'Details'].map((heading) => (
                    <th key={heading} scope="col">
                      {heading}
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
          </div>
        )}
      </Section>
    </>
  );
}

function EntryRow({ entry, open, toggle }: { entry: AuditEntry; open: boolean; toggle(): void }) {
  return (
    <tr data-testid="audit-row" data-entry-id={entry.id} data-feature={entry.feature}>
      <td>{dateTime(entry.time)}</td>
      <td data-testid="audit-user" title={entry.user?.id}>
        {entry.user?.name ?? entry.user?.id ?? '—'}
      </td>
      <td>{AUDIT_FEATURE_LABELS[entry.feature]}</td>
      <td data-testid="audit-org">{entry.orgId ?? '—'}</td>
      <td data-testid="audit-record">{entry.recordId ?? '—'}</td>
      <td data-testid="audit-model" title={entry.model}>{entry.modelName ?? entry.model ?? '—'}</td>
      <td data-testid="audit-tokens">
        {count(entry.tokens.input)} / {count(entry.tokens.output)}
      </td>
      <td>
        {count(entry.tokens.cacheRead)} / {count(entry.tokens.cacheWrite)}
      </td>
      <td data-testid="audit-cost">{usd(entry.costUsd)}</td>
      <td>{entry.latencyMs === undefined ? '—' : `${(entry.latencyMs / 1000).toFixed(1)} s`}</td>
      <td>{entry.groundingFlags}</td>
      <td data-testid="audit-outcome">
        {entry.outcome}
        {entry.feedback ? ` (thumbs ${entry.feedback})` : ''}
        {entry.error ? ` — ${entry.error}` : ''}
      </td>
      <td>
        <button type="button" className="slds-button" aria-expanded={open} onClick={toggle} data-testid="audit-details-toggle">
          {open ? 'Hide' : 'Show'}
          <span className="slds-assistive-text"> what was sent and received</span>
        </button>
      </td>
    </tr>
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  return (
    <tr data-testid="audit-details">
      <td colSpan={13}>
        <p className="slds-text-title_caps">Prompt</p>
        <p>
          {entry.promptId ?? '—'} version {entry.promptVersion ?? '—'}
          {entry.variant ? `, variant ${entry.variant}` : ''}
        </p>
        <p className="slds-text-title_caps slds-m-top_x-small">Sent (as redacted)</p>
        <pre tabIndex={0} className="slds-box slds-box_x-small" style={{ whiteSpace: 'pre-wrap', maxHeight: '16rem', overflow: 'auto' }} data-testid="audit-sent">
          {entry.sent}
        </pre>
        <p className="slds-text-title_caps slds-m-top_x-small">Received</p>
        <pre tabIndex={0} className="slds-box slds-box_x-small" style={{ whiteSpace: 'pre-wrap', maxHeight: '16rem', overflow: 'auto' }} data-testid="audit-received">
          {entry.received}
        </pre>
        {entry.write && (
          <>
            <p className="slds-text-title_caps slds-m-top_x-small">Write</p>
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
        <option value="">Any</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
