import { useCallback, useState } from 'react';

/**
 * Component state mirrored to localStorage on every change, for text the agent types outside
 * the reply draft (notes, justifications, the new-case form): navigation or a restart never
 * loses it. `clear` forgets it once it has been stored for real.
 */
export function usePersistentState<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const storageKey = `refund-console.${key}`;
  const [value, setValue] = useState<T>(() => {
    const saved = localStorage.getItem(storageKey);
    return saved === null ? initial : (JSON.parse(saved) as T);
  });
  const set = useCallback(
    (next: T) => {
      localStorage.setItem(storageKey, JSON.stringify(next));
      setValue(next);
    },
    [storageKey],
  );
  const clear = useCallback(() => {
    localStorage.removeItem(storageKey);
    setValue(initial);
  }, [storageKey, initial]);
  return [value, set, clear];
}
