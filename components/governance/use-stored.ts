import { useCallback, useEffect, useState } from 'react';
import { onStorageChange } from '../../lib/browser';

/** A value read from local storage, read again whenever its key changes there (another page or the worker wrote it). */
export function useStored<T>(key: string, read: () => Promise<T>): { value: T | null; reload(): void } {
  const [value, setValue] = useState<T | null>(null);
  const reload = useCallback(() => void read().then(setValue), [read]);

  useEffect(() => {
    reload();
    return onStorageChange((changes, area) => {
      if (area === 'local' && key in changes) reload();
    });
  }, [key, reload]);

  return { value, reload };
}
