"""The kiosk a clinic can leave alone: every tap leads to a kiosk page where the
idle reset runs, a touch-first start page, text and controls sized for a finger
at the kiosk screen sizes, a QR code to take a page along, and the lock-down
files that ship with it."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

from conftest import CONFIG, ROOT, TEST_SITE_URL, content_pages, open_past_the_choice, preview_build

KIOSK_SIZES = [{"width": 1080, "height": 1920}, {"width": 1920, "height": 1080}, {"width": 1280, "height": 800}]
CHROMIUM_BINARY = Path("/usr/lib/chromium/chromium")
IDLE_MS = yaml.safe_load((ROOT / "mkdocs-kiosk.yml").read_text())["extra"]["kiosk"]["idle_seconds"] * 1000

# Visible text an element holds itself (not only its children), smaller than 20 px.
SMALL_TEXT = """() => { const out = [];
  for (const e of document.querySelectorAll('body *')) {
    if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (r.width <= 1 || r.height <= 1 || s.visibility === 'hidden' || e.closest('[hidden]')) continue;
    if (parseFloat(s.fontSize) < 20) out.push(`${e.tagName}.${e.className} ${s.fontSize} "${e.textContent.trim().slice(0, 30)}"`);
  }
  return out; }"""
# Controls a finger uses smaller than 48 x 48 px; links inside running text aside.
SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, input, select, label[for], summary')]
  .map(e => e.closest('label') || e)
  .filter(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.pointerEvents !== 'none'
      && s.opacity !== '0' && !e.closest('[hidden]')
      && s.clip !== 'rect(0px, 0px, 0px, 0px)'; })  // out of sight until the keyboard reaches it (then measured)
  .filter(e => !(e.tagName === 'A' && e.closest('.md-content p, .md-content li, .md-content td, .md-content dd')
                 && !e.closest('.topic-cards')))
  .map(e => { const r = e.getBoundingClientRect();
              return `${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 30)}" ${r.width}x${r.height}`; })
  .filter(t => { const [w, h] = t.split(' ').pop().split('x').map(Number); return w < 48 || h < 48; })"""


def kiosk_target(kiosk: Path, page: Path, href: str) -> Path:
    """The file a link on a kiosk page opens."""
    parts = urlparse(href)
    assert parts.scheme in ("", "file"), f"{page.name}: {href} leads off the kiosk"
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target


def test_every_tap_leads_to_a_kiosk_page_where_the_idle_reset_runs(browser, built_kiosk):
    kiosk = built_kiosk.resolve()
    start = kiosk / "index.html"
    seen, queue = {start}, [start]
    context = browser.new_context(viewport=KIOSK_SIZES[0])
    page = context.new_page()
    page.clock.install()
    while queue:
        current = queue.pop()
        page.goto(current.as_uri())
        links = page.eval_on_selector_all("a[href]", "links => links.map(a => [a.getAttribute('href'), a.hasAttribute('download')])")
        for href, download in links:
            assert not download, f"{current.name}: {href} is a download"
            target = kiosk_target(kiosk, current, href)
            assert target.suffix == ".html" and target.is_file(), f"{current.name}: {href} is not a kiosk page"
            assert kiosk in target.parents
            if target not in seen:
                seen.add(target)
                queue.append(target)
        # The idle reset runs here: a touch, then quiet, brings the notice.
        page.dispatch_event("body", "pointerdown")
        page.clock.run_for(IDLE_MS + 1000)
        assert page.get_by_role("alertdialog").is_visible(), f"no idle reset on {current.name}"
    context.close()
    assert seen == {p.resolve() for p in content_pages(built_kiosk)}


def test_kiosk_offers_no_pdf_zip_download_or_print_button(built_kiosk):
    for page in content_pages(built_kiosk):
        html = page.read_text()
        assert not re.search(r'href="[^"]*\.(pdf|zip)"', html), page
        assert not re.search(r"<a\b[^>]*\bdownload\b", html), page
        assert "window.print()" not in html, page
    assert not list(built_kiosk.rglob("*.pdf"))


def topic_pages() -> set[str]:
    """The kiosk address of each topic in the menu (a section by its first page),
    the start page and the offline-download page aside."""
    pages = set()
    for item in CONFIG["nav"]:
        entry = next(iter(item.values()))
        first = entry if isinstance(entry, str) else entry[0]
        first = next(iter(first.values())) if isinstance(first, dict) else first  # "All handouts: ..."
        if first not in ("index.md", "offline.md"):
            pages.add(first.removesuffix(".md") + ".html")
    return pages


