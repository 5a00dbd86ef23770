"""What valid guide data looks like: one pydantic model per YAML file.

Every model forbids unknown fields and takes values strictly (a number is not
silently turned into text), so a typo in a data file is reported, not ignored.
Checks that need more than one entry (categories, duplicate ids,
cross-references) live in ``loading.py``, which sees all the files at once.
"""
from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Category(Entry):
    """A named group that entries refer to by id: a kind of cause, a treatment
    level, a care-card level, a kind of test. Declared in the data file it serves."""

    id: Id
    name: Text


class TestKind(Category):
    # Tests of a kind with scan: true are listed in the scans table.
    scan: bool = False


class Condition(Entry):
    # Lower case, as it reads inside a sentence: "Causes of <name>".
    name: Text


class ConditionFile(Entry):
    condition: Condition


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
    kind: Id
    looks_for: Text
    what_to_expect: Text
    # Scans only: can this scan show the condition? None: not used to look for it.
    shows_condition: bool | None = None


class DiagnosticTestsFile(Entry):
    kinds: list[TestKind] = Field(min_length=1)
    tests: list[DiagnosticTest] = Field(min_length=1)


class Treatment(Entry):
    id: Id
    name: Text
    level: Id
    explanation: Text


class TreatmentsFile(Entry):
    levels: list[Category] = Field(min_length=1)
    treatments: list[Treatment] = Field(min_length=1)


Abbreviation = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,8}[a-z]{0,2}$")]


class PluralForms(Entry):
    """A short form's plural and the term's plural, as a page uses them ("NSAIDs")."""

    abbreviation: Abbreviation
    term: Text


class GlossaryTerm(Entry):
    id: Id
    term: Text
    abbreviation: Abbreviation | None = None
    plural: PluralForms | None = None
    definition: Text
    # The words patients use, shown with the term so a reader sees why search
    # found it: lay names, other spellings (UK ones too), common examples.
    also_called: list[Text] = []
    also_spelled: list[Text] = []
    examples: list[Text] = []
    see_also: list[Id] = []


class GlossaryFile(Entry):
    terms: list[GlossaryTerm] = Field(min_length=1)


class CareCard(Entry):
    id: Id
    level: Id
    action: Text
    bullets: list[Text] = Field(min_length=1, max_length=5)


class CareCardsFile(Entry):
    levels: list[Category] = Field(min_length=1)
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
    reviewer: Text | None = None                # named by the article's own top line
    review_date_as_printed: Text | None = None  # its date, as that line prints it
    web_address: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Text


class Correction(Entry):
    topic: Text
    source_says: Text
    we_say: Text
    why: Text


class SourceFile(Entry):
    source: SourceArticle
    corrections: list[Correction] = []
