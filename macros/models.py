"""What valid guide data looks like: one pydantic model per YAML file.

Every model forbids unknown fields and takes values strictly (a number is not
silently turned into text), so a typo in a data file is reported, not ignored.
Checks that need more than one entry (categories, duplicate ids,
cross-references) live in ``loading.py``, which sees all the files at once.
"""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Category(Entry):
    id: Id
    name: Text


class Cause(Entry):
    id: Id
    name: Text
    category: Id
    explanation: Text


class CausesFile(Entry):
    categories: list[Category] = Field(min_length=1)
    causes: list[Cause] = Field(min_length=1)


class BodyLocation(Entry):
    id: Id
    name: Text


class BodyLocationsFile(Entry):
    locations: list[BodyLocation] = Field(min_length=1)


class Symptom(Entry):
    id: Id
    name: Text
    explanation: Text


class SymptomsFile(Entry):
    symptoms: list[Symptom] = Field(min_length=1)


class PainPhase(Entry):
    id: Id
    name: Text
    timing: Text
    what_happens: Text


class PainPhasesFile(Entry):
    phases: list[PainPhase] = Field(min_length=1)


class DiagnosticTest(Entry):
    id: Id
    name: Text
    kind: Literal["talk", "exam", "lab", "imaging"]
    looks_for: Text
    what_to_expect: Text
    # Only meaningful for imaging: can this scan show the edema?
    shows_edema: bool | None = None


class DiagnosticTestsFile(Entry):
    tests: list[DiagnosticTest] = Field(min_length=1)


class Treatment(Entry):
    id: Id
    name: Text
    level: Literal["first", "serious"]
    explanation: Text


class TreatmentsFile(Entry):
    treatments: list[Treatment] = Field(min_length=1)


class GlossaryTerm(Entry):
    id: Id
    term: Text
    abbreviation: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,8}$")] | None = None
    definition: Text
    see_also: list[Id] = []


class GlossaryFile(Entry):
    terms: list[GlossaryTerm] = Field(min_length=1)


class CareCard(Entry):
    id: Id
    level: Literal["urgent", "non-urgent"]
    action: Text
    bullets: list[Text] = Field(min_length=1, max_length=5)


class CareCardsFile(Entry):
    cards: list[CareCard] = Field(min_length=1)


class PageReview(Entry):
    """The `review:` front matter of a page. A role reviews, never a named person."""

    last_reviewed: datetime.date
    next_review: datetime.date
    reviewed_by: Text


class HandoutsFile(Entry):
    """Lists that appear only on the handouts."""

    treatment_questions: list[Text] = Field(min_length=1, max_length=6)
    test_questions: list[Text] = Field(min_length=1, max_length=6)
    checklist: list[Text] = Field(min_length=1, max_length=6)


class SourceArticle(Entry):
    title: Text
    date: datetime.date
    note: Text


class Correction(Entry):
    topic: Text
    source_says: Text
    we_say: Text
    why: Text


class SourceFile(Entry):
    source: SourceArticle
    corrections: list[Correction] = []
