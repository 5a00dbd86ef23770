"""MkDocs hooks for what the theme cannot do by configuration alone.

- Serve third-party front-end files (installed from the npm registry by the
  Makefile, pinned in package-lock.json) from the site's own assets, so no page
  loads a script from elsewhere.
- In the kiosk edition, turn links to other sites into plain text that shows the
  address, check the idle settings, and leave out the 404 page.
"""
from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# Where each served file comes from, below the project folder.
VENDOR_FILES = {
    "assets/javascripts/iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js",
}

MIN_ANSWER_SECONDS = 20  # WCAG 2.2.1: time to ask for more time


def _is_kiosk(config: MkDocsConfig) -> bool:
    return bool(config.extra.get("kiosk"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _is_kiosk(config):
        kiosk = config.extra["kiosk"]
        for key, least in (("idle_seconds", 1), ("answer_seconds", MIN_ANSWER_SECONDS)):
            value = kiosk.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value < least:
                raise PluginError(
                    f"{config.config_file_path}: extra.kiosk.{key} must be a whole number of "
                    f"seconds, at least {least} (got {value!r})")
    return config


def _served_files(config: MkDocsConfig) -> dict[str, tuple[str, str]]:
    """Site path -> (project path, how to make it) for each file this edition serves."""
    served = {
        destination: (source, "run `make kiosk`, which installs the npm packages from package-lock.json")
        for destination, source in VENDOR_FILES.items()
        if any(destination in str(p) for p in config.extra.get("polyfills", []))
    }
    offline = config.extra.get("offline_edition")
    if offline and not _is_kiosk(config):
        served[offline["download"]] = (offline["zip"], "run `make kiosk` first (`make build` does)")
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


def _as_text(match: re.Match[str]) -> str:
    href, text = match.group("href"), match.group("text")
    if not OFFSITE.match(href):
        return match.group(0)  # a link within the kiosk stays a link
    # The address as a reader would type it: no scheme, no trailing slash.
    address = re.sub(r"(?i)^(mailto:|tel:|https?://)", "", unescape(href)).rstrip("/")
    plain = re.sub(r"<[^>]+>", "", text).strip()
    shown = "" if address in plain else f' <span class="offsite-link__address">({escape(address)})</span>'
    return f'<span class="offsite-link">{text}{shown}</span>'


def on_post_build(config: MkDocsConfig) -> None:
    """Kiosk only: drop the 404 page. Nothing serves it from a folder, and its
    links are absolute to the web edition's address, which would lead off the kiosk."""
    if _is_kiosk(config):
        (Path(config.site_dir) / "404.html").unlink(missing_ok=True)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Kiosk only: nothing leads off the kiosk, theme links included."""
    if not _is_kiosk(config):
        return output
    return LINK.sub(_as_text, output)
