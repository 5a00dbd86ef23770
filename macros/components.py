"""Every page macro as a component: prepare its data, render its template, mark
its abbreviations. Usable without MkDocs, so the tests render components directly."""
from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

from . import preparing
from .loading import GuideData, PageCallError
from .messages import Messages
from .rendering import AbbreviationMarker, Renderer
from .settings import GuideSettings

# Page macro -> (what prepares its data, the template in macros/templates/ that shows it).
COMPONENTS: dict[str, tuple[Callable[..., preparing.Context], str]] = {
    "cause_table": (preparing.cause_table, "cause_table.html"),
    "cause_overview": (preparing.cause_overview, "item_list.html"),
    "treatment_table": (preparing.treatment_table, "treatment_table.html"),
    "test_table": (preparing.test_table, "test_table.html"),
    "pain_timeline": (preparing.pain_timeline, "pain_timeline.html"),
    "symptom_list": (preparing.symptom_list, "item_list.html"),
    "location_list": (preparing.location_list, "item_list.html"),
    "glossary": (preparing.glossary, "glossary.html"),
    "care_card": (preparing.care_card, "care_card.html"),
    "corrections": (preparing.corrections, "corrections.html"),
    "handout_list": (preparing.handout_list, "item_list.html"),
    "checklist": (preparing.checklist, "checklist.html"),
    "notes_space": (preparing.notes_space, "notes_space.html"),
    "source_summary": (preparing.source_summary, "source_summary.html"),
    "publishing": (preparing.publishing, "publishing.html"),
}


class Components:
    def __init__(self, data: GuideData, settings: GuideSettings, messages: Messages) -> None:
        self.renderer = Renderer(data, messages)
        self.mark_abbreviations = AbbreviationMarker(data, self.renderer)
        self.prepare = {
            name: functools.partial(prepare, data, **({"settings": settings} if name == "publishing" else {}))
            for name, (prepare, _) in COMPONENTS.items()
        }

    def render(self, name: str, *args: Any, **kwargs: Any) -> str:
        """The HTML of one component as a page asked for it. A call that does not
        fit the component (wrong or too many arguments) raises ``PageCallError``."""
        prepare = self.prepare[name]
        try:
            inspect.signature(prepare).bind(*args, **kwargs)
        except TypeError as error:
            raise PageCallError(str(error)) from None
        return self.mark_abbreviations(self.renderer.render(COMPONENTS[name][1], prepare(*args, **kwargs)))
