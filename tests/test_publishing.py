"""Publishing: the GitHub Pages workflow, and the metadata a published site needs."""
from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
import yaml

from conftest import CONFIG, ROOT, SITE_URL, content_pages, copy_project, preview_build

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_workflow_publishes_main_with_the_readme_commands(workflow):
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML reads the key "on" as True
    runs = [s.get("run", "").strip() for s in steps(workflow, "build")]
    assert "make test" in runs and "make build" in runs
    assert runs.index("make test") < runs.index("make build")
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make build" in readme
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_workflow_uses_the_official_pages_actions_pinned(workflow):
    uses = [s["uses"] for job in ("build", "deploy") for s in steps(workflow, job) if "uses" in s]
    names = {u.split("@")[0] for u in uses}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages", "actions/checkout"} <= names
    for use in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+\.\d+\.\d+", use), f"{use} is not pinned to a release"
    upload = next(s for s in steps(workflow, "build") if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    kiosk = next(s for s in steps(workflow, "build") if "upload-artifact@" in s.get("uses", ""))
    assert kiosk["with"]["path"] == "site-kiosk.zip"
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_workflow_checks_out_the_whole_history_for_the_page_dates(workflow):
    checkout = next(s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_workflow_installs_the_browser_and_sets_the_fork_address(workflow):
    build = workflow["jobs"]["build"]
    install = " ".join(s.get("run", "") for s in build["steps"])
    assert "chromium" in install and "poppler-utils" in install and "zbar-tools" in install
    assert "github.repository_owner" in build["env"]["SITE_URL"]


def test_site_url_comes_from_the_environment(project_copy, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://fork.example.org/guide/")
    result = preview_build(project_copy)
    assert result.returncode == 0, result.output
    assert '<link rel="canonical" href="https://fork.example.org/guide/causes/">' in \
        (result.site / "causes" / "index.html").read_text()
    assert "https://fork.example.org/guide/causes/" in (result.site / "sitemap.xml").read_text()


def test_every_page_has_its_own_description_for_link_previews(built_site):
    descriptions = set()
    for page in content_pages(built_site):
        html = page.read_text()
        description = re.search(r'<meta name="description" content="([^"]+)"', html).group(1)
        assert f'<meta property="og:description" content="{description}">' in html
        descriptions.add(description)
    assert len(descriptions) == len(content_pages(built_site))  # none falls back to the site's


def test_sitemap_lists_every_page_at_the_site_address(built_site):
    tree = ElementTree.parse(built_site / "sitemap.xml")
    locations = {e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert len(locations) == len(content_pages(built_site))
    assert all(loc.startswith(SITE_URL) for loc in locations)


def test_logo_favicon_and_404_are_our_own(built_site):
    home = (built_site / "index.html").read_text()
    assert 'href="assets/images/favicon.svg"' in home
    assert 'src="assets/images/logo.svg"' in home
    assert (built_site / "assets" / "images" / "logo.svg").read_text().startswith("<svg")
    not_found = (built_site / "404.html").read_text()
    assert "<h1>Page not found</h1>" in not_found and "guide.css" in not_found


def test_repository_link_is_for_maintainers_and_only_when_set(built_site, built_kiosk, tmp_path, monkeypatch):
    # Not set (no REPO_URL): no link, and no placeholder address anywhere.
    for page in content_pages(built_site):
        html = page.read_text()
        assert "github.com" not in html and "md-source" not in html, page
    # Set: in the bottom bar, in words a reader understands, never in the header
    # (nor from Material's script, which would fetch the star count from GitHub).
    monkeypatch.setenv("REPO_URL", "https://github.com/riverside/bme-guide")
    result = preview_build(copy_project(tmp_path / "project"))
    assert result.returncode == 0, result.output
    home = (result.site / "index.html").read_text()
    footer = home[home.index('<div class="md-copyright">'):]
    assert '<a href="https://github.com/riverside/bme-guide">For developers: the files this guide is made from</a>' in footer
    assert home.count("github.com/riverside") == 1 and 'data-md-component="source"' not in home
    assert "github.com" not in (built_kiosk / "index.html").read_text()
