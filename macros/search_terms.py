"""The words search matches on, in every language: a text's words split as
Material's search splits them, without the stop words lunr leaves out of its
index, and the words patients use for a glossary term (its lay names and other
spellings) beside the guide's own. The site's search (hooks/search_words.py)
and the ZIM's index (macros/zim_book.py) both use them.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Callable

import material
import snowballstemmer
from babel import Locale
from mkdocs.exceptions import PluginError

# Where lunr's stop words are, in the scripts Material ships: English in the
# search worker (lunr itself), other languages in lunr-languages' files.
SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
ENGLISH_STOP_WORDS = re.compile(r"stopWordFilter=\w+\.generateStopWordFilter\(\[([^\]]*)\]\)")
OTHER_STOP_WORDS = re.compile(r'generateStopWordFilter\("([^"]*)"\.split\(" "\)\)')


def unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@functools.lru_cache
def stemmer(language: str) -> Callable[[str], str]:
    """A word's stem in ``language`` ("dolores": "dolor"), from the Snowball
    stemmers, which lunr's own are ports of; a language without one: the word."""
    name = Locale.parse(language).get_display_name("en").lower()
    return snowballstemmer.stemmer(name).stemWord if name in snowballstemmer.algorithms() else str


def stop_words(language: str, scripts: Path = SCRIPTS) -> list[str]:
    """The words lunr leaves out of the index in ``language`` ("the", "de"...)."""
    base = re.split(r"[_-]", language)[0]
    if base == "en":
        files, pattern = sorted((scripts / "workers").glob("search.*.min.js")), ENGLISH_STOP_WORDS
    else:
        files, pattern = [scripts / "lunr" / "min" / f"lunr.{base}.min.js"], OTHER_STOP_WORDS
    for file in files:
        if file.is_file() and (found := pattern.search(file.read_text(encoding="utf-8"))):
            words = json.loads(f"[{found.group(1)}]") if base == "en" else found.group(1).split()
            return sorted(set(words))
    raise PluginError(f"No stop words for language '{language}' in {', '.join(map(str, files)) or scripts}: "
                      "search needs lunr's list for every language of the guide")


def words_of(text: str, separator: str) -> list[str]:
    return [word for word in re.split(separator, text.lower()) if word]


def meaningful_words(text: str, separator: str, stop: set[str]) -> list[str]:
    """The words of ``text`` that search matches on: its stop words left out."""
    return [word for word in words_of(text, separator) if word not in stop]


def other_words(terms, separator: str, stop: set[str]) -> list[list[list[str]]]:
    """For each lay name or other spelling the glossary gives a term, [its words,
    the words it adds to a query that holds them all]: the term's own words and
    short form ("physio" -> physical, therapy). A spelling of as many words as the
    term's adds only the words that differ ("leukaemia" -> leukemia), so a query
    for one of them finds every page about the thing, not the glossary alone."""
    entries: list[list[list[str]]] = []
    for term in terms:
        mine = meaningful_words(term.term, separator, stop)
        own = mine + ([term.abbreviation.lower()] if term.abbreviation else [])
        for name in [*term.also_spelled, *term.also_called]:
            theirs = meaningful_words(name, separator, stop)
            if name in term.also_spelled and len(theirs) == len(mine):
                pairs = [([a], [b]) for a, b in zip(theirs, mine) if a != b]
            else:
                pairs = [(theirs, [word for word in own if word not in theirs])]
            entries += [[phrase, added] for phrase, added in pairs if phrase and added]
    return entries
