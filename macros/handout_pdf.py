"""What a handout PDF needs beyond what Chromium prints: links that work where
the reader is, a description for each link, and metadata that says what the
file is (PDF/UA-1's identification, its title and language).

Chromium prints the handout from the built files, so its links point into the
build folder (file:///...). Before printing, every link within the guide is
pointed at the same page of the web edition, or, while the site's address is a
placeholder, made plain text: a sheet never shows the build machine's paths.
"""
from __future__ import annotations

import io
from urllib.parse import urljoin

import pikepdf

from .preparing import is_real_address

# Run in the printed page, before printing: each link within the guide (under
# `site`, a file:// folder) goes to `web` (the web edition's address) instead,
# or loses its address when `web` is null; links elsewhere (tel:, mailto:,
# https:) stay. Returns each remaining link's address and what it says.
POINT_LINKS_AT_THE_WEB = """([site, web]) => {
  const links = {};
  for (const link of document.querySelectorAll("a[href]")) {
    let address = link.href;
    if (address.startsWith(site)) {
      if (!web) { link.removeAttribute("href"); continue; }
      address = web + address.slice(site.length);
      link.href = address;
    }
    const words = (link.getAttribute("aria-label") || link.textContent).replace(/\\s+/g, " ").trim();
    links[address] = links[address] || words;
  }
  return links;
}"""


def web_edition(site_url: str | None) -> str | None:
    """The web edition's address that printed links point to, or None while
    it is a placeholder."""
    return urljoin(site_url, ".") if is_real_address(site_url) else None


def finish(pdf: bytes, title: str, language: str, link_words: dict[str, str]) -> bytes:
    """The printed PDF with a description on each link (PDF/UA 7.18.5), each
    drawing's frame a group (see ``_frames_as_groups``) and XMP metadata:
    title, language and the PDF/UA-1 identification (PDF/UA 5)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        if "/StructTreeRoot" in document.Root:
            _frames_as_groups(document.Root.StructTreeRoot)
        for page in document.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                address = str(annotation.get("/A", {}).get("/URI", ""))
                words = link_words.get(address) or address
                annotation.Contents = pikepdf.String(words)
        with document.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
            meta["dc:language"] = {language}
            meta["pdfuaid:part"] = "1"
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def _frames_as_groups(node: pikepdf.Object) -> None:
    """Chromium tags an HTML <figure> as a PDF Figure with no text alternative,
    around the drawing (a Figure with its /Alt) and its caption. A Figure's
    /Alt stands for all it holds, so the frame is made a Div, a group: a
    reader then meets the drawing's own description and its caption."""
    if not isinstance(node, pikepdf.Dictionary):
        return
    children = _children(node)
    if node.get("/S") == "/Figure" and "/Alt" not in node and "/ActualText" not in node \
            and any(_has_figure(child) for child in children):
        node.S = pikepdf.Name.Div
    for child in children:
        _frames_as_groups(child)


def _has_figure(node: pikepdf.Object) -> bool:
    if not isinstance(node, pikepdf.Dictionary):
        return False
    if node.get("/S") == "/Figure" and "/Alt" in node:
        return True
    return any(_has_figure(child) for child in _children(node))


def _children(node: pikepdf.Dictionary) -> list[pikepdf.Object]:
    """A structure element's kids: /K is one kid or an array of them."""
    kids = node.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
