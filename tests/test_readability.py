"""Plain language, measured: no page above Flesch-Kincaid grade 8, mean at most 7."""
from __future__ import annotations

from statistics import mean

from scripts.readability import prose_of, score_site


def test_prose_leaves_out_tables_and_the_page_foot():
    html = ("<article><p>Short one.</p><table><tr><td>Osteomyelitis hyperparathyroidism.</td></tr></table>"
            "<ul><li>A list item</li></ul><aside class=\"page-foot\"><p>Foot text.</p></aside></article>"
            "<p>Outside.</p>")
    assert prose_of(html) == "Short one. A list item."


def test_every_page_reads_at_grade_8_or_below_and_the_mean_at_7(built_site):
    scores = score_site(built_site)
    assert len(scores) >= 14
    too_hard = {s.page: s.flesch_kincaid for s in scores if s.flesch_kincaid > 8}
    assert too_hard == {}
    assert mean(s.flesch_kincaid for s in scores) <= 7


def test_pages_have_enough_prose_to_measure(built_site):
    # A page measured on a handful of words would pass the grade test by accident.
    thin = [s.page for s in score_site(built_site) if s.words < 30]
    assert thin == []
