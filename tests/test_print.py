"""Printing in a real Chromium: any page prints without the site's chrome, and
each handout fits one sheet of A4 and of US Letter, with a QR code that reads
back as the page's web address."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SITE_URL, run_build, web_page_urls
from hooks.handout_pdfs import OPTIONAL, ROOM, count_pages, print_to_fit

HANDOUTS = ["at-a-glance", "treatment-and-recovery", "tests-you-may-have"]
# Each language: its folder, its pages, and words every printout carries in it.
LANGUAGES = {
    "en": ("", ROOT / "docs", "Awaiting clinical review.", "It does not replace advice from your own doctor"),
    "es": ("es/", ROOT / "translations" / "es" / "docs", "En espera de revisión médica.",
           "No reemplaza los consejos de su médico"),
}
CHROME = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top",
          ".handout-actions", ".md-button"]


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))


@pytest.fixture
def print_page(browser):
    page = browser.new_page(color_scheme="dark")
    page.emulate_media(media="print")
    yield page
    page.close()


def test_every_page_prints_without_site_chrome(print_page, editions, web_server):
    urls = web_page_urls(editions.web, web_server)  # every language
    assert len(urls) >= 28
    for url in urls:
        print_page.goto(url)
        for selector in CHROME:
            for element in print_page.locator(selector).all():
                assert not element.is_visible(), f"{selector} prints on {url}"
        assert print_page.locator("h1").is_visible()


def test_printed_text_is_dark_on_white_and_readable(print_page, editions, web_server):
    for url in web_page_urls(editions.web, web_server):
        print_page.goto(url)
        style = print_page.evaluate("""() => {
            const p = document.querySelector('article p');
            const s = getComputedStyle(p);
            return {size: parseFloat(s.fontSize), colour: s.color,
                    paper: getComputedStyle(document.body).backgroundColor};
        }""")
        assert style["size"] >= 11 * 96 / 72 - 0.01, url  # 11 pt
        assert style["colour"] == "rgb(0, 0, 0)", url
        assert style["paper"] == "rgb(255, 255, 255)", url


SOURCE_LINE = {"en": "Source: the article Bone Marrow Edema", "es": "Fuente: el artículo Bone Marrow Edema (en inglés)"}


def test_every_printout_names_title_review_source_disclaimer_and_address(print_page, editions, web_server):
    for url in web_page_urls(editions.web, web_server):
        language = "es" if url.startswith(web_server + "es/") else "en"
        _, _, review, disclaimer = LANGUAGES[language]
        print_page.goto(url)
        foot = print_page.locator(".page-foot")
        assert foot.is_visible(), url
        text = foot.inner_text()
        assert review in text and SOURCE_LINE[language] in text and disclaimer in text, url
        address = SITE_URL.removeprefix("https://") + url.removeprefix(web_server)
        online = {"en": "Read this page online:", "es": "Lea esta página en internet:"}[language]
        assert f"{online} {address}" in text, url
        assert print_page.locator(".page-foot__qr svg").is_visible()


def test_handout_text_is_12pt_and_its_boxes_and_tables_11pt(print_page, web_server):
    boxes = ".help-ladder, .write-in, table, .handout-columns"
    for name in HANDOUTS:
        print_page.goto(f"{web_server}handouts/{name}/")
        sizes = print_page.eval_on_selector_all(
            f"article > :not(.page-foot, {boxes}) li, article > p, .key-message p, .main-points li",
            "cells => cells.map(c => parseFloat(getComputedStyle(c).fontSize))")
        assert sizes and min(sizes) >= 16 - 0.01, name  # 12 pt
        in_boxes = print_page.eval_on_selector_all(
            ", ".join(f"{box} {part}" for box in boxes.split(", ") for part in ("li", "td", "th", "p")),
            "cells => cells.map(c => parseFloat(getComputedStyle(c).fontSize))")
        assert in_boxes and min(in_boxes) >= 14.6667 - 0.01, name  # 11 pt


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", HANDOUTS)
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_prints_to_one_sheet_from_chromium(browser, web_server, tmp_path, name, paper, language):
    page = browser.new_page()
    page.goto(f"{web_server}{LANGUAGES[language][0]}handouts/{name}/")
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(page.pdf(format=paper, print_background=True))
    page.close()
    assert pdf_pages(pdf) == 1


def test_a_part_optional_on_paper_prints_only_where_the_sheet_has_room(browser):
    """hooks/handout_pdfs.py prints a handout with its optional parts (a second
    drawing), and again without them if the sheet would not hold them."""
    page = browser.new_page()
    for height, kept in (("40mm", True), ("300mm", False)):
        page.set_content(f"""<style>@media print {{ .{OPTIONAL} {{ display: none }}
            html.{ROOM} .{OPTIONAL} {{ display: block; height: {height} }} }}</style>
            <h1>A handout</h1><div class="{OPTIONAL}">A second drawing</div><p>Its words.</p>""")
        pdf, pages = print_to_fit(page, "A4", 1)
        assert pages == 1 and count_pages(pdf) == 1
        assert page.evaluate(f"document.documentElement.classList.contains('{ROOM}')") is kept
    # A page with no optional part that does not fit is reported as it is.
    page.set_content('<div style="height: 600mm">Long</div>')
    assert print_to_fit(page, "A4", 1)[1] > 1
    page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_at_a_glance_sheet_shows_inside_a_bone_where_it_has_room(editions, language):
    """Without a clinic's details every at-a-glance sheet has room for the bone
    drawing beside the body figure; its labels are in the PDF's text."""
    folder = LANGUAGES[language][0]
    pages = ROOT / ("docs" if language == "en" else f"translations/{language}/docs")
    assert "paper-optional" in (pages / "handouts" / "at-a-glance.md").read_text()
    label = {"en": "Hard outer bone", "es": "Hueso duro por fuera"}[language]
    for paper in ("a4", "letter"):
        pdf = editions.web / folder / "handouts" / "pdf" / f"at-a-glance-{paper}.pdf"
        assert label in " ".join(run("pdftotext", str(pdf), "-").split()), paper


