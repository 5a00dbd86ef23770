/* Search loads when a reader first uses it, not with every page.
 *
 * Material fetches the search index and starts its search worker as each first
 * page loads, though most readers never search: a phone spends a third of the
 * first view's bytes on them. Run before Material's script (overrides/main.html),
 * this holds both back until the reader opens search (taps the search box or
 * its button, a link with ?q= opens it, or a result leads to a page whose words
 * are to be marked):
 * - the request for search/search_index.json is sent then;
 * - the worker is started at the first message Material sends it (the index);
 * - our own search help (search-correction.js) is loaded then, and queries wait
 *   for it, so that even the first one is searched in the reader's words.
 * Opened from a folder (the kiosk, file://) Material already waits for the
 * search box, and the help is loaded at once.
 */
(function () {
  "use strict";

  var QUERY = 2; // Material's message for a query (SearchMessageType.QUERY)
  var here = document.currentScript.src;
  var opened = false;
  var helpReady = false;
  var heldRequests = []; // [request, arguments of send]
  var heldQueries = []; // [worker, message]

  // After Material's script, which from a folder puts its own Worker in place.
  function loadHelp() {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", loadHelp);
      return;
    }
    var script = document.createElement("script");
    script.src = new URL("search-correction.js", here).href;
    // Without the help (its file could not be had), search still answers.
    script.onload = script.onerror = function () {
      helpReady = true;
      // Through postMessage again: the help has wrapped it by now.
      heldQueries.splice(0).forEach(function (held) { held[0].postMessage(held[1]); });
    };
    document.body.appendChild(script);
  }

  if (location.protocol === "file:" || !window.Worker) {
    loadHelp();
    return;
  }

  var send = XMLHttpRequest.prototype.send;
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.guideSearchIndex = /\/search\/search_index\.json$/.test(new URL(url, location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.guideSearchIndex && !opened) {
      heldRequests.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };

  // Material's search worker, started at its first message; listeners added
  // before then are handed on to it.
  var RealWorker = window.Worker;
  function SearchWorker(url, options) {
    this.url = url;
    this.options = options;
    this.real = null;
    this.listeners = [];
  }
  SearchWorker.prototype.addEventListener = function (type, listener, options) {
    if (this.real) return this.real.addEventListener(type, listener, options);
    this.listeners.push([type, listener, options]);
  };
  SearchWorker.prototype.removeEventListener = function (type, listener, options) {
    if (this.real) return this.real.removeEventListener(type, listener, options);
    this.listeners = this.listeners.filter(function (added) { return added[1] !== listener; });
  };
  SearchWorker.prototype.postMessage = function (message, transfer) {
    if (message && message.type === QUERY && !helpReady) {
      heldQueries.push([this, message]);
      return;
    }
    if (!this.real) {
      this.real = new RealWorker(this.url, this.options);
      this.listeners.splice(0).forEach(function (added) { this.real.addEventListener.apply(this.real, added); }, this);
    }
    return this.real.postMessage(message, transfer);
  };
  SearchWorker.prototype.terminate = function () {
    if (this.real) this.real.terminate();
  };
  window.Worker = function (url, options) {
    return /\/workers\/search\.[^/]*\.js$/.test(new URL(url, location.href).pathname)
      ? new SearchWorker(url, options)
      : new RealWorker(url, options);
  };
  // The search help wraps window.Worker.prototype.postMessage: this one's.
  window.Worker.prototype = SearchWorker.prototype;

  function openSearch() {
    if (opened) return;
    opened = true;
    heldRequests.splice(0).forEach(function (held) { send.apply(held[0], held[1]); });
    loadHelp();
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches('[data-md-component="search-query"]')) openSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) openSearch();
  });
  // A link that opens search (?q=), or a page reached from a result whose words
  // Material marks (?h=, search.highlight, which needs the index).
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) openSearch();
})();
