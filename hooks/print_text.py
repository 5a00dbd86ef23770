"""MkDocs hook: words that paper needs and a screen shows another way, written
as text (hidden on screens by the class print-only) rather than by print.css,
since text that CSS makes is left outside a PDF's structure, where a screen
reader never finds it (PDF/UA).

- A short form says what it stands for the first time a page uses it: paper
  has no hover or tap.
- A link to another site shows its address after its words.
"""
from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.config.defaults import MkDocsConfig

# MkDocs loads a hook by its path; the guide's package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.rendering import TEMPLATES  # noqa: E402

ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<short>[^<]+)</abbr>')
OUTSIDE_LINK = re.compile(r'<a\b[^>]*\bhref="(?P<address>https?://[^"]+)"[^>]*>(?P<words>.*?)</a>', re.S)


_template = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                        undefined=StrictUndefined).get_template("print_only.html")


def _print_only(words: str, kind: str = "") -> str:
    return _template.render(words=words, kind=kind)


def _spelled_out_before(html: str, match: re.Match[str]) -> bool:
    """Whether the text right before the short form already spells it out:
    "Anterior cruciate ligament (ACL)" needs no second "(Anterior cruciate ligament)"."""
    before = re.sub(r"<[^>]+>", "", html[max(0, match.start() - 300):match.start()])
    return before.lower().endswith(f"{unescape(match.group('title')).lower()} (")


def spell_out_short_forms(html: str) -> str:
    seen: set[str] = set()

    def first_use(match: re.Match[str]) -> str:
        short = match.group("short")
        if short in seen:
            return match.group(0)
        seen.add(short)
        if _spelled_out_before(html, match):
            return match.group(0)
        return match.group(0) + _print_only(unescape(match.group("title")))

    return ABBR.sub(first_use, html)


def show_outside_addresses(html: str) -> str:
    def with_address(match: re.Match[str]) -> str:
        address = unescape(match.group("address"))
        if address in unescape(re.sub(r"<[^>]+>", "", match.group("words"))):
            return match.group(0)
        return match.group(0) + _print_only(address, "address")

    return OUTSIDE_LINK.sub(with_address, html)


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    html = spell_out_short_forms(html)
    # The kiosk shows an outside link's address as its text already (hooks/site_assets.py).
    return html if config["guide_settings"].kiosk else show_outside_addresses(html)
