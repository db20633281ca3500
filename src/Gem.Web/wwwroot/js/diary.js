// Gem diary: turn on notifications for this browser. The page works without this file: prompts then come by e-mail.
"use strict";
(function () {
  var controls = document.getElementById("push-controls");
  if (!controls) return;
  var status = document.getElementById("push-status");
  var button = document.getElementById("push-subscribe");
  var say = function (key) { status.textContent = status.getAttribute("data-" + key) || ""; };
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    controls.hidden = false;
    button.hidden = true;
    say("unsupported");
    return;
  }
  controls.hidden = false;
  var registration = navigator.serviceWorker.register("/sw.js", { scope: "/" });

  function keyBytes(base64url) {
    var padded = base64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((base64url.length + 3) % 4);
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") { say("denied"); return null; }
      return registration.then(function (reg) { return navigator.serviceWorker.ready.then(function () { return reg; }); })
        .then(function (reg) {
          return reg.pushManager.getSubscription().then(function (existing) {
            return existing || reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(controls.getAttribute("data-key")) });
          });
        })
        .then(function (subscription) {
          return fetch("/dagboek/abonnement", {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(subscription.toJSON())
          });
        })
        .then(function (response) { if (response.ok) say("ok"); else say("unsupported"); });
    }).catch(function () { say("unsupported"); }).then(function () { button.disabled = false; });
  });
})();
