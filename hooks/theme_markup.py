"""MkDocs hook: three mends to the theme's markup that no partial can make, since
the markup is outside every partial or spread over all of them.

- Material's base.html (not a partial) writes `autocomplete="off"` on its drawer
  and search checkboxes; HTML allows that attribute on text-like inputs only
  (Nu Html Checker: two errors a page). The checkboxes do the same without it.
- Icons are inline SVG (Material's, and the `:material-...:` ones in pages); a
  screen reader meets each as an unnamed image. One with no name of its own
  (`role`, `aria-label`) is decoration beside words that say the same: it is
  hidden from screen readers. A picture that means something names itself, as
  the QR code does (partials/qr-code.html).
- With search off (the ZIM edition), base.html still writes the search
  checkbox, which Material's script needs, but no search button names it: it
  is hidden from screen readers, as it is from sight (pa11y: a checkbox with no
  name on every page).
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig

CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
SEARCH_TOGGLE = 'data-md-toggle="search"'
SVG = re.compile(r"<svg\b[^>]*>")
NAMED = re.compile(r'\s(?:role|aria-label|aria-labelledby|aria-hidden)=')


def mend_markup(html: str, search: bool = True) -> str:
    html = CHECKBOX.sub(lambda tag: tag.group(0).replace(' autocomplete="off"', ""), html)
    if not search:
        html = html.replace(SEARCH_TOGGLE, SEARCH_TOGGLE + ' aria-hidden="true"', 1)
    return SVG.sub(lambda tag: tag.group(0) if NAMED.search(tag.group(0))
                   else re.sub(r"\s*(/?)>$", r' aria-hidden="true" focusable="false"\1>', tag.group(0)), html)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return mend_markup(output, config.plugins["material/search"].config.enabled)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is rendered as a template of its own, not as a page.
    return mend_markup(output, config.plugins["material/search"].config.enabled)
