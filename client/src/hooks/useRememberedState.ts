import { useCallback, useState } from 'react';

function read<T>(key: string, initial: T): T {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return initial;
    const parsed = JSON.parse(raw) as unknown;
    // A stored value of another shape (an older version of the app) is ignored.
    if (typeof parsed !== typeof initial || Array.isArray(parsed) !== Array.isArray(initial)) {
      return initial;
    }
    return parsed as T;
  } catch {
    return initial;
  }
}

/** useState that survives reloads: kept in localStorage under `key`. */
export function useRememberedState<T>(
  key: string,
  initial: T,
): [T, (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => read(key, initial));
  const update = useCallback(
    (next: T | ((previous: T) => T)) => {
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        try {
          localStorage.setItem(key, JSON.stringify(resolved));
        } catch {
          // storage full or blocked: the setting just is not remembered
        }
        return resolved;
      });
    },
    [key],
  );
  return [value, update];
}
