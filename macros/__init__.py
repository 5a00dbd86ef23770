"""mkdocs-macros entry point: load the guide data once and register the macros.

Loading and checking live in ``loading``, rendering in ``rendering``; this file
only wires them to MkDocs.
"""
from __future__ import annotations

import datetime
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from . import rendering
from .loading import DataError, load_guide_data, load_page_review, review_overdue

SOURCES_PAGE = "sources.md"

log = logging.getLogger("mkdocs.plugins.macros.guide")
# Overdue reviews are reported outside MkDocs' logger, so that `--strict` (which
# fails on any MkDocs warning) still builds unless extra.review.overdue is "error".
review_log = logging.getLogger("bme_guide.review")
if not review_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    review_log.addHandler(_handler)
    review_log.propagate = False

OVERDUE_ACTIONS = ("warn", "error")


def define_env(env) -> None:
    try:
        data = load_guide_data(Path(env.project_dir) / "data")
    except DataError as error:
        # A PluginError stops the build with this message and no traceback.
        raise PluginError(str(error)) from None
    extra = env.conf["extra"]
    if extra["review"]["overdue"] not in OVERDUE_ACTIONS:
        raise PluginError(f"mkdocs.yml: extra.review.overdue must be one of {', '.join(OVERDUE_ACTIONS)} "
                          f"(got {extra['review']['overdue']!r})")

    macros = {
        "cause_table": lambda category=None: rendering.render_cause_table(data, category),
        "cause_overview": lambda: rendering.render_cause_overview(data),
        "treatment_table": lambda level=None: rendering.render_treatment_table(data, level),
        "test_table": lambda scans=None: rendering.render_test_table(data, scans),
        "pain_timeline": lambda: rendering.render_pain_timeline(data),
        "symptom_list": lambda: rendering.render_symptom_list(data),
        "location_list": lambda: rendering.render_location_list(data),
        "glossary": lambda: rendering.render_glossary(data),
        "care_card": lambda card_id, heading_level=2: rendering.render_care_card(
            data.care_card(card_id), heading_level),
        "corrections": lambda: rendering.render_corrections(data),
        "handout_list": lambda name: rendering.render_handout_list(data, name),
        "checklist": lambda: rendering.render_checklist(data),
        "notes_space": lambda lines=4: rendering.render_notes_space(lines),
        "source_summary": lambda: rendering.render_source_summary(data),
        "publishing": lambda: rendering.render_publishing(
            extra["publisher"], extra["review"]["cycle_months"], extra["feedback"]),
    }
    mark_abbreviations = rendering.AbbreviationMarker(data)
    for name, function in macros.items():
        env.macro(_page_macro(env, name, function, mark_abbreviations), name)
    env.variables["abbreviations"] = rendering.render_abbreviations(data)
    env.variables["guide_data"] = data


def _page_macro(env, name: str, function, mark_abbreviations: rendering.AbbreviationMarker):
    """What a page calls: the rendered HTML, its abbreviations explained.

    A wrong call in a page (an unknown id, a bad argument) is logged as one clear
    error naming the page; `mkdocs build --strict` then stops. Raising instead
    would make mkdocs-macros print a Python traceback at the editor.
    """
    def macro(*args, **kwargs):
        try:
            return mark_abbreviations(function(*args, **kwargs))
        except (LookupError, ValueError, TypeError) as error:
            message = error.args[0] if isinstance(error, KeyError) else str(error)
            log.error("docs/%s: %s(%s): %s", env.page.file.src_uri, name,
                      ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())]), message)
            return f"**[{name}: {message}]**"
    return macro


def on_post_page_macros(env) -> None:
    # Every page explains the abbreviations it uses on hover and tap.
    env.markdown += "\n\n" + env.variables["abbreviations"] + "\n"
    # The page foot is placed by overrides/main.html, outside the text that search indexes.
    page = env.page
    source_label = f"docs/{page.file.src_uri}"
    try:
        review = load_page_review(page.meta, source_label)
    except DataError as error:
        log.error(str(error))
        review = None
    if overdue := review_overdue(review, source_label, datetime.date.today()):
        (log.error if env.conf["extra"]["review"]["overdue"] == "error" else review_log.warning)(overdue)
    sources = env.variables["files"].get_file_from_path(SOURCES_PAGE)
    page.meta["page_foot"] = rendering.render_page_foot(
        env.variables["guide_data"], review, env.conf["extra"]["disclaimer"],
        get_relative_url(sources.url, page.url),
        rendering.web_address(env.conf["site_url"], page.file.src_uri))
