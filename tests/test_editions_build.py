"""The two editions as built files: what each serves, and the kiosk's settings."""
from __future__ import annotations

import re
import zipfile

import pytest

from conftest import content_pages, preview_build, run_build


def test_no_page_of_either_edition_names_an_outside_script_or_style(editions):
    for site in (editions.web, editions.kiosk):
        for page in content_pages(site):
            html = page.read_text()
            assert "unpkg.com" not in html and "fonts.googleapis" not in html, page
            for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
                address = re.search(r'\b(?:src|href)="([^"]*)"', tag)
                if address and "canonical" not in tag:
                    assert not re.match(r"(?i)(https?:)?//", address.group(1)), f"{page}: {tag}"


def test_kiosk_serves_the_iframe_worker_shim_from_its_own_assets(editions):
    shim = editions.kiosk / "assets" / "javascripts" / "iframe-worker-shim.js"
    assert shim.read_bytes() == (editions.project / "node_modules/iframe-worker/shim/index.js").read_bytes()
    assert '<script src="assets/javascripts/iframe-worker-shim.js"></script>' in (editions.kiosk / "index.html").read_text()
    assert (editions.kiosk / "search" / "search_index.js").exists()


def test_kiosk_zip_holds_the_whole_kiosk_and_the_web_edition_offers_it(editions):
    names = set(zipfile.ZipFile(editions.kiosk_zip).namelist())
    assert {"site-kiosk/index.html", "site-kiosk/search/search_index.js",
            "site-kiosk/assets/javascripts/kiosk.js"} <= names
    served = editions.web / "downloads" / "bme-guide-offline.zip"
    assert served.read_bytes() == editions.kiosk_zip.read_bytes()
    assert 'href="../downloads/bme-guide-offline.zip"' in (editions.web / "offline" / "index.html").read_text()


def test_only_the_kiosk_loads_the_kiosk_script(editions):
    assert "kiosk.js" in (editions.kiosk / "causes.html").read_text()
    assert "kiosk.js" not in (editions.web / "causes" / "index.html").read_text()
    assert '<meta name="kiosk-idle-seconds" content="120">' in (editions.kiosk / "causes.html").read_text()


def set_kiosk_option(project, line: str, value: str) -> None:
    config = project / "mkdocs-kiosk.yml"
    config.write_text(re.sub(rf"({line}: )\d+", rf"\g<1>{value}", config.read_text()))


def test_idle_time_is_set_in_the_kiosk_config(project_copy):
    set_kiosk_option(project_copy, "idle_seconds", "45")
    result = preview_build(project_copy, "mkdocs-kiosk.yml")
    assert result.returncode == 0, result.output
    assert '<meta name="kiosk-idle-seconds" content="45">' in (result.site / "index.html").read_text()


def test_too_short_answer_time_stops_the_build(project_copy):
    set_kiosk_option(project_copy, "answer_seconds", "10")
    result = preview_build(project_copy, "mkdocs-kiosk.yml")
    assert result.returncode != 0
    assert "extra.kiosk.answer_seconds must be a whole number, at least 20 (got 10)" in result.output


def test_kiosk_shows_links_to_other_sites_as_text(project_copy):
    page = project_copy / "docs" / "sources.md"
    page.write_text(page.read_text() + "\nSee [the NHS page](https://www.nhs.uk/conditions/?a=1&b=2) or "
                    "[our glossary](glossary.md) or write to <mailto:help@example.org>.\n")
    result = preview_build(project_copy, "mkdocs-kiosk.yml")
    assert result.returncode == 0, result.output
    html = (result.site / "sources.html").read_text()
    assert 'href="https://www.nhs.uk' not in html and 'href="mailto:' not in html
    assert ('<span class="offsite-link">the NHS page <span class="offsite-link__address">'
            "(www.nhs.uk/conditions/?a=1&amp;b=2)</span></span>") in html
    assert '<a href="glossary.html">our glossary</a>' in html


@pytest.mark.parametrize("target", ["kiosk", "build"])
def test_missing_npm_packages_are_named(project_copy, target):
    (project_copy / "node_modules").unlink()
    (project_copy / "node_modules").mkdir()
    (project_copy / "node_modules" / ".installed").touch()  # as if npm ci had run and lost the shim
    result = run_build(project_copy, target)
    assert result.returncode != 0
    # The first missing file stops the build, named: the icon set's, which the data needs first.
    assert "node_modules/@iconify-json/healthicons/icons.json is missing: run `make build`" in result.output
    assert "Traceback" not in result.output
