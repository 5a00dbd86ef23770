"""A second guide is data and pages away: a made-up "Example condition" guide
(tests/example_guide) builds with the same macros, templates, words and hooks."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, build_in_process

EXAMPLE = ROOT / "tests" / "example_guide"


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    result = build_in_process(EXAMPLE / "mkdocs.yml", tmp_path_factory.mktemp("example") / "site")
    assert result.returncode == 0, result.output
    return result.site


def article(site, page: str) -> str:
    html = (site / page).read_text()
    return html[html.index("<article"):html.index("</article>")]


def test_tables_come_from_the_example_data_and_name_its_condition(example_site):
    html = article(example_site, "causes/index.html")
    assert "<caption>Causes of example condition</caption>" in html
    assert re.findall(r'<th scope="row">(.*?)</th>', html)[:2] == ["Test fatigue", "Fixture strain"]
    assert "</span>Imagined causes</td>" in html
    assert "<caption>Treatments: later on</caption>" in html and "More waiting" in html
    assert "Shows example condition?" in html
    assert '<abbr title="a made-up zone">XYZ</abbr> scan' in html


def test_page_foot_carries_the_example_source_and_settings(example_site):
    html = article(example_site, "index.html")
    assert '<span class="page-foot__review">Awaiting clinical review.</span>' in html
    assert 'Source: the article <cite lang="en">An Example Article</cite>, dated February 29, 2024.' in html
    assert "This made-up guide exists only to test the machinery." in html
    assert "guides.made-up-clinic.org/example-guide/" in html
    # No sources page in this guide, so no link to one.
    assert "Sources and corrections" not in html


def test_care_card_levels_are_the_example_guides_own(example_site):
    assert '<span class="care-card__level-label">When to get help: </span>Soon</p>' in \
        article(example_site, "index.html")


def test_nothing_of_the_real_guide_leaks_into_the_example(example_site):
    for page in example_site.rglob("*.html"):
        assert not re.search(r"(?i)bone marrow|edema|\bBME\b", page.read_text()), page
