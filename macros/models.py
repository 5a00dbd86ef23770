"""What valid guide data looks like: one pydantic model per YAML file.

Every model forbids unknown fields and takes values strictly (a number is not
silently turned into text), so a typo in a data file is reported, not ignored.
Checks that need more than one entry (categories, duplicate ids,
cross-references) live in ``loading.py``, which sees all the files at once.
"""
from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

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


# A pictogram's name in Health Icons, or in ours (macros/icons.py): "blood-drop".
# Checked against the installed set when the data loads.
IconName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


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


class CauseCategory(Category):
    # One or two of its causes, by id, named on the short overview of a handout.
    examples: list[Id] = Field(default=[], max_length=2)


class CausesFile(Entry):
    categories: list[CauseCategory] = Field(min_length=1)
    causes: list[Cause] = Field(min_length=1)


class FigurePoint(Entry):
    """A place on a drawing, in percent of its width (0: left edge) and height (0: top)."""

    x: int = Field(ge=0, le=100)
    y: int = Field(ge=0, le=100)


class BodyLocation(Entry):
    id: Id
    name: Words
    # Where it sits on the body figure, a person standing and facing you
    # (macros/figures.py): marked there, and labelled beside the figure.
    on_figure: FigurePoint


class BodyLocationsFile(Entry):
    locations: list[BodyLocation] = Field(min_length=1)


class Symptom(Entry):
    id: Id
    name: Words
    explanation: Words
    self_check: list[Words] = Field(default=[], max_length=7)  # how to check for it, in order


class SymptomsFile(Entry):
    symptoms: list[Symptom] = Field(min_length=1)


class PainPhase(Entry):
    id: Id
    name: Words
    timing: Words
    what_happens: Words
    # What the line of the pain chart does in this phase: each phase starts
    # where the one before it ended (checked when the data loads).
    pain: Literal["rises", "highest", "eases"]
    # How wide its part of the chart is beside the others': a longer phase is
    # drawn wider (the chart is not to scale; its timing says how long).
    drawn_width: int = Field(default=1, ge=1, le=10)


class PainPhasesFile(Entry):
    phases: list[PainPhase] = Field(min_length=1)


class DiagnosticTest(Entry):
    id: Id
    name: Words
    kind: Id
    looks_for: Words
    what_to_expect: Words  # what the patient goes through
    getting_ready: Words | None = None  # what to do or ask before it
    icon: IconName
    ready_icon: IconName | None = None  # shown beside getting_ready
    # Scans only: can this scan show the condition? None: not used to look for it.
    shows_condition: bool | None = None


class AnswerIcons(Entry):
    """The pictograms beside a scan's answer: it can, or cannot, show the condition."""

    can_show: IconName
    cannot_show: IconName


class DiagnosticTestsFile(Entry):
    kinds: list[TestKind] = Field(min_length=1)
    tests: list[DiagnosticTest] = Field(min_length=1)
    answer_icons: AnswerIcons


class Treatment(Entry):
    id: Id
    name: Words
    level: Id
    explanation: Words
    steps: list[Words] = Field(default=[], max_length=7)  # how to do it, in order
    icon: IconName


class TreatmentsFile(Entry):
    levels: list[Category] = Field(min_length=1)
    treatments: list[Treatment] = Field(min_length=1)


# Each language has its own short forms (MRI is RM in Spanish).
Abbreviation = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,8}[a-z]{0,2}$"), TRANSLATED]


class PluralForms(Entry):
    """A short form's plural and the term's plural, as a page uses them ("NSAIDs")."""

    abbreviation: Abbreviation
    term: Words
    in_plain: Words


class GlossaryTerm(Entry):
    id: Id
    term: Words
    abbreviation: Abbreviation | None = None
    # What a short form means in everyday words ("a scan that uses a strong
    # magnet"): shown on tap and hover, and after its first use on paper.
    in_plain: Words | None = None
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
    # The number the card gives: the clinic's (when one is set) or the emergency
    # number (extra.emergency_number); none: the card gives no number.
    phone: Literal["clinic", "emergency"] | None = None


