"""Pure functions from validated guide data to HTML or Markdown.

Everything that comes from data goes through ``esc``. Tables put each cell on a
line of its own: Material's search indexes the text of an HTML block as it
stands, and cells written side by side would be glued into one word.
"""
from __future__ import annotations

import datetime
import re
from html import escape
from typing import Iterable, Sequence
from urllib.parse import urljoin

import segno
from mkdocs.structure.files import File

from .loading import GuideData
from .models import CareCard, PageReview


def esc(text: str) -> str:
    return escape(text, quote=True)


def _table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]], css: str) -> str:
    """An accessible table: a caption, column headers, and a row header per row.

    ``rows`` hold already-escaped cell HTML; the first cell of a row names it.
    """
    lines = [f'<table class="fact-table {css}">', f"<caption>{esc(caption)}</caption>", "<thead>", "<tr>"]
    lines += [f'<th scope="col">{esc(h)}</th>' for h in headers]
    lines += ["</tr>", "</thead>", "<tbody>"]
    for first, *rest in rows:
        lines += ["<tr>", f'<th scope="row">{first}</th>']
        lines += [f"<td>{cell}</td>" for cell in rest]
        lines.append("</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


def render_cause_table(data: GuideData, category_id: str | None = None) -> str:
    """All causes with their kind, or the causes of one category."""
    if category_id is None:
        names = {c.id: c.name for c in data.causes.categories}
        rows = [(esc(c.name), esc(names[c.category]), esc(c.explanation)) for c in data.causes.causes]
        return _table("Causes of bone marrow edema", ("Cause", "Kind of cause", "What it means"),
                      rows, "cause-table")
    category = data.category(category_id)
    rows = [(esc(c.name), esc(c.explanation)) for c in data.causes.causes if c.category == category_id]
    return _table(f"Causes: {category.name}", ("Cause", "What it means"), rows, "cause-table")


TREATMENT_LEVELS = {"first": "First steps", "serious": "For more serious cases"}


def render_treatment_table(data: GuideData, level: str | None = None) -> str:
    """All treatments, first steps before those for serious cases; or the
    treatments of one level, whose caption then says when they are used."""
    if level is None:
        rows = [(esc(t.name), esc(TREATMENT_LEVELS[t.level]), esc(t.explanation))
                for lvl in TREATMENT_LEVELS for t in data.treatments.treatments if t.level == lvl]
        return _table("Treatments for bone marrow edema", ("Treatment", "When it is used", "What it involves"),
                      rows, "treatment-table")
    if level not in TREATMENT_LEVELS:
        raise KeyError(f"no treatment level '{level}'; known: {', '.join(TREATMENT_LEVELS)}")
    rows = [(esc(t.name), esc(t.explanation)) for t in data.treatments.treatments if t.level == level]
    return _table(f"Treatments: {TREATMENT_LEVELS[level].lower()}", ("Treatment", "What it involves"),
                  rows, "treatment-table")


def _shows_edema(value: bool | None) -> str:
    return {True: "Yes", False: "No", None: "Not a scan of the edema"}[value]


def render_test_table(data: GuideData, scans: bool | None = None) -> str:
    """The tests a doctor may use: all of them, only scans (with whether each shows
    the edema), or only the tests that are not scans."""
    tests = [t for t in data.tests.tests if scans is None or (t.kind == "imaging") == scans]
    if scans:
        rows = [(esc(t.name), esc(_shows_edema(t.shows_edema)), esc(t.looks_for)) for t in tests]
        return _table("Scans and what they show", ("Scan", "Shows bone marrow edema?", "What it looks at"),
                      rows, "test-table")
    rows = [(esc(t.name), esc(t.looks_for), esc(t.what_to_expect)) for t in tests]
    return _table("Tests your doctor may use", ("Test", "What it looks for", "What to expect"), rows, "test-table")


def render_pain_timeline(data: GuideData) -> str:
    """The phases of pain as an ordered list: order matters, so it is an <ol>."""
    lines = ['<ol class="pain-timeline">']
    for phase in data.pain_phases.phases:
        lines += [
            '<li class="pain-timeline__phase">',
            f'<p class="pain-timeline__when"><strong>{esc(phase.timing)}</strong></p>',
            f'<p class="pain-timeline__name">{esc(phase.name)}</p>',
            f"<p>{esc(phase.what_happens)}</p>",
            "</li>",
        ]
    lines.append("</ol>")
    return "\n".join(lines)


def _bullets(items: Iterable[str], css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return "\n".join([f"<ul{attr}>", *(f"<li>{item}</li>" for item in items), "</ul>"])


def render_symptom_list(data: GuideData) -> str:
    return _bullets(
        f"<strong>{esc(s.name)}</strong>: {esc(s.explanation)}" for s in data.symptoms.symptoms
    )


def render_location_list(data: GuideData) -> str:
    return _bullets(esc(loc.name) for loc in data.locations.locations)


def render_cause_overview(data: GuideData) -> str:
    """One line a category, naming its causes: a short list for handouts."""
    return _bullets(
        f"<strong>{esc(cat.name)}</strong>: "
        + esc(", ".join(c.name for c in data.causes.causes if c.category == cat.id))
        for cat in data.causes.categories
    )


def _plain_name(name: str) -> str:
    """ "Acute myeloid leukemia (AML)" -> "acute myeloid leukemia", to match terms."""
    return re.sub(r"\s*\(.*?\)", "", name).strip().lower()


def render_glossary(data: GuideData) -> str:
    """A definition list, sorted by term, each entry linkable by its id.

    It holds the glossary's terms and every cause that is not one of them, so
    each medical word in the cause tables can be looked up in one place.
    """
    by_id = {t.id: t for t in data.glossary.terms}
    entries: list[tuple[str, str, str, str]] = []  # sort key, id, term HTML, definition HTML
    for term in data.glossary.terms:
        abbr = f" ({esc(term.abbreviation)})" if term.abbreviation else ""
        definition = esc(term.definition)
        if term.see_also:
            links = ", ".join(f'<a href="#{esc(ref)}">{esc(by_id[ref].term)}</a>' for ref in term.see_also)
            definition += f" See also: {links}."
        entries.append((term.term.lower(), term.id, esc(term.term) + abbr, definition))
    known = {_plain_name(t.term) for t in data.glossary.terms} | set(by_id)
    for cause in data.causes.causes:
        if _plain_name(cause.name) not in known and cause.id not in known:
            entries.append((cause.name.lower(), cause.id, esc(cause.name),
                            f"{esc(cause.explanation)} A cause of bone marrow edema."))
    lines = ['<dl class="glossary">']
    for _, entry_id, term_html, definition in sorted(entries):
        lines += [f'<dt id="{esc(entry_id)}">{term_html}</dt>', f"<dd>{definition}</dd>"]
    lines.append("</dl>")
    return "\n".join(lines)


def _abbreviation_titles(data: GuideData) -> dict[str, str]:
    """Each short form, and its plural, with the term it stands for."""
    titles: dict[str, str] = {}
    for t in data.glossary.terms:
        if t.abbreviation:
            titles[t.abbreviation] = t.term
            titles[f"{t.abbreviation}s"] = f"{t.term}s"
    return titles


class AbbreviationMarker:
    """Wraps short forms in the text of generated HTML in <abbr>, as Markdown's
    abbr extension does for prose (it does not look inside raw HTML blocks).
    Made once per build; called on the output of every macro."""

    TEXT = re.compile(r">([^<]+)<")  # only text between tags, never names or attributes

    def __init__(self, data: GuideData) -> None:
        self.titles = _abbreviation_titles(data)
        longest_first = sorted(map(re.escape, self.titles), key=len, reverse=True)
        self.word = re.compile(r"\b(" + "|".join(longest_first) + r")\b")

    def _wrap(self, word: re.Match[str]) -> str:
        return f'<abbr title="{esc(self.titles[word.group(1)])}">{word.group(1)}</abbr>'

    def __call__(self, html: str) -> str:
        return self.TEXT.sub(lambda m: ">" + self.word.sub(self._wrap, m.group(1)) + "<", html)


def render_abbreviations(data: GuideData) -> str:
    """Markdown abbreviation definitions, appended to every page (Markdown's abbr).

    The plural ("NSAIDs") is defined too: abbr matches whole words only.
    """
    return "\n".join(f"*[{short}]: {term}" for short, term in _abbreviation_titles(data).items())


CARE_LEVELS = {"urgent": "Urgent", "non-urgent": "Non-urgent"}


def render_care_card(card: CareCard, heading_level: int = 2) -> str:
    """A "When to get help" box in the manner of the NHS care cards.

    The level is written out in text, so it is read aloud, not only shown by colour.
    """
    if not 2 <= heading_level <= 6:
        raise ValueError("heading_level must be between 2 and 6")
    h = f"h{heading_level}"
    heading_id = f"care-card-{esc(card.id)}"
    return "\n".join([
        f'<section class="care-card care-card--{esc(card.level)}" aria-labelledby="{heading_id}">',
        f'<p class="care-card__level"><span class="care-card__level-label">When to get help: </span>'
        f"{esc(CARE_LEVELS[card.level])}</p>",
        f'<{h} class="care-card__heading" id="{heading_id}">{esc(card.action)}:</{h}>',
        _bullets((esc(b) for b in card.bullets), "care-card__bullets"),
        "</section>",
    ])


def render_corrections(data: GuideData) -> str:
    rows = [(esc(c.topic), esc(c.source_says), esc(c.we_say), esc(c.why)) for c in data.source.corrections]
    return _table("What we corrected from the source article",
                  ("Topic", "The article says", "We say", "Why"), rows, "corrections-table")


def render_source_summary(data: GuideData) -> str:
    article = data.source.source
    return f"<p><strong>{esc(article.title)}</strong>, dated {long_date(article.date)}. {esc(article.note)}</p>"


HANDOUT_LISTS = ("treatment_questions", "test_questions")


def render_handout_list(data: GuideData, name: str) -> str:
    """One of the handout-only lists of questions for your doctor."""
    if name not in HANDOUT_LISTS:
        raise KeyError(f"no handout list '{name}'; known: {', '.join(HANDOUT_LISTS)}")
    return _bullets(esc(item) for item in getattr(data.handouts, name))


def render_checklist(data: GuideData) -> str:
    """Boxes to tick: real checkboxes on screen, empty boxes on paper."""
    lines = ['<ul class="checklist">']
    for index, item in enumerate(data.handouts.checklist):
        lines.append(f'<li><label><input type="checkbox" name="check-{index}"> {esc(item)}</label></li>')
    lines.append("</ul>")
    return "\n".join(lines)


def render_notes_space(lines: int = 4) -> str:
    """Ruled lines for the reader's own notes on a printed handout."""
    ruled = "\n".join('<span class="notes__line"></span>' for _ in range(lines))
    return f'<div class="notes" role="presentation">\n{ruled}\n</div>'


def render_qr_svg(address: str) -> str:
    """An inline SVG QR code that opens ``address``: made at build time, no network."""
    svg = segno.make(address, error="m").svg_inline(scale=3, border=2, omitsize=True)
    label = esc(f"QR code that opens {address}")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def web_address(site_url: str | None, src_uri: str) -> str | None:
    """A page's address in the web edition, the one a printout or the kiosk
    points to. The kiosk's own URLs end in .html; the web edition's do not."""
    if not site_url:
        return None
    return urljoin(site_url, File(src_uri, None, "", use_directory_urls=True).url)


def long_date(day: datetime.date) -> str:
    """US style, like the rest of the guide's spelling: "April 6, 2025"."""
    return f"{day:%B} {day.day}, {day.year}"


def render_review_status(review: PageReview | None) -> str:
    if review is None:
        return "Awaiting clinical review."
    return (f"Page last reviewed: {long_date(review.last_reviewed)} by {esc(review.reviewed_by)}. "
            f"Next review due: {long_date(review.next_review)}.")


def render_page_foot(data: GuideData, review: PageReview | None, disclaimer: str,
                     sources_href: str, online_address: str | None) -> str:
    """What every page ends with, on screen and on paper: review status, source,
    disclaimer, and (on paper and on the kiosk) a QR code to the page online."""
    article = data.source.source
    lines = [
        '<aside class="page-foot" aria-label="About this page">',
        f'<p class="page-foot__review">{render_review_status(review)}</p>',
        f'<p class="page-foot__source">Source: the article <cite>{esc(article.title)}</cite>, '
        f"dated {esc(long_date(article.date))}. "
        f'<a href="{esc(sources_href)}">Sources and corrections</a>.</p>',
        f'<p class="page-foot__disclaimer"><strong>Please note:</strong> {esc(disclaimer)}</p>',
    ]
    if online_address:
        short = re.sub(r"^https?://", "", online_address)
        lines += [
            f'<p class="page-foot__online">Read this page online: '
            f'<span class="page-foot__address">{esc(short)}</span></p>',
            f'<div class="page-foot__qr">{render_qr_svg(online_address)}</div>',
        ]
    lines.append("</aside>")
    return "\n".join(lines)


def render_publishing(publisher: str, cycle_months: int, feedback: str) -> str:
    """Who publishes the guide, its review cycle, and how to report a problem."""
    shown = re.sub(r"^(mailto:|https?://)", "", feedback)
    return "\n".join([
        "<ul>",
        f"<li><strong>Published by:</strong> {esc(publisher)}.</li>",
        f"<li><strong>Review cycle:</strong> each page is due for a clinical review every "
        f"{cycle_months} months. The foot of each page says when it was last reviewed, or that it "
        "is awaiting review.</li>",
        f'<li><strong>Found a problem?</strong> Tell us at <a href="{esc(feedback)}">{esc(shown)}</a>. '
        "Please say which page and what is wrong. Do not send personal health details.</li>",
        "</ul>",
    ])
