"""The Kiwix edition: one ZIM file per language, from `make zim`.

Unit tests for its metadata, name, files and search words; then the real files,
checked by Debian's zimcheck, served by Debian's kiwix-serve, and read in
Chromium through it: every page and link, with and without JavaScript, and
Kiwix's own full-text search for the words patients use.
"""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path
from typing import Iterator

import lxml.html
import pytest
from libzim.reader import Archive  # type: ignore[import-untyped]
from PIL import Image

from conftest import CONFIG, PDFUA, ROOT, TEST_SITE_URL, copy_project, fetch, free_port, run_build, serve_folder
from macros import zim_book
from macros.models import GlossaryTerm, SearchQuestion
from macros.settings import SettingsError, load_settings
from patient_queries import QUERIES, QUESTIONS, SPANISH_QUERIES, SPANISH_QUESTIONS, WEB_ONLY

LICENSE = "CC-BY-SA-4.0"
DAY = date(2026, 12, 7)
SEPARATOR = CONFIG["plugins"]["search"]["separator"]
ZIMCHECK, KIWIX_SERVE = Path("/usr/bin/zimcheck"), Path("/usr/bin/kiwix-serve")


def zim_settings(**change) -> dict:
    settings = {"name": "bme-guide", "title": "Bone marrow edema guide", "description": "A plain guide",
                "tags": ["health"], "license": "", "illustration": "assets/images/icon-192.png"}
    return {**settings, **change}


def settings_with(zim: dict):
    extra = {"web_app": {"short_name": "BME", "theme_color": "#00695c"}, "publisher": "Team",
             "review": {"cycle_months": 12, "overdue": "warn"}, "disclaimer": "General information.", "zim": zim}
    return load_settings(extra, "mkdocs-zim.yml", ROOT / "docs")


def book(**change) -> zim_book.Book:
    values = dict(name="bme-guide", title="Bone marrow edema guide", description="Plain-language guide",
                  long_description="Plain-language information about bone marrow edema", publisher="Team",
                  language="en", tags=["health"], day=DAY, license=LICENSE, source=TEST_SITE_URL)
    return zim_book.Book(**{**values, **change})


# --- Settings and metadata -------------------------------------------------------

@pytest.mark.parametrize("change, message", [
    ({"title": "Bone marrow edema: a guide for you"}, "extra.zim.title must be 30 characters at most (got 34)"),
    ({"description": "x" * 81}, "extra.zim.description must be 80 characters at most (got 81)"),
    ({"name": "bme_guide"}, "extra.zim.name must be lower-case letters and digits, with hyphens between words, such as patient-guide"),
    ({"tags": ["health;medicine"]}, "extra.zim.tags.0 must be a tag with no semicolon"),
    ({"tags": []}, "extra.zim.tags must list one at least"),
    ({"illustration": "assets/images/logo.svg"}, "extra.zim.illustration must be a PNG file under docs/"),
    ({"illustration": "assets/images/none.png"}, "extra.zim.illustration must be a file under docs/"),
    ({"titel": "A guide"}, "extra.zim.titel is not a setting (did you mean extra.zim.title?)"),
])
def test_a_zim_setting_that_breaks_a_rule_stops_the_build_naming_it(change, message):
    with pytest.raises(SettingsError, match=re.escape(message)) as error:
        settings_with(zim_settings(**change))
    assert str(error.value).startswith("mkdocs-zim.yml:")


def test_an_unset_licence_is_none_and_the_settings_are_kept():
    zim = settings_with(zim_settings()).zim
    assert zim.license is None and zim.title == "Bone marrow edema guide"


def test_the_metadata_is_complete_in_kiwixs_formats():
    metadata = book().metadata()
    assert metadata == {
        "Name": "bme-guide_en_all", "Title": "Bone marrow edema guide", "Description": "Plain-language guide",
        "LongDescription": "Plain-language information about bone marrow edema", "Creator": "Team",
        "Publisher": "Team", "Date": "2026-12-07", "Language": "eng", "Tags": "health;_ftindex:yes",
        "License": LICENSE, "Source": TEST_SITE_URL, "Scraper": metadata["Scraper"]}


