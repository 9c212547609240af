import { budgetState, mayGenerate, type BudgetState, type GenerationTrigger } from '../../audit';
import type { UseCase } from '../../model/types';
import { featureEnabled, type EffectiveSettings, type FeatureKey } from '../../settings';
import type { SettingsSource, SpendSource } from './sources';
import { SWITCHES_FOR } from './use-cases';

/** A month back covers both budget windows (today and this month) in any time zone. */
const LOOKBACK_MS = 32 * 86_400_000;

export interface GateDeps {
  settings: SettingsSource;
  spend: SpendSource;
  now(): Date;
  /** The rep's time zone, where days and months start. The browser's own unless given. */
  timeZone?: string;
}

export interface SettingsGate {
  /** Whether a feature switch is on and the policy has not removed it. */
  featureAllowed(feature: FeatureKey): Promise<boolean>;
  /** Whether a model use case may run: one of its switches is on. */
  useCaseAllowed(useCase: UseCase): Promise<boolean>;
  budget(): Promise<BudgetState>;
  /** Null when a generation may start; otherwise the words to show (what was spent, when it resets). */
  budgetRefusal(trigger?: GenerationTrigger): Promise<string | null>;
}

const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The checks the background makes before doing work: features the rep or the policy switched off are refused, and a
 * generation over budget is refused with the budget's own message. Everything is read on each call.
 */
export function settingsGate(deps: GateDeps): SettingsGate {
  const allowed = (effective: EffectiveSettings, feature: FeatureKey): boolean => featureEnabled(effective, feature);
  const gate: SettingsGate = {
    async featureAllowed(feature) {
      return allowed(await deps.settings.effective(), feature);
    },
    async useCaseAllowed(useCase) {
      const effective = await deps.settings.effective();
      return SWITCHES_FOR[useCase].some((feature) => allowed(effective, feature));
    },
    async budget() {
      const now = deps.now();
      const [effective, entries] = await Promise.all([
        deps.settings.effective(),
        deps.spend.query({ from: new Date(now.getTime() - LOOKBACK_MS).toISOString() }),
      ]);
      return budgetState(entries, effective.settings.budgets, now, { timeZone: deps.timeZone ?? browserTimeZone() });
    },
    async budgetRefusal(trigger = 'rep') {
      const verdict = mayGenerate(await gate.budget(), trigger);
      return verdict.allowed ? null : verdict.message;
    },
  };
  return gate;
}
