"""The published web edition works offline on a phone after one visit: a
service worker made by Workbox precaches every page, the search index, styles,
scripts and images, scoped to the site's own folder; a manifest lets a reader
add it to the home screen; a new version replaces the old one."""
from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from conftest import ROOT, SITE_URL, serve_folder, web_page_urls
from patient_queries import search


def visit_until_offline_ready(page, address: str) -> None:
    """One visit: the service worker installs, precaches, and takes control."""
    page.goto(address)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)


def test_after_one_visit_every_page_and_search_work_offline(browser, editions, web_server):
    context = browser.new_context()
    page = context.new_page()
    visit_until_offline_ready(page, web_server)
    context.set_offline(True)
    urls = web_page_urls(editions.web, web_server)
    assert len(urls) >= 14
    for url in urls:
        page.goto(url)
        assert page.locator("article h1").is_visible(), url
    page.goto(web_server + "causes/")
    assert any("/treatment/" in hit for hit in search(page, "ibuprofen")[:3])
    # A result opens with Material's ?h= highlight, offline too.
    page.goto(web_server + "treatment/?h=ibuprofen")
    assert page.locator("article h1").is_visible()
    # Spanish search runs on lunr's Spanish files: they are kept for offline use too.
    page.goto(web_server + "es/causes/")
    assert any("/es/symptoms/" in hit for hit in search(page, "dolores")[:3])
    context.close()


def test_service_worker_is_scoped_to_the_site_and_leaves_out_pdfs_and_the_zip(browser, editions, web_server):
    worker = (editions.web / "sw.js").read_text()
    assert ".pdf" not in worker and ".zip" not in worker
    assert '"causes/index.html"' in worker and "search/search_index.json" in worker
    assert "importScripts" not in worker  # Workbox's runtime is inlined: nothing from a CDN
    context = browser.new_context()
    page = context.new_page()
    visit_until_offline_ready(page, web_server)
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == web_server and urlparse(scope).path == urlparse(SITE_URL).path
    context.close()
    # A first visit to a Spanish page installs the same worker, for the whole guide.
    context = browser.new_context()
    page = context.new_page()
    visit_until_offline_ready(page, web_server + "es/causes/")
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)") == web_server
    context.close()


def test_manifest_lets_a_phone_add_the_guide_to_its_home_screen(editions):
    manifest = json.loads((editions.web / "manifest.webmanifest").read_text())
    assert manifest["name"] and manifest["short_name"] and manifest["display"] == "standalone"
    assert manifest["start_url"] == "./" and manifest["scope"] == "./"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert (editions.web / icon["src"]).is_file()
    assert '<link rel="manifest" href="manifest.webmanifest">' in (editions.web / "index.html").read_text()


def test_the_kiosk_has_no_service_worker_or_manifest(editions):
    assert not (editions.kiosk / "sw.js").exists() and not (editions.kiosk / "manifest.webmanifest").exists()
    home = (editions.kiosk / "index.html").read_text()
    assert "offline.js" not in home and 'rel="manifest"' not in home


