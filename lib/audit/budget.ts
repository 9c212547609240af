import type { Budgets } from '../settings/schema';
import { dayKey, monthKey, startOfNextDay, startOfNextMonth } from './calendar';
import type { AuditEntry } from './entry';
import { formatDate, formatNumber, t } from '../i18n';

export type BudgetLevel = 'ok' | 'warning' | 'exceeded';

/** Spending reaches "warning" at this share of a cap; background work stops there. */
export const WARNING_SHARE = 0.8;
const MINUTE_MS = 60_000;

export interface SpendWindow {
  spentUsd: number;
  limitUsd: number;
  /** spent / limit. */
  share: number;
  level: BudgetLevel;
  /** When this window starts afresh (the rep's next midnight, or the first of next month). */
  resetsAt: string;
}

export interface RateWindow {
  /** Model requests in the last minute. */
  count: number;
  limit: number;
  level: BudgetLevel;
  /** When the next request is allowed again, while the limit is reached. */
  retryAt: string | null;
}

export interface BudgetState {
  /** The worst of the windows. */
  level: BudgetLevel;
  daily: SpendWindow | null;
  monthly: SpendWindow | null;
  rate: RateWindow | null;
  /** What the rep reads when generation stops, or is about to: what was spent and when it resets. */
  message: string | null;
}

export interface BudgetOptions {
  /** The rep's time zone: days and months start at local midnight. UTC unless given. */
  timeZone?: string;
}

/**
 * Where the rep stands against their caps, from the audit entries (today's and this month's at least). Every entry's
 * cost counts, background work included. A rate limit counts model requests in the minute before `now`.
 */
export function budgetState(entries: readonly AuditEntry[], budget: Budgets, now: Date, options: BudgetOptions = {}): BudgetState {
  const timeZone = options.timeZone ?? 'UTC';
  const today = dayKey(now, timeZone);
  const thisMonth = monthKey(now, timeZone);
  let spentToday = 0;
  let spentThisMonth = 0;
  const recentRequests: number[] = [];
  for (const entry of entries) {
    const time = new Date(entry.time);
    if (time.getTime() > now.getTime()) continue;
    if (monthKey(time, timeZone) === thisMonth) {
      spentThisMonth += entry.costUsd;
      if (dayKey(time, timeZone) === today) spentToday += entry.costUsd;
    }
    if (entry.model !== undefined && now.getTime() - time.getTime() < MINUTE_MS) recentRequests.push(time.getTime());
  }

  const daily = budget.dailyUsd === null ? null : spendWindow(spentToday, budget.dailyUsd, startOfNextDay(now, timeZone));
  const monthly = budget.monthlyUsd === null ? null : spendWindow(spentThisMonth, budget.monthlyUsd, startOfNextMonth(now, timeZone));
  const rate = budget.requestsPerMinute === null ? null : rateWindow(recentRequests, budget.requestsPerMinute);
  const windows = [daily, monthly, rate].filter((window) => window !== null);
  const level = worst(windows.map((window) => window.level));
  return { level, daily, monthly, rate, message: messageFor(daily, monthly, rate, now, timeZone) };
}

export type GenerationTrigger = 'rep' | 'background';

/**
 * Whether a generation may start: the rep's own clicks until a cap is reached, background work (morning prep) only
 * while every window is below the warning share, so it stops first and leaves the rest of the budget to the rep.
 */
export function mayGenerate(state: BudgetState, trigger: GenerationTrigger): { allowed: true } | { allowed: false; message: string } {
  const blocked = trigger === 'background' ? state.level !== 'ok' : state.level === 'exceeded';
  if (!blocked) return { allowed: true };
  const message = state.message ?? t('budget_backgroundPausedNear');
  return { allowed: false, message: trigger === 'background' && state.level === 'warning' ? t('budget_backgroundPaused', { message }) : message };
}

function spendWindow(spentUsd: number, limitUsd: number, resetsAt: Date): SpendWindow {
  const share = spentUsd / limitUsd;
  return { spentUsd, limitUsd, share, level: share >= 1 ? 'exceeded' : share >= WARNING_SHARE ? 'warning' : 'ok', resetsAt: resetsAt.toISOString() };
}

function rateWindow(times: number[], limit: number): RateWindow {
  const count = times.length;
  if (count < limit) return { count, limit, level: 'ok', retryAt: null };
  // The request that frees a place is the oldest of the last `limit` ones.
  const sorted = [...times].sort((a, b) => a - b);
  const freeing = sorted[count - limit] ?? sorted[0] ?? 0;
  return { count, limit, level: 'exceeded', retryAt: new Date(freeing + MINUTE_MS).toISOString() };
}

function worst(levels: BudgetLevel[]): BudgetLevel {
  if (levels.includes('exceeded')) return 'exceeded';
  return levels.includes('warning') ? 'warning' : 'ok';
}

const usd = (amount: number): string =>
  formatNumber(amount, { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });

function when(iso: string, timeZone: string): string {
  return formatDate(iso, { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

function messageFor(
  daily: SpendWindow | null,
  monthly: SpendWindow | null,
  rate: RateWindow | null,
  now: Date,
  timeZone: string,
): string | null {
  if (monthly?.level === 'exceeded') {
    return t('budget_monthlyReached', { spent: usd(monthly.spentUsd), limit: usd(monthly.limitUsd), resets: when(monthly.resetsAt, timeZone) });
  }
  if (daily?.level === 'exceeded') {
    return t('budget_dailyReached', { spent: usd(daily.spentUsd), limit: usd(daily.limitUsd), resets: when(daily.resetsAt, timeZone) });
  }
  if (rate?.level === 'exceeded' && rate.retryAt) {
    const seconds = Math.max(1, Math.ceil((Date.parse(rate.retryAt) - now.getTime()) / 1000));
    return t('budget_tooManyRequests', { count: rate.count, limit: rate.limit, seconds });
  }
  if (monthly?.level === 'warning') return t('budget_monthlyWarning', { spent: usd(monthly.spentUsd), limit: usd(monthly.limitUsd) });
  if (daily?.level === 'warning') return t('budget_dailyWarning', { spent: usd(daily.spentUsd), limit: usd(daily.limitUsd) });
  return null;
}
