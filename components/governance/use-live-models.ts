import { useEffect, useState } from 'react';
import { FALLBACK_MODELS, listModels } from '../../lib/model/client';
import { modelAllowed } from '../../lib/settings';

/** The models to offer: the live list for the key (the fallback list without one), kept to the allowed models. */
export function useLiveModels(apiKey: string, baseUrl: string, allowed: readonly string[] | null): { ids: string[]; live: boolean } {
  const [listed, setListed] = useState<{ ids: string[]; live: boolean }>({ ids: [...FALLBACK_MODELS], live: false });

  useEffect(() => {
    if (!apiKey) return;
    let current = true;
    void listModels({ apiKey, model: '', maxRetries: 0, ...(baseUrl ? { baseUrl } : {}) }).then((ids) => {
      // listModels falls back to the same list when it cannot reach the API: identical means not live.
      const live = ids.join() !== FALLBACK_MODELS.join();
      if (current) setListed({ ids, live });
    });
    return () => {
      current = false;
    };
  }, [apiKey, baseUrl]);

  return { ids: listed.ids.filter((id) => modelAllowed(allowed, id)), live: listed.live };
}
