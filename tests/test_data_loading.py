"""The data files load, and every kind of mistake in them is named clearly."""
from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
import yaml

from macros.loading import DATA_FILES, DataError, load_guide_data

from conftest import ROOT


@pytest.fixture
def data_dir(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def edit(data_dir: Path, file_name: str, change) -> None:
    """Apply ``change`` to the parsed YAML of one data file and write it back."""
    path = data_dir / file_name
    raw = yaml.safe_load(path.read_text())
    change(raw)
    path.write_text(yaml.safe_dump(raw, sort_keys=False))


def problem_text(data_dir: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_guide_data(data_dir)
    return str(caught.value)


def test_real_data_loads_with_every_file():
    data = load_guide_data(ROOT / "data")
    assert len(data.causes.causes) >= 19
    assert {c.category for c in data.causes.causes} == {c.id for c in data.causes.categories}
    assert sorted(DATA_FILES) == sorted(p.name for p in (ROOT / "data").glob("*.yml"))


def test_wrong_type_names_file_entry_and_field(data_dir):
    edit(data_dir, "treatments.yml", lambda d: d["treatments"][0].update(name=42))
    message = problem_text(data_dir)
    assert "data/treatments.yml" in message
    assert "treatments[0] (id 'rest')" in message
    assert "field 'name'" in message


def test_missing_field_names_file_entry_and_field(data_dir):
    edit(data_dir, "causes.yml", lambda d: d["causes"][2].pop("explanation"))
    message = problem_text(data_dir)
    assert "data/causes.yml: entry causes[2] (id 'bone-bruise'), field 'explanation'" in message
    assert "required field is missing" in message


def test_unknown_field_names_file_entry_and_field(data_dir):
    edit(data_dir, "symptoms.yml", lambda d: d["symptoms"][1].update(explanaton="typo"))
    message = problem_text(data_dir)
    assert "data/symptoms.yml: entry symptoms[1] (id 'swelling-under-skin'), field 'explanaton'" in message
    assert "unknown field" in message


def test_unknown_category_names_file_and_field(data_dir):
    edit(data_dir, "causes.yml", lambda d: d["causes"][9].update(category="metabolc"))
    message = problem_text(data_dir)
    assert "data/causes.yml: entry causes[9] (id 'osteoporosis'), field 'category'" in message
    assert "unknown category 'metabolc'" in message


def test_duplicate_id_names_file_and_entry(data_dir):
    edit(data_dir, "diagnostic_tests.yml", lambda d: d["tests"][3].update(id="xray"))
    message = problem_text(data_dir)
    assert "data/diagnostic_tests.yml: entry tests[4] (id 'xray'), field 'id'" in message
    assert "duplicate id" in message


def test_broken_cross_reference_names_the_missing_target(data_dir):
    edit(data_dir, "glossary.yml", lambda d: d["terms"][1].update(see_also=["no-such-term"]))
    message = problem_text(data_dir)
    assert "data/glossary.yml: entry terms[1] (id 'bone-marrow'), field 'see_also'" in message
    assert "'no-such-term'" in message


def test_care_card_with_more_than_five_bullets_is_refused(data_dir):
    edit(data_dir, "care_cards.yml", lambda d: d["cards"][0].update(bullets=["a", "b", "c", "d", "e", "f"]))
    message = problem_text(data_dir)
    assert "entry cards[0] (id 'find-the-cause'), field 'bullets'" in message


def test_unknown_level_shows_what_was_given(data_dir):
    edit(data_dir, "treatments.yml", lambda d: d["treatments"][0].update(level="sometimes"))
    message = problem_text(data_dir)
    assert "field 'level'" in message and "'sometimes'" in message


def test_broken_yaml_names_file_and_line(data_dir):
    (data_dir / "body_locations.yml").write_text("locations:\n  - id: hip\n   name: [Hip\n")
    message = problem_text(data_dir)
    assert "data/body_locations.yml: line" in message and "not valid YAML" in message


def test_missing_file_is_named(data_dir):
    (data_dir / "pain_phases.yml").unlink()
    assert "data/pain_phases.yml: the file" in problem_text(data_dir)


def test_every_problem_is_reported_at_once(data_dir):
    edit(data_dir, "causes.yml", lambda d: d["causes"][0].pop("name"))
    edit(data_dir, "treatments.yml", lambda d: d["treatments"][1].update(cost=3))
    message = problem_text(data_dir)
    assert "data/causes.yml" in message and "data/treatments.yml" in message


def test_page_review_front_matter_is_checked_and_named():
    from macros.loading import load_page_review

    assert load_page_review({}, "docs/x.md") is None
    with pytest.raises(DataError) as caught:
        load_page_review({"review": {"last_reviewed": "soon", "next_review": "2027-01-01"}}, "docs/x.md")
    message = str(caught.value)
    assert "docs/x.md: front matter 'review', field 'last_reviewed'" in message
    assert "docs/x.md: front matter 'review', field 'reviewed_by': required field is missing" in message


def test_review_overdue_only_after_the_due_date():
    from macros.loading import review_overdue
    from macros.models import PageReview

    review = PageReview(last_reviewed=datetime.date(2025, 1, 1), next_review=datetime.date(2026, 1, 1),
                        reviewed_by="Clinic lead nurse")
    assert review_overdue(review, "docs/a.md", datetime.date(2026, 1, 1)) is None
    assert review_overdue(review, "docs/a.md", datetime.date(2026, 1, 2)) == \
        "docs/a.md: clinical review was due on 2026-01-01"
    assert review_overdue(None, "docs/a.md", datetime.date(2030, 1, 1)) is None


def test_abbreviation_explained_twice_names_the_second_term(data_dir):
    edit(data_dir, "glossary.yml", lambda d: d["terms"][3].update(abbreviation="MRI"))
    message = problem_text(data_dir)
    assert "data/glossary.yml: entry terms[18] (id 'mri'), field 'abbreviation'" in message
    assert "'MRI' is already explained by another term" in message


def test_levels_and_kinds_are_declared_in_their_files(data_dir):
    edit(data_dir, "care_cards.yml", lambda d: d["cards"][0].update(level="urgent"))
    edit(data_dir, "diagnostic_tests.yml", lambda d: d["tests"][0].update(kind="scan"))
    message = problem_text(data_dir)
    assert ("data/care_cards.yml: entry cards[0] (id 'find-the-cause'), field 'level': "
            "unknown level 'urgent'; known: soon, today, emergency") in message
    assert "data/diagnostic_tests.yml: entry tests[0] (id 'medical-history'), field 'kind'" in message


def test_only_a_scan_says_whether_it_shows_the_condition(data_dir):
    edit(data_dir, "diagnostic_tests.yml", lambda d: d["tests"][2].update(shows_condition=True))
    message = problem_text(data_dir)
    assert "entry tests[2] (id 'blood-tests'), field 'shows_condition'" in message
    assert "kind 'lab' is not a scan" in message


def test_a_plural_needs_its_abbreviation(data_dir):
    edit(data_dir, "glossary.yml",
         lambda d: d["terms"][1].update(plural={"abbreviation": "BMs", "term": "Bone marrows",
                                                "in_plain": "soft centres of bones"}))
    assert "entry terms[1] (id 'bone-marrow'), field 'plural'" in problem_text(data_dir)


def test_common_question_needs_its_search_and_an_answer_page(data_dir):
    edit(data_dir, "common_questions.yml", lambda d: (d["questions"][1].pop("search"),
                                                       d["questions"][2].update(answer="causes")))
    message = problem_text(data_dir)
    assert "data/common_questions.yml: entry questions[1] (id 'how-long'), field 'search'" in message
    assert "data/common_questions.yml: entry questions[2] (id 'what-causes-it'), field 'answer'" in message


def test_each_common_question_is_answered_by_a_page_of_the_guide():
    data = load_guide_data(ROOT / "data")
    for question in data.common_questions.questions:
        assert (ROOT / "docs" / question.answer).is_file(), question.id


def test_a_short_form_needs_its_everyday_meaning(data_dir):
    edit(data_dir, "glossary.yml", lambda d: d["terms"][0].pop("in_plain"))
    assert ("data/glossary.yml: entry terms[0] (id 'bme'), field 'in_plain': a short form needs what it means "
            "in everyday words (for BME)") in problem_text(data_dir)


def test_a_groups_example_must_be_one_of_its_causes(data_dir):
    edit(data_dir, "causes.yml", lambda d: d["categories"][0].update(examples=["osteoporosis"]))
    assert ("data/causes.yml: entry categories[0] (id 'injury'), field 'examples': 'osteoporosis' is not one of "
            "this category's causes") in problem_text(data_dir)


def test_the_card_search_offers_must_exist(data_dir):
    edit(data_dir, "care_cards.yml", lambda d: d.update(search_offer="call-someone"))
    assert "data/care_cards.yml: section 'search_offer', field '-': refers to 'call-someone', which is not a card" \
        in problem_text(data_dir)


def test_a_card_gives_the_clinics_number_or_the_emergency_one(data_dir):
    edit(data_dir, "care_cards.yml", lambda d: d["cards"][0].update(phone="pager"))
    assert "entry cards[0] (id 'find-the-cause'), field 'phone'" in problem_text(data_dir)
