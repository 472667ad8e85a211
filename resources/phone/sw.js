// The phone page keeps itself: when the PC cannot be reached, a reload shows the page kept here (the
// scores waiting on the phone are in its storage) instead of the browser's "no internet" page. The
// page is asked of the PC first every time, so a newer program's page replaces the kept one; the
// judge's sheet and scores (/api/) are never kept here.
"use strict";

var KEPT = "fest-phone-page-v1";
var PAGE = ["/", "/static/phone.js", "/static/phone.css"];
var WAIT_MS = 4000;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(KEPT).then(function (cache) { return cache.addAll(PAGE); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== KEPT; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () { return self.clients.claim(); }));
});

// Every address of the page (/, /j/<secret>) is the same file, kept once as "/".
function keptAs(url) {
  if (url.pathname === "/" || /^\/j\/[A-Za-z0-9_-]+$/.test(url.pathname)) return "/";
  if (PAGE.indexOf(url.pathname) >= 0) return url.pathname;
  return null;
}

// The PC's answer, or a failure after WAIT_MS (a Wi-Fi that is joined but does not reach the PC
// would otherwise keep the judge waiting for the browser's own time-out).
function fromThePc(request) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("slow")); }, WAIT_MS);
    fetch(request).then(function (response) { clearTimeout(timer); resolve(response); },
      function (error) { clearTimeout(timer); reject(error); });
  });
}

self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  var key = event.request.method === "GET" && url.origin === self.location.origin ? keptAs(url) : null;
  if (!key) return;  // the API and anything else: straight to the PC
  event.respondWith(fromThePc(event.request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(KEPT).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }, function () {
    return caches.match(key).then(function (kept) { return kept || Response.error(); });
  }));
});