def test_a_new_version_replaces_the_old_one_on_the_next_visit(browser, editions, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(editions.web, site)
    with serve_folder(site, urlparse(SITE_URL).path) as address:
        context = browser.new_context()
        page = context.new_page()
        visit_until_offline_ready(page, address)
        # A new version is published: one page changes, and Workbox runs again.
        causes = site / "causes" / "index.html"
        causes.write_text(causes.read_text().replace("</h1>", " (new version)</h1>", 1))
        subprocess.run([str(ROOT / "node_modules" / ".bin" / "workbox"), "generateSW", "workbox-config.cjs"],
                       cwd=ROOT, env={**os.environ, "SITE_DIR": str(site)}, check=True, capture_output=True)
        page.goto(address + "causes/")
        page.wait_for_function(
            "navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)")
        for _ in range(10):  # the new worker installs, takes over, and serves the new page
            page.goto(address + "causes/")
            if "(new version)" in page.locator("h1").inner_text():
                break
            page.wait_for_timeout(500)
        assert "(new version)" in page.locator("h1").inner_text()
        context.set_offline(True)
        page.reload()
        assert "(new version)" in page.locator("h1").inner_text()
        context.close()


HANDOUT = "handouts/at-a-glance/"


def watch_navigation_and_downloads(page) -> tuple[list[str], list]:
    """What the page opens from now on: new documents in its frame, and downloads."""
    opened: list[str] = []
    downloads: list = []
    page.on("framenavigated", lambda frame: opened.append(frame.url) if frame == page.main_frame else None)
    page.on("download", lambda download: downloads.append(download))
    return opened, downloads


@pytest.mark.parametrize("folder, words, lang", [
    ("", "you need an internet connection to get the PDF file. The “Print this handout” button works", "en"),
    ("es/", "necesita conexión a internet para obtener el archivo PDF. El botón “Imprimir esta hoja "
            "informativa” funciona sin internet", "es"),
])
def test_a_pdf_button_offline_keeps_the_reader_on_the_page_and_says_why(browser, web_server, folder, words, lang):
    """The service worker keeps the handout but not its PDFs: offline, a PDF button
    says so beside the buttons, in the page's language, instead of leaving the guide."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True)
    page = context.new_page()
    address = web_server + folder + HANDOUT
    visit_until_offline_ready(page, address)
    context.set_offline(True)
    page.goto(address)  # from the service worker's cache
    notice = page.locator(".handout-actions [role='status']")
    assert notice.count() == 1 and notice.inner_text() == ""
    assert page.locator("html").get_attribute("lang") == lang
    opened, downloads = watch_navigation_and_downloads(page)
    buttons = page.locator(".handout-actions a[download]")
    assert buttons.count() == 4
    buttons.nth(2).tap()
    expect(notice).to_contain_text(words)
    page.wait_for_timeout(500)
    assert opened == [] and downloads == [] and page.url == address
    assert page.locator("article h1").is_visible()
    # The print button it points to is on the page, and the notice sits right under the buttons.
    assert page.locator(".handout-actions button").inner_text() in notice.inner_text()
    context.close()


def test_a_pdf_button_with_no_answer_from_the_server_says_so_too(browser, web_server):
    """The phone thinks it is online (navigator.onLine), but the PDF cannot be
    reached: the check on tap (a HEAD request) fails, and the notice shows."""
    context = browser.new_context(service_workers="block")
    context.route("**/*.pdf", lambda route: route.abort("internetdisconnected"))
    page = context.new_page()
    page.goto(web_server + HANDOUT)
    opened, downloads = watch_navigation_and_downloads(page)
    page.locator(".handout-actions a[download]").first.click()
    expect(page.locator(".handout-actions [role='status']")).to_contain_text("you need an internet connection")
    assert opened == [] and downloads == [] and page.evaluate("navigator.onLine")
    context.close()


def test_a_pdf_button_with_a_connection_still_downloads_the_pdf(browser, web_server):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    visit_until_offline_ready(page, web_server + HANDOUT)  # the service worker in charge, as on a phone
    page.goto(web_server + HANDOUT)
    with page.expect_download() as info:
        page.locator(".handout-actions a[download]").first.click()
    download = info.value
    assert download.suggested_filename == "at-a-glance-a4.pdf"
    assert open(download.path(), "rb").read(5) == b"%PDF-"
    assert page.locator(".handout-actions [role='status']").inner_text() == ""
    assert page.url == web_server + HANDOUT
    context.close()


def test_only_handouts_with_pdf_buttons_load_the_pdf_script(editions):
    assert "handout-pdfs.js" in (editions.web / HANDOUT / "index.html").read_text()
    for page in ("index.html", "causes/index.html", "handouts/index.html", "es/glossary/index.html"):
        assert "handout-pdfs.js" not in (editions.web / page).read_text(), page
    for page in editions.kiosk.rglob("*.html"):
        assert "handout-pdfs.js" not in page.read_text(), page


@pytest.mark.parametrize("language, words", [
    ("en", ("works with no internet", "Android", "iPhone", "Add to Home Screen", "For clinics", "(zip file)")),
    ("es", ("funciona sin internet", "Android", "iPhone", "Agregar a inicio", "Para clínicas", "(archivo comprimido)")),
])
def test_offline_page_first_says_the_guide_already_works_offline_then_home_screen_then_kiosk(
        built_site, built_site_es, language, words):
    page = (built_site_es if language == "es" else built_site) / "offline" / "index.html"
    html = page.read_text()
    text = re.sub(r"<[^>]+>", " ", html[html.index("<article"):html.index("</article>")])
    positions = [text.index(word) for word in words]
    assert positions == sorted(positions), dict(zip(words, positions))
    # The key message, boxed, right under the title; the steps are numbered.
    article = html[html.index("<article"):]
    assert re.search(r"</h1>\s*<div class=\"admonition success key-message\">", article)
    assert len(re.findall(r"<ol>", article)) >= 3  # Android, iPhone, the kiosk copy