def test_start_page_reaches_every_topic_in_one_tap(built_kiosk):
    home = (built_kiosk / "index.html").read_text()
    cards = home[home.index('class="grid cards topic-cards"'):]
    more = home[home.index('class="more-links"'):]  # the glossary and sources, under the topics
    tiles = set(re.findall(r'href="([^"#]+)"', cards[:cards.index("</div>")] + more[:more.index("</div>")]))
    assert topic_pages() <= tiles and len(topic_pages()) >= 9
    assert 'class="kiosk-search" for="__search"' in home
    assert 'class="care-card care-card--today"' in home

def home_links(kiosk: Path, page: Path) -> list[str]:
    """The links on a kiosk page that open the English home page, by their href."""
    hrefs = re.findall(r'<a\b[^>]*\bhref="([^"]*)"', page.read_text())
    return [href for href in hrefs if not urlparse(href).scheme
            and kiosk_target(kiosk, page, href) == (kiosk / "index.html").resolve()]


def test_logo_menu_home_button_and_language_links_all_open_past_the_choice(built_kiosk):
    kiosk = built_kiosk.resolve()
    for page in content_pages(kiosk):
        html = page.read_text()
        spanish = page.relative_to(kiosk).parts[0] == "es"
        home = re.search(r'<a class="md-header__button kiosk-home" href="([^"]*)"', html)
        assert home, f"{page.name}: no Home button in the header"
        assert kiosk_target(kiosk, page, home.group(1)) == kiosk / ("es/index.html" if spanish else "index.html"), page
        assert home.group(1).endswith("#start") != spanish, page
        # Every way to the English home page skips the choice (only the idle reset goes
        # there): to its start, or to one of its headings.
        links = home_links(kiosk, page)
        assert all(urlparse(href).fragment for href in links), (page, links)
        if not spanish:
            assert len(links) >= 2, page  # the Home button and the menu's Home at least
    assert "../index.html#start" in home_links(kiosk, kiosk / "es" / "index.html")


def test_language_choice_says_what_the_guide_is_in_each_language(built_kiosk):
    html = (built_kiosk / "index.html").read_text()
    choice = html[html.index('class="kiosk-language"'):html.index('class="kiosk-language__choices"')]
    assert re.search(r'<p lang="en"><span class="kiosk-language__guide">Bone marrow edema — a guide for patients</span>\s*'
                     r'<span class="kiosk-language__choose">Choose your language</span>', choice)
    assert re.search(r'<p lang="es"><span class="kiosk-language__guide">Edema de médula ósea — una guía para pacientes</span>\s*'
                     r'<span class="kiosk-language__choose">Elija su idioma</span>', choice)


def test_kiosk_has_no_page_offering_the_offline_edition(built_kiosk):
    assert not (built_kiosk / "offline.html").exists() and not (built_kiosk / "es" / "offline.html").exists()
    for page in content_pages(built_kiosk):
        html = page.read_text()
        assert "offline.html" not in html and "Use this guide offline" not in html, page
        assert "sin conexión</" not in html, page
    # The menu's last page is the last page: its "Next" link is gone with the page after it.
    assert 'rel="next"' not in (built_kiosk / "sources.html").read_text()


@pytest.mark.parametrize("size", KIOSK_SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
def test_home_button_sits_in_the_header_and_covers_nothing(browser, built_kiosk, size):
    page = browser.new_page(viewport=size)
    for name in ("causes.html", "es/treatment.html", "glossary.html"):
        page.goto((built_kiosk / name).as_uri())
        home = page.locator(".kiosk-home").bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert home["width"] >= 48 and home["height"] >= 48
        assert header["y"] <= home["y"] and home["y"] + home["height"] <= header["y"] + header["height"]
        # Scrolled to the end, the last lines and the footer's links are each what a finger meets there.
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(200)
        for selector in (".md-footer__link--prev", ".md-footer__link--next", ".page-foot p:last-child"):
            target = page.locator(selector)
            if not target.count():
                continue
            box = target.first.bounding_box()
            hit = page.evaluate("([x, y, s]) => !!document.elementFromPoint(x, y)?.closest(s)",
                                [box["x"] + 10, box["y"] + box["height"] / 2, selector.split()[0]])
            assert hit, f"{name}: something covers {selector}"
    page.close()


@pytest.mark.parametrize("size", KIOSK_SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
def test_text_and_controls_are_sized_for_a_finger(browser, built_kiosk, size):
    page = browser.new_page(viewport=size)
    for html in content_pages(built_kiosk):
        page.goto(html.as_uri())
        assert page.evaluate(SMALL_TEXT) == [], html.name
        assert page.evaluate(SMALL_TARGETS) == [], html.name
    # The menu drawer, where the screen is too narrow for the menu beside the text.
    drawer = page.locator('label.md-header__button[for="__drawer"]')
    if drawer.is_visible():
        drawer.click()
        page.wait_for_timeout(400)
        assert page.evaluate(SMALL_TEXT) == [] and page.evaluate(SMALL_TARGETS) == []
        page.keyboard.press("Escape")
    # Search results, from the start page's own search field (past the choice of language).
    open_past_the_choice(page, (built_kiosk / "index.html").as_uri() + "#start")
    page.locator(".kiosk-search").click()
    page.locator('input[data-md-component="search-query"]').press_sequentially("pain", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(500)  # let the clear button finish growing in
    assert page.evaluate(SMALL_TEXT) == [] and page.evaluate(SMALL_TARGETS) == []
    # "Show results", shown when the keyboard reaches it, is as large as the rest.
    page.locator(".search-submit").focus()
    assert page.evaluate(SMALL_TARGETS) == []
    page.close()


@pytest.mark.parametrize("size", KIOSK_SIZES[:2], ids=lambda s: f"{s['width']}x{s['height']}")
def test_landscape_and_portrait_use_the_width_of_the_screen(browser, built_kiosk, size):
    page = browser.new_page(viewport=size)
    page.goto((built_kiosk / "symptoms.html").as_uri())
    text = page.eval_on_selector("article", "a => a.getBoundingClientRect().width")
    assert text >= 0.6 * size["width"], text
    page.close()


def test_qr_code_opens_the_same_page_of_the_web_edition(browser, built_kiosk, tmp_path):
    page = browser.new_page(viewport=KIOSK_SIZES[0])
    page.goto((built_kiosk / "treatment.html").as_uri())
    code = page.locator(".page-foot__qr")
    assert "Scan to read this on your phone" in code.inner_text()
    assert code.locator("svg").bounding_box()["width"] >= 200  # scannable from arm's length
    code.screenshot(path=str(tmp_path / "qr.png"))
    page.close()
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "qr.png")],
                             capture_output=True, text=True, check=True).stdout.split()
    assert decoded == [f"{TEST_SITE_URL}treatment/"]


