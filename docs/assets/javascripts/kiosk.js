/* Kiosk idle reset (loaded only in the kiosk edition).
 *
 * After a quiet spell the kiosk asks "Still reading?" and gives the reader time
 * to answer (WCAG 2.2.1). With no answer it forgets the search and anything the
 * site stored, and goes back to the home page, so the next person starts fresh.
 * The times come from extra.kiosk in mkdocs-kiosk.yml, through <meta> tags.
 */
(function () {
  "use strict";

  function seconds(name, fallback) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    var value = meta ? parseInt(meta.content, 10) : NaN;
    return isNaN(value) ? fallback : value;
  }

  var idleMs = seconds("kiosk-idle-seconds", 120) * 1000;
  var answerSeconds = seconds("kiosk-answer-seconds", 30);
  var idleTimer = null;
  var countdown = null;
  var dialog = buildDialog();

  function homeUrl() {
    // Material writes the path to the site root into #__config ("." or "..").
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base + "/index.html", location.href).href;
  }

  function buildDialog() {
    var box = document.createElement("div");
    box.className = "kiosk-idle";
    box.hidden = true;
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", "kiosk-idle-title");
    box.setAttribute("aria-describedby", "kiosk-idle-text");
    box.innerHTML =
      '<div class="kiosk-idle__panel">' +
      '<h2 id="kiosk-idle-title">Still reading?</h2>' +
      '<p id="kiosk-idle-text">This screen will go back to the start in ' +
      '<span class="kiosk-idle__seconds"></span> seconds, so the next person ' +
      "does not see what you read.</p>" +
      '<button type="button" class="kiosk-idle__continue">Yes, I am still reading</button>' +
      "</div>";
    box.querySelector("button").addEventListener("click", stillReading);
    document.body.appendChild(box);
    return box;
  }

  function showNotice() {
    var left = answerSeconds;
    var shown = dialog.querySelector(".kiosk-idle__seconds");
    shown.textContent = String(left);
    dialog.hidden = false;
    dialog.querySelector("button").focus();
    countdown = setInterval(function () {
      left -= 1;
      shown.textContent = String(Math.max(left, 0));
      if (left <= 0) reset();
    }, 1000);
  }

  function stillReading() {
    clearInterval(countdown);
    countdown = null;
    dialog.hidden = true;
    restartIdleTimer();
  }

  function reset() {
    clearInterval(countdown);
    var query = document.querySelector('[data-md-component="search-query"]');
    if (query) query.value = "";
    try {
      localStorage.clear();
      sessionStorage.clear();
    } catch (error) {
      /* storage may be switched off; nothing to clear then */
    }
    location.replace(homeUrl());
  }

  function restartIdleTimer() {
    if (countdown) return; // while the notice shows, only its button answers it
    clearTimeout(idleTimer);
    idleTimer = setTimeout(showNotice, idleMs);
  }

  ["pointerdown", "keydown", "touchstart", "wheel", "scroll", "input"].forEach(function (type) {
    window.addEventListener(type, restartIdleTimer, { capture: true, passive: true });
  });
  // The home page, freshly opened, is the state a reset leads to: wait there
  // for someone to touch the screen before counting.
  var here = location.href.split(/[?#]/)[0];
  if (here !== homeUrl() || location.search || location.hash) restartIdleTimer();
})();
