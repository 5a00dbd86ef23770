"""mkdocs-macros entry point: load the guide data once and register the macros.

Loading and checking live in ``loading``, rendering in ``rendering``; this file
only wires them to MkDocs.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import rendering
from .loading import DataError, load_guide_data


def define_env(env) -> None:
    try:
        data = load_guide_data(Path(env.project_dir) / "data")
    except DataError as error:
        # A PluginError stops the build with this message and no traceback.
        raise PluginError(str(error)) from None

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
        "source_summary": lambda: rendering.render_source_summary(data),
    }
    for name, function in macros.items():
        env.macro(_with_abbreviations(function, data), name)
    env.variables["abbreviations"] = rendering.render_abbreviations(data)


def _with_abbreviations(function, data):
    """A macro whose HTML explains its abbreviations, like the prose around it."""
    def macro(*args, **kwargs):
        return rendering.mark_abbreviations(function(*args, **kwargs), data)
    macro.__doc__ = function.__doc__
    return macro


def on_post_page_macros(env) -> None:
    # Every page explains the abbreviations it uses on hover and tap.
    env.markdown += "\n\n" + env.variables["abbreviations"] + "\n"
