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
import { plural, t, type MessageKey } from '../../lib/i18n';

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
          {t('usage_period')}
        </label>
        <div className="slds-form-element__control">
          <select id="gw-usage-range" className="slds-select" value={days} onChange={(event) => setDays(Number(event.target.value))} data-testid="usage-range">
            <option value={7}>{plural('usage_lastDays', 7)}</option>
            <option value={30}>{plural('usage_lastDays', 30)}</option>
          </select>
        </div>
      </div>
      {source === 'team' ? (
        <TeamUsageView source={team} local={local} range={teamRange} />
      ) : data === null ? (
        <p>{t('options_loading')}</p>
      ) : (
        <UsageReport summary={data.summary} budget={data.budget} byPrompt={data.byPrompt} imports={<ImportExports imported={imported} onChange={setImported} />} />
      )}
    </>
  );
}

const SOURCES: { value: UsageSource; label: MessageKey }[] = [
  { value: 'browser', label: 'usage_myBrowser' },
  { value: 'team', label: 'usage_team' },
];

/** Whose usage: this browser's audit trail, or the team's events in the org (SLDS radio button group). */
function SourceToggle({ value, onChange }: { value: UsageSource; onChange(value: UsageSource): void }) {
  const name = useId();
  return (
    <fieldset className="slds-form-element slds-m-bottom_medium">
      <legend className="slds-form-element__legend slds-form-element__label">{t('usage_showFrom')}</legend>
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
                <span className="slds-radio_faux">{t(option.label)}</span>
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
          {t('usage_compare')}
        </label>
        <div className="slds-form-element__control">
          <input id={inputId} type="file" accept="application/json,.json" multiple onChange={(event) => void read(event)} data-testid="usage-import" />
        </div>
      </div>
      {imported.files.length > 0 && (
        <p role="status" data-testid="usage-import-status">
          {plural('usage_including', imported.entries.length, { files: imported.files.join(', ') })}{' '}
          <button type="button" className="slds-button" onClick={() => onChange(NO_IMPORTS)} data-testid="usage-import-clear">
            {t('usage_removeThem')}
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

const FEATURE_COLUMNS: readonly MessageKey[] = ['col_feature', 'col_entries', 'col_requests', 'col_failed', 'col_tokens', 'audit_cost', 'col_cacheHitRate', 'col_acceptance', 'col_verdicts'];
const PROMPT_COLUMNS: readonly MessageKey[] = ['audit_prompt', 'col_version', 'col_variant', 'col_requests', 'col_failed', 'audit_cost', 'col_acceptance', 'col_verdicts'];

function UsageReport({ summary, budget, byPrompt, imports }: { summary: UsageSummary; budget: BudgetState; byPrompt: PromptUsage[]; imports: ReactNode }) {
  const { total } = summary;
  return (
    <>
      <Section title={t('usage_totals')} id="gw-usage-totals">
        <dl className="slds-dl_horizontal" data-testid="usage-totals">
          <dt className="slds-dl_horizontal__label">{t('usage_modelRequests')}</dt>
          <dd className="slds-dl_horizontal__detail">
            <span data-testid="usage-requests">{count(total.requests)}</span>
            {total.failed > 0 && (
              <span data-testid="usage-failed" data-failed={total.failed}>
                {' '}
                ({plural('audit_failedCount', total.failed)})
              </span>
            )}
          </dd>
          <dt className="slds-dl_horizontal__label">{t('usage_auditEntries')}</dt>
          <dd className="slds-dl_horizontal__detail" data-testid="usage-entries">
            {count(total.entries)}
          </dd>
          <dt className="slds-dl_horizontal__label">{t('usage_tokensInOut')}</dt>
          <dd className="slds-dl_horizontal__detail">
            {count(total.tokens.input + total.tokens.cacheRead + total.tokens.cacheWrite)} / {count(total.tokens.output)}
          </dd>
          <dt className="slds-dl_horizontal__label">{t('audit_cost')}</dt>
          <dd className="slds-dl_horizontal__detail" data-testid="usage-cost">{usd(total.costUsd)}</dd>
          <dt className="slds-dl_horizontal__label">{t('col_cacheHitRate')}</dt>
          <dd className="slds-dl_horizontal__detail" data-testid="usage-cache-hit">{percent(total.cacheHitRate)}</dd>
          <dt className="slds-dl_horizontal__label">{t('usage_savedByCache')}</dt>
          <dd className="slds-dl_horizontal__detail">
            {t('usage_cacheNet', { net: usd(Math.max(0, total.cacheSavingsUsd - total.cacheWritePremiumUsd)), saved: usd(total.cacheSavingsUsd), written: usd(total.cacheWritePremiumUsd) })}
          </dd>
        </dl>
        <BudgetReport budget={budget} />
      </Section>

      <Section title={t('usage_perDay')} id="gw-usage-days">
        <BarChart title={t('usage_costPerDay')} testId="usage-cost-per-day" bars={summary.byDay.map((day) => ({ label: day.day, value: day.costUsd, text: usd(day.costUsd) }))} />
        <BarChart
          title={t('usage_tokensPerDay')}
          testId="usage-tokens-per-day"
          bars={summary.byDay.map((day) => {
            const tokens = day.tokens.input + day.tokens.output + day.tokens.cacheRead + day.tokens.cacheWrite;
            return { label: day.day, value: tokens, text: count(tokens) };
          })}
        />
      </Section>

      <Section title={t('usage_perFeature')} id="gw-usage-features">
        {summary.byFeature.length === 0 ? (
          <p>{t('usage_noUse')}</p>
        ) : (
          <>
            <BarChart title={t('usage_costPerFeature')} testId="usage-cost-per-feature" bars={summary.byFeature.map((feature) => ({ label: t(AUDIT_FEATURE_LABELS[feature.feature]), value: feature.costUsd, text: usd(feature.costUsd) }))} />
            <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-max-medium-table_stacked gw-usage-table" data-testid="usage-features">
              <caption className="slds-assistive-text">{t('usage_featureCaption')}</caption>
              <thead>
                <tr>
                  {FEATURE_COLUMNS.map((heading) => (
                    <th key={heading} scope="col">
                      {t(heading)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {summary.byFeature.map((feature) => (
                  <tr key={feature.feature} data-testid="usage-feature-row" data-feature={feature.feature} data-entries={feature.entries} data-requests={feature.requests} data-failed={feature.failed}>
                    <th scope="row" data-label={t('col_feature')}>
                      {t(AUDIT_FEATURE_LABELS[feature.feature])}
                    </th>
                    <td data-label={t('col_entries')}>{count(feature.entries)}</td>
                    <td data-label={t('col_requests')}>{count(feature.requests)}</td>
                    <td data-label={t('col_failed')}>{count(feature.failed)}</td>
                    <td data-label={t('col_tokens')}>{count(feature.tokens.input + feature.tokens.output + feature.tokens.cacheRead + feature.tokens.cacheWrite)}</td>
                    <td data-label={t('audit_cost')}>{usd(feature.costUsd)}</td>
                    <td data-label={t('col_cacheHitRate')}>{percent(feature.cacheHitRate)}</td>
                    <td data-label={t('col_acceptance')} data-testid="usage-acceptance">
                      {percent(feature.outcomes.acceptanceRate)}
                    </td>
                    <td data-label={t('col_verdicts')}>
                      <Verdicts outcomes={feature.outcomes} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Section>

      <Section title={t('usage_perPrompt')} id="gw-usage-prompts">
        {imports}
        {byPrompt.length === 0 ? (
          <p>{t('usage_noPrompts')}</p>
        ) : (
          <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-max-medium-table_stacked gw-usage-table" data-testid="usage-prompts">
            <caption className="slds-assistive-text">{t('usage_promptCaption')}</caption>
            <thead>
              <tr>
                {PROMPT_COLUMNS.map((heading) => (
                  <th key={heading} scope="col">
                    {t(heading)}
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
                  <th scope="row" data-label={t('audit_prompt')}>
                    {prompt.promptId}
                  </th>
                  <td data-label={t('col_version')}>{prompt.promptVersion ?? '—'}</td>
                  <td data-label={t('col_variant')}>{prompt.variant ?? 'A'}</td>
                  <td data-label={t('col_requests')}>{count(prompt.requests)}</td>
                  <td data-label={t('col_failed')}>{count(prompt.failed)}</td>
                  <td data-label={t('audit_cost')}>{usd(prompt.costUsd)}</td>
                  <td data-label={t('col_acceptance')}>{percent(prompt.outcomes.acceptanceRate)}</td>
                  <td data-label={t('col_verdicts')}>
                    <Verdicts outcomes={prompt.outcomes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {summary.unpricedModels.length > 0 && <p className="slds-m-top_small">{t('usage_unpriced', { models: summary.unpricedModels.join(', ') })}</p>}
      </Section>
    </>
  );
}

/** What reps did with the outputs: used, edited, rejected, regenerated, and their thumbs (as icons with names). */
function Verdicts({ outcomes }: { outcomes: OutcomeCounts }) {
  return (
    <span className="gw-verdicts">
      <span className="gw-verdict">{t('usage_verdictAccepted', { count: outcomes.accepted })}</span>
      <span className="gw-verdict">{t('usage_verdictEdited', { count: outcomes.edited })}</span>
      <span className="gw-verdict">{t('usage_verdictRejected', { count: outcomes.rejected })}</span>
      <span className="gw-verdict">{t('usage_verdictRegenerated', { count: outcomes.regenerated })}</span>
      <span className="gw-verdict" data-testid="usage-thumbs-up">
        <Icon name="like" label={t('audit_thumbsUp')} /> {outcomes.thumbsUp}
      </span>
      <span className="gw-verdict" data-testid="usage-thumbs-down">
        <Icon name="dislike" label={t('audit_thumbsDown')} /> {outcomes.thumbsDown}
      </span>
    </span>
  );
}

function BudgetReport({ budget }: { budget: BudgetState }) {
  const windows = [
    budget.daily ? t('usage_today', { spent: usd(budget.daily.spentUsd), limit: usd(budget.daily.limitUsd) }) : null,
    budget.monthly ? t('usage_thisMonth', { spent: usd(budget.monthly.spentUsd), limit: usd(budget.monthly.limitUsd) }) : null,
  ].filter((text) => text !== null);
  return (
    <div className="slds-m-top_small" data-testid="usage-budget" data-level={budget.level}>
      <p>{windows.length > 0 ? windows.join(' · ') : t('usage_noCaps')}</p>
      {budget.message && <p role="status">{budget.message}</p>}
    </div>
  );
}
