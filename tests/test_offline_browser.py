"""Both editions in a real Chromium: nothing loaded from elsewhere, search that
works over http and from a folder, and the kiosk's touch targets, links and
idle reset (tests/test_kiosk.py has the kiosk's screens)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import content_pages, open_past_the_choice, web_page_urls

SEARCHES = [("osteomyelitis", "causes"), ("bone bruise", "causes"), ("NSAIDs", "treatment"),
            ("MRI", "diagnosis"), ("platelets", "what-is-it")]


def outside_requests(browser, url: str, inside: str) -> list[str]:
    """Every request a page makes, from load to idle, that leaves ``inside``."""
    context = browser.new_context()
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    context.close()
    assert seen, f"no request recorded for {url}"
    return [u for u in seen if not (u.startswith(inside) or u.startswith(("data:", "blob:", "about:")))]


def test_web_edition_makes_no_outside_request(browser, editions, web_server):
    urls = web_page_urls(editions.web, web_server)  # every language
    assert len(urls) >= 28
    for url in urls:
        assert outside_requests(browser, url, web_server) == [], url


def test_kiosk_edition_from_a_folder_makes_no_outside_request(browser, built_kiosk):
    pages = content_pages(built_kiosk)
    assert len(pages) >= 10
    inside = built_kiosk.as_uri() + "/"
    for page in pages:
        assert outside_requests(browser, page.as_uri(), inside) == [], page


def search_hits(page, query: str) -> list[str]:
    """Type into Material's search box as a person does; return the result links."""
    box = page.locator('input[data-md-component="search-query"]')
    if not box.is_visible():
        page.locator('label.md-header__button[for="__search"]').click()
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


def expect_in_results(hits: list[str], page_name: str) -> None:
    wanted = re.compile(rf"/{page_name}(\.html|/)")
    assert any(wanted.search(h) for h in hits[:3]), f"{page_name} not in the top results: {hits[:3]}"


@pytest.mark.parametrize(("query", "page_name"), SEARCHES)
def test_search_from_the_kiosk_folder_finds_the_right_page(browser, built_kiosk, query, page_name):
    context = browser.new_context(offline=True)  # the network is off, as on a kiosk
    page = context.new_page()
    open_past_the_choice(page, (built_kiosk / "index.html").as_uri() + "#start")
    expect_in_results(search_hits(page, query), page_name)
    context.close()


@pytest.mark.parametrize(("query", "page_name"), SEARCHES)
def test_search_over_http_finds_the_right_page(browser, web_server, query, page_name):
    page = browser.new_page()
    page.goto(web_server)
    expect_in_results(search_hits(page, query), page_name)
    page.close()


def test_kiosk_has_no_followable_link_off_the_site(browser, built_kiosk):
    page = browser.new_page()
    inside = built_kiosk.as_uri() + "/"
    for html in content_pages(built_kiosk):
        page.goto(html.as_uri())
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        assert hrefs, html.name
        assert [h for h in hrefs if not h.startswith(inside)] == [], html.name
    page.close()


def open_kiosk_with_clock(browser, kiosk: Path, name: str):
    context = browser.new_context()
    page = context.new_page()
    page.clock.install()
    page.goto((kiosk / name).as_uri())
    return context, page


def idle_notice(page, title: str, quiet: str = "02:01"):
    """The "Still reading?" notice (``title`` in the page's language), shown after a quiet spell."""
    page.clock.run_for(quiet)
    notice = page.get_by_role("alertdialog", name=title)
    assert notice.is_visible()
    return notice


