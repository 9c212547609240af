import { useEffect, useState } from 'react';
import { FALLBACK_MODELS, listModels } from '../../lib/model/client';
import type { ModelInfo } from '../../lib/model';
import { modelAllowed } from '../../lib/settings';

const FALLBACK: ModelInfo[] = FALLBACK_MODELS.map((id) => ({ id, displayName: id }));

/** The models to offer: the live list for the key (the fallback list without one), kept to the allowed models. */
export function useLiveModels(apiKey: string, baseUrl: string, allowed: readonly string[] | null): { models: ModelInfo[]; live: boolean } {
  const [listed, setListed] = useState<{ models: ModelInfo[]; live: boolean }>({ models: FALLBACK, live: false });

  useEffect(() => {
    if (!apiKey) return;
    let current = true;
    void listModels({ apiKey, model: '', maxRetries: 0, ...(baseUrl ? { baseUrl } : {}) }).then((models) => {
      // listModels falls back to the same list when it cannot reach the API: identical means not live.
      const live = models.map((model) => model.id).join() !== FALLBACK_MODELS.join();
      if (current) setListed({ models, live });
    });
    return () => {
      current = false;
    };
  }, [apiKey, baseUrl]);

  return { models: listed.models.filter((model) => modelAllowed(allowed, model.id)), live: listed.live };
}
