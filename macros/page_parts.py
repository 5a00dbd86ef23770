"""Put a page's key message under its title, and a handout's main points at its
end, into the page's Markdown (after the macros have run, before Markdown)."""
from __future__ import annotations

import re

TITLE = re.compile(r"^# .*$", re.MULTILINE)


def with_page_parts(markdown: str, key_message: str, main_points: str | None, page: str) -> str:
    """``markdown`` with the rendered key message after its title (its first
    `# ` line) and the main points, if any, at its end. HTML blocks stand
    between blank lines, so Markdown keeps them as they are."""
    title = TITLE.search(markdown)
    if title is None:
        raise ValueError(f"{page}: the page has no title (a line starting '# '), so its key message has no place")
    text = f"{markdown[:title.end()]}\n\n{key_message}\n\n{markdown[title.end():].lstrip(chr(10))}"
    return f"{text.rstrip()}\n\n{main_points}\n" if main_points else text
