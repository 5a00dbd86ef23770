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


class Translated:
    """Marks a field a reader reads: each further language gives its own text for
    it in translations/<language>/data/ (see ``macros/translations.py``). Ids,
    levels, dates and names quoted from the source article are not marked."""


TRANSLATED = Translated()
Words = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), TRANSLATED]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Category(Entry):
    """A named group that entries refer to by id: a kind of cause, a treatment
    level, a care-card level, a kind of test. Declared in the data file it serves."""

    id: Id
    name: Words


class TestKind(Category):
    # Tests of a kind with scan: true are listed in the scans table.
    scan: bool = False


class Condition(Entry):
    # Lower case, as it reads inside a sentence: "Causes of <name>".
    name: Words


class ConditionFile(Entry):
    condition: Condition


class Cause(Entry):
    id: Id
    name: Words
    category: Id
    explanation: Words


class CausesFile(Entry):
    categories: list[Category] = Field(min_length=1)
    causes: list[Cause] = Field(min_length=1)


class BodyLocation(Entry):
    id: Id
    name: Words


class BodyLocationsFile(Entry):
    locations: list[BodyLocation] = Field(min_length=1)


class Symptom(Entry):
    id: Id
    name: Words
    explanation: Words


class SymptomsFile(Entry):
    symptoms: list[Symptom] = Field(min_length=1)


class PainPhase(Entry):
    id: Id
    name: Words
    timing: Words
    what_happens: Words


class PainPhasesFile(Entry):
    phases: list[PainPhase] = Field(min_length=1)


class DiagnosticTest(Entry):
    id: Id
    name: Words
    kind: Id
    looks_for: Words
    what_to_expect: Words
    # Scans only: can this scan show the condition? None: not used to look for it.
    shows_condition: bool | None = None


class DiagnosticTestsFile(Entry):
    kinds: list[TestKind] = Field(min_length=1)
    tests: list[DiagnosticTest] = Field(min_length=1)


class Treatment(Entry):
    id: Id
    name: Words
    level: Id
    explanation: Words


class TreatmentsFile(Entry):
    levels: list[Category] = Field(min_length=1)
    treatments: list[Treatment] = Field(min_length=1)


# Each language has its own short forms (MRI is RM in Spanish).
Abbreviation = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,8}[a-z]{0,2}$"), TRANSLATED]


class PluralForms(Entry):
    """A short form's plural and the term's plural, as a page uses them ("NSAIDs")."""

    abbreviation: Abbreviation
    term: Words


class GlossaryTerm(Entry):
    id: Id
    term: Words
    abbreviation: Abbreviation | None = None
    plural: PluralForms | None = None
    definition: Words
    # The words patients use, shown with the term so a reader sees why search
    # found it: lay names, other spellings (UK ones too), common examples.
    also_called: list[Words] = []
    also_spelled: list[Words] = []
    examples: list[Words] = []
    see_also: list[Id] = []


class GlossaryFile(Entry):
    terms: list[GlossaryTerm] = Field(min_length=1)


class CareCard(Entry):
    id: Id
    level: Id
    action: Words
    bullets: list[Words] = Field(min_length=1, max_length=5)


class CareCardsFile(Entry):
    levels: list[Category] = Field(min_length=1)
    cards: list[CareCard] = Field(min_length=1)


# A page of the guide, by its file under docs/: "is-it-serious.md".
PageFile = Annotated[str, StringConstraints(pattern=r"^[a-z0-9/-]+\.md$")]


class CommonQuestion(Entry):
    """A question patients often ask, searched with one tap on the kiosk."""

    id: Id
    question: Words
    search: Words          # the words searched: what the guide calls it
    answer: PageFile       # the page that answers it


class SearchQuestion(Entry):
    """A question as patients type it into search, and where the guide answers
    it: that answer comes first in the results."""

    id: Id
    asked: list[Words] = Field(min_length=1)  # the ways it is typed: "is it cancer"
    answer: PageFile                          # the page that answers it
    heading: Words | None = None              # the heading there, as the page writes it; none: the page's top


class SearchQuestionsFile(Entry):
    questions: list[SearchQuestion] = Field(min_length=1)


class CommonQuestionsFile(Entry):
    questions: list[CommonQuestion] = Field(min_length=2, max_length=6)


class PageReview(Entry):
    """The `review:` front matter of a page. A role reviews, never a named person."""

    last_reviewed: datetime.date
    next_review: datetime.date
    reviewed_by: Text


class HandoutsFile(Entry):
    """Lists that appear only on the handouts."""

    treatment_questions: list[Words] = Field(min_length=1, max_length=6)
    test_questions: list[Words] = Field(min_length=1, max_length=6)
    checklist: list[Words] = Field(min_length=1, max_length=6)


class SourceArticle(Entry):
    title: Text  # the article's own title, in its own language
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")]  # the article's: "en"
    date: datetime.date
    reviewer: Text | None = None                # named by the article's own top line
    review_date_as_printed: Text | None = None  # its date, as that line prints it
    web_address: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Words


class Correction(Entry):
    id: Id
    topic: Words
    source_says: Words
    we_say: Words
    why: Words


class SourceFile(Entry):
    source: SourceArticle
    corrections: list[Correction] = []
