/* The kiosk's on-screen keyboard (kiosk edition, when extra.kiosk.on_screen_keyboard
 * is true): Chromium on Linux has no keyboard of its own for a touch screen.
 *
 * It shows when the search field is tapped or gets the focus (not after a common
 * question, whose results need the room), and types into it where the cursor is,
 * as a real key would: keydown, the new text, input, keyup (Material searches on
 * keyup; search-correction.js starts afresh on keydown). The keys come from
 * overrides/partials/kiosk-keyboard.html.
 */
(function () {
  "use strict";

  var keyboard = document.querySelector(".kiosk-keyboard");
  var field = document.querySelector('[data-md-component="search-query"]');
  var toggle = document.getElementById("__search");
  if (!keyboard || !field) return;

  // No second keyboard from the system on machines that have one.
  field.setAttribute("inputmode", "none");

  function show() {
    keyboard.hidden = false;
  }
  function hide() {
    keyboard.hidden = true;
  }

  function typed(name, value, cursor) {
    var key = { key: name, bubbles: true };
    field.dispatchEvent(new KeyboardEvent("keydown", key));
    field.value = value;
    field.setSelectionRange(cursor, cursor);
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new KeyboardEvent("keyup", key));
  }

  function press(key) {
    // Read after keydown's listeners: they may have changed the text.
    var action = key.getAttribute("data-action");
    if (action === "close") return hide();
    var value = field.value;
    var start = field.selectionStart == null ? value.length : field.selectionStart;
    var end = field.selectionEnd == null ? start : field.selectionEnd;
    if (action === "clear") return typed("Delete", "", 0);
    if (action === "backspace") {
      if (start === end && start > 0) start -= 1;
      return typed("Backspace", value.slice(0, start) + value.slice(end), start);
    }
    var letter = key.getAttribute("data-key");
    typed(letter, value.slice(0, start) + letter + value.slice(end), start + letter.length);
  }

  // A key keeps the focus in the field, so the cursor and Material's search stay there.
  keyboard.addEventListener("pointerdown", function (event) {
    if (event.target.closest(".kiosk-key")) event.preventDefault();
  });
  keyboard.addEventListener("click", function (event) {
    var key = event.target.closest(".kiosk-key");
    if (!key) return;
    field.focus();
    press(key);
  });

  // Search opens with the focus in the field (kiosk.js), which brings the keyboard.
  field.addEventListener("focus", show);
  field.addEventListener("pointerdown", show);
  field.addEventListener("kiosk:question", hide);
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (!toggle.checked) hide();
    });
  }
})();
