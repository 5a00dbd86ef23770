"""Pictures: drawings made from the data, captioned and described in each
language, and pictograms from the pinned Health Icons set, checked on loading."""
from __future__ import annotations

import dataclasses
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml

from macros import figures
from macros.components import Components
from macros.icons import IconSet, IconSetError, _checked
from macros.loading import DataError, load_guide_data, translate_guide_data
from macros.messages import load_messages
from macros.models import BodyLocation, FigurePoint
from macros.settings import load_settings

from conftest import CONFIG, ROOT

DRAWINGS = {"body_figure": "where-it-happens", "bone_figure": "inside-a-bone", "pain_chart": "pain-over-time",
            "pitting_figure": "pitting-check"}


@pytest.fixture(scope="module")
def english():
    return load_guide_data(ROOT / "data")


@pytest.fixture(scope="module")
def spanish(english):
    data, _ = translate_guide_data(english, ROOT / "translations/es/data", "es", "translations/es/data")
    return data


def components(data, language: str = "en") -> Components:
    return Components(data, load_settings(CONFIG["extra"], "mkdocs.yml"), load_messages(language))


def drawn_text(html: str) -> list[str]:
    """The words written on a drawing: its <tspan> and <text> lines."""
    return [unescape(re.sub("<[^>]+>", "", line)).strip()
            for line in re.findall(r"<(?:tspan|text)[^>]*>([^<]+)(?=<)", html) if line.strip()]


def words_of(figure) -> dict[str, str]:
    return {"caption": figure.caption, "alt": figure.alt, **{label.id: label.text for label in figure.labels}}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("macro", DRAWINGS)
def test_every_drawing_is_a_captioned_figure_described_in_its_language(english, spanish, language, macro):
    data = english if language == "en" else spanish
    html = components(data, language).render(macro)
    words = data.figure(DRAWINGS[macro])
    assert html.startswith('<figure class="guide-figure') and html.rstrip().endswith("</figure>")
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html, re.S)
    assert caption and unescape(caption.group(1)) == words.caption
    label = re.search(r'<svg class="guide-figure__drawing"[^>]*role="img" aria-label="([^"]+)"', html)
    assert label and unescape(label.group(1)).startswith(words.alt)
    if language == "es":
        english_words = english.figure(DRAWINGS[macro])
        assert words.caption != english_words.caption and words.alt != english_words.alt


def test_the_labels_written_inside_the_drawings_are_translated(english, spanish):
    for macro, figure_id in DRAWINGS.items():
        for data, language, other in ((english, "en", spanish), (spanish, "es", english)):
            written = drawn_text(components(data, language).render(macro))
            own = [label.text for label in data.figure(figure_id).labels]
            theirs = [label.text for label in other.figure(figure_id).labels]
            assert all(text in " ".join(written) for text in own), (macro, language)
            assert not any(text in written for text in theirs), (macro, language)
    # The drawings made from other data write that data's words, in the language too.
    body = drawn_text(components(spanish, "es").render("body_figure"))
    assert {location.name for location in spanish.locations.locations} <= set(body)
    assert "Rodilla" in body and "Knee" not in body
    pain = " ".join(drawn_text(components(spanish, "es").render("pain_chart")))
    assert "Empieza el dolor" in pain and "Pain starts" not in pain


def test_the_pain_charts_description_says_what_its_line_does_in_each_phase(english):
    html = components(english).render("pain_chart")
    title = unescape(re.search(r'aria-label="([^"]+)"', html).group(1))
    assert "Phase 1, Pain starts: the line goes up." in title
    assert "Phase 2, Pain is at its worst: the line reaches its highest point." in title
    assert "Phase 3, Pain eases: the line slowly comes down." in title


def with_location(data, **fields):
    location = BodyLocation(**fields)
    locations = data.locations.model_copy(update={"locations": [*data.locations.locations, location]})
    return dataclasses.replace(data, locations=locations)


