"""Every internal link, asset and #anchor of both built editions resolves.

MkDocs' strict mode checks Markdown links only, not those in macro output or
templates, so this walks the HTML as a browser would follow it.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from conftest import SITE_URL


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "link" and values.get("rel") in {"canonical", "alternate"}:
            return  # the page's own web address, not a request
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name])


def parse(page: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def resolve(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file and anchor a link leads to, or None for a link off the site."""
    parts = urlparse(link)
    if parts.scheme or link.startswith("//"):
        return None
    site_path = urlparse(SITE_URL).path
    if parts.path.startswith("/"):
        target = site / unquote(parts.path).removeprefix(site_path)
    elif parts.path:
        target = page.parent / unquote(parts.path)
    else:
        target = page
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target.resolve(), parts.fragment


def broken_links(site: Path) -> list[str]:
    broken = []
    pages = {p.resolve(): parse(p) for p in site.rglob("*.html")}
    for page, collector in pages.items():
        for link in collector.links:
            if (resolved := resolve(site.resolve(), page, link)) is None:
                continue
            target, anchor = resolved
            if not target.is_file():
                broken.append(f"{page.relative_to(site.resolve())}: {link} (no such file)")
            elif anchor and target.suffix == ".html" and anchor not in pages[target].ids:
                broken.append(f"{page.relative_to(site.resolve())}: {link} (no #{anchor} there)")
    return broken


def test_web_edition_has_no_broken_internal_link(editions):
    assert broken_links(editions.web) == []


def test_kiosk_edition_has_no_broken_internal_link(built_kiosk):
    assert broken_links(built_kiosk) == []


def test_the_checker_finds_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a>'
                                                '<a href="../b/">gone</a><a href="#nowhere">bad</a>'
                                                f'<img src="{urlparse(SITE_URL).path}a/index.html">')
    assert sorted(broken_links(tmp_path)) == ["a/index.html: #nowhere (no #nowhere there)",
                                              "a/index.html: ../b/ (no such file)"]
