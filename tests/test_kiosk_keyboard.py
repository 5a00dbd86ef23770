"""Search on a touch screen with no keyboard: the kiosk's own on-screen keyboard
(its keys, its letters in each language, where it sits) and the common
questions under the start page's search field, tapped as a visitor would."""
from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, open_past_the_choice, preview_build
from test_kiosk import KIOSK_SIZES

QUERY = '[data-md-component="search-query"]'
SPANISH_LETTERS = "ñáéíóúü"


def open_search(browser, kiosk, size, language: str):
    context = browser.new_context(viewport=size, has_touch=True)
    page = context.new_page()
    open_past_the_choice(page, (kiosk / language / "index.html").as_uri() + ("" if language else "#start"))
    page.locator(".kiosk-search").tap()
    page.locator(".kiosk-keyboard").wait_for()
    return context, page


def tap_word(page, word: str) -> None:
    for letter in word:
        page.locator(f'.kiosk-keyboard .kiosk-key[data-key="{letter}"]').tap()


def below(box: dict) -> float:
    return box["y"] + box["height"]


@pytest.mark.parametrize("size", KIOSK_SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
@pytest.mark.parametrize("language, word, title", [("", "pain", "Symptoms and pain"),
                                                    ("es", "cáncer", "¿Es grave? ¿Podría ser cáncer?")])
def test_typing_on_the_screen_keyboard_finds_results_it_never_covers(browser, built_kiosk, size, language, word, title):
    context, page = open_search(browser, built_kiosk, size, language)
    keyboard = page.locator(".kiosk-keyboard")
    letters = "".join(keyboard.locator(".kiosk-key[data-key]").evaluate_all("ks => ks.map(k => k.dataset.key)"))
    assert all(letter in letters for letter in "abcdefghijklmnopqrstuvwxyz ")
    assert all(letter in letters for letter in SPANISH_LETTERS) == (language == "es")
    # Every key is one a finger hits: 48 x 48 px at least.
    sizes = keyboard.locator(".kiosk-key").evaluate_all(
        "ks => ks.map(k => { const r = k.getBoundingClientRect(); return [k.textContent.trim(), r.width, r.height]; })")
    assert [s for s in sizes if s[1] < 48 or s[2] < 48] == []
    assert {"Clear all", "Space", "Delete", "Hide keyboard"} <= {s[0] for s in sizes} or language == "es"
    tap_word(page, word)
    assert page.locator(QUERY).input_value() == word
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    assert title in page.locator(".md-search-result__item").first.inner_text()
    # The search fills the screen: its count of results shows under the field, and
    # the keyboard sits under the results, never over one.
    assert page.locator(".md-search__inner").bounding_box()["width"] == size["width"]
    field, meta = page.locator(".md-search__form").bounding_box(), page.locator(".md-search-result__meta").bounding_box()
    assert meta["y"] >= below(field) - 1
    results, keys = page.locator(".md-search__scrollwrap").bounding_box(), keyboard.bounding_box()
    assert below(results) <= keys["y"] + 1 and below(keys) <= size["height"] + 1
    assert results["height"] >= 200
    hit = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.md-search-result')",
                        [size["width"] / 2, below(results) - 5])
    assert hit, "something covers the last result in view"
    context.close()


def test_the_screen_keyboard_types_as_a_real_one_does(browser, built_kiosk):
    context, page = open_search(browser, built_kiosk, KIOSK_SIZES[2], "")
    # Search opens ready to type, its field saying what it is for.
    assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    assert page.locator(QUERY).evaluate("e => getComputedStyle(e, '::placeholder').color") != "rgba(0, 0, 0, 0)"
    tap_word(page, "edma")
    notice = page.locator(".search-correction")
    notice.wait_for()
    assert notice.inner_text() == "No exact match. Showing results for: edema"
    # A key of the screen's own, like a real one, starts afresh: the old notice goes.
    page.locator(".kiosk-keyboard").get_by_role("button", name="Clear all").tap()
    assert not notice.is_visible()
    context.close()


def test_keys_delete_clear_hide_and_come_back(browser, built_kiosk):
    context, page = open_search(browser, built_kiosk, KIOSK_SIZES[0], "es")
    query, keyboard = page.locator(QUERY), page.locator(".kiosk-keyboard")
    tap_word(page, "dolor mes")
    keyboard.get_by_role("button", name="Borrar letra").tap()
    assert query.input_value() == "dolor me"
    keyboard.get_by_role("button", name="Borrar todo").tap()
    assert query.input_value() == ""
    tap_word(page, "ñ")
    assert query.input_value() == "ñ"
    assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    results = page.locator(".md-search__scrollwrap").bounding_box()["height"]
    keyboard.get_by_role("button", name="Ocultar teclado").tap()
    assert not keyboard.is_visible()
    assert page.locator(".md-search__scrollwrap").bounding_box()["height"] > results  # the results get the room
    query.tap()
    assert keyboard.is_visible()
    # "Volver" closes the search, and the start page is there again.
    page.locator(".md-search__icon[for='__search']").get_by_text("Volver").tap()
    assert not page.locator(".md-search__inner .kiosk-keyboard").is_visible()
    assert page.locator(".kiosk-search").is_visible()
    context.close()


def common_questions(language: str) -> list[dict]:
    english = yaml.safe_load((ROOT / "data" / "common_questions.yml").read_text())["questions"]
    if not language:
        return english
    words = yaml.safe_load((ROOT / "translations" / language / "data" / "common_questions.yml").read_text())["questions"]
    return [{**q, **{k: v for k, v in words[q["id"]].items() if k != "english"}} for q in english]


@pytest.mark.parametrize("language", ["", "es"])
def test_each_common_question_searches_with_one_tap_and_finds_its_answer_first(browser, built_kiosk, language):
    questions = common_questions(language)
    context = browser.new_context(viewport=KIOSK_SIZES[1], has_touch=True)
    for question in questions:
        page = context.new_page()
        open_past_the_choice(page, (built_kiosk / language / "index.html").as_uri() + ("" if language else "#start"))
        shown = page.locator(".kiosk-questions .kiosk-question")
        assert shown.all_inner_texts() == [q["question"] for q in questions]
        shown.get_by_text(question["question"], exact=True).tap()
        # (Search may add other forms of the words after them: search-correction.js.)
        assert page.locator(QUERY).input_value().startswith(question["search"])
        first = page.locator(".md-search-result__item > a").first
        first.wait_for()
        page.wait_for_timeout(300)
        answer = question["answer"].removesuffix(".md") + ".html"
        address = first.get_attribute("href").split("?")[0].split("#")[0]  # the page, at its answer's heading
        assert address.endswith(answer), (question["question"], first.get_attribute("href"))
        # The keyboard stays down, so the results have the room; a tap on the field brings it.
        assert not page.locator(".kiosk-keyboard").is_visible()
        page.locator(QUERY).tap()
        assert page.locator(".kiosk-keyboard").is_visible()
        page.close()
    context.close()


def test_a_kiosk_with_a_real_keyboard_turns_the_screen_keyboard_off(project_copy):
    config = project_copy / "mkdocs-kiosk.yml"
    config.write_text(config.read_text().replace("on_screen_keyboard: true", "on_screen_keyboard: false"))
    result = preview_build(project_copy, "mkdocs-kiosk.yml")
    assert result.returncode == 0, result.output
    home = (result.site / "index.html").read_text()
    assert "kiosk-keyboard" not in home and "keyboard.js" not in home
    # The common questions stay: they are a tap, with or without a keyboard.
    assert "kiosk-question" in home
