"""The published web edition works offline on a phone after one visit: a
service worker made by Workbox precaches every page, the search index, styles,
scripts and images, scoped to the site's own folder; a manifest lets a reader
add it to the home screen; a new version replaces the old one."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from urllib.parse import urlparse

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
