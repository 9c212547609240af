import { z } from 'zod';
import type { KeyValueStore } from '../browser/store';
import { defaultModelFor, listModels, modelProblem, type ModelSettings } from '../model';
import { loadSettings } from '../settings';
import type { Feature } from './types';

const MODELS_KEY = 'models:available';
const CachedModels = z.object({ at: z.number(), models: z.array(z.string()).min(1) });
const MODELS_TTL_MS = 6 * 60 * 60 * 1000;

/**
 * The model settings for a feature: the rep's key (or none: a clear 'no-key' problem), the gateway, and the model —
 * the rep's choice, or the best of the live model list for the use case (listed at most every few hours).
 */
export async function modelSettingsFor(feature: Feature, local: KeyValueStore, session: KeyValueStore): Promise<ModelSettings> {
  const settings = await loadSettings(local);
  if (!settings.anthropicApiKey) throw modelProblem('no-key');
  const base = { apiKey: settings.anthropicApiKey };
  const cached = CachedModels.safeParse(await session.get(MODELS_KEY));
  let models = cached.success && Date.now() - cached.data.at < MODELS_TTL_MS ? cached.data.models : null;
  if (!models) {
    models = await listModels({ ...base, model: '' });
    await session.set(MODELS_KEY, { at: Date.now(), models });
  }
  return { ...base, model: defaultModelFor(feature, models) };
}
