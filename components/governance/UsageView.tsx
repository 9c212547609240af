import { useEffect, useId, useMemo, useState, type ChangeEvent, type ReactNode } from 'react';
import { budgetState, parseExport, usageSummary, type AuditEntry, type AuditLog, type BudgetState, type OutcomeCounts, type PromptUsage, type UsageSummary } from '../../lib/audit';
import { AUDIT_FEATURE_LABELS } from '../../lib/features/governance/use-cases';
import type { Settings } from '../../lib/settings';
import type { KeyValueStore } from '../../lib/browser/store';
import { BarChart } from './BarChart';
import { TeamUsageView, type TeamUsageSource } from './TeamUsageView';
import { Icon } from '../shared/Icon';
import { count, percent, usd } from './format';
import { Section } from './fields';

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function rangeOf(days: number, now = new Date()): { from: string; to: string } {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

type UsageSource = 'browser' | 'team';

/**
 * Usage from this browser's audit trail (tokens and cost per day and per feature, cache use, acceptance per feature
 * and per prompt version, budgets), or the team's from the org when the rep is a Groundwork admin there.
 */
export function UsageView({ log, settings, local, team }: { log: AuditLog; settings: Settings; local: KeyValueStore; team: TeamUsageSource }) {
  const [days, setDays] = useState(7);
  const [source, setSource] = useState<UsageSource>('browser');
  const teamRange = useMemo(() => rangeOf(days), [days]);
  const [read, setRead] = useState<{ entries: AuditEntry[]; now: Date; range: { from: string; to: string } } | null>(null);
  const [imported, setImported] = useState<ImportedExports>(NO_IMPORTS);

  // The log is read once per period; everything shown is derived from what was read (and what was imported).
  useEffect(() => {
    let current = true;
    const now = new Date();
    const range = rangeOf(days, now);
    // A month back as well, for the monthly budget.
    const from = new Date(Math.min(Date.parse(range.from), now.getTime() - 32 * 86_400_000)).toISOString();
    void log.query({ from }).then((entries: AuditEntry[]) => {
      if (current) setRead({ entries, now, range });
    });
    return () => {
      current = false;
    };
  }, [log, days]);

  const data = useMemo(() => {
    if (!read) return null;
    const options = { ...read.range, prices: settings.prices, timeZone };
    const summary = usageSummary(read.entries, options);
    // Other reps' exports count only toward the prompt comparison: totals and budgets stay this rep's own.
    const byPrompt = imported.entries.length > 0 ? usageSummary(withImported(read.entries, imported.entries), options).byPrompt : summary.byPrompt;
    return { summary, budget: budgetState(read.entries, settings.budgets, read.now, { timeZone }), byPrompt };
  }, [read, settings, imported]);

  return (
    <>
      <SourceToggle value={source} onChange={setSource} />
      <div className="slds-form-element slds-m-bottom_medium">
        <label className="slds-form-element__label" htmlFor="gw-usage-range">
          Period
        </label>
        <div className="slds-form-element__control">
          <select id="gw-usage-range" className="slds-select" value={days} onChange={(event) => setDays(Number(event.target.value))} data-testid="usage-range">
            <option value={7}>Last 7 days</option>
            <option value={30}>Last 30 days</option>
          </select>
        </div>
      </div>
      {source === 'team' ? (
        <TeamUsageView source={team} local={local} range={teamRange} />
      ) : data === null ? (
        <p>Loading…</p>
      ) : (
        <UsageReport summary={data.summary} budget={data.budget} byPrompt={data.byPrompt} imports={<ImportExports imported={imported} onChange={setImported} />} />
      )}
    </>
  );
}

const SOURCES: { value: UsageSource; label: string }[] = [
  { value: 'browser', label: 'My browser' },
  { value: 'team', label: 'Team (from Salesforce)' },
];

/** Whose usage: this browser's audit trail, or the team's events in the org (SLDS radio button group). */
function SourceToggle({ value, onChange }: { value: UsageSource; onChange(value: UsageSource): void }) {
  const name = useId();
  return (
    <fieldset className="slds-form-element slds-m-bottom_medium">
      <legend className="slds-form-element__legend slds-form-element__label">Show usage from</legend>
      <div className="slds-form-element__control">
        <div className="slds-radio_button-group">
          {SOURCES.map((option) => (
            <span key={option.value} className="slds-button slds-radio_button">
              <input
                type="radio"
                name={name}
                id={`${name}-${option.value}`}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <label className="slds-radio_button__label" htmlFor={`${name}-${option.value}`} data-testid={`usage-source-${option.value}`}>
                <span className="slds-radio_faux">{option.label}</span>
              </label>
            </span>
          ))}
        </div>
      </div>
    </fieldset>
  );
}

interface ImportedExports {
  files: string[];
  entries: AuditEntry[];
  problems: string[];
}

const NO_IMPORTS: ImportedExports = { files: [], entries: [], problems: [] };

/** This rep's entries and the imported ones, each entry once (an export may hold entries already here). */
function withImported(own: readonly AuditEntry[], imported: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(own.map((entry) => entry.id));
  return [...own, ...imported.filter((entry) => !seen.has(entry.id) && seen.add(entry.id))];
}

/**
 * Each rep keeps one variant of a prompt, so variants are compared across reps: an admin adds the JSON exports reps
 * sent (Audit trail → Export JSON). They are read here only, never added to this browser's audit trail.
 */
function ImportExports({ imported, onChange }: { imported: ImportedExports; onChange(next: ImportedExports): void }) {
  const inputId = useId();
  const read = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    let next = imported;
    for (const file of files) {
      const parsed = parseExport(await file.text());
      next =
        'problem' in parsed
          ? { ...next, problems: [...next.problems, `${file.name} ${parsed.problem}`] }
          : { files: [...next.files, file.name], entries: withImported(next.entries, parsed.entries), problems: next.problems };
    }
    onChange(next);
  };
  return (
    <div className="slds-m-bottom_small">
      <div className="slds-form-element">
        <label className="slds-form-element__label" htmlFor={inputId}>
          Compare with other reps: add their audit exports (JSON)
        </label>
        <div className="slds-form-element__control">
          <input id={inputId} type="file" accept="application/json,.json" multiple onChange={(event) => void read(event)} data-testid="usage-import" />
        </div>
      </div>
      {imported.files.length > 0 && (
        <p role="status" data-testid="usage-import-status">
          Including {count(imported.entries.length)} entries from {imported.files.join(', ')} in this table (not in the totals above).{' '}
          <button type="button" className="slds-button" onClick={() => onChange(NO_IMPORTS)} data-testid="usage-import-clear">
            Remove them
          </button>
        </p>
      )}
      {imported.problems.map((problem) => (
        <p key={problem} className="slds-text-color_error" role="alert" data-testid="usage-import-problem">
          {problem}
        </p>
      ))}
    </div>
  );
}

