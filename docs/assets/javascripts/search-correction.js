/* Search that forgives a slip of the finger.
 *
 * Material's search box finds only words the guide holds. When a query finds
 * nothing, this tries the nearest known word for each word of it (one letter
 * wrong, missing, extra or swapped; two in longer words), searches for that
 * instead and says so above the results. Material matches the start of each
 * word as typed, so "dolores" would miss "dolor" and "cancer" miss "cáncer":
 * the other forms of a known word (its groups of word forms) join the query,
 * and that is said too. The search box keeps the reader's words as typed: the
 * wider query goes to Material's search worker directly. The known words and
 * forms (search/words.js) are written at build time from the search index
 * (hooks/search_words.py) and loaded the first time the search box is used.
 */
(function () {
  "use strict";

  var input = document.querySelector('[data-md-component="search-query"]');
  var result = document.querySelector('[data-md-component="search-result"]');
  var notice = document.querySelector(".search-correction");
  if (!input || !result || !notice) return;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var nothing = config.translations["search.result.none"];
  var meta = result.querySelector(".md-search-result__meta");
  var known = null;
  var forms = {}; // a stem (no accents) -> the known words with that stem
  var pause = null; // suggestions wait until the reader stops typing
  var widened = null; // the typed query we last searched more widely for
  var wider = null; // ...and the query searched instead

  // Material's search worker (Worker, or the iframe shim from a folder): the one
  // this page posts its queries to, created after this script runs. Material's
  // message for a query is {type: 2, data: the box's text} (SearchMessageType.QUERY);
  // the results come back to Material, which shows them as its own. A query we
  // widened is widened whenever Material sends it, before or after we do.
  var QUERY = 2;
  var worker = null;
  var post = window.Worker && window.Worker.prototype.postMessage;
  if (post) {
    window.Worker.prototype.postMessage = function (message) {
      worker = this;
      if (message && message.type === QUERY && wider && message.data.trim().toLowerCase() === widened) {
        return post.call(this, { type: QUERY, data: wider });
      }
      return post.apply(this, arguments);
    };
  }

  result.insertBefore(notice, meta.nextSibling);

  function loadWords() {
    if (known !== null) return;
    known = [];
    var script = document.createElement("script");
    script.src = new URL(config.base + "/search/words.js", location.href).href;
    script.onload = function () {
      known = window.guideSearchWords || [];
      forms = window.guideWordForms || {};
      suggest();
    };
    document.head.appendChild(script);
  }

  // Edits between two words (optimal string alignment), or more than `most`.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows[i] = [i];
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[i][j] = j; continue; }
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          best = Math.min(best, rows[i - 2][j - 2] + 1);
        }
        rows[i][j] = best;
      }
    }
    return rows[a.length][b.length];
  }

  function unaccented(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Forms of the word that a search for its start would miss: the words of
  // the longest stem it starts with, an ending of 4 letters at most away.
  function otherForms(word) {
    var bare = unaccented(word);
    for (var end = bare.length; end >= Math.max(3, bare.length - 4); end--) {
      var group = forms[bare.slice(0, end)];
      if (group) return group.filter(function (form) { return form.indexOf(word) !== 0; });
    }
    return [];
  }

  function nearest(word) {
    if (word.length < 4 || known.indexOf(word) !== -1) return word;
    var most = word.length >= 8 ? 2 : 1;
    var best = word, bestDistance = most + 1;
    known.forEach(function (candidate) {
      var d = distance(word, candidate, most);
      if (d < bestDistance) { best = candidate; bestDistance = d; }
    });
    return best;
  }

  function suggest() {
    var query = input.value.trim().toLowerCase();
    if (!query || !known || !known.length || query === widened) return;
    var found = meta.textContent.trim() !== nothing;
    var words = query.split(/\s+/).map(found ? String : nearest);
    var better = [];
    words.forEach(function (word) {
      [word].concat(otherForms(word)).forEach(function (form) {
        if (better.indexOf(form) === -1) better.push(form);
      });
    });
    better = better.join(" ");
    if (better === query || !worker) return;
    widened = query;
    wider = better;
    post.call(worker, { type: QUERY, data: better });
    var text = notice.getAttribute(found ? "data-also" : "data-text");
    notice.textContent = text.replace("{query}", better);
    notice.hidden = false;
  }

  input.addEventListener("focus", loadWords);
  // "Show results" (or Enter where Material leaves it) goes to the first
  // result; the form is never sent, which would only reload the page.
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = result.querySelector(".md-search-result__link");
    if (first) first.focus();
  });
  input.addEventListener("keydown", function () {
    notice.hidden = true;
    widened = wider = null;
    clearTimeout(pause);
  });
  // Material shows new results on every key; suggest once typing has paused,
  // never in the middle of a word.
  new MutationObserver(function () {
    clearTimeout(pause);
    pause = setTimeout(suggest, 600);
  }).observe(meta, { childList: true, characterData: true, subtree: true });
})();