def test_a_body_location_added_to_the_data_is_marked_and_named_on_the_figure(english):
    data = with_location(english, id="shoulder", name="Shoulder", on_figure=FigurePoint(x=80, y=22))
    html = components(data).render("body_figure")
    marks = re.findall(r'<circle class="guide-figure__mark" cx="([\d.]+)" cy="([\d.]+)"', html)
    assert len(marks) == len(english.locations.locations) + 1
    x, y = 80 * figures.BODY_BOX[0] / 100, 22 * figures.BODY_BOX[1] / 100
    assert (f"{x:g}", f"{y:g}") in [(f"{float(a):g}", f"{float(b):g}") for a, b in marks]
    assert "Shoulder" in drawn_text(html)
    assert re.search(r'aria-label="[^"]*Shoulder, Hip, Knee, Ankle, Foot\."', html)


def test_body_labels_never_overlap_and_stay_inside_the_drawing():
    crowded = [BodyLocation(id=f"p{n}", name=f"Place number {n}", on_figure=FigurePoint(x=60, y=90 + n))
               for n in range(6)]
    drawing = figures.body_figure(crowded)
    tops = [(mark.label.y, mark.label.bottom) for mark in drawing.marks]
    for (_, bottom), (top, _) in zip(tops, tops[1:]):
        assert top - figures.BODY_LABEL_SIZE >= bottom - 0.01
    assert all(0 <= mark.label.y - figures.BODY_LABEL_SIZE and mark.label.bottom <= drawing.height
               for mark in drawing.marks)
    assert drawing.width <= figures.WIDTH


def test_the_pain_line_rises_peaks_in_the_worst_phase_and_eases_slowly(english):
    phases = english.pain_phases.phases
    chart = figures.pain_chart(phases, {"more-pain": "More pain", "time": "Time"})
    # The points the line passes through (y grows downwards), and the parts' edges.
    numbers = [float(n) for n in re.findall(r"-?[\d.]+", chart.line)]
    points = [(numbers[0], numbers[1])] + [(numbers[i], numbers[i + 1]) for i in range(6, len(numbers), 6)]
    assert points[0] == (figures.PLOT_LEFT, figures.PLOT_BASE)
    rise, worst, ease = chart.phases
    peak = min(points, key=lambda point: point[1])
    assert worst.left < peak[0] < worst.right  # at its worst in phase 2, as its words say
    at_rise_end = [y for x, y in points if abs(x - rise.right) < 0.01][0]
    assert figures.PLOT_BASE > at_rise_end > peak[1]  # it builds up in phase 1 and on to the peak
    assert peak[1] < points[-1][1] < figures.PLOT_BASE  # eased by the end, not gone
    # Each part as wide as its drawn_width says: a longer phase is drawn wider.
    widths = [part.right - part.left for part in chart.phases]
    unit = widths[0] / phases[0].drawn_width
    assert [round(w / unit, 6) for w in widths] == [float(p.drawn_width) for p in phases]
    assert widths[2] > widths[1] > widths[0]
    assert [phase.number for phase in chart.phases] == [1, 2, 3]


@pytest.fixture
def data_dir(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def edit(data_dir: Path, file_name: str, change) -> None:
    path = data_dir / file_name
    raw = yaml.safe_load(path.read_text())
    change(raw)
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))


