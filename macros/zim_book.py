"""The Kiwix edition's ZIM file: what it says of itself (checked against
zimcheck's rules), its name, which built files it holds, the words Kiwix's
search finds each page by, and writing it with python-libzim.

Nothing here needs MkDocs: hooks/zim_file.py gathers the pages and settings of
a build and hands them over.
"""
from __future__ import annotations

import contextlib
import functools
import io
import os
import posixpath
import re
import sys
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Iterable, Iterator, Sequence
from urllib.parse import unquote, urlsplit

import lxml.html
import pycountry
from libzim.writer import Creator, FileProvider, Hint, IndexData, Item  # type: ignore[import-untyped]
from PIL import Image, UnidentifiedImageError

from .models import GlossaryTerm, SearchQuestion
from .search_terms import other_words, stemmer, stop_words, unaccented, words_of

# What made the ZIM, as Kiwix's library shows it.
SCRAPER = ", ".join(f"{name} {version(package)}" for name, package in (
    ("MkDocs", "mkdocs"), ("Material for MkDocs", "mkdocs-material"), ("python-libzim", "libzim")))
ILLUSTRATION_SIZE = 48
# zimcheck's limits (openzim/zim-tools, src/metadata_constraints.cpp).
LONG_DESCRIPTION_MOST = 4000
# What a file is, by its ending; anything else in a build stops the ZIM, named.
MIMETYPES = {".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml",
             ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp",
             ".pdf": "application/pdf", ".json": "application/json", ".woff2": "font/woff2",
             ".txt": "text/plain"}
# Already packed: compressing them again gains nothing.
PACKED = {"image/png", "image/jpeg", "image/webp", "application/pdf", "font/woff2"}
BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption", "figcaption", "div",
          "br", "tr", "section", "summary", "details", "blockquote")
# What every page repeats (header, menus, page foot) lies between these
# comments (overrides/main.html), which Kiwix's search leaves out, as Xapian's
# HTML parser does: the index leaves it out too.
UNINDEXED = re.compile(r"<!--htdig_noindex-->.*?<!--/htdig_noindex-->", re.S)
# Parts of a page's article that are not its own text: the search index leaves
# them out, as Material's own search does (data-search-exclude).
NOT_INDEXED = ("//*[@data-search-exclude]", "//*[contains(concat(' ', @class, ' '), ' handout-actions ')]",
               "//script", "//style")


class ZimError(ValueError):
    """A ZIM that cannot be made as its settings ask: the message names the file and setting."""


@dataclass(frozen=True)
class Words:
    """How a language's text splits into words (Material's search separator),
    which carry no meaning (lunr's stop words), and their stems."""

    separator: str
    language: str

    @functools.cached_property
    def stop(self) -> set[str]:
        return set(stop_words(self.language))

    def split(self, text: str) -> list[str]:
        return words_of(text, self.separator)

    def stem(self, word: str) -> str:
        return stemmer(self.language)(unaccented(word))


@dataclass(frozen=True)
class Page:
    """A built page that becomes an article."""

    path: str     # below the edition's folder: "causes.html"
    title: str    # as Kiwix lists it and its title search finds it
    source: str   # its file under docs/: "causes.md"


@dataclass(frozen=True)
class Entry:
    path: str
    mimetype: str
    title: str = ""           # an article's; other files have none
    keywords: str = ""        # words the search finds the page by that its text may not hold
    text: str = ""            # the page's own text, for the full-text index
    front: bool = False       # an article: listed, searched, picked at random

    @property
    def compress(self) -> bool:
        return self.mimetype not in PACKED


def book_name(name: str, language: str) -> str:
    """The book's Name in Kiwix's library, by its convention: patient-guide_en_all."""
    return f"{name}_{language.lower().replace('_', '-')}_all"


def file_name(name: str, language: str, day: date) -> str:
    """The ZIM's file name, by Kiwix's convention: patient-guide_en_all_2026-12.zim."""
    return f"{book_name(name, language)}_{day:%Y-%m}.zim"


def iso_639_3(language: str) -> str:
    """A language code as ZIM metadata gives it: "es" and "es_MX" are "spa"."""
    base = re.split(r"[_-]", language)[0].lower()
    found = pycountry.languages.get(**{"alpha_2" if len(base) == 2 else "alpha_3": base})
    if found is None:
        raise ZimError(f"'{language}' is not a language Kiwix knows (ISO 639): check theme.language "
                       "and extra.translations in mkdocs.yml")
    return found.alpha_3


