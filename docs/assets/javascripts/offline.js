/* Web edition only: register the service worker that keeps the guide usable
 * with no network after one visit. It sits at the site's root (above the
 * folders of other languages), so its scope is the site's own folder (on GitHub Pages, /<repository>/). A new version takes
 * over on the next visit. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  // The worker's address, relative to this page (overrides/main.html).
  var worker = new URL(document.currentScript.dataset.worker, location.href).href;
  // Once the page has loaded and the browser is idle: precaching the guide
  // must not slow the first view.
  var idle = window.requestIdleCallback || function (task) { setTimeout(task, 1); };
  window.addEventListener("load", function () {
    idle(function () { navigator.serviceWorker.register(worker); }, { timeout: 5000 });
  });
})();
