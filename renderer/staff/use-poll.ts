/** Fetches now and then every `everyMs` while mounted; the console's live views use it. */
import { useCallback, useEffect, useRef, useState } from 'react';

export function usePoll<T>(
  load: () => Promise<T>,
  everyMs: number,
): { data: T | null; error: Error | null; refresh: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        const value = await loadRef.current();
        if (!stopped) {
          setData(value);
          setError(null);
        }
      } catch (e) {
        if (!stopped) setError(e as Error);
      }
      if (!stopped) timer = setTimeout(run, everyMs);
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [everyMs, nonce]);

  const refresh = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, refresh };
}

/** usePoll for a view with filters: loads again at once whenever `query` changes. */
export function usePollQuery<Q, T>(
  query: Q,
  load: (query: Q) => Promise<T>,
  everyMs: number,
): { data: T | null; error: Error | null; refresh: () => void } {
  const polled = usePoll(() => load(query), everyMs);
  const key = JSON.stringify(query);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    polled.refresh();
  }
  return polled;
}
