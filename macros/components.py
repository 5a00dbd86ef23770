"""Every page macro as a component: prepare its data, render its template, mark
its abbreviations. Usable without MkDocs, so the tests render components directly."""
from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass
from typing import Any, Callable

from . import preparing
from .loading import GuideData, PageCallError
from .messages import Messages
from .rendering import AbbreviationMarker, Renderer
from .settings import GuideSettings

@dataclass(frozen=True)
class Component:
    prepare: Callable[..., preparing.Context]  # picks the data the template shows
    template: str                               # in macros/templates/
    data_files: tuple[str, ...]                 # in data/: a page that shows it changes with them
    # A stylesheet of its own (under docs/), linked only by the pages that show
    # it, so that others (the home page's first view) do not load it.
    stylesheet: str | None = None


# The drawings' stylesheet.
FIGURES_CSS = "assets/css/figures.css"


# Every page, through its page foot and abbreviations, shows these data files.
EVERY_PAGE_DATA = ("source.yml", "glossary.yml")

COMPONENTS: dict[str, Component] = {
    "cause_table": Component(preparing.cause_table, "cause_table.html", ("causes.yml", "condition.yml")),
    "cause_overview": Component(preparing.cause_overview, "cause_overview.html", ("causes.yml",)),
    "treatment_table": Component(preparing.treatment_table, "treatment_table.html",
                                 ("treatments.yml", "condition.yml")),
    "test_table": Component(preparing.test_table, "test_table.html", ("diagnostic_tests.yml", "condition.yml")),
    "pain_timeline": Component(preparing.pain_timeline, "pain_timeline.html", ("pain_phases.yml",)),
    "body_figure": Component(preparing.body_figure, "figures/body.html", ("body_locations.yml", "figures.yml"), FIGURES_CSS),
    "bone_figure": Component(preparing.bone_figure, "figures/bone.html", ("figures.yml",), FIGURES_CSS),
    "pain_chart": Component(preparing.pain_chart, "figures/pain.html", ("pain_phases.yml", "figures.yml"), FIGURES_CSS),
    "pitting_figure": Component(preparing.pitting_figure, "figures/pitting.html", ("figures.yml",), FIGURES_CSS),
    "symptom_list": Component(preparing.symptom_list, "item_list.html", ("symptoms.yml",)),
    "location_list": Component(preparing.location_list, "item_list.html", ("body_locations.yml",)),
    "glossary": Component(preparing.glossary, "glossary.html", ("glossary.yml", "causes.yml", "condition.yml")),
    "care_card": Component(preparing.care_card, "care_card.html", ("care_cards.yml",)),
    "help_ladder": Component(preparing.help_ladder, "help_ladder.html", ("care_cards.yml",)),
    "treatment_steps": Component(preparing.treatment_steps, "steps.html", ("treatments.yml",)),
    "self_check": Component(preparing.self_check, "steps.html", ("symptoms.yml",)),
    "additions": Component(preparing.additions, "additions.html", ("source.yml",)),
    "corrections": Component(preparing.corrections, "corrections.html", ("source.yml",)),
    "handout_list": Component(preparing.handout_list, "item_list.html", ("handouts.yml",)),
    "write_in": Component(preparing.write_in, "write_in.html", ()),
    "picture_credits": Component(preparing.picture_credits, "picture_credits.html", ()),
    "source_summary": Component(preparing.source_summary, "source_summary.html", ("source.yml",)),
    "publishing": Component(preparing.publishing, "publishing.html", ()),
}


class Components:
    def __init__(self, data: GuideData, settings: GuideSettings, messages: Messages) -> None:
        self.renderer = Renderer(data, messages)
        self.mark_abbreviations = AbbreviationMarker(data, self.renderer)
        # A component that shows settings (the publisher, the clinic) gets them too,
        # and one that sorts words (the glossary) the language of the build.
        given = {"settings": settings, "language": messages.language}
        self.prepare = {
            name: functools.partial(component.prepare, data, **{
                key: value for key, value in given.items() if key in inspect.signature(component.prepare).parameters})
            for name, component in COMPONENTS.items()
        }

    def render(self, name: str, *args: Any, **kwargs: Any) -> str:
        """The HTML of one component as a page asked for it. A call that does not
        fit the component (wrong or too many arguments) raises ``PageCallError``."""
        prepare = self.prepare[name]
        try:
            inspect.signature(prepare).bind(*args, **kwargs)
        except TypeError as error:
            raise PageCallError(str(error)) from None
        return self.render_part(COMPONENTS[name].template, prepare(*args, **kwargs))

    def render_part(self, template: str, context: preparing.Context) -> str:
        """A template's HTML with its short forms marked: a component's, or a part
        of the page made from its front matter (its key message)."""
        return self.mark_abbreviations(self.renderer.render(template, context))
