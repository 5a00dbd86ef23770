"""Which languages the guide comes in, and which one a build makes.

Each language is its own MkDocs build (Material's model): the source language
(theme.language in mkdocs.yml) at the site's root, every other one listed in
``extra.translations`` in a folder of its own name (``es/``), with its own
search index. ``GUIDE_LANGUAGE=es mkdocs build`` builds Spanish; ``make build``
builds them all, the source language first.
"""
from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from xml.etree import ElementTree

from urllib.parse import urlsplit

from babel import Locale
from mkdocs.utils import get_relative_url

LANGUAGE_VARIABLE = "GUIDE_LANGUAGE"


class LanguageError(ValueError):
    """A build asked for a language the guide does not have."""


@dataclass(frozen=True)
class LanguageEdition:
    language: str                 # the language this build makes
    languages: tuple[str, ...]    # every language of the guide, the source first
    root_url: str | None = None   # the published address of the source language's home

    @property
    def source(self) -> str:
        return self.languages[0]

    @property
    def is_source(self) -> bool:
        return self.language == self.source

    def folder(self, language: str) -> str:
        """Where a language's pages sit below the site's root: "" or "es/"."""
        return "" if language == self.source else f"{language}/"

    def link(self, target: str, page_url: str | None) -> str:
        """A relative link from this build's page (its ``page.url``) to ``target``,
        a path from the top of the whole site: it works from a folder too. The
        404 page (no page.url) is served at any address: its link starts at "/"."""
        if page_url is None:
            return urlsplit(self.root_url or "/").path.rstrip("/") + "/" + target
        return get_relative_url(target, self.folder(self.language) + page_url)

    def twin(self, language: str, page_url: str) -> str:
        """A relative link from this page to the same page in ``language``."""
        return self.link(self.folder(language) + page_url, page_url)

    def address(self, language: str, page_url: str) -> str | None:
        """A page's published address in ``language`` (for hreflang links)."""
        return f"{self.root_url.rstrip('/')}/{self.folder(language)}{page_url}" if self.root_url else None

    # On the kiosk the source language's home page opens on the choice of
    # language; this is the id of its top, past the choice (kiosk.css, kiosk.js).
    PAST_CHOICE = "start"

    def past_choice(self, language: str) -> str:
        """What a link to the kiosk's home page in ``language`` ends with, to open
        it past the choice of language: "#start" in the source language, when
        the guide has more than one."""
        return f"#{self.PAST_CHOICE}" if language == self.source and len(self.languages) > 1 else ""

    def past_the_choice(self, href: str, page_url: str) -> str:
        """``href``, a link on this build's page, made to open past the choice of
        language when it leads to the source language's home page (the kiosk's
        logo, menu, Home button and language links all then go to its start)."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or parts.fragment or not self.past_choice(self.source):
            return href
        page = self.folder(self.language) + page_url
        path = posixpath.join(posixpath.dirname(page), parts.path) if parts.path else page
        if path.endswith("/") or posixpath.basename(path) in (".", ""):
            path = posixpath.join(path, "index.html")
        return href + self.past_choice(self.source) if posixpath.normpath(path) == "index.html" else href

    def others(self) -> tuple[str, ...]:
        return tuple(language for language in self.languages if language != self.language)

    @staticmethod
    def name(language: str) -> str:
        """A language's name in its own words, as a reader looks for it: "Español"."""
        name = Locale.parse(language).get_display_name(language)
        return name[:1].upper() + name[1:]


SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def sitemap_with_languages(sitemap: str, edition: LanguageEdition) -> str:
    """The sitemap MkDocs wrote for this language, each page with its address in
    every language (hreflang, and x-default: the source language), as search
    engines read them from a sitemap."""
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    root = ElementTree.fromstring(sitemap)
    here = edition.address(edition.language, "") or ""
    for url in root.findall(f"{{{SITEMAP}}}url"):
        loc = url.find(f"{{{SITEMAP}}}loc")
        if loc is None or not loc.text or not loc.text.startswith(here):
            continue
        page_url = loc.text[len(here):]
        for language in (*edition.languages, "x-default"):
            link = ElementTree.SubElement(url, f"{{{XHTML}}}link")
            link.set("rel", "alternate")
            link.set("hreflang", language.replace("_", "-"))
            link.set("href", edition.address(edition.source if language == "x-default" else language, page_url) or "")
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)


def chosen_edition(source: str, translations: list[str], root_url: str | None = None,
                   environ: os._Environ | dict = os.environ) -> LanguageEdition:
    """The edition the environment asks for (GUIDE_LANGUAGE), the source language by default."""
    languages = (source, *translations)
    language = environ.get(LANGUAGE_VARIABLE) or source
    if language not in languages:
        raise LanguageError(f"{LANGUAGE_VARIABLE}={language} is not one of the guide's languages "
                            f"({', '.join(languages)}); a new language is added to extra.translations "
                            f"in mkdocs.yml")
    return LanguageEdition(language, languages, root_url)
