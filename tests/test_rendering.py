"""Components turn data into accessible, escaped, searchable HTML, with their
words from the message files."""
from __future__ import annotations

import dataclasses
import datetime
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from macros.components import COMPONENTS, Components
from macros.loading import PageCallError, load_guide_data
from macros.messages import MessageError, load_messages
from macros.models import CareCard, Cause
from macros.preparing import GlossaryEntry, first_letter, glossary_letters, page_foot, sort_key, web_address
from macros.rendering import AbbreviationMarker, Renderer, abbreviation_definitions
from macros.settings import load_settings

from conftest import CONFIG, ROOT


@pytest.fixture(scope="module")
def data():
    return load_guide_data(ROOT / "data")


@pytest.fixture(scope="module")
def settings():
    return load_settings(CONFIG["extra"], "mkdocs.yml")


@pytest.fixture(scope="module")
def messages():
    return load_messages("en")


@pytest.fixture(scope="module")
def render(data, settings, messages):
    return Components(data, settings, messages).render


def renderer_for(data, settings, messages):
    return Components(data, settings, messages).render


def with_cause(data, **fields):
    """The real data with one more cause added."""
    cause = Cause(**{"id": "x", "category": "injury", "explanation": "e", **fields})
    causes = data.causes.model_copy(update={"causes": [*data.causes.causes, cause]})
    return dataclasses.replace(data, causes=causes)


def row_headers(html: str) -> list[str]:
    """The text of each row's header cell, tags (such as <abbr>) stripped."""
    return [unescape(re.sub("<[^>]+>", "", cell)) for cell in re.findall(r'<th scope="row">(.*?)</th>', html)]


def test_every_cause_is_in_the_full_table(data, render):
    table = render("cause_table")
    assert "<caption>Causes of bone marrow edema</caption>" in table
    assert row_headers(table) == [cause.name for cause in data.causes.causes]


def test_category_table_holds_only_that_category(render):
    table = render("cause_table", "cancer")
    assert "Osteosarcoma" in table and "Bone bruise" not in table
    assert "<caption>Causes: Cancers and cancer treatment</caption>" in table


def test_unknown_category_in_a_page_is_the_editors_error(render):
    with pytest.raises(PageCallError, match="no cause category with id 'cancers'; known: injury"):
        render("cause_table", "cancers")


def test_a_call_that_does_not_fit_the_macro_is_the_editors_error(render):
    with pytest.raises(PageCallError, match="too many positional arguments"):
        render("glossary", "extra")
    with pytest.raises(PageCallError, match="heading_level must be a whole number from 2 to 6"):
        render("care_card", "bone-pain", heading_level=9)


def test_markup_in_data_is_shown_as_text(data, settings, messages):
    table = renderer_for(with_cause(data, name="<script>alert(1)</script>"), settings, messages)("cause_table", "injury")
    assert "<script>" not in table
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in table


def test_care_card_escapes_and_states_its_level_in_text(data, settings, messages):
    card = CareCard(id="c", level="today", action="Call <b>now</b>", bullets=["pain & swelling"])
    cards = data.care_cards.model_copy(update={"cards": [card]})
    html = renderer_for(dataclasses.replace(data, care_cards=cards), settings, messages)(
        "care_card", "c", heading_level=3)
    assert "Call &lt;b&gt;now&lt;/b&gt;" in html and "pain &amp; swelling" in html
    assert re.search(r'<span class="care-card__level-label">When to get help: </span>Urgent', html)
    assert '<h3 class="care-card__heading" id="care-card-c">' in html
    assert 'aria-labelledby="care-card-c"' in html


def test_tables_have_caption_and_header_cells(render):
    for html in (render("cause_table"), render("treatment_table"), render("test_table"), render("corrections")):
        assert html.count("<caption>") == 1
        assert '<th scope="col">' in html and '<th scope="row">' in html


def test_table_cells_stand_on_lines_of_their_own(render):
    # Search indexes text as written; cells on one line would glue words together.
    for line in render("cause_table").splitlines():
        assert line.count("<td>") + line.count("<th ") <= 1


