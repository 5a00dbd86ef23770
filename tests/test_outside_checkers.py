"""The checkers a reviewer runs, none of them ours, over every page and every PDF
of both editions in every language: the Nu Html Checker (vnu-jar), pa11y
(HTML_CodeSniffer, WCAG 2 AA) and pdfua (PDF/UA-1's machine-checkable rules);
and every link of every handout PDF, read with pikepdf (link checkers do not
read PDFs)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pikepdf
import pytest

from conftest import PDFUA, ROOT, SITE_URL, content_pages, web_page_urls
from macros.handout_pdf import POINT_LINKS_AT_THE_WEB, web_edition

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def handout_pdfs(site: Path) -> list[Path]:
    return sorted(site.rglob("*.pdf"))


def test_nu_html_checker_finds_nothing_on_any_page(editions):
    pages = [*editions.web.rglob("*.html"), *editions.kiosk.rglob("*.html")]
    pages = [page for page in pages if "assets" not in page.parts]
    assert len(pages) >= 50 and any("/es/" in page.as_posix() for page in pages)
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, pages)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    # Errors and warnings alike ("a section lacks a heading" is a warning).
    assert messages == [], "\n".join(f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['type']}: {m['message']}"
                                     for m in messages[:20])


def test_pa11y_finds_nothing_on_any_page(editions, web_server):
    web = [*web_page_urls(editions.web, web_server), f"{web_server}404.html"]  # every language
    kiosk = [page.as_uri() for page in content_pages(editions.kiosk)]
    assert len(web) >= 28 and len(kiosk) >= 26
    result = subprocess.run(["node", str(ROOT / "tests" / "pa11y_pages.cjs"), *web, *kiosk], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout)
    assert set(found) == {*web, *kiosk}
    problems = {page: issues for page, issues in found.items() if issues}
    assert problems == {}, json.dumps(problems, indent=1)[:4000]


def test_every_pdf_passes_pdf_ua_checks(editions):
    pdfs = handout_pdfs(editions.web)
    assert len(pdfs) == 24  # 3 handouts, A4 and Letter, standard and large, 2 languages
    for pdf in pdfs:
        result = subprocess.run([str(PDFUA), "check", "--format", "json", str(pdf)], capture_output=True, text=True)
        report = json.loads(result.stdout)
        findings = [f"{f['rule_id']}: {f['message']}" for f in report["findings"] if f["severity"] != "info"]
        assert findings == [], f"{pdf.relative_to(editions.web)}: {findings}"


def test_every_pdf_link_leads_to_the_web_edition_and_says_where(editions):
    for pdf in handout_pdfs(editions.web):
        language_folder = "es/" if "/es/" in pdf.as_posix() else ""
        with pikepdf.open(pdf) as document:
            links = [annotation for page in document.pages for annotation in page.get("/Annots", [])
                     if annotation.get("/Subtype") == "/Link"]
            addresses = [str(link.A.URI) for link in links]
            for link, address in zip(links, addresses):
                assert address.startswith((SITE_URL, "tel:", "mailto:")), f"{pdf.name}: {address}"
                assert str(link.get("/Contents", "")).strip(), f"{pdf.name}: {address} has no description"
            # The foot's link to the sources page is there, at its web address.
            assert f"{SITE_URL}{language_folder}sources/" in addresses, (pdf, addresses)
            with document.open_metadata() as meta:
                assert meta["pdfuaid:part"] == "1"
                assert meta["dc:title"] == str(document.docinfo["/Title"]) and meta["dc:title"]
                assert meta["dc:language"] == {"es" if language_folder else "en"}


def test_with_a_placeholder_address_a_printed_link_is_plain_text(browser, built_site):
    # As the build does before printing: the guide's links lose their address,
    # the words stay, and links elsewhere (the clinic's phone) are kept.
    assert web_edition("https://example.github.io/bme-guide/") is None
    assert web_edition(SITE_URL) == SITE_URL
    page = browser.new_page()
    page.goto((built_site / "handouts" / "at-a-glance" / "index.html").as_uri())
    page.evaluate("""() => document.body.insertAdjacentHTML('beforeend',
        '<a id="phone" href="tel:5550104477">(555) 010-4477</a>')""")
    words = page.evaluate(POINT_LINKS_AT_THE_WEB, [built_site.as_uri() + "/", None])
    left = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert left == ["tel:5550104477"] and words == {"tel:5550104477": "(555) 010-4477"}
    assert page.locator(".page-foot__source a").count() == 1  # the words are still there, without an address
    assert "Sources and corrections" in page.locator(".page-foot__source").inner_text()
    page.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_printed_links_point_at_the_same_page_online(browser, request, language):
    folder = "es/" if language == "es" else ""
    site = request.getfixturevalue("built_site_es").parent if folder else request.getfixturevalue("built_site")
    page = browser.new_page()
    page.goto((site / folder / "handouts" / "at-a-glance" / "index.html").as_uri())
    words = page.evaluate(POINT_LINKS_AT_THE_WEB, [site.as_uri() + "/", SITE_URL])
    assert f"{SITE_URL}{folder}sources/" in words
    other_language = f"{SITE_URL}{'' if folder else 'es/'}handouts/at-a-glance/"
    assert other_language in words  # the link to this sheet in the other language
    assert not [a for a in words if a.startswith("file:")]
    page.close()