def test_no_qr_code_while_the_web_address_is_a_placeholder(project_copy, monkeypatch):
    monkeypatch.delenv("SITE_URL")
    result = preview_build(project_copy, "mkdocs-kiosk.yml")
    assert result.returncode == 0, result.output
    for page in content_pages(result.site):
        html = page.read_text()
        assert "page-foot__qr" not in html and "example.github.io" not in html.split("<body")[1], page


def test_printing_kiosk_gets_print_buttons_and_a_printing_launch(project_copy):
    config = project_copy / "mkdocs-kiosk.yml"
    config.write_text(config.read_text().replace("printing: false", "printing: true"))
    result = preview_build(project_copy, "mkdocs-kiosk.yml")
    assert result.returncode == 0, result.output
    assert "window.print()" in (result.site / "handouts" / "at-a-glance.html").read_text()
    assert "--kiosk-printing" in (result.site / "kiosk-setup" / "start-kiosk.sh").read_text()
    assert json.loads((result.site / "kiosk-setup" / "chromium-policy.json").read_text())["PrintingEnabled"] is True


def test_policy_locks_the_kiosk_to_its_folder_with_names_chromium_knows(built_kiosk):
    policy = json.loads((built_kiosk / "kiosk-setup" / "chromium-policy.json").read_text())
    # "*" leaves Chromium's own pages open: they are named. The setup files are shut.
    assert policy["URLBlocklist"][0] == "*" and "chrome://*" in policy["URLBlocklist"]
    assert "file:///opt/patient-guide/site-kiosk/kiosk-setup" in policy["URLBlocklist"]
    assert policy["URLAllowlist"] == ["file:///opt/patient-guide/site-kiosk/"]
    assert policy["DownloadRestrictions"] == 3 and policy["AllowFileSelectionDialogs"] is False
    assert policy["DeveloperToolsAvailability"] == 2 and policy["PrintingEnabled"] is False
    assert "pdf" in policy["PrinterTypeDenyList"]
    # Chromium offers to translate a Spanish page with a bubble that leads out of the guide.
    assert policy["TranslateEnabled"] is False
    assert '<meta name="google" content="notranslate">' in (built_kiosk / "es" / "causes.html").read_text()
    # Chromium keeps the name of every policy it knows in its program file.
    browser = CHROMIUM_BINARY.read_bytes()
    unknown = [name for name in policy if b"\0" + name.encode() + b"\0" not in browser]
    assert unknown == []


def test_launch_script_opens_the_installed_start_page_under_the_watchdog(built_kiosk):
    setup = built_kiosk / "kiosk-setup"
    script = setup / "start-kiosk.sh"
    assert script.stat().st_mode & 0o111
    text = script.read_text()
    assert 'watchdog.py" ${size:+--screen=$size} "file:///opt/patient-guide/site-kiosk/index.html" --' in text
    assert "chromium --kiosk --user-data-dir=" in text
    assert "--kiosk-printing" not in text
    assert (setup / "watchdog.py").read_text() == (ROOT / "kiosk" / "watchdog.py").read_text()
    assert subprocess.run(["sh", "-n", str(script)]).returncode == 0