def test_languages_are_iso_639_3_and_names_follow_kiwixs_convention():
    assert [zim_book.iso_639_3(code) for code in ("en", "es", "pt_BR", "fra")] == ["eng", "spa", "por", "fra"]
    assert zim_book.file_name("bme-guide", "es", DAY) == "bme-guide_es_all_2026-12.zim"
    assert zim_book.book_name("bme-guide", "pt_BR") == "bme-guide_pt-br_all"
    with pytest.raises(zim_book.ZimError, match="'qq' is not a language Kiwix knows"):
        zim_book.iso_639_3("qq")


def test_no_licence_or_address_leaves_them_out_rather_than_inventing_them():
    metadata = book(license=None, source=None).metadata()
    assert "License" not in metadata and "Source" not in metadata


@pytest.mark.parametrize("long, message", [
    ("Short", "it must not be shorter than extra.zim.description"),
    ("x" * 4001, "it must be 4000 bytes at most (got 4001)"),
])
def test_a_long_description_zimcheck_would_refuse_stops_naming_it(long, message):
    with pytest.raises(zim_book.ZimError, match=re.escape(message)) as error:
        book(long_description=long, where="mkdocs-zim.yml and translations/es/settings.yml").metadata()
    assert "mkdocs-zim.yml and translations/es/settings.yml: site_description" in str(error.value)


def test_the_illustration_is_the_guides_icon_48_pixels_square(tmp_path):
    picture = Image.open(io.BytesIO(zim_book.illustration(ROOT / "docs/assets/images/icon-192.png")))
    assert (picture.format, picture.size) == ("PNG", (48, 48))
    Image.new("RGB", (96, 64)).save(tmp_path / "wide.png")
    with pytest.raises(zim_book.ZimError, match=r"extra.zim.illustration: wide.png must be square .*96×64"):
        zim_book.illustration(tmp_path / "wide.png")
    (tmp_path / "broken.png").write_bytes(b"not a picture")
    with pytest.raises(zim_book.ZimError, match="broken.png is not a picture that can be read"):
        zim_book.illustration(tmp_path / "broken.png")


# --- Which files, and the words each page is found by ------------------------------

def test_the_zim_holds_the_pages_and_what_they_use_and_nothing_else(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "index.html").write_text('<link href="css/site.css" rel="stylesheet"><a href="b.html#top">B</a>'
                                         '<a href="https://example.org/">out</a><img src="data:image/png;base64,">')
    (tmp_path / "b.html").write_text('<script src="b.js"></script><a href="index.html">home</a>')
    (tmp_path / "b.js").write_text("")
    (tmp_path / "css/site.css").write_text('body { background: url("../bg.png") }')
    (tmp_path / "bg.png").write_bytes(b"")
    (tmp_path / "unused.js").write_text("")
    assert zim_book.files_used(tmp_path, ["index.html"]) == ["b.html", "b.js", "bg.png", "css/site.css", "index.html"]
    (tmp_path / "b.js").unlink()
    with pytest.raises(zim_book.ZimError, match="b.js is linked from the site but was not built"):
        zim_book.files_used(tmp_path, ["index.html"])
    with pytest.raises(zim_book.ZimError, match="notes.xyz: no known kind of file"):
        zim_book.mimetype("notes.xyz")


def test_a_pages_index_text_is_its_article_without_the_menu_or_the_page_foot():
    html = (b'<html><body><nav>Causes Symptoms</nav><article><h1>Tests</h1><p>An MRI scan.</p>'
            b'<div data-search-exclude>More links</div><!--htdig_noindex--><aside>Please note</aside>'
            b'<!--/htdig_noindex--></article>')
    assert zim_book.page_text(html) == "Tests An MRI scan."


