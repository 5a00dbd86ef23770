"""A further language's pages: one per English page in docs/, same name, under
translations/<language>/docs/. Each records in its front matter what it was
translated from, and whether a qualified medical translator has checked it::

    translation:
      english: 3f09a1c2d4                      # fingerprint of the English page
      checked_by: qualified medical translator # a role, never a name
      checked_on: 2027-01-15
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data
from pydantic import Field, ValidationError, model_validator

from .models import Entry, Text
from .translations import FINGERPRINT, Gap, Stale, fingerprint

# Front matter that says nothing about the page's text: a change to it leaves
# the translation fresh (the clinical review is the English page's, shown on both).
NOT_TRANSLATED_META = ("review",)


class PageTranslation(Entry):
    english: str = Field(pattern=r"^[0-9a-f]{10}$")
    checked_by: Text | None = None
    checked_on: datetime.date | None = None

    @model_validator(mode="after")
    def _role_and_date_together(self) -> "PageTranslation":
        if (self.checked_by is None) != (self.checked_on is None):
            raise ValueError("a check needs both checked_by (a role) and checked_on (a date)")
        return self


def page_fingerprint(english_page: Path) -> str:
    markdown, meta = get_data(english_page.read_text(encoding="utf-8"))
    return fingerprint({"meta": {k: v for k, v in meta.items() if k not in NOT_TRANSLATED_META},
                        "text": markdown})


@dataclass(frozen=True)
class TranslatedPages:
    """Where each page's translation is, and what the build must say about them."""

    sources: dict[str, Path]       # docs/ path of the English page -> translated file
    english_meta: dict[str, dict[str, Any]]
    checks: dict[str, PageTranslation]
    gaps: list[Gap]
    stale: list[Stale]


def find_page_translations(docs_dir: Path, folder: Path, label: str, language: str) -> TranslatedPages:
    """Match every English page in ``docs_dir`` with its translation in ``folder``
    (written ``label`` in messages). Pages only: assets are shared."""
    english = {p.relative_to(docs_dir).as_posix(): p for p in sorted(docs_dir.rglob("*.md"))}
    translated = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*.md"))} if folder.is_dir() else {}
    gaps: list[Gap] = []
    stale: list[Stale] = []
    checks: dict[str, PageTranslation] = {}
    english_meta: dict[str, dict[str, Any]] = {}
    for name, path in english.items():
        english_meta[name] = get_data(path.read_text(encoding="utf-8"))[1]
        file = f"{label}/{name}"
        if name not in translated:
            gaps.append(Gap(file, "the page", "-", language, f"file is missing (the English is docs/{name})"))
            continue
        raw = get_data(translated[name].read_text(encoding="utf-8"))[1].get("translation")
        try:
            check = PageTranslation.model_validate(raw)
        except ValidationError as error:
            for detail in error.errors():
                field = ".".join(map(str, detail["loc"])) or "-"
                problem = "" if detail["type"] == "missing" else detail["msg"]
                if raw is None or detail["type"] == "missing":
                    problem = f"the front matter needs translation.{FINGERPRINT}: {page_fingerprint(path)}"
                gaps.append(Gap(file, "front matter 'translation'", field, language, problem))
            continue
        checks[name] = check
        now = page_fingerprint(path)
        if check.english != now:
            stale.append(Stale(file, "the page", f"docs/{name}", now))
    for name in translated.keys() - english.keys():
        gaps.append(Gap(f"{label}/{name}", "the page", "-", language,
                        f"there is no English page docs/{name} to translate"))
    return TranslatedPages({name: translated[name] for name in english if name in translated},
                           english_meta, checks, gaps, stale)