class CareLevel(Category):
    icon: IconName  # shown beside the step's name


class CareCardsFile(Entry):
    # The steps of the help ladder, least urgent first: a reader finds the one that fits.
    levels: list[CareLevel] = Field(min_length=1)
    cards: list[CareCard] = Field(min_length=1)
    search_offer: Id  # the card search offers when it finds nothing


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


def _sentences(text: str) -> list[str]:
    """The sentences of a short text: split after . ! or ? and a space."""
    return [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]


def _short_sentences(text: str, fewest: int, most: int) -> str:
    sentences = _sentences(text)
    if not fewest <= len(sentences) <= most:
        raise ValueError(f"must be {fewest} or {most} sentences (has {len(sentences)})")
    if not re.search(r"[.!?]$", text.strip()):
        raise ValueError("must end a sentence with . ! or ?")
    for sentence in sentences:
        if len(sentence.split()) > MOST_WORDS_A_SENTENCE:
            raise ValueError(f"has a sentence of more than {MOST_WORDS_A_SENTENCE} words: {sentence!r}")
    return text


# The style guide's longest sentence, for the text a reader meets first.
MOST_WORDS_A_SENTENCE = 20
KeyMessage = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                       AfterValidator(lambda text: _short_sentences(text, 2, 3))]
MainPoint = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                      AfterValidator(lambda text: _short_sentences(text, 1, 2))]


class PageMessages(Entry):
    """What a page says first and, on a handout, last: front matter a reader
    meets as the boxed key message under the title and "The main points"."""

    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)  # other front matter is not ours

    key_message: KeyMessage
    handout: bool = False
    main_points: list[MainPoint] | None = Field(default=None, min_length=2, max_length=3)

    @model_validator(mode="after")
    def _handouts_end_with_main_points(self) -> "PageMessages":
        if self.handout and self.main_points is None:
            raise ValueError("a handout (handout: true) ends with main_points: 2 or 3 short lines")
        if not self.handout and self.main_points is not None:
            raise ValueError("main_points are for handouts (handout: true) only")
        return self


class PageReview(Entry):
    """The `review:` front matter of a page. A role reviews, never a named person."""

    last_reviewed: datetime.date
    next_review: datetime.date
    reviewed_by: Text


class HandoutsFile(Entry):
    """Lists that appear only on the handouts."""

    treatment_questions: list[Words] = Field(min_length=1, max_length=6)
    test_questions: list[Words] = Field(min_length=1, max_length=6)


class SourceArticle(Entry):
    title: Text  # the article's own title, in its own language
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")]  # the article's: "en"
    date: datetime.date
    reviewer: Text | None = None                # named by the article's own top line
    review_date_as_printed: Text | None = None  # its date, as that line prints it
    web_address: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Words


class Addition(Entry):
    """Something the guide says that the article does not: the kinds the style
    guide allows (a prompt to ask a professional, medicine-label safety advice,
    how to use the guide's tables and ladder, what a named test involves)."""

    id: Id
    what: Words
    why: Words


class Correction(Entry):
    id: Id
    topic: Words
    source_says: Words
    we_say: Words
    why: Words


class SourceFile(Entry):
    source: SourceArticle
    corrections: list[Correction] = []
    additions: list[Addition] = []


class FigureLabel(Entry):
    """A word or two written on a drawing, at the place the drawing gives it."""

    id: Id
    text: Words


class Figure(Entry):
    """A drawing's words: its caption, what it shows in words for those who
    cannot see it (its text alternative), and the labels written on it. The
    drawings themselves are macros/templates/figures/; macros/figures.py names
    the labels each one needs."""

    id: Id
    caption: Words
    alt: Words
    labels: list[FigureLabel] = []


class FiguresFile(Entry):
    figures: list[Figure] = Field(min_length=1)