def test_no_blank_line_breaks_the_html_block(render):
    # Markdown ends a raw HTML block at a blank line.
    for name in COMPONENTS:
        args = {"care_card": ("bone-pain",), "handout_list": ("test_questions",), "treatment_steps": ("rest",),
                "self_check": ("pitting",), "write_in": ("phone", "results")}.get(name, ())
        assert "\n\n" not in render(name, *args), name


def test_treatments_list_first_steps_before_serious_ones(render):
    table = render("treatment_table")
    assert table.index("Rest") < table.index("Core decompression surgery")
    assert "</span>First steps</td>" in table and "</span>For more serious cases</td>" in table
    assert "Core decompression" not in render("treatment_table", "first")
    assert "<caption>Treatments: first steps</caption>" in render("treatment_table", "first")


def test_imaging_table_says_which_scans_show_the_condition(render):
    table = render("test_table", scans=True)
    assert "Shows bone marrow edema?" in table
    cell = r'\n<td><span class="fact-table__label">Shows bone marrow edema\? </span>(?:<svg class="guide-icon".*?</svg><span class="fact-table__words">)?(\w+)(?:</span>)?</td>'
    icon = r'<svg class="guide-icon"[^>]*>.*?</svg>'
    name = r'<th scope="row">' + icon + '<span class="fact-table__words">{}</span></th>'
    xray = re.search(name.format('X-ray') + cell, table)
    mri = re.search(name.format(r'<abbr[^>]*>MRI</abbr> scan') + cell, table)
    assert xray and xray.group(1) == "No"
    assert mri and mri.group(1) == "Yes"
    assert "Not used for this" in table  # the DXA scan measures density instead
    assert "Blood tests" not in table
    others = render("test_table", scans=False)
    assert "Blood tests" in others and "X-ray" not in others


def test_pain_timeline_keeps_the_phases_in_order_and_numbers_them(data, render):
    html = render("pain_timeline")
    positions = [html.index(p.timing) for p in data.pain_phases.phases]
    assert positions == sorted(positions)
    assert html.startswith('<p class="pain-timeline__how">') and '<ol class="pain-timeline">' in html
    assert ('<p class="pain-timeline__when"><span class="pain-timeline__number">Phase 1:</span> '
            '<strong>Month 1</strong><span class="print-only"> ·</span></p>') in html


def test_glossary_links_resolve_within_the_list(render):
    html = render("glossary")
    ids = re.findall(r'<(?:h2|h3|dt|div)[^>]* id="([^"]+)"', html)
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(ids)
    assert len(ids) == len(set(ids))
    assert 'See also: <a href="#stem-cells">Blood stem cells</a>.' in html


def text_of(fragments: list[str]) -> list[str]:
    return [unescape(re.sub("<[^>]+>", "", f)) for f in fragments]


def test_glossary_gives_each_term_a_heading_and_every_cause_once(data, render):
    html = render("glossary")
    terms = text_of(re.findall(r'<h3 class="glossary__term" id="[^"]+">(.*?)</h3>', html))
    assert terms == sorted(terms, key=str.lower)
    assert len(terms) == len(data.glossary.terms)
    causes = text_of(re.findall(r"<dt[^>]*>(.*?)</dt>", html))
    assert causes == sorted(causes, key=str.lower)
    for cause in data.causes.causes:
        plain = re.sub(r"\s*\(.*?\)", "", cause.name).lower()
        assert sum(t.lower().startswith(plain) for t in terms + causes) == 1, cause.name
    assert '<h2 class="glossary__term" id="causes">Causes of bone marrow edema</h2>' in html


def entry(term: str, entry_id: str | None = None):
    return GlossaryEntry(entry_id or term.lower(), term, None, "d", [], [], [], [])


