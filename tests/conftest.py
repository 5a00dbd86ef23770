"""Shared fixtures: the project's paths, a built copy of the real site, and
throw-away copies of the project whose data a test may change."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")


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
    return destination


def run_build(project: Path, config: str = "mkdocs.yml") -> BuildResult:
    """`mkdocs build --strict` of a project folder, as `make build` runs it."""
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp("web"))
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def search_index(built_site) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text())["docs"]


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def content_pages(site: Path) -> list[Path]:
    """Every page of a built site a reader can reach (the 404 page aside)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts)
