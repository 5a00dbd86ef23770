/* Search in the reader's words, that forgives a slip of the finger.
 *
 * Every query Material sends its search worker is searched more widely, and
 * more sharply, than as typed; the search box keeps the reader's words as typed.
 * - Words without meaning ("the", "is", "de", "la": lunr's stop words for the
 *   page's language) are left out, unless the query has nothing else.
 * - Material matches the start of each word; a word of 1 or 2 letters matches
 *   only itself ("er" must not find "error"; "de" not "desgaste").
 * - Other forms of a known word join it ("dolores": dolor; "cancer": cáncer),
 *   and a lay name or other spelling the glossary gives joins the guide's own
 *   word ("leukaemia": leukemia; "physio": physical therapy), so every page
 *   about the thing is found, not the glossary alone.
 * - When a query finds nothing, once typing has paused, each word is replaced
 *   by the nearest known word (one letter wrong, missing, extra or swapped; two
 *   in longer words).
 * - A question patients ask ("is it cancer", "when should I go to the ER":
 *   data/search_questions.yml) puts the heading that answers it first in the
 *   results, and searches that heading's words too.
 * - When nothing is found, the guide's offer of help, its topics and glossary
 *   (and on the kiosk its common questions) stand in place of the results.
 * One line above the results says what else was searched. The words, forms,
 * stop words and other words (search/words.js) are written at build time
 * (hooks/search_words.py) and loaded the first time the search box is used.
 * This script itself is loaded when search first opens (search-lazy.js).
 */
