"""The glossary in a real Chromium: its jump list of letters is easy to tap on a
phone and on the kiosk, leads to each letter, and stays off paper, as does the
line that tells a reader to tap short forms."""
from __future__ import annotations

import re
import subprocess

import pytest

LANGUAGES = {"en": ("", "Jump to a letter"), "es": ("es/", "Ir a una letra")}


def jump_boxes(page) -> list[dict]:
    return page.eval_on_selector_all(
        "nav.glossary__jump a",
        "links => links.map(a => { const r = a.getBoundingClientRect();"
        " return {text: a.textContent, href: a.getAttribute('href'), x: r.x, y: r.y, width: r.width,"
        " height: r.height}; })")


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_letters_wrap_are_big_enough_and_lead_to_their_terms(browser, web_server, language):
    folder, label = LANGUAGES[language]
    page = browser.new_page(viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True)
    page.goto(f"{web_server}{folder}glossary/")
    nav = page.get_by_role("navigation", name=label)
    assert nav.is_visible()
    boxes = jump_boxes(page)
    assert all(b["width"] >= 44 and b["height"] >= 44 for b in boxes), boxes
    # They wrap onto several rows, inside the screen, with no sideways scrolling.
    assert len({round(b["y"]) for b in boxes}) >= 2
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= 360 for b in boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # A letter opens at its heading, below the header, not hidden under it.
    letter = boxes[len(boxes) // 2]
    page.get_by_role("navigation", name=label).get_by_role("link", name=letter["text"], exact=True).tap()
    page.wait_for_timeout(300)
    assert page.url.endswith(letter["href"])
    heading = page.locator(f"{letter['href']} h2")
    assert heading.inner_text() == letter["text"]
    top = heading.bounding_box()["y"]
    header = page.locator(".md-header").bounding_box()
    assert header["y"] + header["height"] <= top < 640
    page.close()


def test_on_the_kiosk_the_letters_are_48_px(browser, built_kiosk):
    page = browser.new_page(viewport={"width": 1080, "height": 1920}, has_touch=True)
    page.goto((built_kiosk / "glossary.html").as_uri())
    boxes = jump_boxes(page)
    assert len(boxes) >= 10 and all(b["width"] >= 48 and b["height"] >= 48 for b in boxes), boxes
    page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_printed_glossary_has_no_jump_list_and_says_nothing_about_tapping(browser, web_server, language,
                                                                            tmp_path):
    folder, label = LANGUAGES[language]
    page = browser.new_page()
    page.goto(f"{web_server}{folder}glossary/")
    assert page.locator("p.screen-only").is_visible()  # on screen, the line is there
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name=label).is_visible()
    assert not page.locator("p.screen-only").is_visible()
    pdf = tmp_path / "glossary.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert re.findall(r"(?i)\b(tap\w*|toqu\w*|toca\w*)\b", text) == []
    assert label not in text
    # The terms are all there, under their letters.
    assert {"en": "Bone marrow edema", "es": "Edema de médula ósea"}[language] in text