def test_glossary_groups_terms_by_first_letter_in_the_page_language():
    words = ["Ñandú", "Órtesis", "Nervio", "ácido", "Zona", "Ácido úrico", "Edema", "Émbolo", "Oído", "bursa"]
    spanish = glossary_letters([entry(w) for w in words], "es")
    # Á sorts with A and accents only break ties; Ñ is a letter of its own, after N.
    assert [(g.letter, [e.term for e in g.entries]) for g in spanish] == [
        ("A", ["ácido", "Ácido úrico"]), ("B", ["bursa"]), ("E", ["Edema", "Émbolo"]), ("N", ["Nervio"]),
        ("Ñ", ["Ñandú"]), ("O", ["Oído", "Órtesis"]), ("Z", ["Zona"])]
    assert [g.id for g in spanish] == ["letter-a", "letter-b", "letter-e", "letter-n", "letter-n-tilde",
                                       "letter-o", "letter-z"]
    # English has no Ñ of its own: it is an N.
    english = glossary_letters([entry(w) for w in words], "en")
    assert [g.letter for g in english] == ["A", "B", "E", "N", "O", "Z"]
    assert [e.term for e in english[3].entries] == ["Ñandú", "Nervio"]
    # Letters with no terms have no group; a word that starts with no letter goes under "#".
    assert first_letter("3-phase scan", "en") == "#" and first_letter(" édema", "en") == "E"
    assert sorted(["nube", "ñu", "oso", "nariz"], key=lambda w: sort_key(w, "es")) == ["nariz", "nube", "ñu", "oso"]
    assert sorted(["nube", "ñu", "oso", "nariz"], key=lambda w: sort_key(w, "es_MX"))[2] == "ñu"


def test_glossary_jump_list_leads_to_each_letter_with_terms_then_the_causes(data, render):
    html = render("glossary")
    nav = re.search(r'<nav class="glossary__jump" aria-label="Jump to a letter" data-search-exclude>(.*?)</nav>',
                    html, re.S).group(1)
    links = re.findall(r'<a href="#([^"]+)">(.*?)</a>', nav)
    letters = sorted({t.term[0].upper() for t in data.glossary.terms})
    assert links == [(f"letter-{letter.lower()}", letter) for letter in letters] + [("causes", "Causes")]
    for target, _ in links:
        assert f'id="{target}"' in html
    # Each group: a letter heading (left out of search), then its terms.
    assert '<div class="glossary__group" id="letter-b">\n<h2 class="glossary__letter" data-search-exclude>B</h2>' in html


def test_spanish_glossary_sorts_and_labels_in_spanish(data, settings):
    from macros.loading import translate_guide_data
    spanish, _ = translate_guide_data(data, ROOT / "translations" / "es" / "data", "es", "translations/es/data")
    html = renderer_for(spanish, settings, load_messages("es"))("glossary")
    assert 'aria-label="Ir a una letra"' in html and '<a href="#causes">Causas</a>' in html
    terms = text_of(re.findall(r'<h3 class="glossary__term" id="[^"]+">(.*?)</h3>', html))
    assert terms == sorted(terms, key=lambda t: sort_key(t, "es"))
    # "Médula ósea" is with the M words, not after Z as a plain sort by code point would put it.
    group_m = re.search(r'id="letter-m">(.*?)</div>', html, re.S).group(1)
    assert "Médula ósea" in group_m


def test_glossary_shows_the_words_patients_use(render):
    html = render("glossary")
    assert "Also spelled: oedema." in html
    assert "Also called: broken bone, cracked bone." in html
    assert "For example: ibuprofen, naproxen." in html
    assert "Also called: anti-inflammatory painkillers, anti-inflammatories." in html


def test_abbreviations_cover_the_glossary_and_the_plurals_it_gives(data):
    text = abbreviation_definitions(data)
    for short in ("NSAID", "MRI", "CT", "DXA", "ACL", "AML", "BME"):
        assert f"*[{short}]: " in text
    # What each means in everyday words, not its long form (jargon too).
    assert "*[NSAIDs]: anti-inflammatory pain medicines" in text
    assert "*[MRI]: a scan that uses a strong magnet" in text


