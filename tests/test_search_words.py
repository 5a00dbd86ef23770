"""What the search box's script is given at build time (hooks/search_words.py):
the language's stop words, from lunr's own lists, and the words a lay name or
other spelling adds to a query."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from conftest import CONFIG, ROOT
from hooks.search_words import other_words, stop_words, word_forms
from macros.loading import load_guide_data

SEPARATOR = CONFIG["plugins"]["search"]["separator"]


def test_stop_words_are_lunrs_own_for_each_language():
    english, spanish = set(stop_words("en")), set(stop_words("es"))
    assert {"the", "is", "it", "i", "to", "when"} <= english and "pain" not in english
    assert {"de", "la", "el", "es"} <= spanish and "dolor" not in spanish and "rodilla" not in spanish


def test_a_language_lunr_has_no_stop_words_for_stops_the_build_naming_it(tmp_path):
    with pytest.raises(PluginError, match="No stop words for language 'xx'"):
        stop_words("xx", tmp_path)


def test_lay_names_and_other_spellings_add_the_guides_own_words():
    terms = load_guide_data(ROOT / "data").glossary.terms
    added = {" ".join(phrase): words for phrase, words in other_words(terms, SEPARATOR, set(stop_words("en")))}
    # A spelling of as many words as the term: only the word that differs.
    assert added["leukaemia"] == ["leukemia"] and added["tumour"] == ["tumor"] and added["oedema"] == ["edema"]
    # A lay name: the term's own words, and its short form.
    assert added["physio"] == ["physical", "therapy"]
    assert added["broken bone"] == ["fracture"]
    assert added["bone density scan"][-1] == "dxa"


def test_word_forms_group_a_words_plural_and_accents():
    groups = word_forms(["dolor", "dolores", "cancer", "cáncer", "rodilla"], "es")
    assert ["dolor", "dolores"] in groups.values() and ["cancer", "cáncer"] in groups.values()
