/* A short form (MRI, NSAIDs) says what it stands for when tapped or clicked,
 * where a touch screen shows no hover title. One listener for the whole page:
 * nothing runs until a reader taps. */
(function () {
  "use strict";
  var tip = null;

  function hide() {
    if (tip) tip.remove();
    tip = null;
  }

  document.addEventListener("click", function (event) {
    var abbr = event.target.closest && event.target.closest("abbr[title]");
    var again = tip && abbr && tip.getAttribute("data-for") === abbr.textContent;
    hide();
    if (!abbr || again) return;
    tip = document.createElement("span");
    tip.className = "abbr-tip";
    tip.setAttribute("role", "tooltip");
    tip.setAttribute("data-for", abbr.textContent);
    tip.textContent = abbr.getAttribute("title");
    document.body.appendChild(tip);
    var place = abbr.getBoundingClientRect();
    var left = Math.min(place.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = place.bottom + window.scrollY + 6 + "px";
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("resize", hide);
})();
