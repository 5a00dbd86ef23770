"""MkDocs hooks for what the theme cannot do by configuration alone.

- Serve third-party front-end files (installed from the npm registry by the
  Makefile, pinned in package-lock.json) from the site's own assets, so no page
  loads a script from elsewhere.
- In the kiosk edition, turn links to other sites into plain text that shows the
  address, open every link to the home page past the choice of language, and
  leave out the 404 page.
- Leave the pages an edition excludes (``exclude_docs``: the kiosk has no
  "Use this guide offline") out of its menu and its previous and next links.
- Give a page a canonical address (and og:url) only where one exists: in the
  web edition at a real address. The kiosk's and the ZIM's `.html` addresses
  are nowhere online, and a placeholder address is nobody's.
- Serve our own stylesheets without their comments: they are for maintainers,
  and half of each file's bytes on a phone's first view.
"""
from __future__ import annotations

import functools
import re
import sys
from html import unescape
from pathlib import Path
from typing import Callable

from jinja2 import Environment, Template
from markupsafe import Markup

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# MkDocs loads a hook by its path; the guide's package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.preparing import is_real_address  # noqa: E402

# Where each served file comes from, below the project folder.
VENDOR_FILES = {
    "assets/javascripts/iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js",
}

def on_page_context(context, page: Page, config: MkDocsConfig, nav: Navigation):
    if not config["guide_settings"].web or not is_real_address(config.site_url):
        page.canonical_url = None
    return context


def _is_kiosk(config: MkDocsConfig) -> bool:
    return config["guide_settings"].kiosk is not None


def _served_files(config: MkDocsConfig) -> dict[str, tuple[str, str]]:
    """Site path -> (project path, how to make it) for each file this edition serves."""
    served = {
        destination: (source, "run `make kiosk`, which installs the npm packages from package-lock.json")
        for destination, source in VENDOR_FILES.items()
        if any(destination in str(p) for p in config.extra.get("polyfills", []))
    }
    offline = config["guide_settings"].offline_edition
    if offline and not _is_kiosk(config):
        served[offline.download] = (offline.zip, "run `make kiosk` first (`make build` does)")
    return served


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = Path(config.config_file_path).parent
    for destination, (source, remedy) in _served_files(config).items():
        path = project / source
        if not path.is_file():
            raise PluginError(f"{source} is missing: {remedy}")
        files.append(File.generated(config, destination, abs_src_path=str(path)))
    return files


LINK = re.compile(r'<a\b[^>]*?\bhref="(?P<href>[^"]*)"[^>]*>(?P<text>.*?)</a>', re.DOTALL | re.IGNORECASE)
OFFSITE = re.compile(r"(?i)^(https?:|mailto:|tel:|//)")


def _kiosk_link(template: Template, past_the_choice: Callable[[str], str], match: re.Match[str]) -> str:
    href, text = match.group("href"), match.group("text")
    if not OFFSITE.match(href):
        # A link within the kiosk stays a link; to the home page, it opens past the choice of language.
        plain = unescape(href)
        added = past_the_choice(plain)[len(plain):]
        return match.group(0).replace(f'href="{href}"', f'href="{href}{added}"', 1) if added else match.group(0)
    # The address as a reader would type it: no scheme, no trailing slash.
    address = re.sub(r"(?i)^(mailto:|tel:|https?://)", "", unescape(href)).rstrip("/")
    plain = re.sub(r"<[^>]+>", "", text).strip()
    # The link's own text is the page's HTML already: it stays as it is.
    return template.render(text=Markup(text), address=None if address in plain else address)


_offsite_template: dict[str, Template] = {}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _offsite_template["kiosk"] = env.get_template("partials/offsite-link.html")
    return env


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    def kept(items: list) -> list:
        out = []
        for item in items:
            if getattr(item, "children", None):
                item.children = kept(item.children)
            if not (isinstance(item, Page) and item.file.inclusion.is_excluded()):
                out.append(item)
        return out

    nav.items = kept(nav.items)
    nav.pages = [page for page in nav.pages if not page.file.inclusion.is_excluded()]
    for index, page in enumerate(nav.pages):
        page.previous_page = nav.pages[index - 1] if index else None
        page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
    return nav


def on_post_build(config: MkDocsConfig) -> None:
    """Our stylesheets as served, without comments. Kiosk and ZIM: drop the 404
    page. Nothing serves it from a folder or a ZIM, and its links are absolute
    to the web edition's address, which would lead off the kiosk."""
    for source in (Path(config.docs_dir) / OWN_CSS).glob("*.css"):
        served = Path(config.site_dir) / OWN_CSS / source.name
        if served.is_file():
            served.write_text(without_comments(source.read_text(encoding="utf-8")), encoding="utf-8")
    if not config["guide_settings"].web:
        (Path(config.site_dir) / "404.html").unlink(missing_ok=True)


# Our own stylesheets, under docs/ and the site alike.
OWN_CSS = "assets/css"
COMMENT = re.compile(r"/\*.*?\*/", re.S)


def without_comments(css: str) -> str:
    """A stylesheet with its comments and the blank lines they leave taken out.
    (Ours hold no quoted text with "/*" in it.)"""
    return "\n".join(line for line in COMMENT.sub("", css).splitlines() if line.strip()) + "\n"


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Kiosk only: nothing leads off the kiosk, and nothing back to its choice of
    language (only the idle reset goes there); theme links included."""
    if not _is_kiosk(config):
        return output
    past_the_choice = functools.partial(config["guide_edition"].past_the_choice, page_url=page.url)
    return LINK.sub(functools.partial(_kiosk_link, _offsite_template["kiosk"], past_the_choice), output)
