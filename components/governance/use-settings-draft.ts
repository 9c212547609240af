import { useEffect, useRef, useState } from 'react';
import { draftFrom, settingsFromDraft, type SettingsDraft } from '../../lib/features/governance/options-draft';
import { priceRowsFrom, priceTableFromRows, type PriceRowDraft } from '../../lib/features/governance/price-draft';
import { apiKeyProblem, isLocked, saveSettings, type SettingPath } from '../../lib/settings';
import type { LoadedSettings, OptionsStores } from './use-settings';
import { t } from '../../lib/i18n';

export type SaveStatus = { tone: 'info' | 'error'; text: string } | null;

/** Every setting as the rep is editing it, across the page's sections: one draft, one Save. */
export interface SettingsForm {
  loaded: LoadedSettings;
  draft: SettingsDraft;
  change(changes: Partial<SettingsDraft>): void;
  /** Prohibited phrases, one per line. */
  phrases: string;
  setPhrases(text: string): void;
  priceRows: PriceRowDraft[];
  setPriceRows(rows: PriceRowDraft[]): void;
  locked(path: SettingPath): boolean;
  /** What differs from what is stored. */
  dirty: boolean;
  save(): Promise<void>;
  discard(): void;
  status: SaveStatus;
}

interface Edits {
  draft: SettingsDraft;
  phrases: string;
  priceRows: PriceRowDraft[];
}

const editsFrom = (loaded: LoadedSettings): Edits => ({
  draft: draftFrom(loaded.rep),
  phrases: loaded.rep.prohibitedPhrases.join('\n'),
  priceRows: priceRowsFrom(loaded.rep.prices),
});

const sameEdits = (a: Edits, b: Edits): boolean => JSON.stringify(a) === JSON.stringify(b);

const phraseLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * The settings draft, kept while the rep moves between sections. When the stored settings change (a save here, another
 * window, the policy), an untouched draft follows them; a draft with edits is kept, so nothing typed is lost.
 */
export function useSettingsDraft(loaded: LoadedSettings, stores: OptionsStores): SettingsForm {
  const [edits, setEdits] = useState<Edits>(() => editsFrom(loaded));
  const [status, setStatus] = useState<SaveStatus>(null);
  const base = useRef<Edits>(editsFrom(loaded));
  const saved = useRef(false);
  const stored = editsFrom(loaded);
  const dirty = !sameEdits(edits, stored);

  useEffect(() => {
    const next = editsFrom(loaded);
    // After a save the form shows the settings as stored (numbers and prices as storage writes them).
    setEdits((current) => (saved.current || sameEdits(current, base.current) ? next : current));
    saved.current = false;
    base.current = next;
  }, [loaded]);

  const { rep, effective } = loaded;
  const locked = (path: SettingPath): boolean => isLocked(effective, path);

  const save = async (): Promise<void> => {
    const keyProblem = locked('anthropicApiKey') ? null : apiKeyProblem(edits.draft.apiKey);
    if (keyProblem) return setStatus({ tone: 'error', text: keyProblem });
    const priced = locked('prices') ? { prices: rep.prices } : priceTableFromRows(edits.priceRows);
    if ('problems' in priced) return setStatus({ tone: 'error', text: t('options_priceProblem', { problem: priced.problems[0]?.text ?? t('options_somePriceInvalid') }) });
    const result = settingsFromDraft(edits.draft, { ...rep, prohibitedPhrases: phraseLines(edits.phrases), prices: priced.prices });
    if ('problem' in result) return setStatus({ tone: 'error', text: result.problem });
    saved.current = true;
    await saveSettings(stores.local, result.settings);
    setStatus({ tone: 'info', text: t('options_saved') });
  };

  return {
    loaded,
    draft: edits.draft,
    change: (changes) => {
      setStatus(null);
      setEdits((current) => ({ ...current, draft: { ...current.draft, ...changes } }));
    },
    phrases: edits.phrases,
    setPhrases: (phrases) => setEdits((current) => ({ ...current, phrases })),
    priceRows: edits.priceRows,
    setPriceRows: (priceRows) => setEdits((current) => ({ ...current, priceRows })),
    locked,
    dirty,
    save,
    discard: () => {
      setEdits(editsFrom(loaded));
      setStatus(null);
    },
    status,
  };
}