def problems(data_dir: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_guide_data(data_dir)
    return str(caught.value)


def test_an_unknown_icon_stops_the_build_naming_the_entry(data_dir):
    edit(data_dir, "diagnostic_tests.yml", lambda d: d["tests"][2].update(icon="blood-dropp"))
    edit(data_dir, "diagnostic_tests.yml", lambda d: d["tests"][0].update(ready_icon="pencil"))
    edit(data_dir, "care_cards.yml", lambda d: d["levels"][0].update(icon="no-such-icon"))
    text = problems(data_dir)
    assert "data/diagnostic_tests.yml: entry tests[2] (id 'blood-tests'), field 'icon': no icon 'blood-dropp'" in text
    assert ("data/diagnostic_tests.yml: entry tests[0] (id 'medical-history'), field 'ready_icon': "
            "no icon 'pencil'") in text
    assert "data/care_cards.yml: entry levels[0] (id 'soon'), field 'icon': no icon 'no-such-icon'" in text


def test_a_test_or_treatment_without_an_icon_is_named(data_dir):
    edit(data_dir, "treatments.yml", lambda d: d["treatments"][0].pop("icon"))
    assert "data/treatments.yml: entry treatments[0] (id 'rest'), field 'icon': required field is missing" \
        in problems(data_dir)


def test_a_drawing_without_its_caption_alt_or_labels_stops_the_build_naming_it(data_dir):
    def change(raw):
        raw["figures"][1].pop("alt")
        raw["figures"][2].pop("caption")
        raw["figures"][3]["labels"] = raw["figures"][3]["labels"][:1]
    edit(data_dir, "figures.yml", change)
    text = problems(data_dir)
    assert "data/figures.yml: entry figures[1] (id 'inside-a-bone'), field 'alt': required field is missing" in text
    assert "data/figures.yml: entry figures[2] (id 'pain-over-time'), field 'caption': required field is missing" in text


def test_a_drawing_missing_from_the_words_or_a_label_it_does_not_write_is_named(data_dir):
    def change(raw):
        raw["figures"] = [f for f in raw["figures"] if f["id"] != "where-it-happens"]
        raw["figures"][-1]["labels"] = raw["figures"][-1]["labels"][:1] + [{"id": "wink", "text": "Wink"}]
    edit(data_dir, "figures.yml", change)
    text = problems(data_dir)
    assert "no entry for the drawing 'where-it-happens'" in text
    assert "entry figures[2] (id 'pitting-check'), field 'labels': no label 'dent'" in text
    assert "'wink' is not a label this drawing writes" in text


def test_a_pain_phase_that_would_make_the_line_jump_is_named(data_dir):
    edit(data_dir, "pain_phases.yml", lambda d: d["phases"][1].update(pain="rises"))
    assert "data/pain_phases.yml: entry phases[1] (id 'peak'), field 'pain': 'rises' does not start where " \
           "the phase before it ends ('rises')" in problems(data_dir)


def test_a_spanish_drawing_without_its_words_is_a_named_gap(english, tmp_path):
    folder = tmp_path / "es"
    shutil.copytree(ROOT / "translations/es/data", folder)
    raw = yaml.safe_load((folder / "figures.yml").read_text())
    raw["figures"]["inside-a-bone"].pop("alt")
    raw["figures"]["inside-a-bone"]["labels"]["fluid"]["text"] = ""
    (folder / "figures.yml").write_text(yaml.safe_dump(raw, allow_unicode=True))
    with pytest.raises(Exception) as caught:
        translate_guide_data(english, folder, "es", "translations/es/data")
    text = str(caught.value)
    assert "translations/es/data/figures.yml: figures 'inside-a-bone', field 'alt': no Spanish text" in text
    assert "labels 'fluid', field 'text': no Spanish text" in text


def test_icons_are_hidden_from_screen_readers_and_drawn_in_the_text_colour(english):
    render = components(english).render
    table = render("test_table")
    icons = re.findall(r'<svg class="guide-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">', table)
    answered = [test for test in english.tests.tests if test.shows_condition is not None]
    ready = [test for test in english.tests.tests if test.ready_icon]
    # One for each test, a tick or a cross for each scan that says whether it can
    # show it, and one beside each step before a test that has one.
    assert len(icons) == len(english.tests.tests) + len(answered) + len(ready) and answered and ready
    assert render("treatment_table").count('class="guide-icon"') == len(english.treatments.treatments)
    ladder = render("help_ladder")
    assert ladder.count('class="guide-icon"') == len(english.care_cards.cards)
    assert 'fill="currentColor"' in table and "<use" not in table and "<defs" not in table
    # The cause table's rows have no icon.
    assert "guide-icon" not in render("cause_table")


def test_a_scans_answer_carries_a_tick_or_a_cross_the_words_beside_it_say(english):
    icons = english.icons
    tick, cross = icons[english.tests.answer_icons.can_show].body, icons[english.tests.answer_icons.cannot_show].body
    table = components(english).render("test_table", scans=True)
    rows = re.findall(r'<th scope="row">.*?</tr>', table, re.S)
    for test, row in zip([t for t in english.tests.tests if english.test_kind(t.kind).scan], rows):
        answer = re.search(r'Shows bone marrow edema\? </span>(.*?)</td>', row, re.S).group(1)
        if test.shows_condition is True:
            assert tick in answer and cross not in answer and words(answer) == "Yes", test.id
        elif test.shows_condition is False:
            assert cross in answer and tick not in answer and words(answer) == "No", test.id
        else:
            assert "guide-icon" not in answer, test.id
    # The search rows say it in words only.
    assert "guide-icon" not in table[table.index('class="search-rows"'):]


def test_in_the_table_of_all_tests_a_scans_answer_is_a_line_of_its_own(english):
    """The tick or cross stands before the words that say it ("Cannot show bone
    marrow edema."), not before what the scan looks for ("Bone.")."""
    tick, cross = english.icons[english.tests.answer_icons.can_show].body, english.icons[english.tests.answer_icons.cannot_show].body
    table = components(english).render("test_table")
    rows = re.findall(r'<th scope="row">.*?</tr>', table, re.S)
    assert len(rows) == len(english.tests.tests)
    for test, row in zip(english.tests.tests, rows):
        looks = re.search(r'What it looks for: </span>(.*?)</td>', row, re.S).group(1)
        if not english.test_kind(test.kind).scan:
            assert looks == test.looks_for, test.id
            continue
        lines = re.findall(r'<span class="fact-table__line">(.*?)</span>(?=<span class="fact-table__line">|$)', looks, re.S)
        assert lines[0] == test.looks_for and "guide-icon" not in lines[0], test.id
        expected = {True: (tick, "Can show bone marrow edema."), False: (cross, "Cannot show bone marrow edema."),
                    None: ("", "Not used to look for bone marrow edema.")}[test.shows_condition]
        assert expected[0] in lines[1] and words(lines[1]) == expected[1], test.id
    # Search reads the two lines as one sentence after the other.
    assert "X-ray: Bone. Cannot show bone marrow edema. · " in table


def test_what_to_do_before_a_test_has_a_column_of_its_own(english):
    table = components(english).render("test_table")
    rows = re.findall(r'<th scope="row">.*?</tr>', table, re.S)
    assert len(rows) == len(english.tests.tests)
    for test, row in zip(english.tests.tests, rows):
        before = re.search(r'Before the test: </span>(.*?)</td>', row, re.S).group(1)
        # A test with no step in the data sends the reader to ask.
        assert words(before) == (test.getting_ready or "Ask if you need to do anything first."), test.id
        assert (english.icons[test.ready_icon].body in before) if test.ready_icon else "guide-icon" not in before
        assert test.getting_ready is None or test.getting_ready not in re.search(
            r'What it is like: </span>(.*?)</td>', row, re.S).group(1)


def test_pictograms_the_set_lacks_are_ours_in_its_format_and_credited(english):
    ours = [test for test in english.tests.tests if english.icons[test.icon].drawn_here]
    assert {test.id for test in ours} == {"mri-scan", "ct-scan"}
    assert english.icons["shirt"].drawn_here  # what to wear to a physical exam
    assert all("healthicons" not in english.icons[test.icon].name for test in ours)
    credit = re.sub(r"<[^>]+>", "", components(english).render("picture_credits"))
    assert "We drew the small pictures for CT scan and MRI scan ourselves" in credit
    # Checked like the set's: a drawing of ours holds shapes only.
    assert IconSet.installed().get("mri-scanner").drawn_here and not IconSet.installed().get("xray").drawn_here


def words(cell: str) -> str:
    """A cell's words, its pictogram and tags left out."""
    return re.sub(r"<svg.*?</svg>|<[^>]+>", "", cell, flags=re.S)


def test_an_unknown_answer_icon_is_named(data_dir):
    edit(data_dir, "diagnostic_tests.yml", lambda d: d["answer_icons"].update(can_show="tick"))
    assert "data/diagnostic_tests.yml: section 'answer_icons', field 'can_show': no icon 'tick'" in problems(data_dir)


def test_an_icon_is_only_shapes_its_uses_written_out():
    assert _checked('<path fill="currentColor" d="M0 0h4v4z"/>', "x") == '<path fill="currentColor" d="M0 0h4v4z" />'
    written = _checked('<defs><path id="a" d="M1 1h2"/></defs><g fill="currentColor"><use href="#a"/></g>', "x")
    assert "<use" not in written and "<defs" not in written and 'id="a"' not in written and 'd="M1 1h2"' in written
    for body in ('<script>alert(1)</script>', '<path d="M0 0" onload="x()"/>', '<image href="http://x/y.png"/>',
                 '<path d="M0 0" style="fill:url(http://x)"/>', '<use href="#missing"/>'):
        with pytest.raises(IconSetError):
            _checked(body, "x")


def test_the_installed_icon_set_is_the_pinned_one_and_credited(english):
    pinned = yaml.safe_load((ROOT / "package.json").read_text())["dependencies"]["@iconify-json/healthicons"]
    assert english.icon_credit.version == pinned
    credit = components(english).render("picture_credits")
    assert "Health Icons" in credit and "Resolve to Save Lives" in credit and english.icon_credit.licence in credit
    assert IconSet.installed().get("blood-drop").width == 48


def test_the_figure_palette_keeps_its_parts_apart_in_grey():
    """Printed in grey, neighbouring colours of a drawing stay different
    greys (luminance ratio of 1.4 or more), in both schemes."""
    css = (ROOT / "docs/assets/css/figures.css").read_text()
    blocks = [block for block in re.findall(r"\.guide-figure \{([^}]*)\}", css) if "--figure-" in block]
    assert len(blocks) == 2
    neighbours = [("hard-bone", "marrow"), ("marrow", "fluid"), ("hard-bone", "bone-line"), ("marrow", "holes"),
                  ("fluid", "drop"), ("body", "mark"), ("skin", "finger"), ("panel", "skin")]
    for block in blocks:
        colours = dict(re.findall(r"--figure-([a-z-]+):\s*(#[0-9a-f]{6})\b", block))
        for a, b in neighbours:
            la, lb = luminance(colours[a]), luminance(colours[b])
            assert (max(la, lb) + 0.05) / (min(la, lb) + 0.05) >= 1.4, (a, b)


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_built_pages_show_their_drawings_with_nothing_from_outside(built_site):
    expected = {"what-is-it": ["where-it-happens", "inside-a-bone"], "symptoms": ["pitting-check", "pain-over-time"],
                "is-it-serious": ["pain-over-time"],
                "handouts/at-a-glance": ["inside-a-bone", "where-it-happens"], "handouts/treatment-and-recovery": ["pain-over-time"]}
    for page, drawings in expected.items():
        html = (built_site / page / "index.html").read_text()
        found = re.findall(r'<svg class="guide-figure__drawing" id="figure-([a-z-]+)"', html)
        assert found == drawings, page
        for svg in re.findall(r'<svg class="guide-figure__drawing".*?</svg>', html, re.S):
            assert "<abbr" not in svg and "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    sources = (built_site / "sources" / "index.html").read_text()
    assert "Health Icons" in sources
    # The drawings' stylesheet comes only with a drawing: not on the home page's first view.
    assert "assets/css/figures.css" in (built_site / "what-is-it" / "index.html").read_text()
    assert "figures.css" not in (built_site / "index.html").read_text() and "figures.css" not in sources


def test_our_stylesheets_are_served_without_their_comments(built_site):
    """The comments are for maintainers; a phone's first view does not load them.
    Every rule is still there."""
    from hooks.site_assets import without_comments
    for source in sorted((ROOT / "docs/assets/css").glob("*.css")):
        served = (built_site / "assets/css" / source.name).read_text()
        assert "/*" not in served and len(served) < len(source.read_text()) * 0.8, source.name
        assert served == without_comments(source.read_text())
    # Every line that is not a comment stays, in its order.
    css = ".a,\n/* why */\n.b { /* note */ color: red; }\n\n/* two\n   lines */\n.c { top: 0 }\n"
    assert without_comments(css) == ".a,\n.b {  color: red; }\n.c { top: 0 }\n"
