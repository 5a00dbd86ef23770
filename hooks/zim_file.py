"""MkDocs hook, Kiwix edition only (mkdocs-zim.yml): pack the built pages of
this language, and the files they use, into one ZIM file with its own
full-text index, named by Kiwix's convention (<name>_en_all_2026-12.zim).

It is written into the top of the build's folder, beside the pages (with the
Spanish pages in es/, the Spanish ZIM still goes at the top); `make zim` moves
the files into site-zim/. It runs after every other hook, once the handouts'
PDFs are printed. `mkdocs serve` writes none.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# MkDocs loads a hook by its path; the guide's package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import zim_book  # noqa: E402
from macros.build_log import side_log  # noqa: E402
from macros.preparing import is_real_address  # noqa: E402

notice = side_log("guide.notice", "NOTE")

_pages: list[zim_book.Page] = []
_writing = {"on": True}
# This build's book and picture, made and checked when the config loads.
_made: dict[str, zim_book.Book | bytes] = {}


def on_startup(command: str, dirty: bool) -> None:
    _writing["on"] = command != "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    _pages.clear()


@event_priority(50)  # after hooks/guide_setup.py has checked the settings; before the pages
def on_config(config: MkDocsConfig) -> None:
    """A ZIM's metadata and picture are made and checked when the build starts,
    not once its pages and PDFs are made."""
    _made.clear()
    settings = config["guide_settings"]
    if settings.zim is not None:
        try:
            _made["book"] = book = _book(config)
            book.metadata()
            _made["picture"] = zim_book.illustration(Path(config.docs_dir) / settings.zim.illustration)
        except zim_book.ZimError as error:
            raise PluginError(str(error)) from None


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    if _made:
        # The home page is listed by the guide's name; every other page by its own title.
        title = config.site_name if page.is_homepage else (page.meta.get("title") or page.title)
        _pages.append(zim_book.Page(page.url, str(title), page.file.src_uri))
    return context


def _book(config: MkDocsConfig) -> zim_book.Book:
    settings = config["guide_settings"]
    zim, edition = settings.zim, config["guide_edition"]
    return zim_book.Book(
        name=zim.name, title=zim.title, description=zim.description, long_description=config.site_description,
        publisher=settings.publisher, language=edition.language, tags=zim.tags, day=date.today(),
        license=zim.license, source=config.site_url if is_real_address(config.site_url) else None,
        where=config["guide_settings_files"])


@event_priority(-100)  # last: the PDFs are printed and the stylesheets final
def on_post_build(config: MkDocsConfig) -> None:
    if not _made or not _writing["on"]:
        return
    site, edition = Path(config.site_dir), config["guide_edition"]
    top = site.parent if edition.folder(edition.language) else site
    book, picture = _made["book"], _made["picture"]
    data = config["guide_data"]
    words = zim_book.Words(config.plugins["material/search"].config.separator, edition.language)
    try:
        files = zim_book.entries(site, _pages, words, data.glossary.terms, data.search_questions.questions)
        zim_book.write_zim(top / zim_book.file_name(book.name, book.language, book.day), site, files, book, picture)
    except zim_book.ZimError as error:
        raise PluginError(str(error)) from None
    if not book.license:
        notice.info("The ZIM names no licence: the guide has none yet. When its publisher chooses one, "
                    "set GUIDE_LICENSE (such as CC-BY-SA-4.0) when you run make zim.")
    if not book.source:
        notice.info("The ZIM names no source address: set SITE_URL to the guide's web address when you "
                    "run make zim.")