(function () {
  "use strict";

  var input = document.querySelector('[data-md-component="search-query"]');
  var result = document.querySelector('[data-md-component="search-result"]');
  var notice = document.querySelector(".search-correction");
  var nothingFound = document.querySelector(".search-nothing");
  var answerTemplate = document.querySelector(".search-answer-template");
  if (!input || !result || !notice || !nothingFound) return;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var nothing = config.translations["search.result.none"];
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var known = null;
  var forms = {}; // a stem (no accents) -> the known words with that stem
  var stop = {}; // the language's stop words
  var others = []; // [the words of a lay name or other spelling, the guide's words it adds]
  var questions = []; // [ways asked (plain words), answer's address, heading, page title, words it adds]
  var separator = /\s+/; // where the index splits words (mkdocs.yml, search: separator)
  var pause = null; // a correction waits until the reader stops typing
  var corrected = null; // the typed query we corrected a slip in
  var correction = null; // ...and its corrected search
  var SHORTEST_START = 3; // a shorter word matches only itself, not the words it begins

  // Material's search worker (Worker, or the iframe shim from a folder): the one
  // this page posts its queries to, created after this script runs. Material's
  // message for a query is {type: 2, data: the box's text} (SearchMessageType.QUERY);
  // the results come back to Material, which shows them as its own. Each query
  // Material sends is widened here; one we corrected stays corrected.
  var QUERY = 2;
  var worker = null;
  var post = window.Worker && window.Worker.prototype.postMessage;
  if (post) {
    window.Worker.prototype.postMessage = function (message) {
      worker = this;
      if (message && message.type === QUERY && known && known.length) {
        var typed = message.data.trim().toLowerCase();
        var search = typed === corrected ? correction : widen(typed, false);
        if (search) {
          say(search);
          return post.call(this, { type: QUERY, data: search.query });
        }
        say(null);
      }
      return post.apply(this, arguments);
    };
  }

  result.insertBefore(notice, meta.nextSibling);
  // After Material's results, not among them: its keys (arrows, Enter) walk every
  // link inside them, and would stumble on these while they are hidden.
  result.parentNode.insertBefore(nothingFound, result.nextSibling);

  function loadWords() {
    if (known !== null) return;
    known = [];
    var script = document.createElement("script");
    script.src = new URL(config.base + "/search/words.js", location.href).href;
    script.onload = function () {
      known = window.guideSearchWords || [];
      forms = window.guideWordForms || {};
      (window.guideStopWords || []).forEach(function (word) { stop[word] = true; });
      others = window.guideOtherWords || [];
      questions = window.guideQuestions || [];
      if (window.guideSeparator) separator = new RegExp(window.guideSeparator);
      if (input.value.trim()) research();
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

  // The same word as another form, that a search for its start would miss:
  // with or without accents ("cancer", "cáncer"), or in the singular ("dolores",
  // "dolor"). Words of one stem may mean other things ("dura", "duro" is "hard"),
  // so only these are taken from the word's stem group (the longest stem it
  // starts with, an ending of 4 letters at most away).
  function sameWord(word, form) {
    var a = unaccented(word), b = unaccented(form);
    return a === b || a === b + "s" || a === b + "es" || b === a + "s" || b === a + "es";
  }
  function otherForms(word) {
    var bare = unaccented(word);
    for (var end = bare.length; end >= Math.max(3, bare.length - 4); end--) {
      var group = forms[bare.slice(0, end)];
      if (group) {
        return group.filter(function (form) { return form.indexOf(word) !== 0 && sameWord(word, form); });
      }
    }
    return [];
  }

  // The known word nearest a word typed. A slip rarely hits the first letter,
  // so the candidate starts as the word does ("going" is never "doing"); accents
  // are set aside ("canser" is one slip from "cáncer").
  function nearest(word) {
    if (word.length < 4 || known.indexOf(word) !== -1) return word;
    var most = word.length >= 8 ? 2 : 1;
    var bare = unaccented(word);
    var best = word, bestDistance = most + 1;
    known.forEach(function (candidate) {
      var plain = unaccented(candidate);
      if (plain[0] !== bare[0]) return;
      var d = distance(bare, plain, most);
      if (d < bestDistance) { best = candidate; bestDistance = d; }
    });
    return best;
  }

  // What to search for the words typed, or null to search them as they are:
  // {query: in lunr's syntax for Material's worker, words: the words searched,
  // added: those not typed, corrected: whether slips were put right}.
  function widen(typed, correct) {
    var words = typed.split(separator).filter(Boolean);
    var meaningful = words.filter(function (word) { return !stop[word]; });
    var question = askedQuestion(typed);
    if (!meaningful.length && !question) return null; // nothing else: the words as typed
    if (correct) meaningful = meaningful.map(nearest);
    var terms = [], added = [];
    function add(word, extra) {
      if (terms.indexOf(word) !== -1) return;
      terms.push(word);
      if (extra) added.push(word);
    }
    meaningful.forEach(function (word) {
      add(word, correct && words.indexOf(word) === -1);
      otherForms(word).forEach(function (form) { add(form, true); });
    });
    others.forEach(function (other) {
      var all = other[0].every(function (word) { return meaningful.indexOf(word) !== -1; });
      if (all) other[1].forEach(function (word) { add(word, true); });
    });
    // The words of the answer's heading are searched too, so that its page is
    // found; they are not said: the answer itself shows first.
    if (question) question[4].forEach(function (word) { add(word, false); });
    // "word^1" is lunr's for the whole word, stemmed as the index is ("surgery":
    // surgeri); Material adds "*" to the rest, which match words that start so.
    // A short word matches only itself, but for the last one, still being typed.
    var last = meaningful[meaningful.length - 1];
    var query = terms.map(function (term) {
      if (term.length < SHORTEST_START && term !== last) return term + "^1";
      return term.length < SHORTEST_START ? term : term + " " + term + "^1";
    }).join(" ");
    if (query === typed) return null;
    return { query: query, added: added, words: terms, corrected: correct };
  }

  // The question the words typed ask, if the data knows it: one of its ways
  // of asking, word for word, somewhere in them (accents and capitals aside).
  function askedQuestion(typed) {
    var words = unaccented(typed.toLowerCase()).split(separator).filter(Boolean);
    function holds(way) {
      for (var start = 0; start + way.length <= words.length; start++) {
        if (way.every(function (word, i) { return words[start + i] === word; })) return true;
      }
      return false;
    }
    for (var i = 0; i < questions.length; i++) {
      if (questions[i][0].some(holds)) return questions[i];
    }
    return null;
  }

  // The answer to a question typed, first in the results (partials/search-correction.html
  // holds its markup), whenever Material lists results anew.
  function answerFirst() {
    if (!list || !answerTemplate) return;
    var question = askedQuestion(input.value);
    var shown = list.querySelector(".search-answer");
    var address = question && new URL(config.base + "/" + question[1], location.href).href;
    if (shown && shown.querySelector("a").href !== address) shown.remove();
    if (!question || list.querySelector(".search-answer")) return;
    var item = answerTemplate.content.firstElementChild.cloneNode(true);
    item.querySelector("a").href = address;
    item.querySelector(".search-answer__heading").textContent = question[2];
    // The page's title under the heading, unless the heading is that title.
    item.querySelector(".search-answer__page").textContent = question[2] === question[3] ? "" : question[3];
    list.insertBefore(item, list.firstChild);
  }

  function say(search) {
    if (!search || !search.added.length) {
      notice.hidden = true;
      return;
    }
    // A correction says all it searched for; a wider search, what it added.
    var text = notice.getAttribute(search.corrected ? "data-text" : "data-also");
    notice.textContent = text.replace("{query}", (search.corrected ? search.words : search.added).join(" "));
    notice.hidden = false;
  }

  // A query Material sent before the words were loaded, searched again widened
  // (only if widening changes it: a new list would take the focus from a result).
  function research() {
    var search = worker && widen(input.value.trim().toLowerCase(), false);
    if (!search) return;
    say(search);
    post.call(worker, { type: QUERY, data: search.query });
  }

  // When nothing is found, once typing has paused: the nearest known words
  // instead; when they find nothing either (or there are none), what the guide
  // offers instead of a dead end (partials/search-correction.html).
  function correct() {
    var typed = input.value.trim().toLowerCase();
    nothingFound.hidden = true;
    if (!typed || meta.textContent.trim() !== nothing) return;
    var search = typed !== corrected && known && known.length && worker ? widen(typed, true) : null;
    if (search && search.added.length) {
      corrected = typed;
      correction = search;
      say(search);
      post.call(worker, { type: QUERY, data: search.query });
      return;
    }
    say(null);
    nothingFound.hidden = false;
  }

  input.addEventListener("focus", loadWords);
  // Loaded when search opens (search-lazy.js): the box may have its focus already.
  if (document.activeElement === input || input.value) loadWords();
  // "Show results" (or Enter where Material leaves it) goes to the first
  // result; the form is never sent, which would only reload the page.
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = result.querySelector(".md-search-result__link");
    if (first) first.focus();
  });
  input.addEventListener("keydown", function () {
    corrected = correction = null;
    nothingFound.hidden = true;
    clearTimeout(pause);
  });
  // Material shows new results on every key; a correction waits until typing
  // has paused, never in the middle of a word.
  new MutationObserver(function () {
    clearTimeout(pause);
    pause = setTimeout(correct, 600);
  }).observe(meta, { childList: true, characterData: true, subtree: true });
  if (list) new MutationObserver(answerFirst).observe(list, { childList: true });
})();
