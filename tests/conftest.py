"""Shared fixtures: the project's paths, built copies of the real site, and
throw-away copies of the project whose data a test may change.

Two tiers. The quick one (`make test-fast`, `-m "not slow"`) runs the unit tests
and the tests that read one in-process build of the web edition (`built_site`,
no PDFs). Everything that needs the real `make build` (PDFs, the kiosk and its
zip), a browser or builds of its own is marked slow here, by the fixtures it uses.
"""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError
from mkdocs.utils import yaml_load

from hooks.handout_pdfs import CHROMIUM, launch_chromium

ROOT = Path(__file__).resolve().parent.parent
# The PDF/UA checker (pip package pdfua, pinned in requirements-test.txt).
PDFUA = Path(sys.executable).parent / "pdfua"
SHARED = ROOT.parent / "shared"
# The builds under test have a real web address, as a published guide does (the
# QR codes and printed addresses appear only then); a test that wants the
# placeholder takes SITE_URL away. No request ever goes to it.
TEST_SITE_URL = "https://patients.riverside-clinic.org/bme-guide/"
os.environ["SITE_URL"] = TEST_SITE_URL
# Likewise a feedback route, as a publishing clinic sets one; a test that wants
# none takes it away.
os.environ["FEEDBACK_ADDRESS"] = "mailto:guide@riverside-clinic.example"
# No repository link unless a test sets one.
os.environ.pop("REPO_URL", None)
with open(ROOT / "mkdocs.yml", encoding="utf-8") as _config:
    CONFIG = yaml_load(_config)  # as MkDocs reads it, !ENV included
SITE_URL: str = CONFIG["site_url"]
PROJECT_PARTS = ("mkdocs.yml", "mkdocs-kiosk.yml", "mkdocs-zim.yml", "Makefile", "requirements.txt", "package.json",
                 "package-lock.json", "workbox-config.cjs", "docs", "data", "macros", "messages", "overrides", "hooks", "kiosk",
                 "scripts", "translations")