TERMS = [GlossaryTerm(id="leukemia", term="Leukemia", definition="A cancer.", also_spelled=["leukaemia"]),
         GlossaryTerm(id="tumor", term="Benign tumor", definition="A growth.", also_spelled=["benign tumour"]),
         GlossaryTerm(id="ct", term="Computed tomography", abbreviation="CT", definition="A scan.",
                      also_called=["cat scan"]),
         GlossaryTerm(id="physical-therapy", term="Physical therapy", definition="Exercises.",
                      also_called=["physio"])]
ASKED = [SearchQuestion(id="cancer", asked=["is it cancer"], answer="is-it-serious.md")]


def keywords(text: str, source: str = "causes.md", language: str = "en") -> list[str]:
    return zim_book.search_keywords(text, source, zim_book.Words(SEPARATOR, language), TERMS, ASKED).split()


def test_a_page_is_found_by_the_words_patients_use_for_the_terms_it_uses():
    found = keywords("Leukemia and other tumors can show on a CT scan.")
    assert {"leukaemia", "tumour", "cat", "scan"} <= set(found)
    # "physical" alone is not physical therapy: a physical exam brings no "physio".
    assert "physio" not in keywords("A physical exam.")
    assert "physio" in keywords("Physical therapy helps.")


def test_a_page_is_found_by_the_questions_it_answers_and_its_words_without_accents():
    assert "cancer" in keywords("Could it be serious?", source="is-it-serious.md")
    assert "cancer" not in keywords("Could it be serious?", source="causes.md")
    assert {"radiografia", "cancer"} <= set(keywords("Una radiografía no muestra cáncer.", language="es"))


# --- The real ZIM files -------------------------------------------------------------

LANGUAGES = {"en": "", "es": "es/"}


@pytest.fixture(scope="session")
def zim_files(tmp_path_factory) -> dict[str, Path]:
    """`make zim` in a copy of the project, with a licence and a real address."""
    project = copy_project(tmp_path_factory.mktemp("zim"))
    os.environ["GUIDE_LICENSE"] = LICENSE
    try:
        result = run_build(project, "zim")
    finally:
        os.environ.pop("GUIDE_LICENSE")
    assert result.returncode == 0, result.output
    month = date.today().strftime("%Y-%m")
    files = {language: project / "site-zim" / f"bme-guide_{language}_all_{month}.zim" for language in LANGUAGES}
    assert sorted(p.name for p in (project / "site-zim").iterdir()) == sorted(p.name for p in files.values())
    return files


def articles(zim: Path) -> list[str]:
    archive = Archive(zim)
    return sorted(path for i in range(archive.all_entry_count)
                  if (path := archive._get_entry_by_id(i).path).endswith(".html"))


PAGES = sorted(str(p.relative_to(ROOT / "docs").with_suffix(".html")) for p in (ROOT / "docs").rglob("*.md")
               if p.stem not in WEB_ONLY)


@pytest.mark.parametrize("language", LANGUAGES)
def test_zimcheck_passes_every_check(zim_files, language):
    if not ZIMCHECK.exists():
        pytest.fail(f"{ZIMCHECK} is missing: `make test` installs it (Debian package zim-tools)")
    result = subprocess.run([str(ZIMCHECK), "-A", str(zim_files[language])], capture_output=True, text=True)
    assert result.returncode == 0 and "Overall Test Status: Pass" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize("language, code, title", [("en", "eng", "Bone marrow edema guide"),
                                                   ("es", "spa", "Guía del edema de médula ósea")])
