import { useCallback, useEffect, useState } from 'react';
import { browser } from '../../lib/browser';

/** A value read from local storage, read again whenever its key changes there (another page or the worker wrote it). */
export function useStored<T>(key: string, read: () => Promise<T>): { value: T | null; reload(): void } {
  const [value, setValue] = useState<T | null>(null);
  const reload = useCallback(() => void read().then(setValue), [read]);

  useEffect(() => {
    reload();
    const onChanged = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'local' && key in changes) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [key, reload]);

  return { value, reload };
}
