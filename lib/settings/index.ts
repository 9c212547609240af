import type { KeyValueStore } from '../browser';
import { t } from '../i18n';
import { effectiveSettings, loadManagedPolicy, type EffectiveSettings, type PolicySource } from './policy';
import { parseSettingsLeniently, Settings } from './schema';

export * from './schema';
export * from './policy';
export * from './languages';

/** The local-storage key of the rep's settings: a storage.onChanged listener watches it (and every managed key). */
export const SETTINGS_KEY = 'settings';

/** The rep's own settings (before any policy): what the options page edits. */
export async function loadSettings(store: KeyValueStore): Promise<Settings> {
  return parseSettingsLeniently(await store.get(SETTINGS_KEY));
}

/**
 * Saves the rep's changes over what is stored; nested groups (`features`, `budgets`, …) are replaced whole, so pass
 * the full group. Throws a ZodError when a change does not validate, leaving storage as it was.
 */
export async function saveSettings(store: KeyValueStore, changes: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await loadSettings(store)), ...changes });
  await store.set(SETTINGS_KEY, next);
  return next;
}

/** What the extension runs with: the rep's settings under the administrator's policy, and what the policy locks. */
export async function loadEffectiveSettings(
  store: KeyValueStore,
  managed: PolicySource,
): Promise<EffectiveSettings & { policyProblems: string[] }> {
  const [rep, { policy, problems }] = await Promise.all([loadSettings(store), loadManagedPolicy(managed)]);
  return { ...effectiveSettings(rep, policy), policyProblems: problems };
}

/** Anthropic keys start with `sk-ant-`; anything else is a paste mistake worth saying so about. */
export function apiKeyProblem(key: string): string | null {
  if (key === '') return null;
  return /^sk-ant-[A-Za-z0-9_-]{8,}$/.test(key.trim()) ? null : t('settings_apiKeyShape');
}

