import * as Y from 'yjs';
import { SCHEMA_VERSION } from '@accord/shared';

/** How long the saved copy may take to load before the socket connects without it. */
const SAVED_COPY_WAIT_MS = 3000;

export interface LoadBeforeConnectingOptions {
  documentId: string;
  ydoc: Y.Doc;
  /** resolves when the saved copy (IndexedDB) is in `ydoc` */
  savedCopyLoaded: Promise<unknown>;
  /** the origin of changes that came from the server (the provider: they are not sent back) */
  serverOrigin: unknown;
  /** the page went away meanwhile: fetch nothing more */
  cancelled: () => boolean;
}

/**
 * What the editor tab does before it connects the collaboration socket, so that the socket's
 * first sync carries only what is missing:
 * - waits for the saved copy, so the socket's greeting names everything this device has (the
 *   provider would otherwise send the whole saved copy up as one new change once it loads: about
 *   60 KB of upload for a 50-article document on every repeat visit);
 * - with no saved copy, fetches the document's state over HTTP (GET /api/documents/:id/state,
 *   brotli-compressed: about a fifth of the socket's uncompressed first sync). Any failure there
 *   (offline, no access, an old server) just leaves the whole state to the socket, as before.
 */
export async function loadBeforeConnecting({
  documentId,
  ydoc,
  savedCopyLoaded,
  serverOrigin,
  cancelled,
}: LoadBeforeConnectingOptions): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    savedCopyLoaded.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, SAVED_COPY_WAIT_MS))),
  ]);
  clearTimeout(timer);
  if (cancelled() || ydoc.store.clients.size > 0 || !window.navigator.onLine) return;
  const state = await fetchState(documentId);
  if (state && !cancelled()) {
    try {
      Y.applyUpdate(ydoc, state, serverOrigin);
    } catch {
      // a garbled answer: the socket sends the whole state instead
    }
  }
}

async function fetchState(documentId: string): Promise<Uint8Array | null> {
  try {
    const response = await fetch(
      `/api/documents/${encodeURIComponent(documentId)}/state?schema=${SCHEMA_VERSION}`,
      { credentials: 'same-origin', headers: { Accept: 'application/vnd.yjs.update' } },
    );
    if (!response.ok) return null;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return null;
  }
}
