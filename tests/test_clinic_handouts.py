"""Handouts a clinic can hand over: its name and number on every sheet when set
and nothing half-filled when not, tagged PDFs with their own titles, large
print, and any page printing cleanly."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import PDFUA, content_pages, copy_project, preview_build, run_build

HANDOUTS = ["at-a-glance", "treatment-and-recovery", "tests-you-may-have"]
CLINIC = '''  clinic:
    name: Riverside Bone Clinic
    phone: "(555) 010-4477"
    address: 12 River Road, Springfield
    hours: Monday to Friday, 8 am to 6 pm
    website: https://riverside-clinic.example/
    email: questions@riverside-clinic.example
    logo: assets/images/icon-192.png
'''


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_text(pdf: Path) -> str:
    """The words of a PDF, lines joined (a number broken after a dash is joined up)."""
    return re.sub(r"-\s+(?=\d)", "-", " ".join(run("pdftotext", str(pdf), "-").split()))


# The clinic's words a Spanish reader meets, in Spanish (its name and number stay).
CLINIC_ES = '''  clinic:
    hours: De lunes a viernes, de 8 a. m. a 6 p. m.
    address: 12 River Road, Springfield
'''


def with_clinic(project: Path) -> Path:
    """The project of a clinic that has set its details, and its emergency number."""
    config = project / "mkdocs.yml"
    text = config.read_text().replace("  # clinic:\n", CLINIC, 1)
    config.write_text(text.replace('emergency_number: !ENV [EMERGENCY_NUMBER, ""]', 'emergency_number: "112"', 1))
    spanish = project / "translations" / "es" / "settings.yml"
    spanish.write_text(spanish.read_text() + CLINIC_ES)
    return project


@pytest.fixture(scope="module")
def clinic_site(tmp_path_factory) -> Path:
    """The web edition of a clinic that has set its details, built with PDFs."""
    result = run_build(with_clinic(copy_project(tmp_path_factory.mktemp("clinic") / "project")))
    assert result.returncode == 0, result.output
    return result.site


def all_pdfs(site: Path) -> list[Path]:
    pdfs = sorted((site / "handouts" / "pdf").glob("*.pdf"))
    assert len(pdfs) == 4 * len(HANDOUTS)  # A4 and Letter, standard and large print
    return pdfs


def test_every_handout_carries_the_clinics_name_and_number(clinic_site):
    for pdf in all_pdfs(clinic_site):
        text = pdf_text(pdf)
        assert text.count("Riverside Bone Clinic") >= 2, pdf.name  # the top and the foot
        assert "Questions? Call Riverside Bone Clinic at (555) 010-4477." in text, pdf.name
    # Hours that end in a short form end the sentence with one stop, not two.
    spanish = pdf_text(clinic_site / "es" / "handouts" / "pdf" / "at-a-glance-a4.pdf")
    assert "de 8 a. m. a 6 p. m. " in spanish + " " and "p. m.." not in spanish


def test_a_clinics_pdfs_pass_pdf_ua_checks_with_its_logo(clinic_site):
    """The logo is a figure named by its text alternative: an image with an
    empty one printed as neither content nor artifact (PDF/UA UA-01-003)."""
    for pdf in [*all_pdfs(clinic_site), *all_pdfs(clinic_site / "es")]:
        result = subprocess.run([str(PDFUA), "check", "--format", "json", str(pdf)], capture_output=True, text=True)
        findings = [f["rule_id"] for f in json.loads(result.stdout)["findings"] if f["severity"] != "info"]
        assert findings == [], pdf.name


@pytest.mark.parametrize(("folder", "phone", "emergency"), [
    ("", "My doctor's or clinic's phone number: Riverside Bone Clinic: (555) 010-4477", "Call 112."),
    ("es/", "El teléfono de mi médico o de mi clínica: Riverside Bone Clinic: (555) 010-4477", "Llame al 112."),
])
def test_the_clinic_fills_the_phone_line_and_the_emergency_step_its_number(clinic_site, folder, phone, emergency):
    for name in HANDOUTS:
        for pdf in (clinic_site / folder / "handouts" / "pdf").glob(f"{name}-*.pdf"):
            text = pdf_text(pdf)
            assert phone in text, pdf.name
            if name != "tests-you-may-have":
                assert emergency in text and "local emergency number" not in text, pdf.name
    # The other lines stay, to write on.
    assert "Who to call when the clinic is closed:" in pdf_text(clinic_site / "handouts/pdf/at-a-glance-a4.pdf")


def test_care_cards_and_page_foot_add_the_clinics_number_on_screen(clinic_site):
    html = (clinic_site / "causes" / "index.html").read_text()
    assert ('<p class="care-card__call">Call Riverside Bone Clinic at '
            '<span class="phone-number">(555) 010-4477</span>.</p>') in html
    assert ('Questions? Call Riverside Bone Clinic at <a class="phone-number" href="tel:5550104477">'
            '(555) 010-4477</a>.') in html
    assert "Open: Monday to Friday, 8 am to 6 pm." in html


def test_no_clinic_set_leaves_nothing_half_filled(editions):
    for pdf in all_pdfs(editions.web):
        text = pdf_text(pdf)
        assert "Questions? Call" not in text and "Or call" not in text, pdf.name
    for page in content_pages(editions.web) + content_pages(editions.kiosk):
        html = page.read_text()
        assert "clinic-header" not in html and "Questions? Call" not in html, page


def test_the_kiosk_shows_the_clinics_number_as_text(project_copy):
    result = preview_build(with_clinic(project_copy), "mkdocs-kiosk.yml")
    assert result.returncode == 0, result.output
    html = (result.site / "causes.html").read_text()
    assert 'Questions? Call Riverside Bone Clinic at <span class="phone-number">(555) 010-4477</span>.' in html
    assert 'href="tel:' not in html


def test_handout_pdfs_are_tagged_with_their_own_title_and_language(editions):
    for pdf in all_pdfs(editions.web):
        info = run("pdfinfo", str(pdf))
        assert re.search(r"^Tagged:\s+yes", info, re.M), pdf.name
        title = re.search(r"^Title:\s+(.*)$", info, re.M).group(1)
        assert title in {"Bone marrow edema at a glance", "Bone marrow edema: treatment and recovery",
                         "Bone marrow edema: tests you may have"}, title
        assert b"/Lang (en)" in pdf.read_bytes()
        structure = subprocess.run(["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"^\s+H1\b", structure, re.M) and re.search(r"^\s+L\b", structure, re.M), pdf.name
    tables = subprocess.run(["pdfinfo", "-struct", str(editions.web / "handouts/pdf/tests-you-may-have-a4.pdf")],
                            capture_output=True, text=True).stdout
    assert re.search(r"^\s+Table\b", tables, re.M) and re.search(r"^\s+TH\b", tables, re.M)


def word_heights(pdf: Path) -> list[float]:
    boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', run("pdftotext", "-bbox", str(pdf), "-"))
    return [float(y_max) - float(y_min) for y_min, y_max, _ in boxes]


@pytest.mark.parametrize("folder", ["", "es/"])
@pytest.mark.parametrize("name", HANDOUTS)
def test_large_print_is_16pt_or_more_on_at_most_two_sheets(editions, name, folder):
    for paper in ("a4", "letter"):
        pdf = editions.web / folder / "handouts" / "pdf" / f"{name}-large-{paper}.pdf"
        assert int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1)) <= 2
        # pdftotext's word boxes: 12 pt type measures about 13.4 pt high, so 16 pt about 17.9.
        assert min(word_heights(pdf)) >= 17.5, pdf.name
        standard = editions.web / folder / "handouts" / "pdf" / f"{name}-{paper}.pdf"
        assert min(word_heights(standard)) < 17.5  # the standard print is smaller


def test_handout_pages_offer_large_print(editions):
    html = (editions.web / "handouts" / "at-a-glance" / "index.html").read_text()
    assert 'href="../pdf/at-a-glance-large-a4.pdf" download>Large print PDF (A4)</a>' in html
    assert 'href="../pdf/at-a-glance-large-letter.pdf" download>Large print PDF (US Letter)</a>' in html


def test_placeholder_address_leaves_out_the_address_and_qr_and_says_how_to_set_it(project_copy, monkeypatch):
    monkeypatch.delenv("SITE_URL")
    result = preview_build(project_copy)
    assert result.returncode == 0, result.output
    assert result.output.count("Set SITE_URL") == 1
    for page in content_pages(result.site):
        body = page.read_text().split("<body", 1)[1]
        assert "example.github.io" not in body and "page-foot__qr" not in body, page


@pytest.fixture
def print_page(browser):
    page = browser.new_page()
    page.emulate_media(media="print")
    yield page
    page.close()


def sheet_texts(pdf: Path, pages: int) -> list[str]:
    return [run("pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-") for n in range(1, pages + 1)]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_any_page_prints_cleanly(print_page, clinic_site, tmp_path, paper):
    for name in ("causes", "diagnosis", "treatment", "symptoms", "what-is-it", "is-it-serious", "glossary", "sources"):
        print_page.goto((clinic_site / name / "index.html").as_uri())
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(print_page.pdf(format=paper, print_background=True))
        pages = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))
        sheets = sheet_texts(pdf, pages)
        if name == "causes":  # the longest page: 5 tables, then the whole help ladder
            assert pages <= 3, f"the causes page prints on {pages} sheets of {paper}"
        # The help ladder stays whole, on the sheet of its heading.
        ladder = [sheet for sheet in sheets if "Read all 3 boxes" in sheet]
        assert all("See your doctor soon if" in sheet and "Get emergency help" in sheet
                   for sheet in ladder), name
        for sheet in sheets[:-1]:
            last = [line.strip() for line in sheet.splitlines() if line.strip()][-1]
            # A sheet never ends with a table's caption or header row alone.
            assert not re.match(r"^(Causes|Treatments|Scans|Tests|What we corrected)\b.*$", last) or "  " in last, \
                (name, last)
            assert not re.fullmatch(r"(Cause|Treatment|Test|Scan|Topic)\s{2,}.*", last), (name, last)
        # No sheet holds only the page foot.
        assert not sheets[-1].lstrip().startswith("Questions? Call"), name
    text = " ".join(run("pdftotext", str(tmp_path / "causes.pdf"), "-").split())
    assert "ACL (a strong band inside the knee) tear" in text  # a short form's meaning, at its first use
    assert text.count("(a strong band inside the knee)") == 1
    symptoms = " ".join(run("pdftotext", str(tmp_path / "symptoms.pdf"), "-").split())
    assert "Phase 1: Month 1 · Pain starts" in symptoms


def test_links_in_the_foot_print_as_plain_text(print_page, clinic_site):
    print_page.goto((clinic_site / "causes" / "index.html").as_uri())
    style = print_page.eval_on_selector(".page-foot a", "a => getComputedStyle(a).textDecorationLine")
    assert style == "none"


def test_spanish_handouts_carry_the_clinic_in_spanish(clinic_site):
    pdfs = sorted((clinic_site / "es" / "handouts" / "pdf").glob("*.pdf"))
    assert len(pdfs) == 4 * len(HANDOUTS)
    for pdf in pdfs:
        assert "¿Tiene preguntas? Llame a Riverside Bone Clinic al (555) 010-4477." in pdf_text(pdf), pdf.name
    html = (clinic_site / "es" / "causes" / "index.html").read_text()
    assert "De lunes a viernes, de 8 a. m. a 6 p. m." in html and "Monday" not in html


def test_a_clinic_without_its_hours_in_spanish_is_told_what_to_add(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  # clinic:\n", CLINIC, 1))
    result = preview_build(project, language="es")
    assert result.returncode == 1
    assert "translations/es/settings.yml: setting, field 'extra.clinic.hours': no Spanish text" in result.output


def test_spanish_handout_pdfs_are_tagged_in_spanish_with_their_own_titles(editions):
    for pdf in sorted((editions.web / "es" / "handouts" / "pdf").glob("*.pdf")):
        info = run("pdfinfo", str(pdf))
        assert re.search(r"^Tagged:\s+yes", info, re.M), pdf.name
        assert b"/Lang (es)" in pdf.read_bytes(), pdf.name
        title = re.search(r"^Title:\s+(.*)$", info, re.M).group(1)
        assert title in {"El edema de médula ósea de un vistazo", "Edema de médula ósea: tratamiento y recuperación",
                         "Edema de médula ósea: pruebas que le pueden hacer"}, title