def test_each_zim_says_what_it_is_in_its_language(zim_files, language, code, title):
    archive = Archive(zim_files[language])
    metadata = {key: archive.get_metadata(key) for key in archive.metadata_keys}
    assert {"Name", "Title", "Creator", "Publisher", "Date", "Description", "LongDescription", "Language",
            "License", "Tags", "Source", "Illustration_48x48@1"} <= set(metadata)
    assert metadata["Name"].decode() == f"bme-guide_{language}_all"
    assert (metadata["Title"].decode(), metadata["Language"].decode()) == (title, code)
    assert metadata["License"].decode() == LICENSE
    assert metadata["Source"].decode() == TEST_SITE_URL + LANGUAGES[language]
    assert Image.open(io.BytesIO(metadata["Illustration_48x48@1"])).size == (48, 48)
    assert archive.main_entry.get_item().path == "index.html"
    assert archive.has_fulltext_index and archive.has_title_index


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_zim_holds_every_page_and_none_of_what_needs_the_web(zim_files, language):
    assert articles(zim_files[language]) == PAGES
    archive = Archive(zim_files[language])
    paths = {archive._get_entry_by_id(i).path for i in range(archive.all_entry_count)}
    # The handouts' PDFs are in it; the web's search, service worker and manifest are not.
    assert {"handouts/pdf/at-a-glance-a4.pdf", "handouts/pdf/at-a-glance-large-letter.pdf"} <= paths
    assert not {path for path in paths if re.search(r"search|sw\.js|manifest|kiosk|offline\.js|sitemap", path)}
    home = bytes(archive.get_entry_by_path("index.html").get_item().content).decode()
    for absent in ('data-md-component="search"', 'for="__search"', 'data-md-component="palette"',
                   'class="language-switch"', "offline.html"):
        assert absent not in home


def test_a_wrong_zim_setting_stops_make_zim_and_keeps_the_last_good_files(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "site-zim").mkdir()
    (project / "site-zim" / "last-good.zim").write_text("")
    settings = project / "translations/es/settings.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "title: Guía del edema de médula ósea", "title: Guía sobre el edema de la médula ósea"), encoding="utf-8")
    result = run_build(project, "zim")
    assert result.returncode != 0
    assert ("mkdocs-zim.yml and translations/es/settings.yml: 1 wrong setting(s):\n"
            "  - extra.zim.title must be 30 characters at most (got 37)") in result.output
    assert "Traceback" not in result.output
    assert [p.name for p in (project / "site-zim").iterdir()] == ["last-good.zim"]


@pytest.fixture(scope="session")
def zim_contents(zim_files, tmp_path_factory) -> dict[str, Path]:
    """Every file of each ZIM, written out as it is inside (for the outside checkers)."""
    folders = {}
    for language, zim in zim_files.items():
        folder = folders[language] = tmp_path_factory.mktemp(f"zim-{language}")
        archive = Archive(zim)
        for index in range(archive.all_entry_count):
            entry = archive._get_entry_by_id(index)
            (folder / entry.path).parent.mkdir(parents=True, exist_ok=True)
            (folder / entry.path).write_bytes(bytes(entry.get_item().content))
    return folders


