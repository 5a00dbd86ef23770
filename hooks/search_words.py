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

And what the script needs to keep words without meaning from ranking: the
language's stop words, lunr's own lists (the ones its index left out), read
from the search scripts Material ships; and the words the glossary gives for
each term (lay names, other spellings), so that "leukaemia" or "physio" also
searches for the guide's own word and finds every page about the thing.

And the questions patients type (data/search_questions.yml), each with the
address of the heading that answers it, found among the headings of the built
pages: a page or heading that is not there stops the build, naming the entry.
"""
from __future__ import annotations

import json
import re
import sys
from html import unescape
from collections import defaultdict
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# MkDocs loads a hook by its path; the guide's package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.search_terms import meaningful_words, other_words, stemmer, stop_words, unaccented, words_of  # noqa: E402

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


def word_forms(words: list[str], language: str) -> dict[str, list[str]]:
    """The known words by their stem, accents set aside: the script finds a
    typed word's stem as the longest one it starts with ("dolores": "dolor").
    A language without a Snowball stemmer groups by accents alone."""
    stem = stemmer(language)
    groups: dict[str, list[str]] = defaultdict(list)
    for word in words:
        groups[stem(unaccented(word))].append(word)
    return dict(sorted(groups.items()))


# Each page of this build: its address and its headings (title, id), in order.
_pages: dict[str, tuple[str, str, list[tuple[str, str]]]] = {}


def _headings(toc) -> list[tuple[str, str]]:
    return [pair for item in toc for pair in [(unescape(item.title), item.id), *_headings(item.children)]]


def on_page_context(context, page, config: MkDocsConfig, nav):
    _pages[page.file.src_uri] = (page.url, page.title, _headings(page.toc))
    return context


def plain_words(text: str, separator: str) -> list[str]:
    """Words as the script compares a query with a question: lower case, no accents."""
    return words_of(unaccented(text), separator)


def questions(asked, separator: str, stop: set[str], file: str, docs: Path,
              pages: dict[str, tuple[str, str, list[tuple[str, str]]]]) -> list[list]:
    """For each question: [the ways it is asked (plain words), the address of its
    answer from the site's root, the heading (or page title) a result shows, the
    page's title, the words of the heading it adds to the query]."""
    found, problems = [], []
    for number, question in enumerate(asked):
        entry = f"entry questions[{number}] (id '{question.id}')"
        if question.answer not in pages:
            if not (docs / question.answer).is_file():
                problems.append(f"{file}: {entry}, field 'answer': no page docs/{question.answer}")
            continue  # a page this edition leaves out (the kiosk's offline page)
        url, title, headings = pages[question.answer]
        anchor, shown = "", title
        if question.heading:
            ids = [id for text, id in headings if text.strip() == question.heading.strip()]
            if not ids:
                problems.append(f"{file}: {entry}, field 'heading': no heading {question.heading!r} on "
                                f"{question.answer} (its headings: {'; '.join(text for text, _ in headings)})")
                continue
            anchor, shown = f"#{ids[0]}", question.heading
        adds = meaningful_words(shown, separator, stop)
        found.append([[plain_words(way, separator) for way in question.asked], url + anchor, shown, title, adds])
    if problems:
        raise PluginError("Search questions that lead nowhere:\n" + "\n".join(f"  - {p}" for p in problems))
    return found


def _script(name: str, value: object) -> str:
    return f"window.{name} = " + json.dumps(value, ensure_ascii=False, separators=(",", ":")) + ";\n"


def on_post_build(config: MkDocsConfig) -> None:
    if not config.plugins["material/search"].config.enabled:
        return  # the ZIM's search is Kiwix's own
    site = Path(config.site_dir)
    language = config.theme["language"]
    words = known_words(_index(site))
    separator = config.plugins["material/search"].config.separator
    stop = stop_words(language)
    edition = config["guide_edition"]
    project = Path(config.config_file_path).parent
    file = ("data" if edition.is_source else f"translations/{language}/data") + "/search_questions.yml"
    asked = questions(config["guide_data"].search_questions.questions, separator, set(stop), file,
                      project / "docs", _pages)
    (site / "search" / "words.js").write_text(
        _script("guideSearchWords", words) + _script("guideWordForms", word_forms(words, language))
        + _script("guideSeparator", separator) + _script("guideStopWords", stop)
        + _script("guideOtherWords", other_words(config["guide_data"].glossary.terms, separator, set(stop)))
        + _script("guideQuestions", asked),
        encoding="utf-8")


def on_pre_build(config: MkDocsConfig) -> None:
    _pages.clear()  # `mkdocs serve` rebuilds in the same process
