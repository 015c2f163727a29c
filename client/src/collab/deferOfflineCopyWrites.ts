import * as Y from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';
import type { Scheduler } from '../scheduling/afterNextPaint';

/** the longest an update waits for its frame before it is written anyway */
const MAX_WAIT_MS = 100;

/**
 * y-indexeddb writes every Y.Doc update to IndexedDB in the transaction that made it — inside each
 * keystroke, before the frame that shows it. This moves the write to just after that frame (at
 * most MAX_WAIT_MS later), merging what arrived meanwhile into one write. IndexedDB commits
 * asynchronously anyway; `flush()` writes at once (closing the tab or the session).
 *
 * `store` is y-indexeddb's own update handler (`persistence._storeUpdate`), which this takes off
 * the document's 'update' event and calls itself. Answers flush and stop.
 */
export function deferUpdateWrites(
  ydoc: Y.Doc,
  store: (update: Uint8Array, origin: unknown) => void,
  skipOrigin: unknown,
  host: Scheduler,
): { flush(): void; stop(): void } {
  let queued: Uint8Array[] = [];
  let cancels: (() => void)[] = [];
  let stopped = false;
  const flush = () => {
    cancels.forEach((cancel) => cancel());
    cancels = [];
    if (queued.length === 0 || stopped) return;
    const update = queued.length === 1 ? queued[0]! : Y.mergeUpdates(queued);
    queued = [];
    store(update, null);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    // what the offline copy itself loaded is stored already
    if (stopped || origin === skipOrigin) return;
    queued.push(update);
    if (cancels.length === 0) cancels = [host.afterPaint(flush), host.delay(flush, MAX_WAIT_MS)];
  };
  ydoc.off('update', store);
  ydoc.on('update', onUpdate);
  return {
    flush,
    stop() {
      stopped = true;
      queued = [];
      cancels.forEach((cancel) => cancel());
      cancels = [];
      ydoc.off('update', onUpdate);
    },
  };
}

/** deferUpdateWrites for a y-indexeddb persistence (see there). */
export function deferOfflineCopyWrites(persistence: IndexeddbPersistence, ydoc: Y.Doc, host: Scheduler) {
  const store = (persistence as unknown as { _storeUpdate: (update: Uint8Array, origin: unknown) => void })
    ._storeUpdate;
  return deferUpdateWrites(ydoc, store, persistence, host);
}
