/* Service worker of the กรอกแบบรายงาน page only (scope: form/), so an officer who opened
 * the form once can open it again, fill it, see every check, download the file and
 * print without a connection.
 *
 * Written by the build (site_builder/site/offline.py): BUILD names this build (the data's
 * commit and a digest of the files below), so every deploy is a new worker with its
 * own cache and the old cache is deleted when it takes over; no old rules stay in
 * use. Every request goes to the network first; the cache answers only when the
 * network cannot, so online the page is exactly what the server sends.
 */
"use strict";
const BUILD = "__BUILD__";
const CACHE = "kpi-form-" + BUILD;
const PRECACHE = __PRECACHE__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.indexOf("kpi-form-") === 0 && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The page names the registry data it fetched before this worker controlled it.
self.addEventListener("message", (event) => {
  const d = event.data || {};
  if (d.type !== "keep" || !Array.isArray(d.urls)) return;
  const urls = d.urls.filter(
    (u) =>
      typeof u === "string" &&
      new URL(u, self.location).origin === self.location.origin &&
      u.indexOf("/form-data/") >= 0,
  );
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(urls))
      .catch(() => undefined),
  );
});

function fromCache(request) {
  return caches
    .open(CACHE)
    .then((c) => c.match(request, { ignoreSearch: true }))
    .then((hit) => hit || Response.error());
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.searchParams.has("kpi-probe")) return; // the page asking whether the network is there
  event.respondWith(
    fetch(request).then(
      (response) => {
        if (response.ok && url.pathname.indexOf("/form-data/") >= 0) {
          const copy = response.clone(); // the newest registry data, for the next time offline
          caches.open(CACHE).then((c) => c.put(url.pathname, copy));
        }
        return response;
      },
      () => fromCache(request),
    ),
  );
});