def test_kiosk_idle_reset_clears_and_returns_home(browser, built_kiosk):
    context, page = open_kiosk_with_clock(browser, built_kiosk, "causes.html")
    page.evaluate("localStorage.setItem('last-reader', 'osteosarcoma'); sessionStorage.setItem('x', '1')")
    box = page.locator('input[data-md-component="search-query"]')
    box.press_sequentially("cancer")
    # Search settles first (its results, and any second search after a pause),
    # then one last key the search ignores starts the quiet spell at a known time.
    page.clock.run_for("00:05")
    page.locator(".md-search-result__item").first.wait_for()
    page.clock.run_for("00:02")
    box.press("Shift")
    notice = page.get_by_role("alertdialog", name="Still reading?")

    page.clock.run_for("01:59")
    assert not notice.is_visible()
    page.clock.run_for("00:02")
    assert notice.is_visible()
    page.clock.run_for("00:20")  # at least 20 seconds to answer (WCAG 2.2.1)
    assert page.url.endswith("/causes.html") and notice.is_visible()

    page.clock.run_for("00:11")
    page.wait_for_url(re.compile(r"/index\.html$"))
    # What the last reader left is gone (Material may store its own defaults anew).
    assert page.evaluate("[localStorage.getItem('last-reader'), sessionStorage.getItem('x')]") == [None, None]
    assert page.locator('input[data-md-component="search-query"]').input_value() == ""
    # The fresh home page waits for the next person instead of asking again.
    page.clock.run_for("05:00")
    assert not page.get_by_role("alertdialog").is_visible()
    context.close()


def test_kiosk_idle_notice_lets_the_reader_continue(browser, built_kiosk):
    context, page = open_kiosk_with_clock(browser, built_kiosk, "treatment.html")
    notice = idle_notice(page, "Still reading?")
    notice.get_by_role("button", name="Yes, I am still reading").click()
    assert not notice.is_visible()
    page.clock.run_for("01:50")
    assert page.url.endswith("/treatment.html") and not notice.is_visible()
    context.close()


def test_kiosk_starts_with_a_choice_of_language_and_nothing_behind_it_reachable(browser, built_kiosk):
    context, page = open_kiosk_with_clock(browser, built_kiosk, "index.html")
    choice = page.locator(".kiosk-language")
    assert choice.is_visible()
    assert choice.get_by_role("link", name="English").is_visible()
    # The page behind waits: the keyboard reaches the two buttons first, nothing else.
    assert page.evaluate("document.querySelector('.md-header').inert") is True
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "English"
    choice.get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/es/index\.html$"))
    assert page.evaluate("document.documentElement.lang") == "es"
    assert not page.locator(".kiosk-language").count()
    # Back in English from the Spanish home page: the English home, with no choice to make again.
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"site-kiosk/index\.html#start$"))
    assert not page.locator(".kiosk-language").is_visible()
    # Everything on it answers a tap, as on any page (nothing is left inert).
    assert page.evaluate("[...document.body.children].some(e => e.inert)") is False
    page.locator(".language-switch").get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/es/index\.html$"))
    page.goto((built_kiosk / "index.html").as_uri())
    page.locator(".kiosk-language").get_by_role("link", name="English").click()
    assert not choice.is_visible()
    # The page behind is freed on the address's change (hashchange), a moment after the tap.
    page.wait_for_function("!document.querySelector('.md-header').inert", timeout=2000)
    assert page.evaluate("window.scrollY") == 0
    # A link to one of the home page's headings (search finds them) opens past the choice too.
    page.goto((built_kiosk / "index.html").as_uri() + "#when-to-get-help")
    assert not choice.is_visible()
    assert page.evaluate("document.querySelector('.md-header').inert") is False
    context.close()


def test_kiosk_idle_reset_from_a_spanish_page_returns_to_the_choice_of_language(browser, built_kiosk):
    context, page = open_kiosk_with_clock(browser, built_kiosk, "es/causes.html")
    notice = idle_notice(page, "¿Sigue leyendo?")
    assert "segundos" in notice.inner_text()
    page.clock.run_for("00:31")
    page.wait_for_url(re.compile(r"site-kiosk/index\.html$"))
    assert page.locator(".kiosk-language").is_visible()
    context.close()