def test_rendered_html_is_well_formed(render):
    class Checker(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag != "input":
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

    for html in (render("cause_table"), render("glossary"), render("pain_timeline"), render("symptom_list"),
                 render("care_card", "bone-pain"), render("help_ladder"), render("write_in", "phone"),
                 render("treatment_steps", "rest"), render("publishing")):
        checker = Checker()
        checker.feed(html)
        assert checker.stack == []


def test_publishing_names_publisher_cycle_and_feedback(render, settings):
    html = render("publishing")
    assert f"Published by: {settings.publisher}." in re.sub("<[^>]+>", "", html)
    assert f"every {settings.review.cycle_months} months" in html
    assert f'<a href="{settings.feedback}">' in html


def test_review_cycle_of_one_month_is_singular(data, settings, messages):
    one_month = settings.model_copy(update={"review": settings.review.model_copy(update={"cycle_months": 1})})
    assert "every month." in renderer_for(data, one_month, messages)("publishing")


def test_source_summary_writes_the_date_in_the_language(render):
    assert '<p><strong lang="en">Bone Marrow Edema</strong>, dated April 6, 2025.' in render("source_summary")


def test_unknown_handout_list_is_the_editors_error(render):
    with pytest.raises(PageCallError, match="no handout list 'faq'"):
        render("handout_list", "faq")


def test_web_address_is_the_directory_style_address_for_both_editions():
    assert web_address("https://guide.clinic.org/bme/", "handouts/at-a-glance.md") == \
        "https://guide.clinic.org/bme/handouts/at-a-glance/"
    assert web_address("https://guide.clinic.org/bme/", "index.md") == "https://guide.clinic.org/bme/"
    assert web_address(None, "index.md") is None


@pytest.mark.parametrize("placeholder", ["https://example.github.io/bme-guide/", "https://example.org/guide/",
                                         "https://guide.example/", "http://localhost:8000/", ""])
def test_no_web_address_while_the_site_address_is_a_placeholder(placeholder):
    assert web_address(placeholder, "causes.md") is None


def test_page_foot_values_carry_a_qr_code_only_with_an_address(data, settings):
    foot = page_foot(data, settings, None, "../sources/", "https://guide.clinic.org/bme/causes/")
    assert foot.short_address == "guide.clinic.org/bme/causes/"
    assert foot.qr and foot.qr.address == "https://guide.clinic.org/bme/causes/"
    assert page_foot(data, settings, None, "../sources/", None).qr is None


def test_abbreviations_in_generated_html_are_marked_in_text_only(data, messages):
    mark = AbbreviationMarker(data, Renderer(data, messages))
    html = mark('<td title="MRI">An MRI or two NSAIDs, not MRIX.</td>')
    assert '<td title="MRI">' in html
    assert '<abbr title="a scan that uses a strong magnet">MRI</abbr> or two' in html
    assert '<abbr title="anti-inflammatory pain medicines">NSAIDs</abbr>' in html
    assert "not MRIX." in html


def test_a_missing_message_names_the_key_and_the_language(messages):
    with pytest.raises(MessageError, match="no message 'care_card.colour' for language 'en'"):
        messages("care_card.colour")


def test_messages_escape_their_text_and_values_but_keep_template_markup(messages):
    from markupsafe import Markup

    assert str(messages("source.summary", title="<b>", date="x")) == "&lt;b&gt;, dated x."
    assert str(messages("source.summary", title=Markup("<b>T</b>"), date="x")) == "<b>T</b>, dated x."


def test_dates_are_written_in_the_pages_language(messages):
    assert messages.long_date(datetime.date(2025, 4, 6)) == "April 6, 2025"
    assert load_messages("en").long_date(datetime.date(2027, 12, 1)) == "December 1, 2027"


def test_help_ladder_lists_every_step_least_urgent_first_and_says_how_to_use_it(data, render):
    html = render("help_ladder")
    levels = re.findall(r'<section class="care-card care-card--(\w+)"', html)
    assert levels == [level.id for level in data.care_cards.levels] == ["soon", "today", "emergency"]
    assert "Read all 3 boxes. If more than one fits you, do what the most urgent one says." in html
    assert html.count("<li>\n<section") == 3  # one list item a step, read in order
    assert '<h3 class="care-card__heading" id="care-card-feel-very-unwell">' in html


def test_emergency_step_says_the_local_number_until_one_is_set(data, settings, messages):
    unset = renderer_for(data, settings, messages)("help_ladder")
    assert "Call your local emergency number." in unset
    with_number = settings.model_copy(update={"emergency_number": "112"})
    html = renderer_for(data, with_number, messages)("help_ladder")
    assert 'Call <span class="phone-number">112</span>.' in html
    assert "local emergency number" not in html


def test_clinic_phone_stands_on_every_step_that_says_call_and_not_on_the_emergency_one(data, settings, messages):
    clinic = load_settings({**CONFIG["extra"], "clinic": {"name": "Riverside", "phone": "(555) 010-4477"}},
                           "mkdocs.yml")
    html = renderer_for(data, clinic, messages)("help_ladder")
    cards = html.split('<section class="care-card')[1:]
    calls = ["Call Riverside at" in card for card in cards]
    assert calls == [card.phone == "clinic" for card in data.care_cards.cards] == [True, True, False]
    assert "Call Riverside at" not in renderer_for(data, settings, messages)("help_ladder")


def test_write_in_lines_are_labelled_and_the_clinic_fills_the_phone_line(data, settings, messages):
    blank = renderer_for(data, settings, messages)("write_in", "phone", "appointment")
    assert blank.count('<span class="write-in__line"></span>') == 2
    assert "My doctor&#39;s or clinic&#39;s phone number:" in blank and "My next appointment:" in blank
    clinic = load_settings({**CONFIG["extra"], "clinic": {"name": "Riverside", "phone": "(555) 010-4477"}},
                           "mkdocs.yml")
    filled = renderer_for(data, clinic, messages)("write_in", "phone", "appointment")
    assert 'Riverside: <span class="phone-number">(555) 010-4477</span>' in filled
    assert filled.count('<span class="write-in__line"></span>') == 1  # the appointment line stays
    with pytest.raises(PageCallError, match="name the lines to write on, from: phone, out_of_hours"):
        renderer_for(data, settings, messages)("write_in", "fax")


def test_steps_are_numbered_in_the_datas_order(data, render):
    html = render("treatment_steps", "nsaids")
    steps = re.findall(r"<li>(.*?)</li>", html)
    assert '<ol class="steps">' in html and len(steps) == len(data.treatment("nsaids").steps)
    # Beside the treatment's pictogram, hidden from screen readers.
    pictogram = data.icons[data.treatment("nsaids").icon].body
    assert html.startswith('<div class="steps-beside">\n<svg class="guide-icon"') and pictogram in html
    assert 'aria-hidden="true"' in html[:html.index("<ol")]
    assert "Read the label." in steps[0]
    assert render("self_check", "pitting").startswith('<ol class="steps self-check">')
    with pytest.raises(PageCallError, match="treatment 'steroid-injections' has no steps"):
        render("treatment_steps", "steroid-injections")
    with pytest.raises(PageCallError, match="no treatment with id 'nap'"):
        render("treatment_steps", "nap")


def test_cause_overview_gives_each_group_its_examples_in_plain_words(data, render):
    html = render("cause_overview")
    assert html.count("<li>") == len(data.causes.categories)
    assert "<strong>Injuries</strong>. For example: Stress fracture (a small crack in a bone)." in html
    assert "<strong>Bone infection (osteomyelitis)</strong></li>" in html  # no example: its name says it


def test_test_table_shows_only_the_kinds_asked_for(render):
    html = render("test_table", kinds=["lab", "imaging"])
    assert "Blood tests" in html and "MRI" in html and "Physical exam" not in html
    assert re.search(r'Before the test: </span><svg class="guide-icon"[^>]*>.*?</svg>'
                     r'<span class="fact-table__words">Ask if you need to stop eating first.</span>', html)
    with pytest.raises(PageCallError, match="kinds must be a list of kinds of test from: talk, exam, lab, imaging"):
        render("test_table", kinds=["scan"])


def test_every_table_and_the_timeline_say_how_to_use_them(render):
    for html in (render("cause_table"), render("treatment_table"), render("test_table"),
                 render("test_table", scans=True), render("corrections")):
        assert re.match(r'<p class="fact-table__how fact-table__how--[a-z-]+">[^<]+</p>\n<table', html)
    assert render("pain_timeline").startswith('<p class="pain-timeline__how">Find the phase you are in')


def test_each_cell_names_its_column_for_tables_laid_out_as_blocks(render):
    html = render("test_table", scans=False)
    assert '<td><span class="fact-table__label">What it looks for: </span>' in html
    assert '<td><span class="fact-table__label">What it is like: </span>' in html
