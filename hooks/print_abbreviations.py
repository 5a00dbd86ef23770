"""MkDocs hook: on paper, a short form says what it stands for the first time a
page uses it, since paper has no hover or tap. The first <abbr> of each short
form in a page gets the class abbr--first; print.css writes its meaning after it.
"""
from __future__ import annotations

import re
from html import unescape

from mkdocs.config.defaults import MkDocsConfig

ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<short>[^<]+)</abbr>')


def _spelled_out_before(html: str, match: re.Match[str]) -> bool:
    """Whether the text right before the short form already spells it out:
    "Anterior cruciate ligament (ACL)" needs no second "(Anterior cruciate ligament)"."""
    before = re.sub(r"<[^>]+>", "", html[max(0, match.start() - 300):match.start()])
    return before.lower().endswith(f"{unescape(match.group('title')).lower()} (")


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    seen: set[str] = set()

    def first_use(match: re.Match[str]) -> str:
        short = match.group("short")
        if short in seen:
            return match.group(0)
        seen.add(short)
        if _spelled_out_before(html, match):
            return match.group(0)
        return match.group(0).replace("<abbr ", '<abbr class="abbr--first" ', 1)

    return ABBR.sub(first_use, html)
