"""MkDocs hook: words that paper needs and a screen shows another way, written
as text (hidden on screens by the class print-only) rather than by print.css,
since text that CSS makes is left outside a PDF's structure, where a screen
reader never finds it (PDF/UA).

- A short form says what it means in everyday words the first time a page
  uses it: paper has no hover or tap.
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

from macros.rendering import TEMPLATES, abbreviation_names, abbreviation_terms  # noqa: E402

ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<short>[^<]+)</abbr>')
OUTSIDE_LINK = re.compile(r'<a\b[^>]*\bhref="(?P<address>https?://[^"]+)"[^>]*>(?P<words>.*?)</a>', re.S)


_template = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                        undefined=StrictUndefined).get_template("print_only.html")


def _print_only(words: str, kind: str = "") -> str:
    return _template.render(words=words, kind=kind)


def _text_before(html: str, end: int) -> str:
    """The text of the 300 characters before ``end``: tags (and a tag cut at
    the start) taken out."""
    fragment = re.sub(r"^[^<]*>", "", html[max(0, end - 300):end])
    return unescape(re.sub(r"<[^>]+>", "", fragment))


def _spelled_out_before(before: str, match: re.Match[str], term: str) -> bool:
    """Whether the text right before the short form already spells it out:
    "Anterior cruciate ligament (ACL)" needs no "(a band inside the knee)"."""
    return any(before.lower().endswith(f"{words.lower()} (") for words in (term, unescape(match.group("title"))))


def _in_quotation(before: str) -> bool:
    """Whether a quotation is open: words added there would change what was quoted."""
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def spell_out_short_forms(html: str, terms: dict[str, str], phrases: dict[str, list[str]] | None = None) -> str:
    """Each short form, at its first use, followed by what it means in everyday
    words (its abbr title), unless its term or those words come right before it,
    or it stands in a quotation. Where the short form begins a name of its own
    ("MRI scan", in ``phrases``: MRI -> ["scan"]), the words follow the whole name:
    "MRI scan (a scan that uses a strong magnet)", not "MRI (...) scan"."""
    seen: set[str] = set()
    phrases = phrases or {}
    parts: list[str] = []
    done = 0  # how much of html is in parts
    for match in ABBR.finditer(html):
        short = match.group("short")
        before = _text_before(html, match.start())
        if short in seen or _in_quotation(before):
            continue
        seen.add(short)
        # "(TC)" shortens the words just before it, whatever their form.
        if _spelled_out_before(before, match, terms.get(short, "")) or \
                (before.endswith("(") and html[match.end():].startswith(")")):
            continue
        end = match.end()
        for word in phrases.get(short, []):
            if named := re.match(rf" {re.escape(word)}\b", html[end:]):
                end += named.end()
                break
        parts += [html[done:end], _print_only(unescape(match.group("title")))]
        done = end
    return "".join(parts) + html[done:]


def show_outside_addresses(html: str) -> str:
    def with_address(match: re.Match[str]) -> str:
        address = unescape(match.group("address"))
        if address in unescape(re.sub(r"<[^>]+>", "", match.group("words"))):
            return match.group(0)
        return match.group(0) + _print_only(address, "address")

    return OUTSIDE_LINK.sub(with_address, html)


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    data = config["guide_data"]
    html = spell_out_short_forms(html, abbreviation_terms(data), abbreviation_names(data))
    # The kiosk shows an outside link's address as its text already (hooks/site_assets.py).
    return html if config["guide_settings"].kiosk else show_outside_addresses(html)