@dataclass(frozen=True)
class Book:
    """What a ZIM says of itself, each value with the setting it comes from."""

    name: str
    title: str
    description: str
    long_description: str
    publisher: str
    language: str            # the guide's code: "en", "es"
    tags: Sequence[str]
    day: date
    license: str | None = None
    source: str | None = None
    where: str = "mkdocs-zim.yml"   # the settings file(s) the words come from

    def metadata(self) -> dict[str, str]:
        """The ZIM's metadata; a value that breaks zimcheck's rules stops here,
        naming its setting (the settings model checks titles' and descriptions' lengths)."""
        if len(self.long_description.encode()) > LONG_DESCRIPTION_MOST:
            raise ZimError(f"{self.where}: site_description is the ZIM's long description: "
                           f"it must be {LONG_DESCRIPTION_MOST} bytes at most "
                           f"(got {len(self.long_description.encode())})")
        if len(self.long_description.encode()) < len(self.description.encode()):
            raise ZimError(f"{self.where}: site_description is the ZIM's long description: it must not be "
                           f"shorter than extra.zim.description (got {self.long_description!r})")
        values = {"Name": book_name(self.name, self.language), "Title": self.title,
                  "Description": self.description, "LongDescription": self.long_description,
                  "Creator": self.publisher, "Publisher": self.publisher, "Date": self.day.isoformat(),
                  "Language": iso_639_3(self.language),
                  # Every ZIM made here has a full-text index: Kiwix's library says so by this tag.
                  "Tags": ";".join([*self.tags, "_ftindex:yes"]),
                  "License": self.license, "Source": self.source, "Scraper": SCRAPER}
        return {key: value for key, value in values.items() if value}


def illustration(image_file: Path, setting: str = "extra.zim.illustration") -> bytes:
    """The book's picture for Kiwix: the square PNG ``image_file``, 48 pixels wide."""
    try:
        with Image.open(image_file) as image:
            if image.width != image.height or image.width < ILLUSTRATION_SIZE:
                raise ZimError(f"{setting}: {image_file.name} must be square and {ILLUSTRATION_SIZE} pixels "
                               f"wide at least (got {image.width}×{image.height})")
            small = image.convert("RGBA").resize((ILLUSTRATION_SIZE, ILLUSTRATION_SIZE), Image.LANCZOS)
    except (OSError, UnidentifiedImageError) as error:
        raise ZimError(f"{setting}: {image_file.name} is not a picture that can be read ({error})") from None
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- Which files, and the words each page is found by -------------------------

URL_IN_CSS = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


