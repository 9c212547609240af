import { useCallback, useEffect, useRef } from 'react';

/**
 * Sends the latest value once typing pauses, and at once on flush (a field losing focus), when the component goes
 * away, or when the panel closes (closing unloads the page without unmounting React). Nothing typed is lost to the
 * pause.
 */
export function useDebouncedSend<T>(send: ((value: T) => void) | undefined, delayMs: number): { keep(value: T): void; flush(): void } {
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sender = useRef(send);
  useEffect(() => {
    sender.current = send;
  }, [send]);
  // Only refs inside: one function for the component's whole life, also used as the unmount cleanup.
  const flush = useCallback((): void => {
    clearTimeout(timer.current);
    const held = pending.current;
    pending.current = null;
    if (held) sender.current?.(held.value);
  }, []);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);
  return {
    keep(value) {
      pending.current = { value };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    flush,
  };
}
