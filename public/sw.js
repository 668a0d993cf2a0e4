// Spire's service worker: keeps the whole app and all its content on the device, so a
// pupil can open any lesson, save and navigate without a network. The app's files are
// served from the device (a new version comes as a new worker, see below); content from
// the network while there is one. The build
// (scripts/postbuild.mjs) fills in VERSION and FILES from trunk's hashed output; a new
// build is a new VERSION, installed beside the old one and used after the pupil reloads.
const VERSION = "dev";
const FILES = [];

const CACHE = "spire-" + VERSION;

self.addEventListener("install", (event) => {
  // Everything at once: a lesson not opened before must open offline too. `reload` skips
  // the HTTP cache, so a new version never stores an old file.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("spire-") && name !== CACHE)
            .map((name) => caches.delete(name))
        )
      )
      .then(() => self.clients.claim())
  );
});

// The page asks for this when the pupil chooses "reload" on the update prompt.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  if (url.href.startsWith(new URL("lessons/", self.registration.scope).href)) {
    return fromNetworkFirst(request, cache);
  }
  // The app's page is index.html, whether asked for by name or as its folder: routes live
  // in the hash. The app's own files are trunk's hashed files: never stale.
  const page = request.mode === "navigate" && (url.pathname.endsWith("/") || url.pathname.endsWith("/index.html"));
  const key = page ? new URL("index.html", self.registration.scope).href : request;
  const cached = await cache.match(key, { ignoreSearch: page });
  return cached || fetch(request);
}

// Content can be changed on a deployed site without a new build (README, "Deploying"), so
// it comes from the network when there is one, and from the device when there is none or
// the network has not answered within a few seconds.
const CONTENT_PATIENCE_MS = 4000;

async function fromNetworkFirst(request, cache) {
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request.url.split("?")[0], response.clone());
    return response;
  });
  network.catch(() => {}); // answered from the device below; nothing to report
  const patience = new Promise((resolve) => setTimeout(resolve, CONTENT_PATIENCE_MS));
  try {
    const first = await Promise.race([network, patience]);
    if (first) return first;
  } catch (offline) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw offline;
  }
  // The network is slow: the device's copy if there is one, else keep waiting.
  return (await cache.match(request, { ignoreSearch: true })) || network;
}
