"""Honest review status on every page, overdue reviews reported, and a sources
page generated from the data."""
from __future__ import annotations

import os
import re
import subprocess


from macros.loading import load_guide_data

from conftest import CONFIG, ROOT, content_pages, preview_build


def test_every_page_says_it_awaits_clinical_review(built_site, built_kiosk):
    for page in content_pages(built_site) + content_pages(built_kiosk):
        status = "En espera de revisión médica." if "es" in page.relative_to(built_kiosk if built_kiosk in page.parents
                                                                             else built_site).parts else "Awaiting clinical review."
        assert f'<span class="page-foot__review">{status}</span>' in page.read_text(), page


def test_no_page_claims_a_review_or_names_a_reviewer(built_site):
    article = load_guide_data(ROOT / "data").source.source
    about_the_article = (f"Its top line names a medical reviewer, {article.reviewer}, and the date "
                         f'<q lang="en">{article.review_date_as_printed}</q>.')
    for page in content_pages(built_site):
        text = page.read_text()
        if page.parent.name == "sources":
            # The article's own reviewer, named as a fact about the article.
            assert about_the_article in text
            text = text.replace(about_the_article, "")
        assert "Page last reviewed" not in text and "Sheikh" not in text, page
        assert not re.search(r"medically reviewed by", text, re.I), page


def add_review(project, page: str, last: str, due: str) -> None:
    path = project / "docs" / page
    text = path.read_text()
    path.write_text(text.replace("---\n", f"---\nreview:\n  last_reviewed: {last}\n  next_review: {due}\n"
                                 "  reviewed_by: Clinical nurse specialist\n", 1))


def test_recorded_review_shows_in_the_page_foot(project_copy):
    add_review(project_copy, "causes.md", "2026-03-01", "2099-03-01")
    result = preview_build(project_copy)
    assert result.returncode == 0, result.output
    foot = (result.site / "causes" / "index.html").read_text()
    assert ("Page last reviewed: March 1, 2026 by Clinical nurse specialist. "
            "Next review due: March 1, 2099.") in foot
    assert "Awaiting clinical review." not in foot


def test_overdue_review_warns_but_builds(project_copy):
    add_review(project_copy, "symptoms.md", "2020-01-01", "2021-01-01")
    result = preview_build(project_copy)
    assert result.returncode == 0, result.output
    assert "WARNING -  docs/symptoms.md: clinical review was due on 2021-01-01" in result.output


def test_overdue_review_stops_the_build_when_set_to_error(project_copy):
    add_review(project_copy, "symptoms.md", "2020-01-01", "2021-01-01")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("overdue: warn", "overdue: error"))
    result = preview_build(project_copy)
    assert result.returncode != 0
    assert "docs/symptoms.md: clinical review was due on 2021-01-01" in result.output


def test_bad_review_front_matter_names_page_and_field(project_copy):
    add_review(project_copy, "treatment.md", "last spring", "2099-01-01")
    result = preview_build(project_copy)
    assert result.returncode != 0
    assert "docs/treatment.md: front matter 'review', field 'last_reviewed'" in result.output
    assert "Traceback" not in result.output


def test_sources_page_is_generated_from_data_and_settings(built_site):
    html = (built_site / "sources" / "index.html").read_text()
    data = load_guide_data(ROOT / "data")
    assert '<strong lang="en">Bone Marrow Edema</strong>, dated April 6, 2025.' in html
    assert "We do not know a web address for the article" in html
    for correction in data.source.corrections:
        assert re.sub(r"\s+", " ", correction.we_say.split(".")[0]) in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    extra = CONFIG["extra"]
    assert f"<strong>Published by:</strong> {extra['publisher'].split()[0]}" in html
    assert f"every {extra['review']['cycle_months']} months" in html
    assert f'href="{extra["feedback"]}"' in html


def test_no_feedback_route_is_shown_until_one_is_set(project_copy, monkeypatch):
    monkeypatch.delenv("FEEDBACK_ADDRESS")
    result = preview_build(project_copy)
    assert result.returncode == 0, result.output
    html = (result.site / "sources" / "index.html").read_text()
    assert "Found a problem?" not in html and "/issues/new" not in html


def test_kiosk_shows_the_feedback_address_as_text(built_kiosk):
    html = (built_kiosk / "sources.html").read_text()
    shown = re.sub(r"^(mailto:|https?://)", "", CONFIG["extra"]["feedback"])
    assert f'<span class="offsite-link">{shown}</span>' in html


def test_every_page_links_to_the_sources_page(built_site):
    for page in content_pages(built_site):
        assert re.search(r'<a href="[./]*(sources/)?">Sources and corrections</a>', page.read_text()), page


def commit_all(project, day: str, message: str) -> None:
    dated = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00",
             "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
             "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=project, check=True, env=dated)


def test_last_updated_follows_the_page_and_the_data_it_shows(project_copy):
    subprocess.run(["git", "init", "-q"], cwd=project_copy, check=True)
    commit_all(project_copy, "2025-01-10", "the guide")
    phases = project_copy / "data" / "pain_phases.yml"
    phases.write_text(phases.read_text().replace("The pain builds up and peaks.", "The pain builds and peaks."))
    commit_all(project_copy, "2025-06-01", "a data edit")
    treatment = project_copy / "docs" / "treatment.md"
    treatment.write_text(treatment.read_text() + "\nRecovery is slow.\n")
    commit_all(project_copy, "2025-08-15", "a page edit")
    result = preview_build(project_copy)
    assert result.returncode == 0, result.output

    def updated(page: str) -> str:
        return re.search(r'<span class="page-foot__updated">(.*?)</span>', (result.site / page).read_text()).group(1)

    assert updated("symptoms/index.html") == "Last updated: June 1, 2025."    # shows the pain phases
    assert updated("causes/index.html") == "Last updated: January 10, 2025."  # shows neither edit
    assert updated("treatment/index.html") == "Last updated: August 15, 2025."
