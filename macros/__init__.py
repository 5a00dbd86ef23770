"""mkdocs-macros entry point: wires the guide's data, words and templates to MkDocs.

Loading and checking live in ``loading``, ``settings`` and ``messages``;
preparing data for a template in ``preparing``; rendering in ``rendering``;
``components`` puts them together for each page macro.
"""
from __future__ import annotations

import datetime
import logging
from pathlib import Path
from typing import Callable

from mkdocs.utils import get_relative_url

from . import preparing
from .components import COMPONENTS, EVERY_PAGE_DATA, Components
from .build_log import side_log
from .dates import last_commit_date, last_updated
from .loading import DataError, PageCallError, load_page_messages, load_page_review, review_overdue
from .messages import MessageError
from .page_parts import with_page_parts
from .rendering import abbreviation_definitions

SOURCES_PAGE = "sources.md"

log = logging.getLogger("mkdocs.plugins.macros.guide")
# Overdue reviews are reported beside MkDocs' log, so that `--strict` (which
# fails on any MkDocs warning) still builds unless extra.review.overdue is "error".
review_log = side_log("guide.review", "WARNING")


def define_env(env) -> None:
    # hooks/guide_setup.py has checked the settings and loaded the data and words,
    # in the language of this build, by now.
    settings, messages, data = env.conf["guide_settings"], env.conf["guide_messages"], env.conf["guide_data"]
    components = Components(data, settings, messages)
    for name in COMPONENTS:
        env.macro(_page_macro(env, components, name), name)
    last_commit_date.cache_clear()  # `mkdocs serve` rebuilds in the same process
    env.variables["components_used"] = {}  # page -> the components it shows
    env.variables["abbreviations"] = abbreviation_definitions(data)
    env.variables["guide_data"] = data
    # Pages say what a printout adds only where it adds it: the address and its QR code need a real one.
    env.variables["has_web_address"] = preparing.is_real_address(env.conf["site_url"])
    # What search offers when it finds nothing (partials/search-correction.html).
    env.variables["guide_components"] = components
    env.conf["guide_search_help_card"] = components.render(
        "care_card", data.care_cards.search_offer, heading_level=2, id_prefix="search-help-")


def _page_macro(env, components: Components, name: str) -> Callable[..., str]:
    """What a page calls: the component's HTML.

    A wrong call in a page (an unknown id, a bad argument, a missing interface
    word) is logged as one clear error naming the page and the call, and
    `mkdocs build --strict` then stops. Any other exception is a bug in our code:
    it is not caught, and the macros plugin shows its traceback.
    """
    def macro(*args, **kwargs) -> str:
        env.variables["components_used"].setdefault(env.page.file.src_uri, set()).add(name)
        try:
            return components.render(name, *args, **kwargs)
        except (PageCallError, MessageError) as error:
            call = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
            log.error("docs/%s: %s(%s): %s", env.page.file.src_uri, name, call, error)
            return f"**[{name}: {error}]**"
    return macro


def on_post_page_macros(env) -> None:
    page, config = env.page, env.conf
    _add_page_parts(env, _page_label(env))
    # The stylesheets of the components it shows (overrides/main.html links them).
    used = env.variables["components_used"].get(page.file.src_uri, ())
    page.meta["stylesheets"] = sorted({COMPONENTS[name].stylesheet for name in used} - {None})
    # Every page explains the abbreviations it uses on hover and tap.
    env.markdown += "\n\n" + env.variables["abbreviations"] + "\n"
    # The page foot is shown by overrides/partials/page-foot.html, outside the text that search indexes.
    # A translated page shows the clinical review of the English page it was made from.
    source_label = f"docs/{page.file.src_uri}"
    pages = config.get("guide_pages")
    try:
        review = load_page_review(pages.english_meta[page.file.src_uri] if pages else page.meta, source_label)
    except DataError as error:
        log.error(str(error))
        review = None
    if overdue := review_overdue(review, source_label, datetime.date.today()):
        (log.error if config["guide_settings"].review.overdue == "error" else review_log.warning)(overdue)
    sources = env.variables["files"].get_file_from_path(SOURCES_PAGE)
    page.meta["page_foot"] = preparing.page_foot(
        env.variables["guide_data"], config["guide_settings"], review,
        get_relative_url(sources.url, page.url) if sources else None,
        preparing.web_address(config["site_url"], page.file.src_uri), _last_updated(env),
        pages.checks[page.file.src_uri] if pages else None)


def _page_label(env) -> str:
    """The page's file as a maintainer finds it: a translated page's own file."""
    source = Path(env.page.file.abs_src_path or "")
    project = Path(env.conf.config_file_path).parent
    return source.relative_to(project).as_posix() if source.is_relative_to(project) else \
        f"docs/{env.page.file.src_uri}"


def _add_page_parts(env, label: str) -> None:
    """The key message under the title; a handout's main points at its end."""
    components = env.variables["guide_components"]
    try:
        messages = load_page_messages(env.page.meta, label)
    except DataError as error:
        log.error(str(error))
        return
    points = components.render_part("main_points.html", {"points": messages.main_points}) \
        if messages.main_points else None
    try:
        env.markdown = with_page_parts(
            env.markdown, components.render_part("key_message.html", {"text": messages.key_message}), points, label)
    except ValueError as error:
        log.error(str(error))


def _last_updated(env) -> datetime.date | None:
    """The page's git date (set by the git-revision-date-localized plugin, which
    runs first) or that of any data file it shows, whichever is newer."""
    page = env.page
    own = page.meta.get("git_revision_date_localized_raw_iso_date")
    shown = set(EVERY_PAGE_DATA).union(*(COMPONENTS[name].data_files
                                         for name in env.variables["components_used"].get(page.file.src_uri, ())))
    data_dir = Path(env.project_dir) / "data"
    return last_updated(datetime.date.fromisoformat(own) if own else None, [data_dir / f for f in sorted(shown)])
