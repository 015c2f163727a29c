// Accord's service worker (issue 18). Plain JavaScript, written into the build by
// client/build/serviceWorker.ts, which fills in the version and the files to precache.
//  - the app shell (index.html, scripts, styles) is precached per build version, so a repeat visit
//    downloads only what changed and the app opens with no network at all;
//  - a new version installs in the background and waits: the page shows "new version available —
//    reload" and sends SKIP_WAITING when the user chooses to reload;
//  - the API and the collaboration socket are never cached here (documents live in IndexedDB).
const VERSION = '__ACCORD_VERSION__';
const PRECACHE = [/* __ACCORD_PRECACHE__ */];
const CACHE = `accord-${VERSION}`;

self.addEventListener('install', (event) => {
  // `cache: 'no-cache'` revalidates with the server; the hashed files come from the HTTP cache
  // when the page has just loaded them
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('accord-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
  if (event.data && event.data.type === 'VERSION')
    event.source?.postMessage({ type: 'VERSION', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (/^\/(?:api|collab|p)(?:\/|$)/.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    // every client route is the same app shell: this version's index.html, network or not
    event.respondWith(caches.match('/', { cacheName: CACHE }).then((cached) => cached ?? fetch(request)));
    return;
  }
  event.respondWith(
    (async () => {
      const cached = await caches.match(request, { cacheName: CACHE });
      if (cached) return cached;
      const response = await fetch(request);
      // hashed files never change: keep the ones loaded on demand (the visitor's language)
      if (response.ok && url.pathname.startsWith('/assets/')) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    })(),
  );
});