def test_the_checkers_a_reviewer_runs_find_nothing_in_either_zim(zim_contents):
    """The Nu Html Checker and pa11y (WCAG 2 AA) on every page, pdfua on every
    PDF, as the ZIMs hold them (Kiwix's own bar is Kiwix's, not checked here)."""
    pages = sorted(page for folder in zim_contents.values() for page in folder.rglob("*.html"))
    assert len(pages) == 2 * len(PAGES)
    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(["java", "-jar", str(vnu), "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=300)
    assert json.loads(result.stderr)["messages"] == []
    addresses = []
    with serve_folder(zim_contents["en"]) as english, serve_folder(zim_contents["es"]) as spanish:
        for language, address in (("en", english), ("es", spanish)):
            addresses += [address + page for page in PAGES]
        result = subprocess.run(["node", str(ROOT / "tests" / "pa11y_pages.cjs"), *addresses], cwd=ROOT,
                                capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    assert {page: issues for page, issues in json.loads(result.stdout).items() if issues} == {}
    pdfs = sorted(pdf for folder in zim_contents.values() for pdf in folder.rglob("*.pdf"))
    assert len(pdfs) == 24
    for pdf in pdfs:
        report = json.loads(subprocess.run([str(PDFUA), "check", "--format", "json", str(pdf)],
                                           capture_output=True, text=True).stdout)
        assert [f["rule_id"] for f in report["findings"] if f["severity"] != "info"] == [], pdf


# --- Through kiwix-serve, in a browser ----------------------------------------------

@pytest.fixture(scope="session")
def kiwix(zim_files) -> Iterator[str]:
    """kiwix-serve serving both ZIMs; yields its address."""
    if not KIWIX_SERVE.exists():
        pytest.fail(f"{KIWIX_SERVE} is missing: `make test` installs it (Debian package kiwix-tools)")
    port = free_port()
    server = subprocess.Popen([str(KIWIX_SERVE), "--address=127.0.0.1", f"--port={port}",
                               *map(str, zim_files.values())], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    address = f"http://127.0.0.1:{port}"
    try:
        fetch(address + "/", time.monotonic() + 20)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=10)


def book_path(zim: Path) -> str:
    """Where kiwix-serve serves a ZIM's pages: under its file's name."""
    return "/" + zim.stem + "/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_opens_and_every_link_leads_somewhere_through_kiwix_serve(zim_files, kiwix, browser,
                                                                             language):
    top = kiwix + book_path(zim_files[language])
    context = browser.new_context()
    outside: list[str] = []
    context.on("request", lambda request: None if request.url.startswith(kiwix) or request.url.startswith("data:")
               else outside.append(request.url))
    page = context.new_page()
    page.goto(top)  # the main page, as Kiwix's library opens a book
    assert page.url == top + "index.html"
    seen, waiting, broken = set(), ["index.html"], []
    while waiting:
        path = waiting.pop()
        if path in seen:
            continue
        seen.add(path)
        assert page.goto(top + path).status == 200, path
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            if not href.startswith(top):
                continue  # another site (the article's source), or Kiwix's own bar
            target = urllib.parse.urlsplit(href[len(top):]).path
            if target.endswith(".html"):
                waiting.append(target)
            elif target not in seen:
                seen.add(target)
                if context.request.get(top + target).status != 200:
                    broken.append(f"{path} -> {target}")
    context.close()
    assert not broken
    assert sorted(path for path in seen if path.endswith(".html")) == PAGES
    assert not outside


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_reads_in_full_with_javascript_off(zim_files, kiwix, browser, language):
    top = kiwix + book_path(zim_files[language])
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in PAGES:
        page.goto(top + path)
        assert page.locator("article h1").is_visible(), path
        assert page.locator("article").inner_text().count("\n") > 5, path
        # Every picture drawn, every page of the menu a link, nothing wider than a phone.
        assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)"), path
        # The menu shows the open section's pages only (navigation.prune): every section's first page.
        links = page.eval_on_selector_all(".md-nav--primary a[href]", "links => links.map(a => a.href)")
        assert {urllib.parse.urlsplit(link).path.split("/", 2)[2] for link in links} >= \
            {page for page in PAGES if "/" not in page or page.endswith("/index.html")}
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.goto(top + "causes.html")
    assert page.locator("article table").count() >= 4 and page.locator("article .care-card").count() >= 3
    context.close()


def kiwix_search(kiwix: str, zim: Path, words: str) -> list[str]:
    """The pages Kiwix's full-text search lists for ``words``, best first."""
    query = urllib.parse.urlencode({"content": zim.stem, "pattern": words})
    html = urllib.request.urlopen(f"{kiwix}/search?{query}").read().decode()
    return [link.removesuffix(".html") for link in re.findall(rf'href="{re.escape(book_path(zim))}([^"#]+)"', html)]


# Kiwix's search finds the pages that hold every word typed, with the words'
# other endings, and has no spelling help: a slip ("edma") finds nothing there,
# and it cannot offer a page that lacks a word asked for ("the pain in my knee":
# the symptoms page never says "knee"). The rest must find the right page.
NO_SPELLING_HELP = {"edma", "ostearthritis", "osteoporsis", "tendinitis", "hinchason", "es canser"}
EVERY_WORD = {"the pain in my knee": "en", "rodilla hinchada": "es", "dolor de rodilla": "es"}


def searches(queries, questions) -> list[tuple[str, str]]:
    return [(words, page) for words, page in [*queries, *((q, a.split("#")[0]) for q, a in questions)]
            if words not in NO_SPELLING_HELP | set(EVERY_WORD) and page not in WEB_ONLY]


@pytest.mark.parametrize("language, words, expected", [
    *[("en", words, page) for words, page in searches(QUERIES, QUESTIONS)],
    *[("es", words, page) for words, page in searches(SPANISH_QUERIES, SPANISH_QUESTIONS)],
])
def test_kiwix_search_finds_the_right_page_for_the_words_patients_use(zim_files, kiwix, language, words, expected):
    found = [page.replace("index", "") for page in kiwix_search(kiwix, zim_files[language], words)[:3]]
    assert any(re.fullmatch(expected, page) for page in found), found


@pytest.mark.parametrize("words, language", EVERY_WORD.items())
def test_a_search_with_a_word_a_page_lacks_still_finds_pages_about_it(zim_files, kiwix, words, language):
    assert kiwix_search(kiwix, zim_files[language], words)


@pytest.mark.parametrize("language", LANGUAGES)
def test_kiwix_search_results_quote_the_pages_own_words_not_its_menus_or_foot(zim_files, kiwix, language):
    """What every page repeats (header, menus, page foot, "Back to top") lies
    between the comments Kiwix's search leaves out."""
    zim = zim_files[language]
    archive = Archive(zim)
    home = lxml.html.fromstring(bytes(archive.get_entry_by_path("index.html").get_item().content))
    repeated = [home.xpath("string(//*[contains(@class, 'md-header__topic')])").strip(),
                home.xpath("string(//*[contains(@class, 'page-foot__disclaimer')])").split(".")[0].strip(),
                home.xpath("string(//*[contains(@class, 'md-top')])").strip()]
    assert all(repeated)
    for words in {"en": ["physio", "leukaemia", "MRI"], "es": ["dolor", "radiografia", "leucemia"]}[language]:
        query = urllib.parse.urlencode({"content": zim.stem, "pattern": words})
        results = lxml.html.fromstring(urllib.request.urlopen(f"{kiwix}/search?{query}").read())
        quotes = [cite.text_content() for cite in results.xpath("//cite")]
        assert quotes, words
        assert not [(text, quote) for quote in quotes for text in repeated if text in quote], words


@pytest.mark.parametrize("javascript", [True, False])
def test_the_guides_header_and_menu_stay_clear_of_kiwixs_bar_and_paper_leaves_it_out(zim_files, kiwix, browser,
                                                                                     javascript):
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(kiwix + book_path(zim_files["en"]) + "handouts/at-a-glance.html")
    below_the_bar = """selector => {
        const bar = document.querySelector('#kiwixtoolbar').getBoundingClientRect();
        return document.querySelector(selector).getBoundingClientRect().top >= Math.max(0, bar.bottom) - 1;
    }"""
    assert page.evaluate(below_the_bar, ".md-header")
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(900)  # Kiwix's script checks the scroll every 250 ms; the bar slides for 300 ms
    assert page.evaluate(below_the_bar, ".md-header")
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(400)
    assert page.evaluate(below_the_bar, ".md-sidebar--primary")
    page.emulate_media(media="print")
    assert page.locator("#kiwixtoolbar").count() == 1 and not page.locator("#kiwixtoolbar").is_visible()
    context.close()


@pytest.mark.parametrize("language, label", [("en", "PDF to print (A4)"), ("es", "PDF para imprimir (A4)")])
def test_a_handouts_pdfs_open_to_be_printed_in_the_zim(zim_files, kiwix, browser, language, label):
    context = browser.new_context()
    page = context.new_page()
    page.goto(kiwix + book_path(zim_files[language]) + "handouts/at-a-glance.html")
    links = page.locator(".handout-actions a")
    assert links.count() == 4 and page.locator(".handout-actions button, .handout-actions [download]").count() == 0
    assert links.first.inner_text() == label
    # What to do says so beside them, as the print button does on the web.
    assert "PDF" in page.locator(".handout-actions p").inner_text()
    response = context.request.get(links.first.evaluate("a => a.href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    context.close()
