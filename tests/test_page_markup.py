"""What every page's markup says beyond its text: its title, the menu, where a
handout's buttons stand, icons a screen reader skips, and no address that does
not exist (a placeholder, or the kiosk's own files) in a link or a tag."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import CONFIG, SITE_URL, content_pages, copy_project, preview_build
from hooks.print_text import show_outside_addresses

SITE_NAME = CONFIG["site_name"]
SPANISH_NAME = "Edema de médula ósea — una guía para pacientes"


def pages_of(*sites: Path) -> list[Path]:
    return [page for site in sites for page in [*content_pages(site), site / "404.html"] if page.exists()]


def title(page: Path) -> str:
    return re.search(r"<title>(.*?)</title>", page.read_text(), re.S).group(1).strip()


def test_titles_name_the_page_then_the_guide_once(built_site, built_site_es):
    assert title(built_site / "index.html") == SITE_NAME
    assert title(built_site_es / "index.html") == SPANISH_NAME
    assert title(built_site / "causes" / "index.html") == f"What causes bone marrow edema? - {SITE_NAME}"
    for page in content_pages(built_site):
        assert title(page).count(SITE_NAME) == 1, page
    for page in content_pages(built_site_es):
        assert title(page).count(SPANISH_NAME) == 1, page


def test_the_handouts_menu_does_not_say_handouts_twice(built_site):
    html = (built_site / "handouts" / "at-a-glance" / "index.html").read_text()
    section = html[html.index('class="md-nav__title" for="__nav_'):]
    section = section[:section.index("</nav>")]
    entries = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", entry)).strip()
               for entry in re.findall(r'<a href="[^"]*" class="md-nav__link[^"]*">(.*?)</a>', section, re.S)]
    assert entries[0] == "All handouts" and "Handouts" not in entries


def test_a_handouts_buttons_come_after_its_title_and_opening_text(built_site):
    html = (built_site / "handouts" / "at-a-glance" / "index.html").read_text()
    article = html[html.index("<article"):]
    before_buttons = article[:article.index('class="handout-actions"')]
    assert "<h1" in before_buttons
    opening = before_buttons[before_buttons.index("</h1>"):]
    assert re.search(r"<p>[^<]*Bone marrow edema", re.sub(r"<abbr[^>]*>|</abbr>", "", opening))
    assert "opening text ends" not in html  # the build's mark is not left in the page


def test_icons_are_hidden_from_screen_readers_or_named(built_site, built_site_es):
    pages = pages_of(built_site, built_site_es)
    for page in pages:
        for tag in re.findall(r"<svg\b[^>]*>", page.read_text()):
            hidden = 'aria-hidden="true"' in tag
            named = 'role="img"' in tag and "aria-label=" in tag
            assert hidden or named, f"{page}: {tag}"
    home = (built_site / "index.html").read_text()
    assert home.count('aria-hidden="true" focusable="false"') >= 10  # the topic cards' icons among them


def test_theme_markup_is_valid_where_material_was_not(built_site):
    for page in pages_of(built_site):
        html = page.read_text()
        assert not re.search(r'<input[^>]*type="checkbox"[^>]*autocomplete', html), page
        assert not re.search(r"<nav[^>]*aria-expanded", html), page
        assert '<form class="md-header__option"' not in html, page
        if 'id="__toc"' in html:
            assert 'for="__toc"' in html, page  # never an unlabelled checkbox
        assert re.search(r'<form class="md-search__form"[^>]*>.*?<button type="submit"', html, re.S), page


def test_a_real_address_gives_each_page_its_canonical_address(built_site):
    html = (built_site / "causes" / "index.html").read_text()
    assert f'<link rel="canonical" href="{SITE_URL}causes/">' in html
    assert f'<meta property="og:url" content="{SITE_URL}causes/">' in html


def test_no_placeholder_or_kiosk_address_reaches_a_reader(built_kiosk, tmp_path, monkeypatch):
    # The kiosk's own .html addresses exist nowhere online.
    for page in content_pages(built_kiosk):
        html = page.read_text()
        assert 'rel="canonical"' not in html and "og:url" not in html, page
    # A build with the placeholder address: nothing of it in any page.
    monkeypatch.delenv("SITE_URL")
    project = copy_project(tmp_path / "project")
    for language in (None, "es"):
        result = preview_build(project, language=language)
        assert result.returncode == 0, result.output
    for page in pages_of(result.site, result.site / "es"):
        html = page.read_text()
        assert "example.github.io" not in html and "github.com/example" not in html, page
        assert 'rel="canonical"' not in html and "og:url" not in html, page


def test_words_for_paper_are_text_in_the_page_not_made_by_css(built_site):
    # CSS-made text is left outside a PDF's structure (PDF/UA): none that says anything.
    for sheet in ("guide.css", "print.css", "kiosk.css"):
        css = (built_site / "assets" / "css" / sheet).read_text()
        assert re.findall(r'\bcontent:\s*"[^"]+"', css) == [], sheet
    causes = (built_site / "causes" / "index.html").read_text()
    spelled = '<span class="print-only" data-search-exclude> (a strong band inside the knee)</span>'
    assert causes.count(spelled) == 1  # at the first ACL only
    # No page links to another site today; one that does prints its address.
    html = show_outside_addresses('<a href="https://a.example/x?y=1&amp;z=2">the article</a> '
                                  '<a href="https://b.example/">https://b.example/</a> <a href="../causes/">causes</a>')
    assert html == ('<a href="https://a.example/x?y=1&amp;z=2">the article</a><span class="print-only '
                    'print-only--address" data-search-exclude> (https://a.example/x?y=1&amp;z=2)</span> '
                    '<a href="https://b.example/">https://b.example/</a> <a href="../causes/">causes</a>')
