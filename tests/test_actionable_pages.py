"""What a patient can act on, as built: every page opens with its key message
and every handout ends with its main points, in the page's language; the help
ladder where a page tells a reader to get help; few topics on the home page;
the words explained; what we added listed; and on paper, lines to write on and
the key message and the ladder on the first sheet of large print."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, content_pages

LANGUAGES = {"en": ROOT / "docs", "es": ROOT / "translations" / "es" / "docs"}
HANDOUTS = ["at-a-glance", "treatment-and-recovery", "tests-you-may-have"]
KEY_TITLE = {"en": "The main message", "es": "Lo más importante"}
POINTS_TITLE = {"en": "The main points", "es": "Los puntos principales"}
# The steps of the help ladder, as each card's heading begins.
LADDER = {"en": ["See your doctor soon if", "Call your doctor right away if you have", "Get emergency help now if"],
          "es": ["Consulte pronto a su médico si", "Llame a su médico de inmediato si tiene",
                 "Pida ayuda de emergencia ahora si"]}
# Pages that tell a reader to get help show the whole ladder.
LADDER_PAGES = ["index.html", "symptoms/index.html", "causes/index.html", "is-it-serious/index.html",
                "treatment/index.html", "handouts/at-a-glance/index.html",
                "handouts/treatment-and-recovery/index.html"]


def front_matter(page: Path) -> dict:
    return yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])


def source_of(site: Path, page: Path, language: str) -> Path:
    """The Markdown file a built page was made from: causes/ from causes.md,
    handouts/ from handouts/index.md."""
    folder = page.relative_to(site).parent.as_posix()
    named = LANGUAGES[language] / f"{folder}.md"
    return named if folder != "." and named.is_file() else LANGUAGES[language] / folder / "index.md"


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def text(html: str) -> str:
    """What a screen shows: tags and words for paper only left out."""
    html = re.sub(r'<span class="print-only[^"]*"[^>]*>.*?</span>', "", html)
    html = re.sub(r"</?(abbr|span|strong|em|a|cite)\b[^>]*>", "", html)  # inline: part of the words
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture(scope="module")
def sites(built_site, built_site_es) -> dict[str, Path]:
    return {"en": built_site, "es": built_site_es}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_opens_with_its_key_message_in_its_language(sites, language):
    site = sites[language]
    pages = [p for p in content_pages(site) if "es" not in p.relative_to(site).parts[:1]]
    assert len(pages) >= 14
    for page in pages:
        source = source_of(site, page, language)
        key = " ".join(front_matter(source)["key_message"].split())
        html = article(page)
        box = re.search(r'</h1>\s*<div class="admonition success key-message">\s*'
                        r'<p class="admonition-title">([^<]+)</p>\s*<p>(.*?)</p>\s*</div>', html, re.S)
        assert box, page
        assert box.group(1) == KEY_TITLE[language]
        assert text(box.group(2)) == text(key).replace("&", "&amp;"), page
    if language == "es":  # the Spanish page says its own key message, not the English one
        english = front_matter(LANGUAGES["en"] / "index.md")["key_message"].split()[0:4]
        assert " ".join(english) not in article(site / "index.html")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_handout_ends_with_its_main_points(sites, language):
    for name in HANDOUTS:
        html = article(sites[language] / "handouts" / name / "index.html")
        points = front_matter(LANGUAGES[language] / "handouts" / f"{name}.md")["main_points"]
        section = re.search(r'<section class="main-points" aria-labelledby="the-main-points">\s*'
                            r'<h2 id="the-main-points">([^<]+)</h2>(.*?)</section>', html, re.S)
        assert section and section.group(1) == POINTS_TITLE[language], name
        assert [text(item) for item in re.findall(r"<li>(.*?)</li>", section.group(2), re.S)] == points
        # Nothing of the page's own comes after them.
        assert not re.search(r"<(h2|h3|table|ul|ol)\b", html[section.end():]), name


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_that_send_a_reader_for_help_show_the_whole_ladder_in_order(sites, language):
    for page in LADDER_PAGES:
        html = article(sites[language] / page)
        headings = re.findall(r'<h\d class="care-card__heading"[^>]*>(.*?):</h\d>', html)
        assert headings == LADDER[language], page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_offers_at_most_seven_topics_and_keeps_the_rest_below(sites, language):
    html = article(sites[language] / "index.html")
    cards = re.search(r'<div class="grid cards topic-cards"[^>]*>(.*?)</div>', html, re.S).group(1)
    topics = re.findall(r'<li>.*?href="([^"]+)"', cards, re.S)
    assert 5 <= len(topics) <= 7
    assert not any(t.startswith(("sources", "offline", "glossary")) for t in topics)
    more = html[html.index('class="more-links"'):]
    assert 'href="glossary/"' in more and 'href="sources/"' in more and 'href="offline/"' in more


GLOSSARY = {"en": ["steroid", "inflammation", "platelets", "bone-graft", "biopsy", "mri", "ct", "dxa", "xray",
                   "ultrasound", "blood-test", "injection"],
            "es": ["steroid", "inflammation", "platelets", "bone-graft", "biopsy", "mri", "ct", "dxa", "xray",
                   "ultrasound", "blood-test", "injection"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_explains_each_medical_word_the_pages_use(sites, language):
    html = article(sites[language] / "glossary" / "index.html")
    for term in GLOSSARY[language]:
        entry = re.search(rf'<h3 class="glossary__term" id="{term}">(.*?)</h3>\s*<p>(.+?)</p>', html, re.S)
        assert entry and len(text(entry.group(2)).split()) >= 4, (language, term)


@pytest.mark.parametrize(("language", "heading"), [("en", "What we added, and why"),
                                                   ("es", "Lo que añadimos y por qué")])
def test_the_sources_page_lists_what_we_added_and_why(sites, language, heading):
    html = article(sites[language] / "sources" / "index.html")
    assert f">{heading}</h2>" in html
    added = html[html.index(heading):]
    items = re.findall(r'<ul class="additions">(.*?)</ul>', added, re.S)[0]
    assert items.count("<li>") >= 8
    label = {"en": "the standard safety advice", "es": "etiqueta"}[language]
    assert label in text(items) or "label" in text(items)


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    out = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


WRITE_IN = {"en": {"at-a-glance": ["My doctor's or clinic's phone number:", "Who to call when the clinic is closed:",
                                   "My next appointment:"],
                   "tests-you-may-have": ["My doctor's or clinic's phone number:", "My next appointment:",
                                          "The tests I need:", "When my results will be ready:"]},
            "es": {"at-a-glance": ["El teléfono de mi médico o de mi clínica:",
                                   "A quién llamar cuando la clínica está cerrada:", "Mi próxima cita:"],
                   "tests-you-may-have": ["Las pruebas que necesito:", "Cuándo estarán mis resultados:"]}}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_handout_sheet_has_lines_to_write_on_without_a_clinic(editions, language):
    folder = editions.web / ("es/" if language == "es" else "") / "handouts" / "pdf"
    for name, labels in WRITE_IN[language].items():
        for pdf in folder.glob(f"{name}-*.pdf"):
            words = pdf_text(pdf)
            for label in labels:
                assert label in words, (pdf.name, label)
            # No clinic set: the emergency step names no number it does not know.
    sheet = pdf_text(folder / "at-a-glance-a4.pdf")
    assert {"en": "Call your local emergency number.", "es": "Llame a su número local de emergencias."}[language] \
        in sheet


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", HANDOUTS)
def test_large_print_keeps_the_key_message_and_ladder_on_sheet_one_and_no_sheet_nearly_empty(editions, language,
                                                                                           name):
    folder = editions.web / ("es/" if language == "es" else "") / "handouts" / "pdf"
    key = " ".join(front_matter(LANGUAGES[language] / "handouts" / f"{name}.md")["key_message"].split())
    for paper in ("a4", "letter"):
        pdf = folder / f"{name}-large-{paper}.pdf"
        first = pdf_text(pdf, 1, 1)
        assert " ".join(key.split()[:8]) in first, pdf.name
        if name != "tests-you-may-have":  # the tests sheet tells no one to get help
            for step in LADDER[language]:
                assert step in first, (pdf.name, step)
        for page in range(1, pdf_pages(pdf) + 1):
            lines = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                                   capture_output=True, text=True, check=True).stdout
            assert len([line for line in lines.splitlines() if line.strip()]) >= 12, (pdf.name, page)
        assert POINTS_TITLE[language] in pdf_text(pdf, pdf_pages(pdf), pdf_pages(pdf))
