import { useCallback, useEffect, useState } from 'react';
import { onLocalChange } from '../../lib/browser';

/** A value read from the lasting store, read again whenever its key changes there (another page or the worker wrote it). */
export function useStored<T>(key: string, read: () => Promise<T>): { value: T | null; reload(): void } {
  const [value, setValue] = useState<T | null>(null);
  const reload = useCallback(() => void read().then(setValue), [read]);

  useEffect(() => {
    reload();
    return onLocalChange([key], reload);
  }, [key, reload]);

  return { value, reload };
}
