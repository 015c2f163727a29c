import { useCallback, useSyncExternalStore } from 'react';
import type { OutlineModel } from './outlineEntries';
import type { OutlineStore } from './outlineStore';

const nothing = () => () => {};

/** The live outline (see outlineStore), or null while there is no editor. */
export function useOutline(store: OutlineStore | null): OutlineModel | null {
  const subscribe = useCallback(
    (listener: () => void) => (store ? store.subscribe(listener) : nothing()),
    [store],
  );
  return useSyncExternalStore(subscribe, () => (store ? store.getSnapshot() : null));
}
