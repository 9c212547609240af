import { z } from 'zod/mini';
import type { KeyValueStore } from '../../browser/store';
import { defaultModelFor, listModels } from '../../model/client';
import { ModelProblem, modelProblem } from '../../model/problems';
import type { ModelInfo, ModelSettings, UseCase } from '../../model/types';
import { modelAllowed, type EffectiveSettings } from '../../settings';
import type { SettingsGate } from './gate';
import type { SettingsSource } from './sources';
import { MODEL_CHOICE_FOR } from './use-cases';
import { t } from '../../i18n';

const MODELS_KEY = 'models:listed';
const CachedModels = z.object({ at: z.number(), models: z.array(z.object({ id: z.string(), displayName: z.string() })).check(z.minLength(1)) });
const MODELS_TTL_MS = 6 * 60 * 60 * 1000;

export interface ModelSettingsDeps {
  settings: SettingsSource;
  gate: SettingsGate;
  /** Session storage: the live model list, fetched at most every few hours. */
  session: KeyValueStore;
  now(): Date;
  /** The live model list (the Anthropic client's listModels by default). */
  listModels?(settings: ModelSettings): Promise<ModelInfo[]>;
}

/**
 * The model settings a use case runs with, from the effective settings (the policy applied): the key (the rep's only
 * when the policy allows it), the gateway, and the model chosen for the use case — kept to the allowed models, and
 * replaced by the best listed one when the live list no longer has it — and the listed display names, so a result is
 * shown by the name of the model that wrote it ("Demo model (offline)" as much as "Claude Sonnet 5.5"). Refuses, in words, a use case switched off
 * and a generation over budget: every model call asks for its settings first, so this is the one gate they all pass.
 */
export async function governedModelSettings(useCase: UseCase, deps: ModelSettingsDeps, trigger: 'rep' | 'background' = 'rep'): Promise<ModelSettings> {
  const effective = await deps.settings.effective();
  if (!(await deps.gate.useCaseAllowed(useCase))) {
    throw new ModelProblem('server', t('model_featureOff'));
  }
  const refusal = await deps.gate.budgetRefusal(trigger);
  if (refusal) throw new ModelProblem('spend-limit', refusal);
  const apiKey = effective.settings.anthropicApiKey;
  if (!apiKey) throw modelProblem('no-key');
  const base = { apiKey, ...(effective.settings.baseUrl ? { baseUrl: effective.settings.baseUrl } : {}) };
  const live = await liveModels(base, deps);
  const modelNames = Object.fromEntries(live.map((model) => [model.id, model.displayName]));
  return { ...base, model: chooseModel(useCase, effective, live.map((model) => model.id)), modelNames };
}

async function liveModels(base: Omit<ModelSettings, 'model'>, deps: ModelSettingsDeps): Promise<ModelInfo[]> {
  const cached = CachedModels.safeParse(await deps.session.get(MODELS_KEY));
  const fresh = cached.success && deps.now().getTime() - cached.data.at < MODELS_TTL_MS;
  if (fresh) return cached.data.models;
  const models = await (deps.listModels ?? listModels)({ ...base, model: '' });
  await deps.session.set(MODELS_KEY, { at: deps.now().getTime(), models });
  return models;
}

/**
 * The rep's (or the policy's) choice when the live list has it; otherwise the best listed model for the use case among
 * the allowed ones. A choice the policy forced is kept even if unlisted: the administrator knows their gateway.
 */
export function chooseModel(useCase: UseCase, effective: Pick<EffectiveSettings, 'settings' | 'allowedModels' | 'locked'>, live: readonly string[]): string {
  const choice = MODEL_CHOICE_FOR[useCase];
  const chosen = effective.settings.models[choice];
  const allowedLive = live.filter((model) => modelAllowed(effective.allowedModels, model));
  if (effective.locked.has(`models.${choice}`) || allowedLive.includes(chosen)) return chosen;
  if (allowedLive.length === 0) return chosen;
  return defaultModelFor(useCase, allowedLive);
}
