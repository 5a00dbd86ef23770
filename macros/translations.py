"""Further languages: the text each one gives for the guide's data, checked
complete and fresh.

English is the source. A further language keeps its text in
``translations/<language>/``: ``docs/`` (pages, same names as ``docs/``),
``data/`` (same names as ``data/``) and ``settings.yml``; its interface words
are ``messages/<language>.yml``.

A data translation mirrors its English file, but holds only the fields a reader
reads (those marked ``TRANSLATED`` in ``models.py``), and lists entries by id::

    causes:
      stress-fracture:
        english: 3f09a1c2d4       # fingerprint of the English it was made from
        name: Fractura por estrés
        explanation: ...

Every translated field of every entry must be there: a gap stops the build
with the file, the entry, the field and the language. When the English of an
entry changes, its fingerprint no longer matches and the build warns.
"""
from __future__ import annotations

import hashlib
import json
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale
from pydantic import BaseModel

from .models import TRANSLATED, Entry

TRANSLATIONS_DIR = "translations"
FINGERPRINT = "english"  # the key that records what a translation was made from


def language_name(language: str) -> str:
    """The language's English name, for messages to maintainers ("Spanish")."""
    return Locale.parse(language).get_display_name("en")


def fingerprint(value: Any) -> str:
    """A short digest of English text: it changes whenever the text does."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Gap:
    """Text a language lacks (or a translation that names nothing in English)."""

    file: str
    entry: str
    field: str
    language: str
    problem: str = ""

    def __str__(self) -> str:
        problem = self.problem or f"no {language_name(self.language)} text"
        return f"{self.file}: {self.entry}, field '{self.field}': {problem}"


@dataclass(frozen=True)
class Stale:
    """A translation made from an English text that has changed since."""

    file: str
    entry: str
    english: str   # where the English is
    now: str       # the fingerprint of the English as it is now

    def __str__(self) -> str:
        return (f"{self.file}: {self.entry} was translated from an older text of {self.english}; "
                f"bring the translation up to date, then set its {FINGERPRINT}: \"{self.now}\"")


class TranslationError(Exception):
    """Gaps in a language: every one is listed."""

    def __init__(self, language: str, gaps: list[Gap]):
        self.gaps = gaps
        lines = "\n".join(f"  - {gap}" for gap in gaps)
        super().__init__(f"The {language_name(language)} edition is incomplete: "
                         f"{len(gaps)} gap(s):\n{lines}")


def _is_translated(annotation: Any) -> bool:
    """Whether a field's type (or a list or optional of it) carries TRANSLATED."""
    if TRANSLATED in getattr(annotation, "__metadata__", ()):
        return True
    return any(_is_translated(arg) for arg in typing.get_args(annotation))


def translated_fields(model: type[BaseModel]) -> set[str]:
    return {name for name, info in model.model_fields.items()
            if TRANSLATED in info.metadata or _is_translated(info.annotation)}


@dataclass
class DataTranslation:
    """One data file's English, with a language's text put in its place."""

    file: str          # the translation's path, as a maintainer writes it
    english_file: str
    language: str
    gaps: list[Gap] = field(default_factory=list)
    stale: list[Stale] = field(default_factory=list)

    def apply(self, english: Entry, translation: Any) -> dict[str, Any]:
        """``english`` as plain data, its translated fields taken from ``translation``."""
        return self._unit(english, translation, "the file")

    def _unit(self, entry: Entry, translation: Any, label: str) -> dict[str, Any]:
        """An entry with its own fingerprint: the file itself, or an entry with an id."""
        if translation is None:
            translation = {}
        if not isinstance(translation, dict):
            self.gaps.append(Gap(self.file, label, "-", self.language, "must be a mapping of fields"))
            translation = {}
        english_text: dict[str, Any] = {}
        result = self._fields(entry, translation, label, "", english_text)
        if english_text and self._has_text(translation):
            now = fingerprint(english_text)
            # Compared as text: YAML reads an unquoted fingerprint of digits as a number.
            if str(translation.get(FINGERPRINT)) != now:
                self.stale.append(Stale(self.file, label, self.english_file, now))
        return result

    def _has_text(self, translation: dict[str, Any]) -> bool:
        return any(key != FINGERPRINT for key in translation)

    def _fields(self, entry: Entry, translation: dict[str, Any], label: str, prefix: str,
                english_text: dict[str, Any]) -> dict[str, Any]:
        model = type(entry)
        translated = translated_fields(model)
        result: dict[str, Any] = {}
        known = {FINGERPRINT} if not prefix else set()
        for name in model.model_fields:
            value = getattr(entry, name)
            path = prefix + name
            if name in translated:
                known.add(name)
                if value == [] and isinstance(translation.get(name), list):
                    # Words patients use differ between languages: a language may
                    # list lay words where the English lists none.
                    result[name] = self._text(value, translation[name], label, path)
                    continue
                if value is None or value == []:
                    result[name] = value
                    continue
                english_text[path] = value
                result[name] = self._text(value, translation.get(name), label, path)
            elif isinstance(value, Entry):
                known.add(name)
                nested = translation.get(name) or {}
                result[name] = self._fields(value, nested if isinstance(nested, dict) else {},
                                            label, path + ".", english_text)
            elif isinstance(value, list) and value and isinstance(value[0], Entry):
                known.add(name)
                result[name] = self._section(name, value, translation.get(name))
            else:
                result[name] = value
        for key in translation:
            if key not in known:
                self.gaps.append(Gap(self.file, label, prefix + str(key), self.language,
                                     "not a field to translate (check the spelling)"))
        return result

    def _text(self, english: str | list[str], translated: Any, label: str, path: str) -> Any:
        """The translated text of one field, or the English with a gap recorded."""
        if isinstance(english, list):
            # A list may be shorter or longer than the English one (lay words
            # differ between languages), but must be given: [] says "none".
            if isinstance(translated, list) and all(isinstance(t, str) and t.strip() for t in translated):
                return translated
        elif isinstance(translated, str) and translated.strip():
            return translated
        problem = "" if translated in (None, "") else "must be text" if isinstance(english, str) else "must be a list of texts"
        self.gaps.append(Gap(self.file, label, path, self.language, problem))
        return english

    def _section(self, name: str, entries: list[Entry], translation: Any) -> list[dict[str, Any]]:
        if translation is None:
            translation = {}
        if not isinstance(translation, dict):
            self.gaps.append(Gap(self.file, f"section '{name}'", "-", self.language,
                                 "must list its entries by id"))
            translation = {}
        ids = [getattr(entry, "id", None) for entry in entries]
        for entry_id in translation:
            if entry_id not in ids:
                self.gaps.append(Gap(self.file, f"{name} '{entry_id}'", "-", self.language,
                                     f"no entry with this id in {self.english_file}"))
        return [self._unit(entry, translation.get(entry_id), f"{name} '{entry_id}'")
                for entry, entry_id in zip(entries, ids)]


def language_dir(project_dir: Path, language: str) -> Path:
    return project_dir / TRANSLATIONS_DIR / language
