"""The real site builds with --strict, shows every fact from data, and is searchable."""
from __future__ import annotations

import re
from html import escape, unescape

import pytest
import yaml

from macros.loading import load_guide_data

from conftest import CONFIG, ROOT, content_pages, preview_build


def article(page) -> str:
    html = page.read_text()
    return html[html.index("<article"):html.index("</article>")]


def row_headers(html: str) -> list[str]:
    """The text of each row's header cell as the screen shows it: tags (such as
    <abbr>) stripped, words for paper only left out."""
    html = re.sub(r'<span class="print-only[^"]*"[^>]*>.*?</span>', "", html)
    return [unescape(re.sub("<[^>]+>", "", cell)) for cell in re.findall(r'<th scope="row">(.*?)</th>', html)]


def test_every_cause_appears_in_the_cause_page_tables(built_site):
    page = article(built_site / "causes" / "index.html")
    for cause in load_guide_data(ROOT / "data").causes.causes:
        assert cause.name in row_headers(page)


def test_every_cause_category_has_its_table_on_the_causes_page(built_site):
    # A new category in the data needs a section on the page; this says so.
    page = article(built_site / "causes" / "index.html")
    for category in load_guide_data(ROOT / "data").causes.categories:
        assert f"<caption>Causes: {escape(category.name)}</caption>" in page, category.id


def test_every_treatment_appears_in_the_treatment_table(built_site):
    page = article(built_site / "treatment" / "index.html")
    for treatment in load_guide_data(ROOT / "data").treatments.treatments:
        assert treatment.name in row_headers(page)


def test_every_page_carries_the_disclaimer(built_site):
    disclaimer = CONFIG["extra"]["disclaimer"]
    pages = content_pages(built_site)
    assert len(pages) >= 9
    for page in pages:
        assert disclaimer.strip() in unescape(page.read_text()), page


@pytest.mark.parametrize("short", ["NSAID", "MRI", "CT", "DXA", "ACL", "AML", "BME"])
def test_abbreviations_explain_themselves_where_they_appear(built_site, short):
    found = False
    for page in content_pages(built_site):
        text = article(page)
        found |= "<abbr title=" in text and f">{short}</abbr>" in text
        bare = re.sub(r"<abbr[^>]*>.*?</abbr>|<[^>]+>", " ", text)
        assert not re.search(rf"\b{short}\b", bare), f"{short} is not explained on {page}"
    assert found, f"{short} is never used"


@pytest.mark.parametrize(
    ("query", "page"),
    [("osteomyelitis", "causes/"), ("bone bruise", "causes/"), ("NSAIDs", "treatment/"), ("MRI", "diagnosis/")],
)
def test_search_index_finds_words_on_the_right_page(search_index, query, page):
    # Material's search matches whole words; a word glued to its neighbour is lost.
    words = query.lower().split()
    hits = {
        doc["location"].split("#")[0]
        for doc in search_index
        if all(re.search(rf"\b{re.escape(w)}\b", doc["title"].lower() + " " + re.sub("<[^>]+>", " ", doc["text"]).lower())
               for w in words)
    }
    assert page in hits, f"'{query}' found only on {sorted(hits)}"


def test_cause_added_only_to_the_data_appears_in_the_table(project_copy):
    path = project_copy / "data" / "causes.yml"
    raw = yaml.safe_load(path.read_text())
    raw["causes"].append({"id": "gout-test", "name": "Testitis", "category": "metabolic",
                          "explanation": "A made-up cause for this test."})
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    result = preview_build(project_copy)
    assert result.returncode == 0, result.output
    page = article(result.site / "causes" / "index.html")
    metabolic = page[page.index("Causes: Body chemistry problems"):]
    assert "Testitis" in row_headers(metabolic.split("</table>")[0])


def test_bad_data_stops_the_build_with_file_and_field_and_no_traceback(project_copy):
    path = project_copy / "data" / "causes.yml"
    path.write_text(path.read_text().replace("category: infection", "category: infectoin"))
    result = preview_build(project_copy)
    assert result.returncode != 0
    assert "data/causes.yml: entry causes[19] (id 'osteomyelitis'), field 'category'" in result.output
    assert "Traceback" not in result.output
    assert not (result.site / "index.html").exists()


def test_unknown_macro_argument_fails_the_build(project_copy):
    page = project_copy / "docs" / "causes.md"
    page.write_text(page.read_text().replace('cause_table("injury")', 'cause_table("injuries")'))
    result = preview_build(project_copy)
    assert result.returncode != 0
    assert "docs/causes.md: cause_table('injuries'): no cause category with id 'injuries'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_glossary_jump_link_leads_to_a_target_on_the_page(built_site, built_site_es, language):
    site = built_site if language == "en" else built_site_es
    page = article(site / "glossary" / "index.html")
    nav = re.search(r'<nav class="glossary__jump" aria-label="([^"]+)"[^>]*>(.*?)</nav>', page, re.S)
    assert nav.group(1) == {"en": "Jump to a letter", "es": "Ir a una letra"}[language]
    targets = re.findall(r'<a href="#([^"]+)"', nav.group(2))
    assert len(targets) >= 10 and targets[-1] == "causes"
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert [t for t in targets if t not in ids] == []
    # Each letter leads to its group: the letter's heading, then a term that starts with it.
    for target, letter in re.findall(r'<a href="#(letter-[^"]+)">([^<]+)</a>', nav.group(2)):
        group = re.search(rf'<div class="glossary__group" id="{target}">\s*<h2[^>]*>{letter}</h2>\s*'
                          r'<h3 class="glossary__term" id="[^"]+">([^<]+)', page)
        assert group and group.group(1)[0].upper() in (letter, {"A": "Á", "E": "É", "O": "Ó"}.get(letter)), target
    # The page's line about tapping short forms is for the screen only.
    assert re.search(r'<p class="screen-only">[^<]*<abbr', page)


def test_search_reads_a_table_row_by_row_not_its_cells_run_together(search_index):
    injuries = next(doc for doc in search_index if doc["location"] == "causes/#injuries")
    assert "<li>Stress fracture: A small crack in a bone.</li>" in injuries["text"]
    # The table itself is left to the page: no header words glued to the first row.
    assert "Cause What it means" not in injuries["text"] and "What it means Stress" not in injuries["text"]
    scans = next(doc for doc in search_index if doc["location"] == "diagnosis/#which-scans-can-show-it")
    assert re.search(r"<li>MRI( scan)?: Yes · ", scans["text"]), scans["text"]
