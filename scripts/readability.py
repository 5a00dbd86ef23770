"""Reading level of each page of a built site, by the page's language: English
pages by Flesch-Kincaid grade and SMOG index (lower is easier), Spanish pages by
the Fernández-Huerta reading ease (higher is easier; 70 and more is fairly easy).

Measures the prose a reader reads: paragraphs, list items and definitions inside
the page's <article>, leaving out tables, the care cards' level banners and the
page foot (the same on every page). `make readability` prints the table.

usage: python -m scripts.readability SITE_DIR
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from statistics import mean

import textstat

PROSE = {"p", "li", "dd"}
SKIPPED_CLASSES = {"page-foot", "care-card__level", "handout-actions", "write-in"}


@dataclass(frozen=True)
class PageScore:
    page: str
    language: str
    words: int
    flesch_kincaid: float | None = None   # English pages
    smog: float | None = None
    fernandez_huerta: float | None = None  # Spanish pages


class ProseCollector(HTMLParser):
    """Collects the text of prose blocks inside <article>, one block a sentence group."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.skip_depth = 0
        self.stack: list[bool] = []  # for each open element: does it start a skip?
        self.blocks: list[list[str]] = []
        self.open_blocks = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "input", "hr", "meta", "link"}:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skips = tag in {"table", "script", "style", "svg"} or bool(classes & SKIPPED_CLASSES)
        self.stack.append(skips)
        self.skip_depth += skips
        if tag == "article":
            self.in_article += 1
        if self.in_article and not self.skip_depth and tag in PROSE:
            self.blocks.append([])
            self.open_blocks += 1

    def handle_endtag(self, tag):
        if tag in {"br", "img", "input", "hr", "meta", "link"} or not self.stack:
            return
        self.skip_depth -= self.stack.pop()
        if tag == "article":
            self.in_article -= 1
        if tag in PROSE and self.open_blocks and not self.skip_depth:
            self.open_blocks -= 1

    def handle_data(self, data):
        if self.in_article and not self.skip_depth and self.open_blocks:
            self.blocks[-1].append(data)

    def text(self) -> str:
        sentences = []
        for block in self.blocks:
            line = " ".join("".join(block).split())
            if line:
                # A list item or a line with no full stop is still one sentence.
                sentences.append(line if line[-1] in ".?!" else line + ".")
        return " ".join(sentences)


def prose_of(html: str) -> str:
    collector = ProseCollector()
    collector.feed(html)
    return collector.text()


def score_page(page: str, html: str) -> PageScore | None:
    """The page's scores in its own language (<html lang>), or None with no prose."""
    found = re.search(r'<html[^>]*\blang="([^"]+)"', html)
    language = found.group(1).split("-")[0] if found else "en"
    text = prose_of(html)
    if not text:
        return None
    textstat.set_lang(language)
    words = textstat.lexicon_count(text)
    if language == "es":
        return PageScore(page, language, words, fernandez_huerta=textstat.fernandez_huerta(text))
    textstat.set_lang("en")
    return PageScore(page, language, words, textstat.flesch_kincaid_grade(text), textstat.smog_index(text))


def score_site(site: Path) -> list[PageScore]:
    """Every page of the site, in every language (es/ holds the Spanish pages)."""
    scores = []
    for page in sorted(site.rglob("*.html")):
        if "assets" in page.parts or page.name == "404.html":
            continue
        score = score_page(page.relative_to(site).as_posix(), page.read_text(encoding="utf-8"))
        if score:
            scores.append(score)
    return scores


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    scores = score_site(Path(argv[0]))
    print(f"{'page':48} {'words':>6} {'FK grade':>9} {'SMOG':>6} {'F-Huerta':>9}")
    for s in scores:
        print(f"{s.page:48} {s.words:>6} {_shown(s.flesch_kincaid):>9} {_shown(s.smog):>6} "
              f"{_shown(s.fernandez_huerta):>9}")
    english = [s for s in scores if s.flesch_kincaid is not None]
    spanish = [s for s in scores if s.fernandez_huerta is not None]
    print(f"{'mean':48} {'':>6} {_shown(mean(s.flesch_kincaid for s in english) if english else None):>9} "
          f"{_shown(mean(s.smog for s in english) if english else None):>6} "
          f"{_shown(mean(s.fernandez_huerta for s in spanish) if spanish else None):>9}")
    print("Easier reads lower in FK grade and SMOG (English: 8 at most), higher in Fernández-Huerta "
          "(Spanish: 70 at least).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
