"""MkDocs hook: write the words that search knows, for the search box's spelling
help (docs/assets/javascripts/search-correction.js).

After the search plugin has written its index, every word of three letters or
more in it goes, once, into search/words.js. It is a script, not JSON, so the
kiosk can load it from a folder (file://), where a browser fetches no JSON.

Beside them go the groups of words that are forms of one word in the page's
language, by their stem: another ending ("dolor", "dolores") or other accents
("cancer", "cáncer"). Material's search matches the start of a word as typed, so
"dolores" would miss "dolor"; the script adds the other forms to the query. Stems come
from the Snowball stemmers (the `snowballstemmer` package), which lunr's own
stemmers are ports of.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import snowballstemmer
from babel import Locale
from mkdocs.config.defaults import MkDocsConfig

WORD = re.compile(r"[^\W\d_]{3,}")


def _index(site: Path) -> dict:
    """The search index the search plugin wrote: JSON on the web, a script on the kiosk."""
    as_json = site / "search" / "search_index.json"
    if as_json.exists():
        return json.loads(as_json.read_text(encoding="utf-8"))
    script = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    return json.loads(script[script.index("{"):script.rindex("}") + 1])


def known_words(index: dict) -> list[str]:
    words: set[str] = set()
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
        words.update(word.lower() for word in WORD.findall(text))
    return sorted(words)


def unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def word_forms(words: list[str], language: str) -> dict[str, list[str]]:
    """The known words by their stem, accents set aside: the script finds a
    typed word's stem as the longest one it starts with ("dolores": "dolor").
    A language without a Snowball stemmer groups by accents alone."""
    name = Locale.parse(language).get_display_name("en").lower()
    stem = snowballstemmer.stemmer(name).stemWord if name in snowballstemmer.algorithms() else str
    groups: dict[str, list[str]] = defaultdict(list)
    for word in words:
        groups[stem(unaccented(word))].append(word)
    return dict(sorted(groups.items()))


def _script(name: str, value: object) -> str:
    return f"window.{name} = " + json.dumps(value, ensure_ascii=False, separators=(",", ":")) + ";\n"


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    words = known_words(_index(site))
    (site / "search" / "words.js").write_text(
        _script("guideSearchWords", words) + _script("guideWordForms", word_forms(words, config.theme["language"])),
        encoding="utf-8")
