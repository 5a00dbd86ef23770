"""Rendering turns data into accessible, escaped, searchable HTML."""
from __future__ import annotations

import dataclasses
import datetime
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from macros import rendering
from macros.loading import load_guide_data
from macros.models import CareCard, Cause, PageReview

from conftest import ROOT


@pytest.fixture(scope="module")
def data():
    return load_guide_data(ROOT / "data")


def with_cause(data, **fields):
    """The real data with one more cause added."""
    cause = Cause(**{"id": "x", "category": "injury", "explanation": "e", **fields})
    causes = data.causes.model_copy(update={"causes": [*data.causes.causes, cause]})
    return dataclasses.replace(data, causes=causes)


def test_every_cause_is_in_the_full_table(data):
    table = rendering.render_cause_table(data)
    for cause in data.causes.causes:
        assert f'<th scope="row">{rendering.esc(cause.name)}</th>' in table


def test_category_table_holds_only_that_category(data):
    table = rendering.render_cause_table(data, "cancer")
    assert "Osteosarcoma" in table and "Bone bruise" not in table
    assert "<caption>Causes: Cancers and cancer treatment</caption>" in table


def test_unknown_category_in_a_page_is_an_error(data):
    with pytest.raises(KeyError, match="no cause category with id 'cancers'"):
        rendering.render_cause_table(data, "cancers")


def test_markup_in_data_is_shown_as_text(data):
    table = rendering.render_cause_table(with_cause(data, name="<script>alert(1)</script>"), "injury")
    assert "<script>" not in table
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in table


def test_care_card_escapes_and_states_its_level_in_text():
    card = CareCard(id="c", level="urgent", action="Call <b>now</b>", bullets=["pain & swelling"])
    html = rendering.render_care_card(card, heading_level=3)
    assert "Call &lt;b&gt;now&lt;/b&gt;" in html and "pain &amp; swelling" in html
    assert re.search(r'<span class="care-card__level-label">When to get help: </span>Urgent', html)
    assert '<h3 class="care-card__heading" id="care-card-c">' in html
    assert 'aria-labelledby="care-card-c"' in html


def test_tables_have_caption_and_header_cells(data):
    for html in (rendering.render_cause_table(data), rendering.render_treatment_table(data),
                 rendering.render_test_table(data), rendering.render_corrections(data)):
        assert html.count("<caption>") == 1
        assert '<th scope="col">' in html and '<th scope="row">' in html


def test_table_cells_stand_on_lines_of_their_own(data):
    # Search indexes text as written; cells on one line would glue words together.
    for line in rendering.render_cause_table(data).splitlines():
        assert line.count("<td>") + line.count("<th ") <= 1


def test_treatments_list_first_steps_before_serious_ones(data):
    table = rendering.render_treatment_table(data)
    assert table.index("Rest") < table.index("Core decompression surgery")
    assert "Core decompression" not in rendering.render_treatment_table(data, "first")


def test_imaging_table_says_which_scans_show_the_edema(data):
    table = rendering.render_test_table(data, scans=True)
    xray = re.search(r'<th scope="row">X-ray</th>\n<td>(\w+)</td>', table)
    mri = re.search(r'<th scope="row">MRI scan</th>\n<td>(\w+)</td>', table)
    assert xray and xray.group(1) == "No"
    assert mri and mri.group(1) == "Yes"
    assert "Blood tests" not in table
    others = rendering.render_test_table(data, scans=False)
    assert "Blood tests" in others and "X-ray" not in others


def test_pain_timeline_keeps_the_phases_in_order(data):
    html = rendering.render_pain_timeline(data)
    positions = [html.index(rendering.esc(p.timing)) for p in data.pain_phases.phases]
    assert positions == sorted(positions) and html.startswith('<ol class="pain-timeline">')


def test_glossary_links_resolve_within_the_list(data):
    html = rendering.render_glossary(data)
    ids = re.findall(r'<dt id="([^"]+)"', html)
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(ids)
    assert len(ids) == len(set(ids))


def test_glossary_explains_every_term_and_every_cause_once(data):
    html = rendering.render_glossary(data)
    terms = [unescape(re.sub("<[^>]+>", "", t)) for t in re.findall(r"<dt[^>]*>(.*?)</dt>", html)]
    assert terms == sorted(terms, key=str.lower)
    for term in data.glossary.terms:
        assert any(t.startswith(term.term) for t in terms), term.term
    for cause in data.causes.causes:
        plain = re.sub(r"\s*\(.*?\)", "", cause.name).lower()
        assert sum(t.lower().startswith(plain) for t in terms) == 1, cause.name


def test_abbreviations_cover_the_glossary_and_plurals(data):
    text = rendering.render_abbreviations(data)
    for short in ("NSAID", "MRI", "CT", "DXA", "ACL", "AML", "BME"):
        assert f"*[{short}]: " in text
    assert "*[NSAIDs]: Nonsteroidal anti-inflammatory drugs" in text


def test_rendered_html_is_well_formed(data):
    class Checker(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

    for html in (rendering.render_cause_table(data), rendering.render_glossary(data),
                 rendering.render_pain_timeline(data), rendering.render_symptom_list(data),
                 rendering.render_care_card(data.care_card("bone-pain"))):
        checker = Checker()
        checker.feed(html)
        assert checker.stack == []


def test_page_foot_says_awaiting_review_until_a_review_is_recorded(data):
    foot = rendering.render_page_foot(data, None, "Not advice.", "../sources/", None)
    assert "Awaiting clinical review." in foot and "Not advice." in foot
    assert 'href="../sources/"' in foot and "<svg" not in foot


def test_page_foot_shows_a_recorded_review_with_role_and_dates(data):
    review = PageReview(last_reviewed=datetime.date(2026, 3, 1), next_review=datetime.date(2027, 3, 1),
                        reviewed_by="Clinic nurse <lead>")
    foot = rendering.render_page_foot(data, review, "x", "s/", None)
    assert ("Page last reviewed: March 1, 2026 by Clinic nurse &lt;lead&gt;. "
            "Next review due: March 1, 2027.") in foot


def test_page_foot_carries_a_qr_code_and_short_address(data):
    foot = rendering.render_page_foot(data, None, "x", "s/", "https://example.org/guide/causes/")
    assert "Read this page online: <span class=\"page-foot__address\">example.org/guide/causes/</span>" in foot
    assert '<svg role="img" aria-label="QR code that opens https://example.org/guide/causes/"' in foot


def test_checklist_has_a_real_checkbox_per_item(data):
    html = rendering.render_checklist(data)
    assert html.count('type="checkbox"') == len(data.handouts.checklist)


def test_unknown_handout_list_is_an_error(data):
    with pytest.raises(KeyError, match="no handout list 'faq'"):
        rendering.render_handout_list(data, "faq")


def test_web_address_is_the_directory_style_address_for_both_editions():
    web_address = rendering.web_address
    assert web_address("https://example.org/guide/", "handouts/at-a-glance.md") == \
        "https://example.org/guide/handouts/at-a-glance/"
    assert web_address("https://example.org/guide/", "index.md") == "https://example.org/guide/"
    assert web_address(None, "index.md") is None


def test_abbreviations_in_generated_html_are_marked_in_text_only(data):
    mark = rendering.AbbreviationMarker(data)
    html = mark('<td title="MRI">An MRI or two MRIs, not MRIX.</td>')
    assert '<td title="MRI">' in html
    assert '<abbr title="Magnetic resonance imaging">MRI</abbr> or two' in html
    assert '<abbr title="Magnetic resonance imagings">MRIs</abbr>' in html
    assert "not MRIX." in html
