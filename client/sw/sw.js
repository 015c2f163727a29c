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
      const current = await caches.open(CACHE);
      for (const name of await caches.keys()) {
        if (!name.startsWith('accord-') || name === CACHE) continue;
        // files cached as they were used (the document page) stay usable offline after an
        // update when the new build still has them; the old version's shell goes
        const old = await caches.open(name);
        for (const request of await old.keys()) {
          const path = new URL(request.url).pathname;
          if (path.startsWith('/assets/') && !(await current.match(request, { ignoreVary: true }))) {
            const response = await old.match(request, { ignoreVary: true });
            if (response) await current.put(request, response);
          }
        }
        await caches.delete(name);
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
    event.respondWith(
      caches.match('/', { cacheName: CACHE, ignoreVary: true }).then((cached) => cached ?? fetch(request)),
    );
    return;
  }
  event.respondWith(
    (async () => {
      const cached = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
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