# A test that uses any of these is in the slow tier.
SLOW_FIXTURES = {"editions", "built_kiosk", "browser", "project_copy", "web_server", "clinic_site", "zim_files",
                 "zim_contents", "kiwix"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def copy_project(destination: Path) -> Path:
    """A copy of everything a build reads, so a test can change it freely."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    # Installed front-end packages are shared, not copied; their stamp stays valid.
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


def run_build(project: Path, target: str = "build") -> BuildResult:
    """`make build` (or another target) in a copy of the project, with this venv."""
    # -o: the npm packages are ROOT's, shared through a link; never reinstall them from a copy.
    result = subprocess.run(["make", "-o", "node_modules/.installed", target, f"VENV={ROOT / '.venv'}"], cwd=project,
                            capture_output=True, text=True, timeout=600)
    site = project / ("site-kiosk" if target == "kiosk" else "site")
    return BuildResult(result.returncode, result.stdout + result.stderr, site)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} -  {record.getMessage()}")


def build_in_process(config_file: Path, site_dir: Path, language: str | None = None, **settings) -> BuildResult:
    """`mkdocs build --strict` in this process, as `mkdocs serve` builds: no PDFs.
    ``language`` builds that language (as GUIDE_LANGUAGE does, into site_dir/<language>);
    ``settings`` replace top-level config values (``extra=...`` replaces extra)."""
    collect = _Collect()
    loggers = [logging.getLogger(name) for name in ("mkdocs", "guide.review", "guide.notice", "guide.translation")]
    for logger in loggers:
        logger.addHandler(collect)
    saved = os.environ.pop("GUIDE_LANGUAGE", None)
    if language:
        os.environ["GUIDE_LANGUAGE"] = language
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        config.update(settings)
        config.plugins.on_startup(command="serve", dirty=False)  # serve's way: no PDFs
        build(config)
        returncode = 0
    except (Abort, BuildError, ConfigurationError, SystemExit) as error:
        collect.lines.append(f"ERROR -  {error}")
        returncode = 1
    finally:
        for logger in loggers:
            logger.removeHandler(collect)
        os.environ.pop("GUIDE_LANGUAGE", None)
        if saved is not None:
            os.environ["GUIDE_LANGUAGE"] = saved
    return BuildResult(returncode, "\n".join(collect.lines), site_dir)


def preview_build(project: Path, config_name: str = "mkdocs.yml", language: str | None = None) -> BuildResult:
    """An edition of ``project`` built in this process, as `mkdocs serve` builds
    it (no PDFs), into ``project/preview-<edition>``. The web edition offers the
    kiosk zip; a stand-in takes its place here (`editions` tests the real one)."""
    config = yaml_load((project / config_name).read_text(encoding="utf-8"))
    extra = config.get("extra", {})
    overrides = {}
    if "INHERIT" not in config and extra.get("offline_edition"):
        stand_in = project / "offline-stand-in.zip"
        with zipfile.ZipFile(stand_in, "w") as archive:
            archive.writestr("site-kiosk/index.html", "")
        overrides["extra"] = {**extra, "offline_edition": {**extra["offline_edition"], "zip": str(stand_in)}}
    return build_in_process(project / config_name, project / f"preview-{Path(config_name).stem}", language,
                            **overrides)


def open_past_the_choice(page, url: str) -> None:
    """Open a kiosk home page at ``url``, #start (past the choice of language) or
    another, and wait out Material: 125 ms after it goes to an address's target,
    it closes search, so a tap on search any sooner would be undone."""
    page.goto(url)
    page.wait_for_timeout(500)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The web edition, built once per test run in this process, without PDFs."""
    result = preview_build(copy_project(tmp_path_factory.mktemp("web") / "project"))
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def built_site_es(tmp_path_factory) -> Path:
    """The web edition in Spanish (its es/ folder), built in this process, without PDFs."""
    result = preview_build(copy_project(tmp_path_factory.mktemp("web-es") / "project"), language="es")
    assert result.returncode == 0, result.output
    return result.site / "es"


@dataclass
class Editions:
    project: Path
    web: Path
    kiosk: Path
    kiosk_zip: Path


@pytest.fixture(scope="session")
def editions(tmp_path_factory) -> Editions:
    """Both editions, built once per test run by the real `make build`."""
    project = copy_project(tmp_path_factory.mktemp("editions"))
    result = run_build(project)
    assert result.returncode == 0, result.output
    return Editions(project, project / "site", project / "site-kiosk", project / "site-kiosk.zip")


@pytest.fixture(scope="session")
def built_kiosk(editions) -> Path:
    return editions.kiosk


@pytest.fixture(scope="session")
def search_index(built_site) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text())["docs"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing in CI is a failure."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: `make test` installs it (Debian package chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # As GitHub Pages does: text goes gzipped to a browser that accepts it (so
    # Lighthouse, in make bench, times the bytes a phone really downloads).
    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest", ".txt")

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        # As GitHub Pages does: a browser may reuse a file for 10 minutes.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in self.COMPRESSED
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, deadline: float, wanted: str | None = None) -> str:
    """The page at ``url``, waiting (until ``deadline``) for the server, or for ``wanted`` to appear."""
    while True:
        try:
            text = urllib.request.urlopen(url, timeout=5).read().decode()
            if wanted is None or wanted in text:
                return text
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{url} did not show {wanted!r} in time"
        time.sleep(0.5)


@contextlib.contextmanager
def serve_folder(folder: Path, path: str = "/") -> Iterator[str]:
    """A static server on loopback that serves ``folder`` at ``path``, as GitHub
    Pages serves a project site; yields the site's address."""
    inside = path.strip("/")
    with tempfile.TemporaryDirectory() as root:
        if inside:
            (Path(root) / inside).parent.mkdir(parents=True, exist_ok=True)
            (Path(root) / inside).symlink_to(folder.resolve())
        handler = functools.partial(_QuietHandler, directory=root if inside else str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}/" + (f"{inside}/" if inside else "")
        finally:
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="session")
def web_server(editions) -> Iterator[str]:
    # The full web edition, PDFs included, at the path of site_url, so the 404
    # page's absolute links resolve too.
    with serve_folder(editions.web, urlparse(SITE_URL).path) as address:
        yield address


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def web_page_urls(site: Path, base: str) -> list[str]:
    """The address of every content page of the web edition served at ``base``."""
    urls = []
    for page in content_pages(site):
        folder = page.relative_to(site).parent.as_posix()
        urls.append(base if folder == "." else f"{base}{folder}/")
    return urls


def content_pages(site: Path) -> list[Path]:
    """Every page of a built site a reader can reach (the 404 page aside)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts)
