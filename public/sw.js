/* global self, caches, fetch, URL */
// NegoSim's service worker: keeps the whole game playable offline once it has been loaded.
// Same-origin GET requests only: network first for pages (so updates arrive), cache first for
// hashed assets (they never change under the same name). Nothing else is intercepted.
// The build stamps the site's version here (scripts/precache-plugin.ts): a new deployment is a new
// worker, with its own cache, and the old cache is dropped once it takes over.
const CACHE = 'negosim-__NEGOSIM_SITE_VERSION__';

// Every file of the site, listed by the build: a visit in a setting never seen online still
// finds its art and sounds offline.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        const response = await fetch('./precache.json', { cache: 'no-store' });
        const { files } = await response.json();
        await cache.addAll(['./', ...files.map((f) => './' + f)]);
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A module script is requested with an Origin header; a server that answers `Vary: Origin` would
// otherwise make the copy cached at install never match it.
const MATCH = { ignoreVary: true };

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The classroom server's API (live board stream, uploads) is never cached.
  if (url.pathname.includes('/api/')) return;
  const hashed = url.pathname.includes('/assets/');
  event.respondWith(
    hashed
      ? caches.match(request, MATCH).then((hit) => hit ?? fetchAndKeep(request))
      : fetchAndKeep(request).catch(() =>
          caches.match(request, MATCH).then((hit) => hit ?? caches.match('./index.html', MATCH)),
        ),
  );
});

async function fetchAndKeep(request) {
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}
