"""WCAG 2.2 AA in a real Chromium: axe-core on every page of both editions in
the light and the dark scheme, plus the structure and keyboard checks axe
leaves to people."""
from __future__ import annotations


import pytest

from conftest import ROOT, content_pages, web_page_urls

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = ["light", "dark"]


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.fixture(scope="module")
def all_pages(editions, built_kiosk, web_server) -> list[str]:
    """Every page of both editions in every language, and the 404 pages."""
    urls = web_page_urls(editions.web, web_server) + [web_server + "404.html", web_server + "es/404.html"]
    urls += [p.as_uri() for p in content_pages(built_kiosk)]
    assert len(urls) >= 56  # 14 pages a language on the web, 13 on the kiosk (no offline page), and the 404 pages
    return urls


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_wcag_violation(browser, all_pages, scheme):
    page = browser.new_page(color_scheme=scheme)
    failures = {}
    for url in all_pages:
        page.goto(url)
        # Material follows the system scheme; make sure this page did.
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        if violations := axe_violations(page):
            failures[url] = violations
    page.close()
    assert failures == {}


STRUCTURE = """() => {
  const levels = [...document.querySelectorAll('article h1, article h2, article h3, article h4')]
    .map(h => Number(h.tagName[1]));
  const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1);
  return {
    lang: document.documentElement.lang,
    h1: document.querySelectorAll('h1').length,
    first: levels[0],
    skips: skips.length,
    tablesWithoutHeaders: [...document.querySelectorAll('article table')]
      .filter(t => !t.querySelector('th')).length,
  };
}"""


def test_every_page_has_one_h1_ordered_headings_language_and_table_headers(browser, all_pages):
    page = browser.new_page()
    for url in all_pages:
        page.goto(url)
        language = "es" if "/es/" in url else "en"
        assert page.evaluate(STRUCTURE) == {"lang": language, "h1": 1, "first": 1, "skips": 0,
                                            "tablesWithoutHeaders": 0}, url
    page.close()


FOCUS_STYLE = """() => {
  let e = document.activeElement;
  // Material's toggles are hidden inputs whose focus ring is drawn on the next label.
  if (e.matches('input') && getComputedStyle(e).opacity === '0' && e.nextElementSibling?.tagName === 'LABEL')
    e = e.nextElementSibling;
  const s = getComputedStyle(e);
  return {tag: e.tagName, cls: e.className, text: (e.textContent || e.value || '').trim().slice(0, 40),
          visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
                   || s.textDecorationLine.includes('underline') && e.matches(':focus-visible')
                      && s.backgroundColor !== 'rgba(0, 0, 0, 0)'};
}"""


def test_keyboard_focus_is_always_visible(browser, web_server):
    page = browser.new_page()
    for path in ("", "causes/", "handouts/treatment-and-recovery/"):
        page.goto(web_server + path)
        for _ in range(25):
            page.keyboard.press("Tab")
            focus = page.evaluate(FOCUS_STYLE)
            if focus["tag"] == "BODY":
                break
            assert focus["visible"], f"{path}: no visible focus on {focus}"
    page.close()


def test_skip_link_and_search_work_from_the_keyboard(browser, web_server):
    page = browser.new_page()
    page.goto(web_server + "treatment/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#treatment")

    page.goto(web_server)
    page.keyboard.press("/")  # Material's shortcut opens the search box
    page.keyboard.type("osteomyelitis", delay=20)
    first = page.locator(".md-search-result__item > a").first
    first.wait_for()
    target = first.get_attribute("href")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert "osteomyelitis" in page.locator("article").inner_text().lower()
    page.close()


def test_care_card_states_its_level_to_screen_readers(browser, web_server):
    page = browser.new_page()
    page.goto(web_server + "symptoms/")
    card = page.get_by_role("region", name="Call your doctor right away if you have:")
    assert card.is_visible()
    # The level is read out in words, not carried by colour alone.
    assert "When to get help: Urgent" in " ".join(card.text_content().split())
    page.close()


def test_tapping_an_abbreviation_shows_what_it_means(browser, web_server):
    page = browser.new_page(viewport={"width": 390, "height": 844}, has_touch=True)
    page.goto(web_server + "treatment/")
    page.locator("article abbr", has_text="NSAIDs").first.tap()
    tip = page.get_by_role("tooltip")
    assert tip.inner_text() == "anti-inflammatory pain medicines"
    page.keyboard.press("Escape")
    assert tip.count() == 0
    page.close()
