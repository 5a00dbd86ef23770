"""MkDocs hooks: print each handout page to PDF, on A4 and on US Letter, in
standard and in large print.

A page is a handout when its front matter says `handout: true`. After the site
is written, headless Chromium (Debian's, driven by Playwright) prints each one
from the built files, with no network, as tagged PDFs (headings, lists and
tables in the structure tree) with an outline and the handout's own title. A
standard handout must fit one sheet and a large-print one two: one that has
grown too long stops the build instead. A part marked optional on paper (a
second drawing) is printed where it fits, and left out where it does not.
"""
from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

# MkDocs loads a hook by its path; the guide's package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import handout_pdf  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]  # containers (the Pages workflow) have a small /dev/shm
# File suffix -> Chromium's paper name.
PAPERS = {"a4": "A4", "letter": "Letter"}
# Print -> (file suffix, most sheets). Large print (body text of 16 pt and more,
# for readers who need it) is set by print.css on html.large-print.
PRINTS = {"standard": ("", 1), "large": ("-large", 2)}

# A part of a handout that prints only where the sheet has room for it (a
# second drawing): print.css hides it on paper unless the page has ROOM.
OPTIONAL, ROOM = "paper-optional", "paper-room"

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Where a handout's opening text ends, in its HTML.
OPENING_TEXT_ENDS = "<!-- opening text ends -->"

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


class _OpeningText(HTMLParser):
    """Finds where a page's opening text ends: the first block after the title
    that is not a heading, at the top level of the page."""

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth, self.after_title, self.in_block, self.end = 0, False, False, None

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.end is not None or tag in self.VOID:
            return
        if self.depth == 0 and self.after_title and tag not in HEADINGS:
            self.in_block = True
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.end is not None or tag in self.VOID:
            return
        self.depth -= 1
        if self.depth == 0 and tag == "h1":
            self.after_title = True
        elif self.depth == 0 and self.in_block:
            self.end = self.getpos()  # where its end tag starts


def after_opening_text(html: str) -> int | None:
    """The offset just after the page's opening text, or None if it has none."""
    parser = _OpeningText()
    parser.feed(html)
    if parser.end is None:
        return None
    line, column = parser.end
    start_of_line = sum(len(text) for text in html.splitlines(keepends=True)[:line - 1])
    return html.index(">", start_of_line + column) + 1


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    # A handout's buttons come after its title and opening text, not before them
    # (partials/content.html puts them at this mark): on a phone, the title first.
    if page.meta.get("handout") and (end := after_opening_text(html)) is not None:
        page.meta["opening_text_ends"] = OPENING_TEXT_ENDS
        return html[:end] + OPENING_TEXT_ENDS + html[end:]
    return html


def launch_chromium(playwright):
    """Debian's Chromium, headless, with nothing that reaches for the network.
    The tests and the benchmarks start it the same way."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def print_to_fit(page, paper: str, most: int) -> tuple[bytes, int]:
    """The page as a tagged PDF and its number of sheets: with its parts that
    are optional on paper where it then fits ``most`` sheets, else without them."""
    for room in (True, False):
        page.evaluate(f"room => document.documentElement.classList.toggle('{ROOM}', room)", room)
        pdf = page.pdf(format=paper, print_background=True, prefer_css_page_size=False, tagged=True, outline=True)
        if (pages := count_pages(pdf)) <= most or not page.query_selector(f".{OPTIONAL}"):
            break
    return pdf, pages


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
    edition = config["guide_edition"]
    # Links point from the whole site's folder (a language's is inside it) to the web edition.
    root = site.parent if edition.folder(edition.language) else site
    link_targets = [root.as_uri() + "/", handout_pdf.web_edition(edition.root_url)]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        for handout in _handouts:
            page.goto((site / handout.file.dest_uri).as_uri(), wait_until="load")
            # The PDF's title is the page's: the handout's own, without the site's name.
            title = handout.meta.get("title", handout.title)
            page.evaluate("title => { document.title = title; }", title)
            link_words = page.evaluate(handout_pdf.POINT_LINKS_AT_THE_WEB, link_targets)
            for pdf_file in handout.meta["handout_pdfs"]:
                large = pdf_file["large"]
                most = PRINTS["large" if large else "standard"][1]
                page.evaluate("large => document.documentElement.classList.toggle('large-print', large)", large)
                pdf, pages = print_to_fit(page, pdf_file["paper"], most)
                if pages > most:
                    source = Path(handout.file.abs_src_path).relative_to(Path(config.config_file_path).parent)
                    raise PluginError(f"{source.as_posix()} prints to {pages} pages on {pdf_file['paper']} "
                                      f"paper{' in large print' if large else ''}; it must fit {most} "
                                      f"sheet{'s' if most > 1 else ''}: shorten it")
                target = site / pdf_file["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(handout_pdf.finish(pdf, title, edition.language.replace("_", "-"), link_words))
        browser.close()
