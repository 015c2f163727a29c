import { AppUpdates } from './AppUpdates';

/** How often an open tab asks whether a new version was deployed. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker of the production build (client/sw/sw.js) and reports a new
 * version to `updates` once it has installed in the background. The first install needs no
 * notice: the page already runs that version.
 */
export function registerServiceWorker(updates: AppUpdates): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    // the page had a worker and chose to reload into the new one
    if (updates.getState() !== 'available' || reloading) return;
    reloading = true;
    window.location.reload();
  });
  // after the page has loaded, so the worker's install never competes with the first load
  window.addEventListener('load', () => {
    container
      .register('/sw.js')
      .then((registration) => {
        void container.ready.then((ready) => {
          const urls = performance
            .getEntriesByType('resource')
            .map((entry) => new URL(entry.name))
            .filter((url) => url.origin === window.location.origin && url.pathname.startsWith('/assets/'))
            .map((url) => url.pathname);
          ready.active?.postMessage({ type: 'CACHE_URLS', urls });
        });
        const watch = (worker: ServiceWorker | null) => {
          if (!worker) return;
          const check = () => {
            if (worker.state === 'installed' && container.controller) updates.waitingWorker(worker);
          };
          worker.addEventListener('statechange', check);
          check();
        };
        watch(registration.waiting);
        registration.addEventListener('updatefound', () => watch(registration.installing));
        window.setInterval(() => void registration.update().catch(() => {}), UPDATE_CHECK_MS);
      })
      .catch(() => {
        // no worker (private mode, an old browser): the app works, only not offline
      });
  });
}
