import type { Awareness } from 'y-protocols/awareness';

/** y-protocols forgets a state not renewed for 30 s; this renews them locally more often */
const RENEW_EVERY_MS = 10_000;

/**
 * In low-data mode the server sends who is here only when someone arrives, leaves or is renamed,
 * not the renewal every client sends every 15 s; without those, y-protocols would forget the
 * others after 30 s. The states are kept here until the server says someone left. Returns a stop
 * function.
 */
export function keepRemoteStatesAlive(awareness: Awareness, every = RENEW_EVERY_MS): () => void {
  const timer = setInterval(() => {
    const now = Date.now();
    for (const [clientId, meta] of awareness.meta) {
      if (clientId !== awareness.clientID) meta.lastUpdated = now;
    }
  }, every);
  return () => clearInterval(timer);
}
