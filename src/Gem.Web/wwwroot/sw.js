// Gem's service worker: shows a diary prompt when a push arrives, tells the site it arrived ("delivered"), and opens
// the moment's page when the notification is tapped. No caching of pages: health data stays off the device's cache.
"use strict";
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  if (!data.url) return;
  var shown = self.registration.showNotification(data.title || "Gem", {
    body: data.body || "",
    tag: data.tag,            // one notification per moment: a reminder or a resend replaces it
    renotify: true,
    requireInteraction: true,
    icon: "/img/gem-icon.svg",
    data: { url: data.url }
  });
  var told = data.token
    ? fetch("/dagboek/m/" + encodeURIComponent(data.token) + "/ontvangen", { method: "POST", credentials: "omit" }).catch(function () {})
    : Promise.resolve();
  event.waitUntil(Promise.all([shown, told]));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || "/mijn/dagboek";
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url.indexOf(url) >= 0 && "focus" in windows[i]) return windows[i].focus();
    }
    return self.clients.openWindow(url);
  }));
});
