"""MkDocs hook: two mends to the theme's markup that no partial can make, since
the markup is outside every partial or spread over all of them.

- Material's base.html (not a partial) writes `autocomplete="off"` on its drawer
  and search checkboxes; HTML allows that attribute on text-like inputs only
  (Nu Html Checker: two errors a page). The checkboxes do the same without it.
- Icons are inline SVG (Material's, and the `:material-...:` ones in pages); a
  screen reader meets each as an unnamed image. One with no name of its own
  (`role`, `aria-label`) is decoration beside words that say the same: it is
  hidden from screen readers. A picture that means something names itself, as
  the QR code does (partials/qr-code.html).
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig

CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
SVG = re.compile(r"<svg\b[^>]*>")
NAMED = re.compile(r'\s(?:role|aria-label|aria-labelledby|aria-hidden)=')


def mend_markup(html: str) -> str:
    html = CHECKBOX.sub(lambda tag: tag.group(0).replace(' autocomplete="off"', ""), html)
    return SVG.sub(lambda tag: tag.group(0) if NAMED.search(tag.group(0))
                   else re.sub(r"\s*(/?)>$", r' aria-hidden="true" focusable="false"\1>', tag.group(0)), html)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return mend_markup(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is rendered as a template of its own, not as a page.
    return mend_markup(output)
