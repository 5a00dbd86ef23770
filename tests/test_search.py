"""Search in patients' words, in both editions: lay words, UK spellings, typos
and questions find the page about the thing in the top 3 results."""
from __future__ import annotations

import pytest

from patient_queries import QUERIES, SPANISH_QUERIES, found, page_path, search


@pytest.fixture(params=["web", "kiosk"])
def search_page(request, browser, web_server, built_kiosk):
    """The start page of one edition: the web over http, the kiosk from its
    folder with the network off. Yields the page and the site's own address."""
    if request.param == "web":
        context, site = browser.new_context(), web_server
    else:
        context, site = browser.new_context(offline=True), built_kiosk.as_uri() + "/"
    page = context.new_page()
    # The kiosk's start page, past its choice of language (tests/test_offline_browser.py tests that).
    page.goto(site if request.param == "web" else site + "index.html#start")
    yield page, site
    context.close()


@pytest.fixture(params=["web", "kiosk"])
def spanish_search_page(request, browser, web_server, built_kiosk):
    """The Spanish start page of one edition, as search_page."""
    if request.param == "web":
        context, site = browser.new_context(), web_server + "es/"
    else:
        context, site = browser.new_context(offline=True), built_kiosk.as_uri() + "/es/"
    page = context.new_page()
    page.goto(site if request.param == "web" else site + "index.html")
    yield page, site
    context.close()


def test_spanish_queries_find_the_right_spanish_page(spanish_search_page):
    page, site = spanish_search_page
    missed = {}
    for query, wanted in SPANISH_QUERIES:
        hrefs = search(page, query)
        # Only Spanish pages: the English ones have a search of their own.
        assert all(href.startswith(site) for href in hrefs), (query, hrefs)
        paths = [page_path(href, site) for href in hrefs]
        if not found(paths, wanted):
            missed[query] = paths[:3]
    assert missed == {}
    assert len(SPANISH_QUERIES) >= 20


def test_a_spanish_query_without_accents_or_in_the_plural_is_widened_and_said(spanish_search_page):
    page, site = spanish_search_page
    search(page, "dolores")
    assert page.locator(".search-correction").inner_text() == (
        "No hay resultados exactos. Mostramos resultados para: dolores dolor")
    search(page, "resonancia magnetica")
    assert page.locator(".search-correction").inner_text() == (
        "También buscamos otras formas de sus palabras: resonancia magnetica magnética")


def test_patient_queries_find_the_right_page(search_page):
    page, site = search_page
    missed = {}
    for query, wanted in QUERIES:
        paths = [page_path(href, site) for href in search(page, query)]
        if not found(paths, wanted):
            missed[query] = paths[:3]
    assert missed == {}
    assert len(QUERIES) >= 20


def test_a_slip_of_the_finger_is_corrected_and_said(search_page):
    page, site = search_page
    paths = [page_path(href, site) for href in search(page, "edma")]
    assert page.locator(".search-correction").inner_text() == "No exact match. Showing results for: edema"
    assert page.locator('input[data-md-component="search-query"]').input_value() == "edema"
    assert "what-is-it" in paths[:3]
    # The next query typed starts afresh, with no notice.
    page.locator('input[data-md-component="search-query"]').press("Backspace")
    assert not page.locator(".search-correction").is_visible()


def test_a_glossary_term_is_a_result_that_opens_at_the_term(search_page):
    page, _ = search_page
    search(page, "physio")
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert any(link.endswith("#physical-therapy") for link in links), links
