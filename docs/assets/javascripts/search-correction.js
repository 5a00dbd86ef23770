/* Search that forgives a slip of the finger.
 *
 * Material's search box finds only words the guide holds. When a query finds
 * nothing, this tries the nearest known word for each word of it (one letter
 * wrong, missing, extra or swapped; two in longer words), searches for that
 * instead and says so above the results. The known words (search/words.js) are
 * written at build time from the search index (hooks/search_words.py) and
 * loaded the first time the search box is used.
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
  var corrected = null; // the query we put in the box ourselves

  result.insertBefore(notice, meta.nextSibling);

  function loadWords() {
    if (known !== null) return;
    known = [];
    var script = document.createElement("script");
    script.src = new URL(config.base + "/search/words.js", location.href).href;
    script.onload = function () {
      known = window.guideSearchWords || [];
      if (meta.textContent.trim() === nothing) suggest();
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
    if (!query || !known || !known.length || query === corrected) return;
    var better = query.split(/\s+/).map(nearest).join(" ");
    if (better === query) return;
    corrected = better;
    input.value = better;
    // Material searches on keyup.
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    notice.textContent = notice.getAttribute("data-text").replace("{query}", better);
    notice.hidden = false;
  }

  input.addEventListener("focus", loadWords);
  input.addEventListener("keydown", function () {
    notice.hidden = true;
    corrected = null;
  });
  new MutationObserver(function () {
    if (meta.textContent.trim() === nothing) suggest();
  }).observe(meta, { childList: true, characterData: true, subtree: true });
})();
