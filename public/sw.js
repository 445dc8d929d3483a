/* global self, caches, fetch, URL */
// NegoSim's service worker: keeps the game playable offline once it has been loaded.
// Same-origin GET requests only: network first for pages (so updates arrive), cache first for
// hashed assets (they never change under the same name). Nothing else is intercepted.
const CACHE = 'negosim-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['./', './index.html', './manifest.webmanifest', './icons/icon.svg'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const hashed = url.pathname.includes('/assets/');
  event.respondWith(
    hashed
      ? caches.match(request).then((hit) => hit ?? fetchAndKeep(request))
      : fetchAndKeep(request).catch(() => caches.match(request).then((hit) => hit ?? caches.match('./index.html'))),
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
