"""Read the YAML files in ``data/``, validate them and check them against each other.

Every mistake is collected into one ``DataError`` whose message names the file,
the entry and the field, in words a content editor can act on.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

import yaml
from pydantic import BaseModel, ValidationError

from . import models
from .figures import DRAWINGS, pain_continues
from .icons import Credit, Icon, IconSet, IconSetError
from .translations import DataTranslation, Gap, Stale, TranslationError


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


class PageCallError(LookupError):
    """A page asked for something the data does not have (an unknown id, level
    or list). It is the page editor's mistake, reported as such; any other
    exception from a macro is a bug in our code and keeps its traceback."""


def _find(entries: Iterable[Any], entry_id: str, what: str) -> Any:
    for entry in entries:
        if entry.id == entry_id:
            return entry
    known = ", ".join(e.id for e in entries)
    raise PageCallError(f"no {what} with id '{entry_id}'; known: {known}")


@dataclass(frozen=True)
class GuideData:
    """Every fact the site shows, validated and cross-checked."""

    condition: models.ConditionFile
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
    common_questions: models.CommonQuestionsFile
    search_questions: models.SearchQuestionsFile
    figures: models.FiguresFile
    # The pictograms the data names (its `icon:` fields), by name, checked.
    icons: dict[str, Icon] = field(default_factory=dict)
    icon_credit: Credit | None = None  # who made them, for the sources page

    def figure(self, figure_id: str) -> models.Figure:
        return _find(self.figures.figures, figure_id, "figure")

    def sections(self) -> Iterable[tuple[str, str, list[Any]]]:
        """Every list of entries with ids, found from DATA_FILES: (the file's
        attribute here, the section, its entries)."""
        for attribute, _ in DATA_FILES.values():
            contents = getattr(self, attribute)
            for section in type(contents).model_fields:
                entries = getattr(contents, section)
                if isinstance(entries, list) and entries and hasattr(entries[0], "id"):
                    yield attribute, section, entries

    def category(self, category_id: str) -> models.Category:
        return _find(self.causes.categories, category_id, "cause category")

    def treatment(self, treatment_id: str) -> models.Treatment:
        return _find(self.treatments.treatments, treatment_id, "treatment")

    def symptom(self, symptom_id: str) -> models.Symptom:
        return _find(self.symptoms.symptoms, symptom_id, "sign")

    def treatment_level(self, level_id: str) -> models.Category:
        return _find(self.treatments.levels, level_id, "treatment level")

    def care_card(self, card_id: str) -> models.CareCard:
        return _find(self.care_cards.cards, card_id, "care card")

    def help_ladder(self) -> list[tuple[models.Category, list[models.CareCard]]]:
        """Each step of the help ladder, least urgent first, with its cards."""
        return [(level, [card for card in self.care_cards.cards if card.level == level.id])
                for level in self.care_cards.levels]

    def care_level(self, level_id: str) -> models.Category:
        return _find(self.care_cards.levels, level_id, "care card level")

    def test_kind(self, kind_id: str) -> models.TestKind:
        return _find(self.tests.kinds, kind_id, "kind of test")

    def handout_list(self, name: str) -> list[str]:
        if name not in HANDOUT_LISTS:
            raise PageCallError(f"no handout list '{name}'; known: {', '.join(HANDOUT_LISTS)}")
        return getattr(self.handouts, name)


# The handout lists a page may show by name.
HANDOUT_LISTS = ("treatment_questions", "test_questions")

# File name -> (GuideData attribute, model). One place lists the data files.
DATA_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "condition.yml": ("condition", models.ConditionFile),
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
    "common_questions.yml": ("common_questions", models.CommonQuestionsFile),
    "search_questions.yml": ("search_questions", models.SearchQuestionsFile),
    "figures.yml": ("figures", models.FiguresFile),
}

# Fields that name an entry of a list declared in the same file:
# file -> (section, field, section of the allowed ids, what they are called).
GROUP_REFERENCES = {
    "causes.yml": ("causes", "category", "categories", "category"),
    "treatments.yml": ("treatments", "level", "levels", "level"),
    "care_cards.yml": ("cards", "level", "levels", "level"),
    "diagnostic_tests.yml": ("tests", "kind", "kinds", "kind"),
}


def load_guide_data(data_dir: Path, icon_set: IconSet | None = None) -> GuideData:
    """Load every data file; raise ``DataError`` listing all problems found.
    The icons the data names are looked up in ``icon_set`` (by default the
    installed Health Icons: ``IconSetError`` if it is not installed)."""
    problems: list[DataProblem] = []
    raw_files: dict[str, tuple[str, type[BaseModel], Any]] = {}
    for file_name, (attribute, model) in DATA_FILES.items():
        label = f"data/{file_name}"
        raw = _read_yaml(data_dir / file_name, label, problems)
        if raw is not None:
            raw_files[label] = (attribute, model, raw)
    if problems:
        raise DataError(problems)
    return _validated(raw_files, icon_set or IconSet.installed())


def _validated(raw_files: dict[str, tuple[str, type[BaseModel], Any]], icon_set: IconSet | None) -> GuideData:
    """Validate each file's data (label -> attribute, model, data) and check
    them against each other and, given an icon set, their icons against it;
    ``DataError`` lists every problem."""
    problems: list[DataProblem] = []
    loaded: dict[str, BaseModel] = {}
    for label, (attribute, model, raw) in raw_files.items():
        try:
            loaded[attribute] = model.model_validate(raw)
        except ValidationError as error:
            problems.extend(_describe(label, raw, error))
    if not problems:
        data = GuideData(**loaded)  # type: ignore[arg-type]
        labels = {attr: label for label, (attr, _, _) in raw_files.items()}
        problems.extend(_cross_check(data, labels))
        if icon_set is not None:
            icons, unknown = _icons(data, labels, icon_set)
            problems.extend(unknown)
            data = replace(data, icons=icons, icon_credit=icon_set.credit)
    if problems:
        raise DataError(problems)
    return data


def translate_guide_data(english: GuideData, folder: Path, language: str,
                         label: str) -> tuple[GuideData, list[Stale]]:
    """The guide's data in ``language``, from the files in ``folder`` (shown as
    ``label`` in messages). Raises ``TranslationError`` listing every gap, and
    ``DataError`` if the translated data breaks a rule (a pattern, a length);
    returns the translations made from older English text beside the data."""
    gaps: list[Gap] = []
    stale: list[Stale] = []
    merged: dict[str, Any] = {}
    for file_name, (attribute, _) in DATA_FILES.items():
        translation = DataTranslation(f"{label}/{file_name}", f"data/{file_name}", language)
        path = folder / file_name
        if path.is_file():
            problems: list[DataProblem] = []
            raw = _read_yaml(path, translation.file, problems)
            if problems:
                raise DataError(problems)
        else:
            raw = None
            gaps.append(Gap(translation.file, "the file", "-", language, "file is missing"))
        merged[attribute] = translation.apply(getattr(english, attribute), raw)
        gaps.extend(translation.gaps)
        stale.extend(translation.stale)
    if gaps:
        raise TranslationError(language, gaps)
    # Icons are named, not written: the translation uses the English data's.
    translated = _validated({f"{label}/{name}": (attribute, model, merged[attribute])
                             for name, (attribute, model) in DATA_FILES.items()}, None)
    return replace(translated, icons=english.icons, icon_credit=english.icon_credit), stale


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


def load_page_messages(meta: dict[str, Any], page: str) -> models.PageMessages:
    """A page's key message and, on a handout, its main points, from its front matter."""
    try:
        return models.PageMessages.model_validate(meta)
    except ValidationError as error:
        raise DataError([
            # The one check of the whole front matter is about main_points.
            DataProblem(page, "front matter", ".".join(map(str, d["loc"])) or "main_points",
                        "required field is missing" if d["type"] == "missing"
                        else d["msg"].removeprefix("Value error, "))
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
        try:
            entry_id = raw[section][index].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            entry_id = None
        label = _entry(section, index, entry_id) if entry_id is not None else f"entry {section}[{index}]"
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


def _entry(section: str, index: int, entry_id: str) -> str:
    return f"entry {section}[{index}] (id '{entry_id}')"


def _repeats(file: str, section: str, entries: list[Any], field: str, message: str) -> Iterable[DataProblem]:
    """A problem for each entry whose ``field`` repeats an earlier entry's value."""
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        value = getattr(entry, field)
        if value is None:
            continue
        if value in seen:
            yield DataProblem(file, _entry(section, index, entry.id), field, message.format(value=value))
        seen.add(value)


def _sections(data: GuideData, labels: dict[str, str]) -> Iterable[tuple[str, str, list[Any]]]:
    """Every list of entries with ids, its file named as the reader wrote it: (file, section, entries)."""
    return ((labels[attribute], section, entries) for attribute, section, entries in data.sections())


def _icons(data: GuideData, labels: dict[str, str], icon_set: IconSet) -> tuple[dict[str, Icon], list[DataProblem]]:
    """The icon of every entry that names one (its ``icon`` or ``ready_icon`` field) and of the
    scans' answers, by the name the data gives; a problem for each name the
    set does not have, or has with more than shapes."""
    named = [(name, label, _entry(section, index, entry.id), field)
             for label, section, entries in _sections(data, labels) for index, entry in enumerate(entries)
             for field in ("icon", "ready_icon") if (name := getattr(entry, field, None)) is not None]
    answers = data.tests.answer_icons
    named += [(getattr(answers, field), labels["tests"], "section 'answer_icons'", field)
              for field in type(answers).model_fields]
    icons: dict[str, Icon] = {}
    problems: list[DataProblem] = []
    for name, label, entry, field in named:
        if name in icons:
            continue
        if name not in icon_set:
            problems.append(DataProblem(label, entry, field, f"no icon '{name}' in {icon_set.credit.name} (the names "
                                                             f"are on the set's web page, {icon_set.credit.author_url})"))
            continue
        try:
            icons[name] = icon_set.get(name)
        except IconSetError as error:
            problems.append(DataProblem(label, entry, field, f"icon '{name}' cannot be shown: {error}; choose another"))
    return icons, problems


def _cross_check(data: GuideData, labels: dict[str, str]) -> Iterable[DataProblem]:
    """Checks that span entries: unique ids, known categories, working references.
    ``labels`` names each file (by GuideData attribute) as the reader wrote it."""
    for label, section, entries in _sections(data, labels):
        yield from _repeats(label, section, entries, "id", "duplicate id: another entry already uses it")

    yield from _check_figures(data, labels["figures"])
    for index, pain in pain_continues(data.pain_phases.phases):
        phase = data.pain_phases.phases[index]
        yield DataProblem(labels["pain_phases"], _entry("phases", index, phase.id), "pain",
                          f"'{pain}' does not start where the phase before it ends "
                          f"('{data.pain_phases.phases[index - 1].pain}'), so the pain chart's line would jump")

    for file_name, (section, field, groups, what) in GROUP_REFERENCES.items():
        contents = getattr(data, DATA_FILES[file_name][0])
        known = [group.id for group in getattr(contents, groups)]
        for index, entry in enumerate(getattr(contents, section)):
            if getattr(entry, field) not in known:
                yield DataProblem(labels[DATA_FILES[file_name][0]], _entry(section, index, entry.id), field,
                                  f"unknown {what} '{getattr(entry, field)}'; known: {', '.join(known)}")

    in_category = {cause.id: cause.category for cause in data.causes.causes}
    for index, category in enumerate(data.causes.categories):
        for example in category.examples:
            if in_category.get(example) != category.id:
                yield DataProblem(labels["causes"], _entry("categories", index, category.id), "examples",
                                  f"'{example}' is not one of this category's causes")

    offer = data.care_cards.search_offer
    if offer not in {card.id for card in data.care_cards.cards}:
        yield DataProblem(labels["care_cards"], "section 'search_offer'", "-",
                          f"refers to '{offer}', which is not a card")

    kinds = {kind.id: kind for kind in data.tests.kinds}
    for index, test in enumerate(data.tests.tests):
        kind = kinds.get(test.kind)
        if test.shows_condition is not None and kind and not kind.scan:
            yield DataProblem(labels["tests"], _entry("tests", index, test.id), "shows_condition",
                              f"only scans say whether they show the condition; kind '{test.kind}' is not a scan")

    terms = data.glossary.terms
    known = {t.id for t in terms}
    for index, term in enumerate(terms):
        for ref in term.see_also:
            if ref not in known:
                yield DataProblem(labels["glossary"], _entry("terms", index, term.id), "see_also",
                                  f"refers to '{ref}', which is not a glossary term")
    yield from _repeats(labels["glossary"], "terms", terms, "abbreviation",
                        "'{value}' is already explained by another term")
    for index, term in enumerate(terms):
        if term.abbreviation and not term.in_plain:
            yield DataProblem(labels["glossary"], _entry("terms", index, term.id), "in_plain",
                              f"a short form needs what it means in everyday words (for {term.abbreviation})")
        if term.in_plain and not term.abbreviation:
            yield DataProblem(labels["glossary"], _entry("terms", index, term.id), "in_plain",
                              "only a short form (abbreviation) is explained in everyday words here")
        if term.plural and not term.abbreviation:
            yield DataProblem(labels["glossary"], _entry("terms", index, term.id), "plural",
                              "a plural needs the abbreviation it is the plural of")


def _check_figures(data: GuideData, label: str) -> Iterable[DataProblem]:
    """Every drawing has its words, and each one the labels it writes."""
    figures = {figure.id: (index, figure) for index, figure in enumerate(data.figures.figures)}
    for drawing, needed in DRAWINGS.items():
        if drawing not in figures:
            yield DataProblem(label, "section 'figures'", "-",
                              f"no entry for the drawing '{drawing}' (its caption, alt and labels)")
            continue
        index, figure = figures[drawing]
        given = [item.id for item in figure.labels]
        for missing in (name for name in needed if name not in given):
            yield DataProblem(label, _entry("figures", index, drawing), "labels",
                              f"no label '{missing}' (this drawing writes: {', '.join(needed) or 'none'})")
        for extra in (name for name in given if name not in needed):
            yield DataProblem(label, _entry("figures", index, drawing), "labels",
                              f"'{extra}' is not a label this drawing writes ({', '.join(needed) or 'none'})")
    for drawing, (index, _) in figures.items():
        if drawing not in DRAWINGS:
            yield DataProblem(label, _entry("figures", index, drawing), "id",
                              f"no drawing '{drawing}'; the drawings are: {', '.join(DRAWINGS)}")
