"""The guide in Spanish, and in any further language: every page, data entry,
setting and interface word translated (the build lists each gap), translations
kept fresh (the build warns when the English changed), Spanish pages in Spanish
only, linked to their English twins, and searchable in Spanish."""
from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from macros.languages import LanguageEdition
from macros.loading import load_guide_data, translate_guide_data
from macros.translated_pages import find_page_translations, page_fingerprint
from macros.translations import TranslationError
from scripts.readability import score_site
from scripts.new_language import skeleton

from conftest import ROOT, content_pages, copy_project, preview_build


# --- Data translations, without MkDocs ------------------------------------------

def spanish_data(folder: Path = ROOT / "translations" / "es" / "data"):
    return translate_guide_data(load_guide_data(ROOT / "data"), folder, "es", "translations/es/data")


def test_spanish_data_is_complete_fresh_and_in_spanish():
    data, stale = spanish_data()
    assert stale == []
    english = load_guide_data(ROOT / "data")
    assert data.condition.condition.name == "edema de médula ósea"
    # Ids, levels and references stay; every text a reader reads changes.
    assert [c.id for c in data.causes.causes] == [c.id for c in english.causes.causes]
    assert [c.category for c in data.causes.causes] == [c.category for c in english.causes.causes]
    for spanish, original in zip(data.causes.causes, english.causes.causes):
        assert spanish.explanation != original.explanation, spanish.id
    nsaid = next(t for t in data.glossary.terms if t.id == "nsaid")
    assert nsaid.abbreviation == "AINE"
    # Lay words are each language's own: Spanish may list some where the English lists none.
    xray = {t.id: t for t in english.glossary.terms}["xray"]
    assert xray.also_called == [] and {t.id: t for t in data.glossary.terms}["xray"].also_called == ["rayos X", "rayos equis"]
    # The article keeps its own (English) title; it is cited, not translated.
    assert data.source.source.title == english.source.source.title


def test_a_missing_entry_and_field_are_each_listed_with_file_entry_field_and_language(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "translations" / "es" / "data", folder)
    causes = yaml.safe_load((folder / "causes.yml").read_text())
    del causes["causes"]["stress-fracture"]
    second = list(causes["causes"])[1]
    del causes["causes"][second]["explanation"]
    first = next(iter(causes["categories"]))
    causes["categories"][first]["name"] = ""
    causes["causes"]["not-a-cause"] = {"name": "x"}
    (folder / "causes.yml").write_text(yaml.safe_dump(causes, allow_unicode=True))
    (folder / "symptoms.yml").unlink()
    with pytest.raises(TranslationError) as caught:
        spanish_data(folder)
    message = str(caught.value)
    assert message.startswith("The Spanish edition is incomplete:")
    assert ("translations/es/data/causes.yml: causes 'stress-fracture', field 'name': no Spanish text"
            in message)
    assert "translations/es/data/causes.yml: causes 'stress-fracture', field 'explanation'" in message
    assert f"translations/es/data/causes.yml: causes '{second}', field 'explanation': no Spanish text" in message
    assert f"translations/es/data/causes.yml: categories '{first}', field 'name': no Spanish text" in message
    assert "causes 'not-a-cause', field '-': no entry with this id in data/causes.yml" in message
    assert "translations/es/data/symptoms.yml: the file, field '-': file is missing" in message
    # Every symptom of the missing file is listed too, not only the first gap.
    symptoms = load_guide_data(ROOT / "data").symptoms.symptoms
    assert all(f"symptoms '{s.id}', field 'name'" in message for s in symptoms)


def test_an_entry_whose_english_changed_is_reported_with_its_new_fingerprint(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    raw = yaml.safe_load((data_dir / "treatments.yml").read_text())
    raw["treatments"][0]["explanation"] = "A new English explanation."
    (data_dir / "treatments.yml").write_text(yaml.safe_dump(raw, sort_keys=False))
    english = load_guide_data(data_dir)
    _, stale = translate_guide_data(english, ROOT / "translations/es/data", "es", "translations/es/data")
    assert len(stale) == 1
    text = str(stale[0])
    entry = raw["treatments"][0]["id"]
    assert text.startswith(f"translations/es/data/treatments.yml: treatments '{entry}' was translated "
                           "from an older text of data/treatments.yml")
    assert re.search(r'set its english: "[0-9a-f]{10}"$', text)


def test_a_new_language_starts_from_a_skeleton_the_build_finds_empty(tmp_path):
    english = load_guide_data(ROOT / "data")
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "condition.yml").write_text(skeleton(english.condition, "data/condition.yml", "fr"))
    text = (folder / "condition.yml").read_text()
    assert "# bone marrow edema" in text and "French text for data/condition.yml" in text
    with pytest.raises(TranslationError) as caught:
        translate_guide_data(english, folder, "fr", "translations/fr/data")
    assert "translations/fr/data/condition.yml: the file, field 'condition.name': no French text" in str(caught.value)


