// Loads data once per dependency change; exposes the value, the error and a reload.
import { useCallback, useEffect, useState } from 'react';

export interface AsyncState<T> {
  value: T | undefined;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    run()
      .then((v) => live && (setValue(v), setError(null)))
      .catch((e: Error) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [run, tick]);
  // the same function on every render: callers may start timers with it
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { value, error, loading, reload };
}
