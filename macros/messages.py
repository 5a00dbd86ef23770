"""Interface words: one YAML catalog per language in ``messages/``, looked up by key.

Why YAML and not gettext: the words are edited by the same people, in the same
way, as the data files, and they are validated like them (every message a text,
or plural forms with an "other"). Babel supplies what a catalog cannot: each
language's plural rules and date formats.

A message is escaped as HTML, then its ``{placeholders}`` are filled in; a value
is escaped too unless it is already markup made by a template.
"""
from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Mapping

import yaml
from babel import Locale
from babel.dates import format_date
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from pydantic import BaseModel, ConfigDict, RootModel, StringConstraints, ValidationError

from .translations import Gap

# The interface words live beside the code that shows them, not in any one guide.
MESSAGES_DIR = Path(__file__).resolve().parent.parent / "messages"

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
Text = Annotated[str, StringConstraints(min_length=1)]


class PluralForms(BaseModel):
    """A message that depends on a number: CLDR's plural categories, "other" required."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    zero: Text | None = None
    one: Text | None = None
    two: Text | None = None
    few: Text | None = None
    many: Text | None = None
    other: Text

    def forms(self) -> dict[str, str]:
        return {name: text for name, text in self.model_dump().items() if text is not None}


class Catalog(RootModel[dict[Key, dict[Key, Text | PluralForms]]]):
    model_config = ConfigDict(strict=True)


class MessageError(PluginError):
    """A key missing from a catalog, or a catalog that is not valid."""


@dataclass(frozen=True)
class Messages:
    """The interface words of one language."""

    language: str
    file: str
    catalog: Mapping[str, Mapping[str, str | PluralForms]]

    def message(self, key: str) -> str | PluralForms:
        group, _, name = key.partition(".")
        try:
            return self.catalog[group][name]
        except KeyError:
            raise MessageError(f"{self.file}: no message '{key}' for language '{self.language}'") from None

    def __call__(self, key: str, **values: Any) -> Markup:
        """The message for ``key`` as safe HTML; ``count`` picks the plural form."""
        message = self.message(key)
        if isinstance(message, PluralForms):
            forms = message.forms()
            message = forms.get(self.locale.plural_form(values["count"]), message.other)
        try:
            return Markup(escape(message)).format(**values)
        except KeyError as error:
            raise MessageError(f"{self.file}: message '{key}' needs a value for {error}") from None

    def forms(self, key: str) -> dict[str, str]:
        """Every form of a message (its plural forms, or "other" alone), with the
        placeholders left in, for a script that fills them in on screen."""
        message = self.message(key)
        return message.forms() if isinstance(message, PluralForms) else {"other": message}

    @functools.cached_property
    def locale(self) -> Locale:
        return Locale.parse(self.language)

    def long_date(self, day: datetime.date) -> str:
        """A date written out in the language's own way ("April 6, 2025")."""
        return format_date(day, format="long", locale=self.locale)


def missing_messages(english: Messages, other: Messages) -> list[Gap]:
    """Every interface word ``other`` lacks, or whose placeholders differ from
    the English (a translation must fill in the same values)."""
    gaps = []
    for group, messages in english.catalog.items():
        for name, message in messages.items():
            key = f"{group}.{name}"
            if name not in other.catalog.get(group, {}):
                gaps.append(Gap(other.file, group, name, other.language))
                continue
            wanted = _placeholders(english.forms(key).values())
            if (found := _placeholders(other.forms(key).values())) != wanted:
                gaps.append(Gap(other.file, group, name, other.language,
                                f"fills in {sorted(found)}, the English fills in {sorted(wanted)}"))
    return gaps


def _placeholders(texts: Any) -> set[str]:
    return {name for text in texts for name in re.findall(r"\{(\w+)\}", text)}


def load_messages(language: str, folder: Path = MESSAGES_DIR) -> Messages:
    """The validated catalog of ``language``; ``MessageError`` names what is wrong."""
    path = folder / f"{language}.yml"
    label = f"messages/{path.name}"
    if not path.is_file():
        raise MessageError(f"{label}: there is no message file for language '{language}'")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        catalog = Catalog.model_validate(raw).root
    except yaml.YAMLError as error:
        raise MessageError(f"{label}: not valid YAML ({error})") from None
    except ValidationError as error:
        problems = "\n".join(f"  - {'.'.join(map(str, d['loc']))}: {d['msg']}" for d in error.errors())
        raise MessageError(f"{label}: messages must be texts or plural forms, grouped by component:\n"
                           f"{problems}") from None
    return Messages(language, label, catalog)
