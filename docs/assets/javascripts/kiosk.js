/* The kiosk's page behaviour (loaded only in the kiosk edition).
 *
 * Idle reset: after a quiet spell the kiosk asks if the reader is still there and
 * gives time to answer (WCAG 2.2.1). With no answer it forgets the search and
 * anything the site stored, and goes back to the home page, so the next person
 * starts fresh. The times come from extra.kiosk in mkdocs-kiosk.yml, through
 * <meta> tags. Also: the choice of language keeps the page behind it out of
 * reach, the common questions search with one tap, and nothing zooms.
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
  var dialog = findDialog();

  function homeUrl() {
    // The kiosk's first screen, with its choice of language (partials in overrides/).
    var meta = document.querySelector('meta[name="kiosk-reset"]');
    return new URL(meta.content, location.href).href;
  }

  function findDialog() {
    // The notice's markup and words come from overrides/partials/kiosk-idle.html.
    var box = document.querySelector(".kiosk-idle");
    box.querySelector("button").addEventListener("click", stillReading);
    return box;
  }

  function countdownText(left) {
    // One data-<form> attribute for each plural form of the page's language.
    var text = dialog.querySelector(".kiosk-idle__text");
    var form = new Intl.PluralRules(document.documentElement.lang).select(left);
    var words = text.getAttribute("data-" + form) || text.getAttribute("data-other");
    text.textContent = words.replace("{count}", String(left));
  }

  function showNotice() {
    var left = answerSeconds;
    countdownText(left);
    dialog.hidden = false;
    dialog.querySelector("button").focus();
    countdown = setInterval(function () {
      left -= 1;
      countdownText(Math.max(left, 0));
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

  // The first screen's choice of language: until a language is chosen, the page
  // behind it is out of reach of fingers, the keyboard and screen readers.
  var chooser = document.querySelector(".kiosk-language");
  function behindTheChooser() {
    // By the address, as kiosk.css hides it: :target is not yet known while the page loads.
    var id = decodeURIComponent(location.hash.slice(1));
    var open = !(id && document.getElementById(id));
    Array.prototype.forEach.call(document.body.children, function (element) {
      if (element !== chooser && element !== dialog && element.tagName !== "SCRIPT") element.inert = open;
    });
  }
  if (chooser) {
    behindTheChooser();
    window.addEventListener("hashchange", behindTheChooser);
  }

  // A common question searches the guide where it is, with no new page to load
  // (its link, ?q=, does the same where this script does not run).
  var query = document.querySelector('[data-md-component="search-query"]');
  var searchToggle = document.getElementById("__search");
  document.addEventListener("click", function (event) {
    var question = event.target.closest && event.target.closest(".kiosk-question");
    if (!question || !query || !searchToggle) return;
    event.preventDefault();
    searchToggle.checked = true;
    searchToggle.dispatchEvent(new Event("change"));
    query.value = new URL(question.href).searchParams.get("q");
    query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    // The on-screen keyboard (keyboard.js) stays down: the results need the room.
    query.dispatchEvent(new CustomEvent("kiosk:question"));
  });
  // Search, once open, is ready to type into (Material leaves the focus where it was).
  if (query && searchToggle) {
    searchToggle.addEventListener("change", function () {
      if (searchToggle.checked) query.focus();
    });
  }

  // No zoom from a keyboard or a mouse wheel (pinch is off in start-kiosk.sh):
  // Chromium keeps a zoom for the next visitor, and the text is large already.
  window.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && /^(\+|=|-|_|0)$/.test(event.key)) event.preventDefault();
  });
  window.addEventListener("wheel", function (event) {
    if (event.ctrlKey) event.preventDefault();
  }, { passive: false });

  ["pointerdown", "keydown", "touchstart", "wheel", "scroll", "input"].forEach(function (type) {
    window.addEventListener(type, restartIdleTimer, { capture: true, passive: true });
  });
  // The home page, freshly opened, is the state a reset leads to: wait there
  // for someone to touch the screen before counting.
  var here = location.href.split(/[?#]/)[0];
  if (here !== homeUrl() || location.search || location.hash) restartIdleTimer();

  // From a folder, search runs in a hidden frame (the iframe-worker shim, which
  // makes it with no name): it is named after search, as every frame must be
  // (WCAG 4.1.2), whenever the shim adds it.
  var searchName = document.querySelector(".md-search");
  function nameFrames() {
    document.querySelectorAll("body > iframe:not([title])").forEach(function (frame) {
      frame.title = searchName ? searchName.getAttribute("aria-label") : "Search";
    });
  }
  nameFrames();
  new MutationObserver(nameFrames).observe(document.body, { childList: true });
})();
