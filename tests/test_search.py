"""Search in patients' words, in both editions and both languages: lay words,
UK spellings, typos, questions, and in Spanish plurals and words without their
accents, find the page about the thing in the top 3 results."""
from __future__ import annotations

import contextlib

import pytest

from conftest import open_past_the_choice
from patient_queries import (QUERIES, QUESTIONS, SPANISH_QUERIES, SPANISH_QUESTIONS, WEB_ONLY, answer_of, found,
                             page_path, search)


@contextlib.contextmanager
def start_page(edition: str, folder: str, browser, web_server, built_kiosk):
    """The start page of one edition in one language (its folder: "" or "es/"):
    the web over http, the kiosk from its folder with the network off, past its
    choice of language (tests/test_offline_browser.py tests that). Yields the
    page and the address of the language's own site."""
    if edition == "web":
        context, site = browser.new_context(), web_server + folder
    else:
        context, site = browser.new_context(offline=True), f"{built_kiosk.as_uri()}/{folder}"
    page = context.new_page()
    if edition == "web":
        page.goto(site)
    else:
        open_past_the_choice(page, site + "index.html#start")
    try:
        yield page, site
    finally:
        context.close()


@pytest.fixture(params=["web", "kiosk"])
def search_page(request, browser, web_server, built_kiosk):
    with start_page(request.param, "", browser, web_server, built_kiosk) as opened:
        yield opened


@pytest.fixture(params=["web", "kiosk"])
def spanish_search_page(request, browser, web_server, built_kiosk):
    with start_page(request.param, "es/", browser, web_server, built_kiosk) as opened:
        yield opened


