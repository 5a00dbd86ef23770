"""Every page opens with its key message and every handout ends with its main
points: front matter checked when the page builds, put in place in its text."""
from __future__ import annotations

import pytest

from macros.loading import DataError, load_page_messages
from macros.page_parts import with_page_parts

KEY = "Rest often helps. Ask your doctor how long to rest."


def problem(meta: dict) -> str:
    with pytest.raises(DataError) as caught:
        load_page_messages(meta, "docs/page.md")
    return str(caught.value)


def test_a_page_without_a_key_message_is_named_with_the_field():
    assert "docs/page.md: front matter, field 'key_message': required field is missing" in problem({"title": "T"})


def test_a_key_message_is_two_or_three_short_sentences():
    assert "must be 2 or 3 sentences (has 1)" in problem({"key_message": "Rest often helps."})
    assert "must be 2 or 3 sentences (has 4)" in problem({"key_message": "One. Two. Three. Four."})
    long = "This sentence goes on and on with far more words than anybody who is worried and in pain should have to read at once."
    assert "has a sentence of more than 20 words" in problem({"key_message": f"Rest helps. {long}"})
    assert load_page_messages({"key_message": KEY, "title": "T"}, "docs/page.md").key_message == KEY


def test_a_handout_ends_with_main_points_and_only_a_handout_does():
    assert "field 'main_points': a handout (handout: true) ends with main_points" in \
        problem({"key_message": KEY, "handout": True})
    assert "field 'main_points': main_points are for handouts" in \
        problem({"key_message": KEY, "main_points": ["Rest.", "Ask."]})
    assert "List should have at most 3 items" in \
        problem({"key_message": KEY, "handout": True, "main_points": ["A.", "B.", "C.", "D."]})
    page = load_page_messages({"key_message": KEY, "handout": True, "main_points": ["Rest.", "Ask."]}, "p")
    assert page.main_points == ["Rest.", "Ask."]


def test_the_key_message_goes_right_under_the_title_and_the_main_points_at_the_end():
    markdown = "{# a comment #}\n# Treatment\n\nOpening text.\n\n## More\n\nText.\n"
    text = with_page_parts(markdown, "<div>KEY</div>", "<section>POINTS</section>", "docs/t.md")
    assert text.index("# Treatment") < text.index("<div>KEY</div>") < text.index("Opening text.")
    assert text.rstrip().endswith("<section>POINTS</section>")
    assert "\n\n<div>KEY</div>\n\n" in text  # an HTML block between blank lines
    assert "POINTS" not in with_page_parts(markdown, "<div>KEY</div>", None, "docs/t.md")
    with pytest.raises(ValueError, match="docs/t.md: the page has no title"):
        with_page_parts("No title here.\n", "<div>KEY</div>", None, "docs/t.md")
