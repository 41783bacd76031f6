import { useCallback, useState } from 'react';
import { useUi } from './ui';

/**
 * The one way a screen runs an action: busy while it runs, its error in the status line, and
 * an optional message when done. `run` resolves to the result, or undefined after an error.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(work: () => Promise<T>, done?: (value: T) => string) => {
    setBusy(true);
    try {
      const value = await work();
      if (done !== undefined) useUi.getState().notify(done(value));
      return value;
    } catch (error) {
      useUi.getState().notify((error as Error).message, 'error');
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