function UsageReport({ summary, budget, byPrompt, imports }: { summary: UsageSummary; budget: BudgetState; byPrompt: PromptUsage[]; imports: ReactNode }) {
  const { total } = summary;
  return (
    <>
      <Section title="Totals" id="gw-usage-totals">
        <dl className="slds-dl_horizontal" data-testid="usage-totals">
          <dt className="slds-dl_horizontal__label">Model requests</dt>
          <dd className="slds-dl_horizontal__detail">
            <span data-testid="usage-requests">{count(total.requests)}</span>
            {total.failed > 0 && (
              <span data-testid="usage-failed" data-failed={total.failed}>
                {' '}
                ({total.failed === 1 ? '1 failed' : `${count(total.failed)} failed`})
              </span>
            )}
          </dd>
          <dt className="slds-dl_horizontal__label">Audit entries</dt>
          <dd className="slds-dl_horizontal__detail" data-testid="usage-entries">
            {count(total.entries)}
          </dd>
          <dt className="slds-dl_horizontal__label">Tokens (in / out)</dt>
          <dd className="slds-dl_horizontal__detail">
            {count(total.tokens.input + total.tokens.cacheRead + total.tokens.cacheWrite)} / {count(total.tokens.output)}
          </dd>
          <dt className="slds-dl_horizontal__label">Cost</dt>
          <dd className="slds-dl_horizontal__detail" data-testid="usage-cost">{usd(total.costUsd)}</dd>
          <dt className="slds-dl_horizontal__label">Cache hit rate</dt>
          <dd className="slds-dl_horizontal__detail" data-testid="usage-cache-hit">{percent(total.cacheHitRate)}</dd>
          <dt className="slds-dl_horizontal__label">Saved by the cache</dt>
          <dd className="slds-dl_horizontal__detail">
            {usd(Math.max(0, total.cacheSavingsUsd - total.cacheWritePremiumUsd))} net ({usd(total.cacheSavingsUsd)} saved, {usd(total.cacheWritePremiumUsd)} to write)
          </dd>
        </dl>
        <BudgetReport budget={budget} />
      </Section>

      <Section title="Per day" id="gw-usage-days">
        <BarChart title="Cost per day" testId="usage-cost-per-day" bars={summary.byDay.map((day) => ({ label: day.day, value: day.costUsd, text: usd(day.costUsd) }))} />
        <BarChart
          title="Tokens per day"
          testId="usage-tokens-per-day"
          bars={summary.byDay.map((day) => {
            const tokens = day.tokens.input + day.tokens.output + day.tokens.cacheRead + day.tokens.cacheWrite;
            return { label: day.day, value: tokens, text: count(tokens) };
          })}
        />
      </Section>

      <Section title="Per feature" id="gw-usage-features">
        {summary.byFeature.length === 0 ? (
          <p>No use in this period.</p>
        ) : (
          <>
            <BarChart title="Cost per feature" testId="usage-cost-per-feature" bars={summary.byFeature.map((feature) => ({ label: AUDIT_FEATURE_LABELS[feature.feature], value: feature.costUsd, text: usd(feature.costUsd) }))} />
            <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-max-medium-table_stacked gw-usage-table" data-testid="usage-features">
              <caption className="slds-assistive-text">Use and acceptance per feature</caption>
              <thead>
                <tr>
                  {['Feature', 'Entries', 'Requests', 'Failed', 'Tokens', 'Cost', 'Cache hit rate', 'Acceptance', 'Verdicts'].map((heading) => (
                    <th key={heading} scope="col">
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {summary.byFeature.map((feature) => (
                  <tr key={feature.feature} data-testid="usage-feature-row" data-feature={feature.feature} data-entries={feature.entries} data-requests={feature.requests} data-failed={feature.failed}>
                    <th scope="row" data-label="Feature">
                      {AUDIT_FEATURE_LABELS[feature.feature]}
                    </th>
                    <td data-label="Entries">{count(feature.entries)}</td>
                    <td data-label="Requests">{count(feature.requests)}</td>
                    <td data-label="Failed">{count(feature.failed)}</td>
                    <td data-label="Tokens">{count(feature.tokens.input + feature.tokens.output + feature.tokens.cacheRead + feature.tokens.cacheWrite)}</td>
                    <td data-label="Cost">{usd(feature.costUsd)}</td>
                    <td data-label="Cache hit rate">{percent(feature.cacheHitRate)}</td>
                    <td data-label="Acceptance" data-testid="usage-acceptance">
                      {percent(feature.outcomes.acceptanceRate)}
                    </td>
                    <td data-label="Verdicts">
                      <Verdicts outcomes={feature.outcomes} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Section>

      <Section title="Per prompt version" id="gw-usage-prompts">
        {imports}
        {byPrompt.length === 0 ? (
          <p>No prompts used in this period.</p>
        ) : (
          <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-max-medium-table_stacked gw-usage-table" data-testid="usage-prompts">
            <caption className="slds-assistive-text">Acceptance per prompt version and variant</caption>
            <thead>
              <tr>
                {['Prompt', 'Version', 'Variant', 'Requests', 'Failed', 'Cost', 'Acceptance', 'Verdicts'].map((heading) => (
                  <th key={heading} scope="col">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {byPrompt.map((prompt) => (
                <tr
                  key={`${prompt.promptId}:${prompt.promptVersion ?? ''}:${prompt.variant ?? ''}:${prompt.feature}`}
                  data-testid="usage-prompt-row"
                  data-prompt={`${prompt.promptId}@${prompt.promptVersion ?? ''}`}
                  data-variant={prompt.variant ?? 'A'}
                  data-requests={prompt.requests}
                  data-failed={prompt.failed}
                >
                  <th scope="row" data-label="Prompt">
                    {prompt.promptId}
                  </th>
                  <td data-label="Version">{prompt.promptVersion ?? '—'}</td>
                  <td data-label="Variant">{prompt.variant ?? 'A'}</td>
                  <td data-label="Requests">{count(prompt.requests)}</td>
                  <td data-label="Failed">{count(prompt.failed)}</td>
                  <td data-label="Cost">{usd(prompt.costUsd)}</td>
                  <td data-label="Acceptance">{percent(prompt.outcomes.acceptanceRate)}</td>
                  <td data-label="Verdicts">
                    <Verdicts outcomes={prompt.outcomes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {summary.unpricedModels.length > 0 && <p className="slds-m-top_small">No price for: {summary.unpricedModels.join(', ')} (cache savings not counted).</p>}
      </Section>
    </>
  );
}

/** What reps did with the outputs: used, edited, rejected, regenerated, and their thumbs (as icons with names). */
function Verdicts({ outcomes }: { outcomes: OutcomeCounts }) {
  return (
    <span className="gw-verdicts">
      <span className="gw-verdict">{outcomes.accepted} accepted</span>
      <span className="gw-verdict">{outcomes.edited} edited</span>
      <span className="gw-verdict">{outcomes.rejected} rejected</span>
      <span className="gw-verdict">{outcomes.regenerated} regenerated</span>
      <span className="gw-verdict" data-testid="usage-thumbs-up">
        <Icon name="like" label="thumbs up" /> {outcomes.thumbsUp}
      </span>
      <span className="gw-verdict" data-testid="usage-thumbs-down">
        <Icon name="dislike" label="thumbs down" /> {outcomes.thumbsDown}
      </span>
    </span>
  );
}

function BudgetReport({ budget }: { budget: BudgetState }) {
  const windows = [
    budget.daily ? `Today: ${usd(budget.daily.spentUsd)} of ${usd(budget.daily.limitUsd)}` : null,
    budget.monthly ? `This month: ${usd(budget.monthly.spentUsd)} of ${usd(budget.monthly.limitUsd)}` : null,
  ].filter((text) => text !== null);
  return (
    <div className="slds-m-top_small" data-testid="usage-budget" data-level={budget.level}>
      <p>{windows.length > 0 ? windows.join(' · ') : 'No spending caps set.'}</p>
      {budget.message && <p role="status">{budget.message}</p>}
    </div>
  );
}
