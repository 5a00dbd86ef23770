"""Turn validated data into what each component's template needs.

One function per page macro, named after it; its template is ``<name>.html``
in ``templates/``. A wrong argument from a page raises ``PageCallError``.
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.files import File

from . import figures
from .loading import GuideData, PageCallError
from .models import GlossaryTerm, PageReview, SourceArticle
from .qr import QrCode, qr_code
from .settings import GuideSettings
from .translated_pages import PageTranslation

Context = dict[str, Any]


def cause_table(data: GuideData, category: str | None = None) -> Context:
    """Every cause with its kind, or the causes of one category."""
    causes = data.causes.causes
    return {"causes": causes if category is None else [c for c in causes if c.category == category],
            "category": None if category is None else data.category(category),
            "categories": {c.id: c for c in data.causes.categories}}


def cause_overview(data: GuideData) -> Context:
    """One line a category, with its one or two examples: a short list for
    handouts, which points to the causes page for the rest."""
    causes = {cause.id: cause for cause in data.causes.causes}
    return {"categories": [(category, [causes[example] for example in category.examples])
                           for category in data.causes.categories]}


def treatment_table(data: GuideData, level: str | None = None) -> Context:
    """Every treatment with its level, first steps first; or the treatments of one level."""
    levels = data.treatments.levels
    return {"treatments": [t for lvl in levels for t in data.treatments.treatments
                           if t.level == lvl.id and level in (None, lvl.id)],
            "level": None if level is None else data.treatment_level(level),
            "levels": {lvl.id: lvl for lvl in levels}}


def test_table(data: GuideData, scans: bool | None = None, kinds: list[str] | None = None) -> Context:
    """All tests, only the scans, or only the tests that are not scans; or the
    tests of the kinds named (ids from data/diagnostic_tests.yml)."""
    if scans not in (None, True, False):
        raise PageCallError(f"scans must be true, false or left out (got {scans!r})")
    known = [kind.id for kind in data.tests.kinds]
    if kinds is not None and (not isinstance(kinds, list) or not kinds or any(k not in known for k in kinds)):
        raise PageCallError(f"kinds must be a list of kinds of test from: {', '.join(known)} (got {kinds!r})")
    is_scan = {kind.id: kind.scan for kind in data.tests.kinds}
    return {"scans": scans, "answer_icons": data.tests.answer_icons, "is_scan": is_scan,
            "tests": [t for t in data.tests.tests
                      if (scans is None or is_scan[t.kind] == scans) and (kinds is None or t.kind in kinds)]}


def pain_timeline(data: GuideData) -> Context:
    return {"phases": data.pain_phases.phases}


def symptom_list(data: GuideData, explained: bool = True) -> Context:
    """The signs with what each means; or, where room is short (a handout), their
    names only, in columns on paper."""
    if explained not in (True, False):
        raise PageCallError(f"explained must be true or false (got {explained!r})")
    if explained:
        return {"items": data.symptoms.symptoms}
    return {"items": [symptom.name for symptom in data.symptoms.symptoms], "css": "in-columns"}


def _figure(data: GuideData, figure_id: str, drawing: Any, id_prefix: str) -> Context:
    return {"words": data.figure(figure_id), "drawing": drawing, "id_prefix": id_prefix}


def _labels(data: GuideData, figure_id: str) -> dict[str, str]:
    return {label.id: label.text for label in data.figure(figure_id).labels}


def body_figure(data: GuideData, compact: bool = False, id_prefix: str = "") -> Context:
    """A person standing, with the places where it happens most marked;
    ``compact=True``: the person smaller beside the same labels (a handout)."""
    if compact not in (True, False):
        raise PageCallError(f"compact must be true or false (got {compact!r})")
    return _figure(data, "where-it-happens", figures.body_figure(data.locations.locations, compact), id_prefix)


def bone_figure(data: GuideData, compact: bool = False, id_prefix: str = "") -> Context:
    """A bone cut open: the hard outer bone, the marrow, the fluid;
    ``compact=True``: its labels larger, for a drawing shown small (a handout)."""
    if compact not in (True, False):
        raise PageCallError(f"compact must be true or false (got {compact!r})")
    return _figure(data, "inside-a-bone", figures.bone_figure(_labels(data, "inside-a-bone"), compact), id_prefix)


def pain_chart(data: GuideData, phase_names: bool = True, id_prefix: str = "") -> Context:
    """The pain over the phases, as a line; ``phase_names=False`` numbers the
    phases without naming them, beside a timeline that names them."""
    if phase_names not in (True, False):
        raise PageCallError(f"phase_names must be true or false (got {phase_names!r})")
    drawing = figures.pain_chart(data.pain_phases.phases, _labels(data, "pain-over-time"), phase_names)
    return _figure(data, "pain-over-time", drawing, id_prefix)


def pitting_figure(data: GuideData, id_prefix: str = "") -> Context:
    """The pitting self-check in two pictures."""
    return _figure(data, "pitting-check", figures.pitting_figure(_labels(data, "pitting-check")), id_prefix)


def location_list(data: GuideData) -> Context:
    return {"items": [location.name for location in data.locations.locations]}


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: str
    abbreviation: str | None
    definition: str
    see_also: list[GlossaryTerm]
    also_called: list[str]
    also_spelled: list[str]
    examples: list[str]


def _plain_name(name: str) -> str:
    """ "Acute myeloid leukemia (AML)" -> "acute myeloid leukemia", to match terms."""
    return re.sub(r"\s*\(.*?\)", "", name).strip().lower()


# Letters a language sorts as letters of their own, each after the letter named:
# Spanish ñ comes after n. Every other accent is left out of the order (Spanish
# á sorts with a), and breaks ties only.
LETTERS_OF_THEIR_OWN: dict[str, dict[str, str]] = {"es": {"ñ": "n"}}


def _own_letters(language: str) -> dict[str, str]:
    return LETTERS_OF_THEIR_OWN.get(re.split(r"[_-]", language)[0], {})


def _alphabet_key(char: str, own: dict[str, str]) -> tuple[str, int]:
    """Where one lower-case character sorts: its letter without accents, or after
    the letter it follows if the language gives it a place of its own."""
    if char in own:
        return own[char], 1
    return unicodedata.normalize("NFD", char)[0], 0


def sort_key(text: str, language: str) -> tuple[list[tuple[str, int]], str]:
    """A key that sorts words as a reader of ``language`` looks them up."""
    own = _own_letters(language)
    folded = unicodedata.normalize("NFC", text.casefold())
    return [_alphabet_key(char, own) for char in folded], folded


def first_letter(text: str, language: str) -> str:
    """The letter a word is listed under: "Á" under "A"; in Spanish, "Ñ" under "Ñ".
    A word that starts with no letter is listed under "#"."""
    own = _own_letters(language)
    text = unicodedata.normalize("NFC", text.strip())
    if not text:
        return "#"
    lower = text[0].lower()
    letter = lower if lower in own else unicodedata.normalize("NFD", lower)[0]
    return letter.upper() if letter.isalpha() else "#"


@dataclass(frozen=True)
class GlossaryLetter:
    """The terms that start with one letter, and the anchor the jump list leads to."""

    letter: str
    id: str
    entries: list[GlossaryEntry]


def letter_id(letter: str) -> str:
    """ "A" -> "letter-a"; letters outside a to z keep an id of plain characters ("Ñ" -> "letter-n-tilde")."""
    if letter == "#":
        return "letter-other"
    base = unicodedata.normalize("NFD", letter.lower())
    marks = [unicodedata.name(mark).split()[-1].lower() for mark in base[1:]]
    return "-".join(["letter", base[0], *marks])


def glossary_letters(entries: list[GlossaryEntry], language: str) -> list[GlossaryLetter]:
    """The entries, sorted for ``language``, in one group a first letter; letters
    with no entry have no group."""
    groups: dict[str, list[GlossaryEntry]] = {}
    for entry in sorted(entries, key=lambda e: (sort_key(e.term, language), e.id)):
        groups.setdefault(first_letter(entry.term, language), []).append(entry)
    return [GlossaryLetter(letter, letter_id(letter), group)
            for letter, group in sorted(groups.items(), key=lambda item: sort_key(item[0], language))]


def glossary(data: GuideData, *, language: str = "en") -> Context:
    """The glossary's terms, sorted as a reader of the page's language looks them
    up and grouped by first letter for the jump list; then every cause that is
    not one of them, so each medical word in the cause tables can be looked up in
    one place. The causes come apart from the terms: search then opens the causes
    page first for a cause, and the glossary for a word."""
    by_id = {t.id: t for t in data.glossary.terms}
    terms = [GlossaryEntry(t.id, t.term, t.abbreviation, t.definition, [by_id[r] for r in t.see_also],
                           t.also_called, t.also_spelled, t.examples)
             for t in data.glossary.terms]
    known = {_plain_name(t.term) for t in data.glossary.terms} | set(by_id)
    causes = [c for c in data.causes.causes if _plain_name(c.name) not in known and c.id not in known]
    return {"letters": glossary_letters(terms, language),
            "causes": sorted(causes, key=lambda c: (sort_key(c.name, language), c.id))}


def _check_heading_level(heading_level: int) -> None:
    if heading_level not in range(2, 7):
        raise PageCallError(f"heading_level must be a whole number from 2 to 6 (got {heading_level!r})")


def care_card(data: GuideData, card_id: str, heading_level: int = 2, *, settings: GuideSettings,
              id_prefix: str = "care-card-") -> Context:
    """A "When to get help" card, with the number it gives (the clinic's, or the
    emergency number). Its heading's id is ``id_prefix`` and the card's id
    (another prefix where the same card shows twice in a page, as in search's
    offer of help)."""
    _check_heading_level(heading_level)
    card = data.care_card(card_id)
    return {"card": card, "level": data.care_level(card.level), "heading_level": heading_level,
            "clinic": settings.clinic, "emergency_number": settings.emergency_number,
            "heading_id": id_prefix + card.id}


def help_ladder(data: GuideData, heading_level: int = 3, *, settings: GuideSettings,
                id_prefix: str = "care-card-") -> Context:
    """Every "When to get help" card, step by step, least urgent first."""
    _check_heading_level(heading_level)
    steps = [(level, cards) for level, cards in data.help_ladder() if cards]
    return {"steps": steps, "heading_level": heading_level, "id_prefix": id_prefix,
            "clinic": settings.clinic, "emergency_number": settings.emergency_number}


def corrections(data: GuideData) -> Context:
    return {"corrections": data.source.corrections}


def additions(data: GuideData) -> Context:
    return {"additions": data.source.additions}


def treatment_steps(data: GuideData, treatment: str) -> Context:
    """How to do one treatment, as numbered steps."""
    found = data.treatment(treatment)
    if not found.steps:
        raise PageCallError(f"treatment '{treatment}' has no steps in data/treatments.yml")
    return {"steps": found.steps, "css": "steps", "pictogram": found.icon}


def self_check(data: GuideData, symptom: str) -> Context:
    """How to check for one sign yourself, as numbered steps."""
    found = data.symptom(symptom)
    if not found.self_check:
        raise PageCallError(f"sign '{symptom}' has no self_check in data/symptoms.yml")
    return {"steps": found.self_check, "css": "steps self-check", "pictogram": None}


def handout_list(data: GuideData, name: str) -> Context:
    return {"items": data.handout_list(name)}


# The lines a handout may give the reader to write on, in the order shown.
WRITE_IN_LINES = ("phone", "out_of_hours", "appointment", "tests_ordered", "results")


def write_in(data: GuideData, *lines: str, settings: GuideSettings) -> Context:
    """Labelled lines to write on, on paper; with a clinic set, its phone fills
    the phone line."""
    unknown = [line for line in lines if line not in WRITE_IN_LINES]
    if unknown or not lines:
        raise PageCallError(f"name the lines to write on, from: {', '.join(WRITE_IN_LINES)}"
                            + (f" (got {', '.join(map(repr, unknown))})" if unknown else ""))
    return {"lines": lines, "clinic": settings.clinic}


def picture_credits(data: GuideData) -> Context:
    """Who made the pictograms, and their licence, as the installed set says;
    and the names of what the pictograms we drew ourselves stand beside."""
    if data.icon_credit is None:
        raise PageCallError("the data was loaded without its icon set, so there is no one to credit")
    named = [entry for _, _, entries in data.sections() for entry in entries if getattr(entry, "icon", None)]
    return {"credit": data.icon_credit, "drawn": [entry.name for entry in named if data.icons[entry.icon].drawn_here]}


def source_summary(data: GuideData) -> Context:
    return {"article": data.source.source}


def publishing(data: GuideData, *, settings: GuideSettings) -> Context:
    """Who publishes the guide, its review cycle, and the feedback address."""
    feedback = settings.feedback
    return {"publisher": settings.publisher, "cycle_months": settings.review.cycle_months,
            "feedback": {"href": feedback, "shown": re.sub(r"^(mailto:|https?://)", "", feedback)}
            if feedback else None}


@dataclass(frozen=True)
class PageFoot:
    """What every page ends with, on screen and on paper, as values for the
    theme's partials/page-foot.html: review status, source, disclaimer, and (on
    paper and the kiosk) the page's web address with a QR code."""

    review: PageReview | None
    article: SourceArticle
    disclaimer: str
    sources_url: str | None  # None in a guide without a sources page
    web_address: str | None
    qr: QrCode | None
    updated: datetime.date | None  # the newest of the page's and its data's last changes
    # A translated page: what its front matter says of a check by a medical translator.
    translation: PageTranslation | None = None

    @property
    def short_address(self) -> str | None:
        """The address as a reader would type it: no scheme."""
        return re.sub(r"^https?://", "", self.web_address) if self.web_address else None


# Names kept for examples (RFC 2606, RFC 6761): an address on one of them, like
# the guide's own placeholder https://example.github.io/..., leads nowhere real.
PLACEHOLDER_HOST = re.compile(r"(^|\.)(example|test|invalid|localhost)$|^example\.")


def is_real_address(site_url: str | None) -> bool:
    host = urlsplit(site_url or "").hostname
    return bool(host) and not PLACEHOLDER_HOST.search(host)


def web_address(site_url: str | None, src_uri: str) -> str | None:
    """A page's address in the web edition, the one a printout or the kiosk
    points to, or None while the site's address is a placeholder. The kiosk's
    own URLs end in .html; the web edition's do not."""
    if not is_real_address(site_url):
        return None
    return urljoin(site_url, File(src_uri, None, "", use_directory_urls=True).url)


def page_foot(data: GuideData, settings: GuideSettings, review: PageReview | None, sources_url: str | None,
              address: str | None, updated: datetime.date | None = None,
              translation: PageTranslation | None = None) -> PageFoot:
    return PageFoot(review, data.source.source, settings.disclaimer, sources_url, address,
                    qr_code(address) if address else None, updated, translation)
