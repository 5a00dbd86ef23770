"""What the search box's script is given at build time (hooks/search_words.py):
the language's stop words, from lunr's own lists, and the words a lay name or
other spelling adds to a query."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from conftest import CONFIG, ROOT
from hooks.search_words import questions, word_forms
from macros.search_terms import other_words, stop_words
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


def built_pages() -> dict:
    return {"is-it-serious.md": ("is-it-serious/", "Is it serious?",
                                 [("Is it serious?", "is-it-serious"), ("Could it be cancer?", "could-it-be-cancer")])}


def test_a_question_leads_to_the_heading_that_answers_it():
    terms = load_guide_data(ROOT / "data").search_questions.questions
    asked = [q for q in terms if q.answer == "is-it-serious.md" and q.heading == "Could it be cancer?"]
    (found,) = questions(asked, SEPARATOR, {"it", "be", "is"}, "data/search_questions.yml", ROOT / "docs",
                         built_pages())
    assert found[0][0] == ["is", "it", "cancer"]
    assert found[1:] == ["is-it-serious/#could-it-be-cancer", "Could it be cancer?", "Is it serious?", ["could", "cancer"]]


def test_a_question_whose_page_or_heading_is_not_there_stops_the_build_naming_it():
    data = load_guide_data(ROOT / "data").search_questions.questions[0]
    wrong_heading = data.model_copy(update={"heading": "Could it be a tumor?"})
    wrong_page = data.model_copy(update={"answer": "is-it-grave.md", "id": "grave"})
    with pytest.raises(PluginError) as caught:
        questions([wrong_heading, wrong_page], SEPARATOR, set(), "data/search_questions.yml", ROOT / "docs",
                  built_pages())
    message = str(caught.value)
    assert ("data/search_questions.yml: entry questions[0] (id 'is-it-cancer'), field 'heading': no heading "
            "'Could it be a tumor?' on is-it-serious.md (its headings: Is it serious?; Could it be cancer?)") in message
    assert "entry questions[1] (id 'grave'), field 'answer': no page docs/is-it-grave.md" in message
