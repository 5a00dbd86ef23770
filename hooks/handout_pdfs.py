"""MkDocs hooks: print each handout page to PDF, on A4 and on US Letter, in
standard and in large print.

A page is a handout when its front matter says `handout: true`. After the site
is written, headless Chromium (Debian's, driven by Playwright) prints each one
from the built files, with no network, as tagged PDFs (headings, lists and
tables in the structure tree) with an outline and the handout's own title. A
standard handout must fit one sheet and a large-print one two: one that has
grown too long stops the build instead.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]  # containers (the Pages workflow) have a small /dev/shm
# File suffix -> Chromium's paper name.
PAPERS = {"a4": "A4", "letter": "Letter"}
# Print -> (file suffix, most sheets). Large print (body text of 16 pt and more,
# for readers who need it) is set by print.css on html.large-print.
PRINTS = {"standard": ("", 1), "large": ("-large", 2)}

_handouts: list[Page] = []
# `mkdocs serve` rebuilds on every edit; printing PDFs each time would slow it down.
_printing = {"on": True}


def pdf_paths(page: Page) -> list[dict[str, str | bool]]:
    """Each PDF of a handout: its paper, whether it is large print, and where it
    is written, relative to the site."""
    folder, stem = Path(page.file.src_uri).parent, Path(page.file.src_uri).stem
    return [{"paper": name, "large": kind == "large",
             "path": (folder / "pdf" / f"{stem}{large}-{suffix}.pdf").as_posix()}
            for kind, (large, _) in PRINTS.items() for suffix, name in PAPERS.items()]


def on_startup(command: str, dirty: bool) -> None:
    _printing["on"] = command != "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    _handouts.clear()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    # The kiosk offers no downloads: a PDF would open in a viewer with no way back.
    if page.meta.get("handout") and _printing["on"] and config["guide_settings"].kiosk is None:
        # overrides/partials/handout-actions.html links these from the page.
        page.meta["handout_pdfs"] = pdf_paths(page)
        _handouts.append(page)
    return markdown


def launch_chromium(playwright):
    """Debian's Chromium, headless, with nothing that reaches for the network.
    The tests and the benchmarks start it the same way."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def count_pages(pdf: bytes) -> int:
    # Chromium writes one "/Type /Page" object per page ("/Pages" is the tree).
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def on_post_build(config: MkDocsConfig) -> None:
    if not _handouts:
        return
    if not CHROMIUM.exists():
        raise PluginError(f"Printing the handouts to PDF needs Chromium at {CHROMIUM}: "
                          "run `make browser-tools` (Debian package chromium)")
    from playwright.sync_api import sync_playwright  # heavy; only needed when printing

    site = Path(config.site_dir)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        for handout in _handouts:
            page.goto((site / handout.file.dest_uri).as_uri(), wait_until="load")
            # The PDF's title is the page's: the handout's own, without the site's name.
            page.evaluate("title => { document.title = title; }", handout.meta.get("title", handout.title))
            for pdf_file in handout.meta["handout_pdfs"]:
                large = pdf_file["large"]
                most = PRINTS["large" if large else "standard"][1]
                page.evaluate("large => document.documentElement.classList.toggle('large-print', large)", large)
                pdf = page.pdf(format=pdf_file["paper"], print_background=True, prefer_css_page_size=False,
                               tagged=True, outline=True)
                if (pages := count_pages(pdf)) > most:
                    source = Path(handout.file.abs_src_path).relative_to(Path(config.config_file_path).parent)
                    raise PluginError(f"{source.as_posix()} prints to {pages} pages on {pdf_file['paper']} "
                                      f"paper{' in large print' if large else ''}; it must fit {most} "
                                      f"sheet{'s' if most > 1 else ''}: shorten it")
                target = site / pdf_file["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(pdf)
        browser.close()
