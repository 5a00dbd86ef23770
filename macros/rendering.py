"""Render components from the Jinja templates in ``templates/``, autoescaped.

Python prepares data (``preparing.py``); templates make the markup and take
their words from the message files through ``t``. Nothing from data is marked
safe: a template's autoescaping escapes it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .loading import GuideData
from .messages import Messages

TEMPLATES = Path(__file__).resolve().parent / "templates"


class Renderer:
    def __init__(self, data: GuideData, messages: Messages) -> None:
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.do"])
        self.env.globals.update(t=messages, condition=data.condition.condition.name, icons=data.icons)
        self.env.filters["long_date"] = messages.long_date

    def render(self, template: str, context: Mapping[str, Any]) -> str:
        html = self.env.get_template(template).render(context)
        # A blank line would end the raw HTML block that Markdown keeps as it is.
        return "\n".join(line for line in html.splitlines() if line.strip())


def abbreviation_titles(data: GuideData) -> dict[str, str]:
    """Each short form, and its plural where the data gives one, with what it
    means in everyday words (not its long form, which is jargon too)."""
    titles: dict[str, str] = {}
    for term in data.glossary.terms:
        if term.abbreviation and term.in_plain:
            titles[term.abbreviation] = term.in_plain
        if term.plural:
            titles[term.plural.abbreviation] = term.plural.in_plain
    return titles


def abbreviation_terms(data: GuideData) -> dict[str, str]:
    """Each short form, and its plural, with the term it stands for."""
    terms: dict[str, str] = {}
    for term in data.glossary.terms:
        if term.abbreviation:
            terms[term.abbreviation] = term.term
        if term.plural:
            terms[term.plural.abbreviation] = term.plural.term
    return terms


class AbbreviationMarker:
    """Marks short forms in the text of generated HTML, as Markdown's abbr
    extension does for prose (it does not look inside raw HTML blocks).
    Made once per build; called on the output of every macro."""

    TEXT = re.compile(r">([^<]+)<")  # only text between tags, never names or attributes

    def __init__(self, data: GuideData, renderer: Renderer) -> None:
        self.marked = {short: renderer.render("abbreviation.html", {"short": short, "title": title})
                       for short, title in abbreviation_titles(data).items()}
        longest_first = sorted(map(re.escape, self.marked), key=len, reverse=True)
        self.word = re.compile(r"\b(" + "|".join(longest_first) + r")\b")

    def __call__(self, html: str) -> str:
        if not self.marked:
            return html
        return self.TEXT.sub(
            lambda text: ">" + self.word.sub(lambda w: self.marked[w.group(1)], text.group(1)) + "<", html)


def abbreviation_names(data: GuideData) -> dict[str, list[str]]:
    """The words that follow a short form in a name of its own, from the names a
    term is also called or spelled: MRI -> ["scan"] for "MRI scan"."""
    names: dict[str, list[str]] = {}
    for term in data.glossary.terms:
        if term.abbreviation:
            names[term.abbreviation] = [name[len(term.abbreviation) + 1:] for name in
                                        (*term.also_called, *term.also_spelled)
                                        if name.startswith(term.abbreviation + " ")]
    return names


def abbreviation_definitions(data: GuideData) -> str:
    """Markdown's abbreviation definitions (``*[MRI]: ...``), added to every page."""
    return "\n".join(f"*[{short}]: {title}" for short, title in abbreviation_titles(data).items())
