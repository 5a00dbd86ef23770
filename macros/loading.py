"""Read the YAML files in ``data/``, validate them and check them against each other.

Every mistake is collected into one ``DataError`` whose message names the file,
the entry and the field, in words a content editor can act on.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import models

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class DataProblem:
    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}, field '{self.field}': {self.message}"


class DataError(Exception):
    """One or more mistakes in the data files."""

    def __init__(self, problems: list[DataProblem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the guide data:\n{lines}")


@dataclass(frozen=True)
class GuideData:
    """Every fact the site shows, validated and cross-checked."""

    causes: models.CausesFile
    locations: models.BodyLocationsFile
    symptoms: models.SymptomsFile
    pain_phases: models.PainPhasesFile
    tests: models.DiagnosticTestsFile
    treatments: models.TreatmentsFile
    glossary: models.GlossaryFile
    care_cards: models.CareCardsFile
    handouts: models.HandoutsFile
    source: models.SourceFile

    def category(self, category_id: str) -> models.Category:
        for category in self.causes.categories:
            if category.id == category_id:
                return category
        raise KeyError(f"no cause category with id '{category_id}'")

    def care_card(self, card_id: str) -> models.CareCard:
        for card in self.care_cards.cards:
            if card.id == card_id:
                return card
        raise KeyError(f"no care card with id '{card_id}'")


# File name -> (GuideData attribute, model). One place lists the data files.
DATA_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "causes.yml": ("causes", models.CausesFile),
    "body_locations.yml": ("locations", models.BodyLocationsFile),
    "symptoms.yml": ("symptoms", models.SymptomsFile),
    "pain_phases.yml": ("pain_phases", models.PainPhasesFile),
    "diagnostic_tests.yml": ("tests", models.DiagnosticTestsFile),
    "treatments.yml": ("treatments", models.TreatmentsFile),
    "glossary.yml": ("glossary", models.GlossaryFile),
    "care_cards.yml": ("care_cards", models.CareCardsFile),
    "handouts.yml": ("handouts", models.HandoutsFile),
    "source.yml": ("source", models.SourceFile),
}


def load_guide_data(data_dir: Path) -> GuideData:
    """Load every data file; raise ``DataError`` listing all problems found."""
    problems: list[DataProblem] = []
    loaded: dict[str, BaseModel] = {}
    for file_name, (attribute, model) in DATA_FILES.items():
        path = data_dir / file_name
        label = f"data/{file_name}"
        raw = _read_yaml(path, label, problems)
        if raw is None:
            continue
        try:
            loaded[attribute] = model.model_validate(raw)
        except ValidationError as error:
            problems.extend(_describe(label, raw, error))
    if not problems:
        data = GuideData(**loaded)  # type: ignore[arg-type]
        problems.extend(_cross_check(data))
    if problems:
        raise DataError(problems)
    return data


def load_page_review(meta: dict[str, Any], page: str) -> models.PageReview | None:
    """A page's `review:` front matter, or None while it awaits clinical review."""
    raw = meta.get("review")
    if raw is None:
        return None
    try:
        return models.PageReview.model_validate(raw)
    except ValidationError as error:
        raise DataError([
            DataProblem(page, "front matter 'review'", ".".join(map(str, d["loc"])) or "-",
                        "required field is missing" if d["type"] == "missing" else d["msg"])
            for d in error.errors()
        ]) from None


def review_overdue(review: models.PageReview | None, page: str, today: datetime.date) -> str | None:
    """What to report when a page is past its next review date, else None."""
    if review is None or review.next_review >= today:
        return None
    return f"{page}: clinical review was due on {review.next_review}"


def _read_yaml(path: Path, label: str, problems: list[DataProblem]) -> dict[str, Any] | None:
    if not path.is_file():
        problems.append(DataProblem(label, "the file", "-", "file is missing"))
        return None
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f"line {where.line + 1}" if where else "the file"
        problems.append(DataProblem(label, line, "-", f"not valid YAML ({getattr(error, 'problem', error)})"))
        return None
    if not isinstance(raw, dict):
        problems.append(DataProblem(label, "the file", "-", "must be a mapping of lists, e.g. 'causes:'"))
        return None
    return raw


def _entry_label(raw: Any, loc: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """Turn ('causes', 3, 'category') into ("causes[3] (id 'x')", ('category',))."""
    if len(loc) >= 2 and isinstance(loc[1], int):
        section, index = loc[0], loc[1]
        label = f"entry {section}[{index}]"
        try:
            entry_id = raw[section][index].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            entry_id = None
        if entry_id is not None:
            label += f" (id '{entry_id}')"
        return label, loc[2:]
    if loc:
        return f"section '{loc[0]}'", loc[1:]
    return "the file", ()


def _describe(label: str, raw: Any, error: ValidationError) -> Iterable[DataProblem]:
    for detail in error.errors():
        entry, rest = _entry_label(raw, tuple(detail["loc"]))
        field = ".".join(str(part) for part in rest) or "-"
        kind = detail["type"]
        if kind == "extra_forbidden":
            message = "unknown field (check the spelling)"
        elif kind == "missing":
            message = "required field is missing"
        else:
            message = detail["msg"]
            if kind.endswith("_type") or kind in {"literal_error", "string_pattern_mismatch"}:
                message += f" (got {detail['input']!r})"
        yield DataProblem(label, entry, field, message)


def _duplicates(file: str, section: str, ids: list[str]) -> Iterable[DataProblem]:
    seen: set[str] = set()
    for index, entry_id in enumerate(ids):
        if entry_id in seen:
            yield DataProblem(file, f"entry {section}[{index}] (id '{entry_id}')", "id",
                              "duplicate id: another entry already uses it")
        seen.add(entry_id)


def _cross_check(data: GuideData) -> Iterable[DataProblem]:
    """Checks that span entries: unique ids, known categories, working references."""
    lists = {
        ("data/causes.yml", "categories"): data.causes.categories,
        ("data/causes.yml", "causes"): data.causes.causes,
        ("data/body_locations.yml", "locations"): data.locations.locations,
        ("data/symptoms.yml", "symptoms"): data.symptoms.symptoms,
        ("data/pain_phases.yml", "phases"): data.pain_phases.phases,
        ("data/diagnostic_tests.yml", "tests"): data.tests.tests,
        ("data/treatments.yml", "treatments"): data.treatments.treatments,
        ("data/glossary.yml", "terms"): data.glossary.terms,
        ("data/care_cards.yml", "cards"): data.care_cards.cards,
    }
    for (file, section), entries in lists.items():
        yield from _duplicates(file, section, [e.id for e in entries])

    categories = [c.id for c in data.causes.categories]
    for index, cause in enumerate(data.causes.causes):
        if cause.category not in categories:
            yield DataProblem("data/causes.yml", f"entry causes[{index}] (id '{cause.id}')", "category",
                              f"unknown category '{cause.category}'; known: {', '.join(categories)}")

    terms = {t.id for t in data.glossary.terms}
    for index, term in enumerate(data.glossary.terms):
        for ref in term.see_also:
            if ref not in terms:
                yield DataProblem("data/glossary.yml", f"entry terms[{index}] (id '{term.id}')", "see_also",
                                  f"refers to '{ref}', which is not a glossary term")
    seen_abbreviations: set[str] = set()
    for index, term in enumerate(data.glossary.terms):
        if term.abbreviation in seen_abbreviations:
            yield DataProblem("data/glossary.yml", f"entry terms[{index}] (id '{term.id}')", "abbreviation",
                              f"'{term.abbreviation}' is already explained by another term")
        if term.abbreviation:
            seen_abbreviations.add(term.abbreviation)
