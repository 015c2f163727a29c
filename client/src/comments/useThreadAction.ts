import { useState } from 'react';
import type { ThreadAnswer } from '../api/accordApi';
import type { ThreadStore } from './ThreadStore';

/**
 * Runs a write on a thread (resolve, delete, ...) as one of this tab's writes: busy while it
 * runs, its error kept to show, its answer applied to the store.
 */
export function useThreadAction(store: ThreadStore, after?: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<ThreadAnswer>) => {
    setBusy(true);
    setError(null);
    try {
      await store.write(action);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      after?.();
    }
  };
  return { busy, error, run };
}