def missed_queries(page, site: str, queries: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The queries whose page is not in the top 3, with what came instead; every
    result must be a page of this language's own site (on the kiosk, a folder,
    the queries for a page of the web edition only are left out)."""
    missed = {}
    kiosk = site.startswith("file:")
    for query, wanted in queries:
        if kiosk and wanted in WEB_ONLY:
            continue
        hrefs = search(page, query)
        assert all(href.startswith(site) for href in hrefs), (query, hrefs)
        paths = [page_path(href, site) for href in hrefs]
        if not found(paths, wanted):
            missed[query] = paths[:3]
    return missed


def test_spanish_queries_find_the_right_spanish_page(spanish_search_page):
    # Only Spanish pages come up: the English ones have a search of their own.
    assert missed_queries(*spanish_search_page, SPANISH_QUERIES) == {}
    assert len(SPANISH_QUERIES) >= 20


def test_a_spanish_query_without_accents_or_in_the_plural_is_widened_and_said(spanish_search_page):
    page, site = spanish_search_page
    search(page, "dolores")
    assert page.locator(".search-correction").inner_text() == "También buscamos: dolor"
    search(page, "resonancia magnetica")
    assert page.locator(".search-correction").inner_text() == "También buscamos: magnética rm"
    # Only the same word in another form: "dura" (lasts) is not widened to "duro" (hard).
    search(page, "dolor dura")
    said = page.locator(".search-correction").inner_text()
    assert said.startswith("También buscamos:") and "duro" not in said


def test_patient_queries_find_the_right_page(search_page):
    assert missed_queries(*search_page, QUERIES) == {}
    assert len(QUERIES) >= 20


def test_a_slip_of_the_finger_is_corrected_and_said(search_page):
    page, site = search_page
    paths = [page_path(href, site) for href in search(page, "edma")]
    assert page.locator(".search-correction").inner_text() == "No exact match. Showing results for: edema"
    # The box keeps the reader's word: only the search is made with the corrected one.
    assert page.locator('input[data-md-component="search-query"]').input_value() == "edma"
    assert "what-is-it" in paths[:3]
    # The next query typed starts afresh, with no notice.
    page.locator('input[data-md-component="search-query"]').press("Backspace")
    assert not page.locator(".search-correction").is_visible()


def result_words(page) -> list[str]:
    """The words each result shows highlighted, page by page: what it matched on."""
    return page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        "items => items.map(i => [...i.querySelectorAll('mark')].map(m => m.textContent.toLowerCase()).join(' '))")


@pytest.mark.parametrize("query, wanted, meaningless", [
    ("dolor de rodilla", "symptoms", {"de"}),
    ("the pain in my knee", "symptoms", {"the", "in", "my"}),
])
def test_words_without_meaning_do_not_rank(browser, web_server, built_kiosk, query, wanted, meaningless):
    folder = "es/" if " de " in query else ""
    for edition in ("web", "kiosk"):
        with start_page(edition, folder, browser, web_server, built_kiosk) as (page, site):
            paths = [page_path(href, site) for href in search(page, query)]
            assert paths[0] == wanted, (edition, paths)
            # No result is there for a stop word alone, nor for a longer word it begins ("desgaste").
            for words in result_words(page):
                assert words and not set(words.split()) <= meaningless, (edition, words)


def test_a_stop_word_alone_is_still_searched(search_page):
    page, site = search_page
    assert search(page, "is it")  # a query of nothing else is searched as typed
    assert not page.locator(".search-correction").is_visible()


@pytest.mark.parametrize("query, wanted, said", [
    ("leukaemia", "causes", "leukemia"),
    ("tumour", "is-it-serious", "tumor"),
    ("physiotherapy", "treatment", "physical therapy"),
    ("broken bone", "causes", "fracture"),
])
def test_another_spelling_or_a_lay_word_finds_the_pages_about_the_thing(search_page, query, wanted, said):
    page, site = search_page
    paths = [page_path(href, site) for href in search(page, query)]
    assert wanted in paths[:4] and paths[0] != "" , paths
    assert page.locator(".search-correction").inner_text() == f"Also searching for: {said}"
    assert page.locator('input[data-md-component="search-query"]').input_value() == query


def test_a_glossary_term_is_a_result_that_opens_at_the_term(search_page):
    page, _ = search_page
    search(page, "physio")
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert any(link.endswith("#physical-therapy") for link in links), links


@pytest.mark.parametrize("edition", ["web", "kiosk"])
@pytest.mark.parametrize("folder, steps, widened", [
    ("", ["leu", "kaemia", " kn", "ee"], "Also searching for: leukemia"),
    ("es/", ["cuan", "to", " du", "ra"], "También buscamos: cuánto"),  # and the words of its answer's heading
])
def test_the_search_box_keeps_what_was_typed_while_search_widens_it(browser, web_server, built_kiosk,
                                                                    edition, folder, steps, widened):
    """Typed as a patient types: a few letters, a pause, more letters, a slip put right."""
    with start_page(edition, folder, browser, web_server, built_kiosk) as (page, site):
        box = page.locator('input[data-md-component="search-query"]')
        (box if box.is_visible() else page.locator('label.md-header__button[for="__search"]')).click()
        typed = ""
        for step in steps:
            box.press_sequentially(step, delay=40)
            typed += step
            page.wait_for_timeout(1000)  # longer than search's pause before it widens the query
            assert box.input_value() == typed
        box.press("Backspace")
        page.wait_for_timeout(1000)
        assert box.input_value() == typed[:-1]
        box.press_sequentially(typed[-1], delay=40)
        page.wait_for_timeout(1000)
        assert box.input_value() == typed
        # What else was searched is said above the results, never written into the box.
        assert page.locator(".search-correction").inner_text().startswith(widened)
        assert not page.locator(".md-search-result__terms").first.is_visible()


@pytest.mark.parametrize("edition", ["web", "kiosk"])
@pytest.mark.parametrize("folder, query, words", [
    ("", "fever", ("Sorry, nothing in this guide matches those words", "Call your doctor right away", "Glossary")),
    ("es/", "fiebre", ("Lo sentimos, nada en esta guía coincide", "Llame a su médico de inmediato", "Glosario")),
])
def test_a_search_that_finds_nothing_is_never_a_dead_end(browser, web_server, built_kiosk, edition, folder, query,
                                                          words):
    with start_page(edition, folder, browser, web_server, built_kiosk) as (page, site):
        box = page.locator('input[data-md-component="search-query"]')
        (box if box.is_visible() else page.locator('label.md-header__button[for="__search"]')).click()
        box.press_sequentially(query, delay=40)
        offer = page.locator(".search-nothing")
        offer.wait_for(state="visible", timeout=5000)
        text = offer.inner_text()
        assert all(word in text for word in words), text
        assert offer.locator(".care-card").count() == 1  # the most urgent "When to get help" card
        if edition == "kiosk":  # the kiosk's text size and finger-sized targets
            size = offer.locator(".search-nothing__text").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
            assert size >= 20
            heights = offer.locator(".search-nothing__topics a").evaluate_all(
                "links => links.map(a => a.getBoundingClientRect().height)")
            assert min(heights) >= 48, heights
        topics = offer.locator(".search-nothing__topics a")
        assert topics.count() == 7  # the 6 topics and the glossary; not home, sources or offline
        questions = offer.locator("a.kiosk-question")
        assert questions.count() == (4 if edition == "kiosk" else 0)
        # Typing again takes it away; a topic opens its page.
        box.press("Backspace")
        assert not offer.is_visible()
        box.press_sequentially(query[-1], delay=40)
        offer.wait_for(state="visible", timeout=5000)
        topics.nth(1).click()
        page.wait_for_url(lambda url: "caus" in url)


@pytest.mark.parametrize("edition", ["web", "kiosk"])
@pytest.mark.parametrize("folder, questions, label", [
    ("", QUESTIONS, "Answers your question:"),
    ("es/", SPANISH_QUESTIONS, "Responde a su pregunta:"),
])
def test_a_question_finds_its_answer_first(browser, web_server, built_kiosk, edition, folder, questions, label):
    with start_page(edition, folder, browser, web_server, built_kiosk) as (page, site):
        for question, answer in questions:
            hrefs = search(page, question)
            assert answer_of(hrefs[0], site) == answer, (question, hrefs[:3])
            item = page.locator(".md-search-result__list > .md-search-result__item").first
            assert item.inner_text().startswith(label)
            heading, title = item.locator(".search-answer__heading"), item.locator(".search-answer__page")
            assert heading.inner_text() != title.inner_text()  # never "Is it serious? Is it serious?"
            assert page.locator('input[data-md-component="search-query"]').input_value() == question
        # A word alone is no question: no answer is put first ("cancer": the causes page, which lists them).
        assert search(page, "cancer") and not page.locator(".search-answer").count()


def test_a_table_row_shows_as_that_row(search_page):
    page, _ = search_page
    search(page, "stress fracture")
    rows = page.eval_on_selector_all(".md-search-result__article li", "items => items.map(i => i.textContent)")
    assert "Stress fracture: A small crack in a bone." in rows, rows


def test_a_word_still_being_typed_is_searched_by_its_start(search_page):
    """A slow typer who pauses mid-word sees results, not "nothing found"."""
    page, _ = search_page
    box = page.locator('input[data-md-component="search-query"]')
    (box if box.is_visible() else page.locator('label.md-header__button[for="__search"]')).click()
    box.press_sequentially("is it c", delay=80)
    page.wait_for_timeout(1500)
    assert page.locator(".md-search-result__item").count() > 0
    assert not page.locator(".search-nothing").is_visible()


SEARCH_FILES = ("search/search_index.json", "/workers/search.", "/search-correction.js", "search/words.js")


@pytest.mark.parametrize("folder, typo, corrected", [("", "edma", "edema"), ("es/", "rodila", "rodilla")])
def test_search_loads_when_a_reader_first_opens_it_and_answers_at_once(browser, web_server, folder, typo, corrected):
    """A page's first view fetches nothing of search (search-lazy.js); opening
    it loads the index, the worker and our search help, and the very first
    query is already searched in the reader's words."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(web_server + folder, wait_until="networkidle")
    assert [url for url in fetched if any(part in url for part in SEARCH_FILES)] == []
    hrefs = search(page, typo)
    assert hrefs and all(any(part in url for url in fetched) for part in SEARCH_FILES)
    assert page.locator(".search-correction").inner_text().endswith(corrected)
    context.close()


def test_a_page_opened_from_a_result_marks_the_words_searched(browser, web_server):
    """search.highlight needs the index: a page reached from a result (?h=)
    loads search at once."""
    page = browser.new_page()
    page.goto(web_server + "causes/?h=fracture")
    page.locator("article mark").first.wait_for(timeout=10_000)
    assert page.locator("article mark").first.inner_text().lower().startswith("fracture")
    page.close()
