/* Web edition, handout pages only (partials/handout-actions.html): the PDF
 * buttons with no connection. The service worker keeps the pages for offline
 * use but not the PDFs (workbox-config.cjs), so a PDF tapped offline would
 * lead to the browser's own "no internet" page. Instead, the reader stays on
 * the page and reads, next to the buttons, that the PDF needs a connection and
 * that the print button works without one. With a connection, the download
 * goes ahead as before. */
(function () {
  "use strict";
  var actions = document.querySelector(".handout-actions[data-pdf-offline]");
  if (!actions) return;
  var notice = actions.querySelector(".handout-actions__notice");
  var CHECK_MS = 8000; // a connection that cannot answer a HEAD in 8 s cannot bring a PDF either

  function reachable(href) {
    if (navigator.onLine === false) return Promise.resolve(false);
    var controller = "AbortController" in window ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, CHECK_MS);
    // no-store: an answer from the browser's cache says nothing about the network.
    return fetch(href, { method: "HEAD", cache: "no-store", signal: controller && controller.signal })
      .then(function () { return true; }, function () { return false; })
      .then(function (ok) { clearTimeout(timer); return ok; });
  }

  var pending;
  function say(text) {
    // Emptied first, so that a second tap offline is announced again.
    clearTimeout(pending);
    notice.textContent = "";
    if (text) pending = setTimeout(function () { notice.textContent = text; }, 50);
  }

  actions.addEventListener("click", function (event) {
    var link = event.target.closest("a[download]");
    // A click with a modifier key (open in a new tab, save as...) is the browser's.
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (link.dataset.checked) {          // our own second click, after the check: let it go
      delete link.dataset.checked;
      return;
    }
    event.preventDefault();
    if (link.getAttribute("aria-busy")) return;
    link.setAttribute("aria-busy", "true");
    reachable(link.href).then(function (ok) {
      link.removeAttribute("aria-busy");
      if (!ok) {
        say(actions.dataset.pdfOffline);
        return;
      }
      say("");
      link.dataset.checked = "true";
      link.click();
    });
  });
})();