def test_every_english_page_has_a_fresh_spanish_page():
    pages = find_page_translations(ROOT / "docs", ROOT / "translations/es/docs", "translations/es/docs", "es")
    assert pages.gaps == [] and pages.stale == []
    assert len(pages.sources) == len(list((ROOT / "docs").rglob("*.md"))) >= 14
    # No page claims a check by a medical translator that did not happen.
    assert all(check.checked_by is None and check.checked_on is None for check in pages.checks.values())


def test_a_changed_english_page_changes_its_fingerprint(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: A\n---\n\n# A\n\nText.\n")
    before = page_fingerprint(page)
    page.write_text("---\ntitle: A\nreview:\n  reviewed_by: nurse\n---\n\n# A\n\nText.\n")
    assert page_fingerprint(page) == before  # the review is not text to translate
    page.write_text("---\ntitle: A\n---\n\n# A\n\nOther text.\n")
    assert page_fingerprint(page) != before


# --- Builds -------------------------------------------------------------------

def test_a_partial_third_language_is_refused_listing_everything_missing(tmp_path):
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(config.replace("translations: [es]", "translations: [es, fr]"))
    french = project / "translations" / "fr"
    (french / "docs").mkdir(parents=True)
    shutil.copy(project / "translations/es/docs/index.md", french / "docs" / "index.md")
    (french / "settings.yml").write_text("site_name: Œdème de la moelle osseuse\n", encoding="utf-8")
    (project / "messages" / "fr.yml").write_text("kiosk:\n  home: Accueil\n", encoding="utf-8")
    result = preview_build(project, language="fr")
    assert result.returncode == 1
    output = result.output
    assert "The French edition is incomplete:" in output
    for missing in ["translations/fr/docs/causes.md: the page, field '-': file is missing (the English is docs/causes.md)",
                    "translations/fr/docs/handouts/at-a-glance.md: the page",
                    "translations/fr/data/causes.yml: the file, field '-': file is missing",
                    "translations/fr/data/causes.yml: causes 'stress-fracture', field 'explanation': no French text",
                    "translations/fr/settings.yml: setting, field 'extra.disclaimer': no French text",
                    "translations/fr/settings.yml: nav, field 'Causes': no French text",
                    "messages/fr.yml: cause_table, field 'caption': no French text"]:
        assert missing in output, missing
    assert "Traceback" not in output
    assert not (project / "preview-mkdocs" / "fr").exists()


def test_a_language_the_guide_does_not_have_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    result = preview_build(project, language="de")
    assert result.returncode == 1
    assert "GUIDE_LANGUAGE=de is not one of the guide's languages (en, es)" in result.output


def test_english_changed_after_translation_warns_but_builds(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "treatment.md"
    page.write_text(page.read_text() + "\nA sentence added to the English page.\n")
    result = preview_build(project, language="es")
    assert result.returncode == 0, result.output
    assert re.search(r"translations/es/docs/treatment\.md: the page was translated from an older text of "
                     r'docs/treatment\.md; bring the translation up to date, then set its english: "[0-9a-f]{10}"',
                     result.output)


class VisibleText(HTMLParser):
    """What a reader meets on a page: its text and the words of labels, titles,
    alternatives and placeholders, outside scripts and outside any part marked
    as another language (lang="en": a link to the English page, a cited title)."""

    SKIPPED = {"script", "style", "svg", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[bool] = []
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        other = attributes.get("lang") not in (None, self.language) or tag in self.SKIPPED
        hidden = any(self.stack) or other
        if not hidden:
            for name in ("aria-label", "title", "alt", "placeholder", "data-text", "data-also", "data-other",
                         "data-one"):
                if attributes.get(name):
                    self.words.append(attributes[name])
        if tag not in self.VOID:
            self.stack.append(hidden)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not any(self.stack):
            self.words.append(data)


# Words that only English uses: any of them on a Spanish page is English left over.
ENGLISH_WORDS = {"the", "and", "of", "your", "you", "this", "page", "with", "for", "what", "is", "to", "or",
                 "search", "menu", "home", "print", "download", "back", "next", "previous", "skip", "content",
                 "table", "share", "copy", "clear", "close", "light", "dark", "mode", "last", "updated",
                 "review", "source", "sources", "cause", "causes", "treatment", "glossary", "handout"}


def english_words_on(page: Path) -> list[str]:
    parser = VisibleText("es")
    parser.feed(page.read_text(encoding="utf-8"))
    # Web addresses keep their English folder names (causes/): they are not prose.
    text = re.sub(r"\S*[/.]\S*/\S*", " ", " ".join(parser.words))
    words = re.findall(r"[A-Za-z]+", text)
    return sorted({w for w in words if w.lower() in ENGLISH_WORDS})


def test_the_checker_finds_english_on_a_spanish_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<html lang="es"><p>Su médico. <span lang="en">English</span></p>'
                    '<button aria-label="Close this">x</button><script>var the = 1;</script></html>')
    assert english_words_on(page) == ["Close", "this"]


def test_spanish_pages_are_spanish_only_and_say_so(built_site_es):
    pages = content_pages(built_site_es) + [built_site_es / "404.html"]
    assert len(pages) >= 15
    leftovers = {p.relative_to(built_site_es).as_posix(): english_words_on(p) for p in pages}
    assert {page: words for page, words in leftovers.items() if words} == {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.lstrip().startswith("<!doctype html>") and '<html lang="es"' in html, page
    for page in content_pages(built_site_es):
        html = page.read_text(encoding="utf-8")
        # The honest status of the translation, beside the clinical review's.
        assert "Esta traducción aún no la revisó un traductor médico calificado." in html, page
        assert "En espera de revisión médica." in html, page


def twin_of(page: Path, site: Path, language: str) -> str:
    """Where the page's link to ``language`` leads, from the top of the whole site."""
    html = page.read_text(encoding="utf-8")
    href = re.search(rf'<nav class="language-switch"[^>]*>\s*<a href="([^"]+)" hreflang="{language}"', html).group(1)
    return os.path.normpath(os.path.join(page.relative_to(site).parent.as_posix(), href, "index.html"))


def test_each_page_links_to_its_twin_in_the_other_language(built_site, built_site_es):
    for spanish in content_pages(built_site_es):
        english = spanish.relative_to(built_site_es).as_posix()
        assert twin_of(spanish, built_site_es.parent, "en") == english
        assert (built_site / english).is_file()
    for english in content_pages(built_site):
        assert twin_of(english, built_site, "es") == "es/" + english.relative_to(built_site).as_posix()


def test_search_engines_learn_each_page_in_both_languages(built_site, built_site_es):
    base = "https://patients.riverside-clinic.org/bme-guide/"
    html = (built_site_es / "causes" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base}es/causes/">' in html
    # In the sitemaps, not in the pages: Material's script fetches a sitemap beside any alternate link.
    assert 'rel="alternate" hreflang' not in html
    for site, here in ((built_site, base), (built_site_es, base + "es/")):
        sitemap = ElementTree.parse(site / "sitemap.xml").getroot()
        entries = sitemap.findall("{http://www.sitemaps.org/schemas/sitemap/0.9}url")
        assert len(entries) >= 14
        for entry in entries:
            loc = entry.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text
            links = {link.get("hreflang"): link.get("href") for link in entry.findall("{http://www.w3.org/1999/xhtml}link")}
            page = loc.removeprefix(here)
            assert links == {"en": base + page, "es": base + "es/" + page, "x-default": base + page}, loc


def test_spanish_tables_captions_and_dates_come_from_spanish_data_and_words(built_site_es):
    html = (built_site_es / "causes" / "index.html").read_text(encoding="utf-8")
    assert "Causas: " in html and "Fractura por estrés" in html
    assert re.search(r"Última actualización: \d{1,2} de [a-z]+ de \d{4}", html)
    # The abbreviations explain themselves in Spanish.
    treatment = (built_site_es / "treatment" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr [^>]*title="medicinas antiinflamatorias para el dolor">AINE</abbr>', treatment)


def test_spanish_search_has_its_own_index_with_spanish_stemming_words(built_site_es):
    index = json.loads((built_site_es / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["es"]
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "médula" in text and "the marrow" not in text
    words = (built_site_es / "search" / "words.js").read_text(encoding="utf-8")
    forms = json.loads(re.search(r"window\.guideWordForms = (.*);", words).group(1))
    assert "dolor" in forms["dolor"] and "cáncer" in forms["canc"]


def test_spanish_pages_read_easily(built_site_es):
    scores = score_site(built_site_es)
    assert len(scores) >= 14 and all(s.language == "es" for s in scores)
    hard = {s.page: round(s.fernandez_huerta, 1) for s in scores if s.fernandez_huerta < 70}
    assert hard == {}


def test_links_to_the_kiosk_home_open_past_the_choice_of_language():
    english = LanguageEdition("en", ("en", "es"))
    assert english.past_the_choice("index.html", "causes.html") == "index.html#start"
    assert english.past_the_choice("../index.html", "handouts/at-a-glance.html") == "../index.html#start"
    assert english.past_the_choice("./", "causes.html") == "./#start"
    assert english.past_the_choice("index.html#what-is-it", "causes.html") == "index.html#what-is-it"
    assert english.past_the_choice("causes.html", "index.html") == "causes.html"
    assert english.past_the_choice("handouts/index.html", "index.html") == "handouts/index.html"
    spanish = LanguageEdition("es", ("en", "es"))
    assert spanish.past_the_choice("../index.html", "causes.html") == "../index.html#start"
    assert spanish.past_the_choice("index.html", "causes.html") == "index.html"  # the Spanish home has no choice
    # A guide in one language has no choice to go past.
    assert LanguageEdition("en", ("en",)).past_the_choice("index.html", "causes.html") == "index.html"