def _local(reference: str, here: str) -> str | None:
    """The ZIM path ``reference`` (from a file at ``here``) leads to, or None
    for another site, a fragment or data."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path)))


def references(path: str, file: Path) -> Iterator[str]:
    """The files of the site a page or stylesheet uses or links to (other
    files, pictures and PDFs, link to none and are not read)."""
    if path.endswith(".html"):
        tree = lxml.html.fromstring(file.read_bytes())
        found = [value for attribute in ("href", "src") for value in tree.xpath(f"//@{attribute}")]
        found += [match for style in tree.xpath("//style/text()") for match in URL_IN_CSS.findall(style)]
    elif path.endswith(".css"):
        found = URL_IN_CSS.findall(file.read_text(encoding="utf-8"))
    else:
        found = []
    for reference in found:
        target = _local(str(reference), path)
        if target:
            yield target


def files_used(folder: Path, pages: Iterable[str]) -> list[str]:
    """The pages, and every file of ``folder`` they use, in turn: what the ZIM
    holds. Files only another edition uses (the web's search, the kiosk's
    scripts) are left out. A link to a file that is not there stops the ZIM."""
    seen: dict[str, None] = {}
    waiting = list(pages)
    while waiting:
        path = waiting.pop()
        if path in seen:
            continue
        file = folder / path
        if not file.is_file():
            raise ZimError(f"{path} is linked from the site but was not built: every link in a ZIM must lead "
                           "to a file in it")
        seen[path] = None
        waiting += [target for target in references(path, file) if target not in seen]
    return sorted(seen)


def mimetype(path: str) -> str:
    # Our own table, not the machine's (/etc/mime.types differs from one to another).
    kind = MIMETYPES.get(Path(path).suffix.lower())
    if not kind:
        raise ZimError(f"{path}: no known kind of file (its ending): add it to MIMETYPES in macros/zim_book.py")
    return kind


def page_text(content: bytes) -> str:
    """A page's own words, for the full-text index: its article, without the
    menus, the page foot every page repeats, or what search leaves out."""
    tree = lxml.html.fromstring(UNINDEXED.sub("", content.decode("utf-8")))
    articles = tree.xpath("//article") or [tree]
    for path in NOT_INDEXED:
        for element in articles[0].xpath("." + path):
            element.drop_tree()
    for element in articles[0].iter(*BLOCKS):
        # A block's words end at its edge: "<h1>Tests</h1><p>An" is "Tests An", not "TestsAn".
        element.tail = " " + (element.tail or "")
    return " ".join(articles[0].text_content().split())


def search_keywords(text: str, source: str, words_in: Words, terms: Iterable[GlossaryTerm],
                    questions: Iterable[SearchQuestion]) -> str:
    """The words patients use for what the page says, which Kiwix's index
    finds it by too: the lay names and other spellings of each glossary term
    the page uses, in any form ("leukaemia" for a page that says "leukemia",
    "tumour" for "tumors", "physio" for "physical therapy", "cat scan" for
    "CT"), the ways the questions the page answers are typed, and its words
    without their accents ("radiografia"), as many people type them: Kiwix
    matches accents as typed."""
    said = set(words_in.split(text))
    stems = {words_in.stem(word) for word in said}
    words = []
    for term in terms:
        # A short form is the term's own name: "CT" brings all that "computed tomography" would.
        named = bool(term.abbreviation) and term.abbreviation.lower() in said
        for phrase, guides in other_words([term], words_in.separator, words_in.stop):
            if named or all(words_in.stem(word) in stems for word in guides):
                words += phrase
    words += [way for question in questions if question.answer == source for way in question.asked]
    words += sorted(unaccented(word) for word in said if unaccented(word) != word)
    return " ".join(dict.fromkeys(words))


def entries(folder: Path, pages: Sequence[Page], words_in: Words, terms: Sequence[GlossaryTerm],
            questions: Sequence[SearchQuestion]) -> list[Entry]:
    """Each file the ZIM holds: the pages as articles, with their text and
    keywords for the index, and the files they use."""
    articles = {page.path: page for page in pages}
    out = []
    for path in files_used(folder, articles):
        page = articles.get(path)
        if page is None:
            out.append(Entry(path, mimetype(path)))
            continue
        text = page_text((folder / path).read_bytes())
        out.append(Entry(path, "text/html", page.title, search_keywords(text, page.source, words_in, terms, questions),
                         text, front=True))
    return out


# --- Writing -------------------------------------------------------------------

class _Index(IndexData):
    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def has_indexdata(self) -> bool:
        return True

    def get_title(self) -> str:
        return self.entry.title

    def get_content(self) -> str:
        return self.entry.text

    def get_keywords(self) -> str:
        return self.entry.keywords

    def get_wordcount(self) -> int:
        return len(self.entry.text.split())

    def get_geoposition(self):
        return None


class _Item(Item):
    def __init__(self, entry: Entry, file: Path) -> None:
        super().__init__()
        self.entry, self.file = entry, file

    def get_path(self) -> str:
        return self.entry.path

    def get_title(self) -> str:
        return self.entry.title

    def get_mimetype(self) -> str:
        return self.entry.mimetype

    def get_contentprovider(self) -> FileProvider:
        # libzim reads the file when it packs it: the build's files are not all held in memory.
        return FileProvider(str(self.file))

    def get_hints(self) -> dict:
        return {Hint.FRONT_ARTICLE: self.entry.front, Hint.COMPRESS: self.entry.compress}

    def get_indexdata(self) -> IndexData | None:
        return _Index(self.entry) if self.entry.front else None


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """libzim prints its progress ("Resolve redirect") on standard output
    itself, past Python: the build's log stays MkDocs' own."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as nowhere:
            os.dup2(nowhere.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def write_zim(target: Path, folder: Path, files: Sequence[Entry], book: Book, picture: bytes,
              main_page: str = "index.html") -> None:
    """Write the ZIM at ``target``: in full or not at all (it is written beside
    it first, and put in place once complete)."""
    metadata = book.metadata()
    partial = target.with_name(target.name + ".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _quiet(), Creator(str(partial)).config_indexing(True, metadata["Language"]) as creator:
            creator.set_mainpath(main_page)
            creator.add_illustration(ILLUSTRATION_SIZE, picture)
            for name, value in metadata.items():
                creator.add_metadata(name, value)
            for entry in files:
                creator.add_item(_Item(entry, folder / entry.path))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
