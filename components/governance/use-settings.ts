import { useCallback, useEffect, useState } from 'react';
import { onLocalChange, onPolicyChange, type KeyValueStore } from '../../lib/browser';
import type { TeamUsageSource } from './TeamUsageView';
import { loadEffectiveSettings, loadSettings, SETTINGS_KEY, type EffectiveSettings, type PolicySource, type Settings } from '../../lib/settings';

export interface OptionsStores {
  local: KeyValueStore;
  managed: PolicySource;
  /** The team's usage from an org, asked of the background (which alone talks to Salesforce). */
  teamUsage: TeamUsageSource;
  /** The browser's interface language (lib/browser/ui-language.ts): what "Browser language" means. */
  uiLanguage: string;
}

export interface LoadedSettings {
  rep: Settings;
  effective: EffectiveSettings & { policyProblems: string[] };
  /** Counts the reads: a new value means the stored settings (or the policy) changed. */
  version: number;
}

/** The rep's settings and the effective ones, read again whenever storage or the policy changes. */
export function useSettings(stores: OptionsStores): { loaded: LoadedSettings | null; reload(): Promise<void> } {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  const reload = useCallback(async () => {
    const [rep, effective] = await Promise.all([loadSettings(stores.local), loadEffectiveSettings(stores.local, stores.managed)]);
    setLoaded((previous) => ({ rep, effective, version: (previous?.version ?? 0) + 1 }));
  }, [stores]);

  useEffect(() => {
    void reload();
    const stopLocal = onLocalChange([SETTINGS_KEY], () => void reload());
    const stopPolicy = onPolicyChange(() => void reload());
    return () => {
      stopLocal();
      stopPolicy();
    };
  }, [reload]);

  return { loaded, reload };
}