def test_boxes_stop_short_of_the_right_margin(browser, web_server, tmp_path):
    """Chromium clips the last fraction of a millimetre at a sheet's right
    margin: a box that reaches it prints without its right-hand border. In the
    printed PDF, the box of lines to write on has its right border: a dark
    column down from its top border's right end."""
    page = browser.new_page()
    for name in HANDOUTS:
        page.goto(f"{web_server}handouts/{name}/")
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(page.pdf(format="A4", print_background=True))
        run("pdftoppm", "-r", "150", "-gray", "-f", "1", "-l", "1", str(pdf), str(tmp_path / name))
        width, height, pixels = read_pgm(next(tmp_path.glob(f"{name}*.pgm")))
        dark = lambda x, y: pixels[y * width + x] < 128  # noqa: E731
        # The box's first line, found by its words; its top border is the
        # nearest row above them with a dark run of a quarter of the page.
        words = run("pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-")
        label = float(re.search(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>number:</word>', words).group(1))
        top = next(y for y in range(round(label * 150 / 72), 0, -1) if longest_run(dark, y, width)[0] > width // 4)
        right = longest_run(dark, top, width)[1]
        column = max(sum(dark(x, y) for y in range(top, top + 30)) for x in range(right - 2, right + 1))
        assert column >= 28, name
    page.close()


def longest_run(dark, y: int, width: int) -> tuple[int, int]:
    """The length of a row's longest dark run, and where it ends."""
    best, end, length = 0, 0, 0
    for x in range(width):
        length = length + 1 if dark(x, y) else 0
        if length > best:
            best, end = length, x
    return best, end


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    """A binary greyscale image (as pdftoppm -gray writes it): width, height, pixels."""
    data = path.read_bytes()
    magic, width, height, _depth, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    return int(width), int(height), pixels


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", HANDOUTS)
def test_built_pdfs_are_one_page_with_title_review_and_disclaimer(editions, name, language):
    folder, pages, review, disclaimer = LANGUAGES[language]
    site = editions.web / folder  # the kiosk offers no PDFs (tests/test_kiosk.py)
    title = yaml.safe_load((pages / "handouts" / f"{name}.md").read_text().split("---\n")[1])["title"]
    for paper in ("a4", "letter"):
        pdf = site / "handouts" / "pdf" / f"{name}-{paper}.pdf"
        assert pdf_pages(pdf) == 1
        text = " ".join(run("pdftotext", str(pdf), "-").split())
        assert title in text
        assert review in text
        assert disclaimer in text
        assert re.search(rf"^Title:\s+{re.escape(title)}$", run("pdfinfo", str(pdf)), re.M)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", HANDOUTS)
def test_handout_qr_code_opens_the_page_online(editions, tmp_path, name, language):
    folder = LANGUAGES[language][0]
    pdf = editions.web / folder / "handouts" / "pdf" / f"{name}-a4.pdf"
    run("pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "sheet"))
    decoded = run("zbarimg", "--quiet", "--raw", *map(str, tmp_path.glob("sheet*.png"))).split()
    # A Spanish printout leads to the Spanish page.
    assert decoded == [f"{SITE_URL}{folder}handouts/{name}/"]


def test_handout_page_offers_print_button_and_pdfs(browser, editions, web_server):
    page = browser.new_page()
    for name in HANDOUTS:
        page.goto(f"{web_server}handouts/{name}/")
        page.evaluate("window.print = () => { window.printed = true; }")
        page.get_by_role("button", name="Print this handout").click()
        assert page.evaluate("window.printed") is True
        for paper in ("A4", "US Letter"):
            link = page.get_by_role("link", name=f"Download PDF ({paper})")
            target = editions.web / link.get_attribute("href").replace("../", "handouts/", 1)
            assert target.is_file() and target.suffix == ".pdf", target
    page.close()


def test_handout_too_long_for_one_sheet_stops_the_build(project_copy):
    path = project_copy / "data" / "treatments.yml"
    raw = yaml.safe_load(path.read_text())
    raw["treatments"][0]["steps"] = [f"Step {n}: a step of resting that has grown far too long to print, "
                                     "and then goes on and on about it for a good many more words." for n in range(7)]
    path.write_text(yaml.safe_dump(raw, allow_unicode=True))
    result = run_build(project_copy)
    assert result.returncode != 0
    assert "docs/handouts/treatment-and-recovery.md prints to 2 pages on" in result.output
    assert "Traceback" not in result.output
