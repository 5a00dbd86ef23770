"""Reading level of each page of a built site: Flesch-Kincaid grade and SMOG index.

Measures the prose a reader reads: paragraphs, list items and definitions inside
the page's <article>, leaving out tables, the care cards' level banners and the
page foot (the same on every page). `make readability` prints the table.

usage: python -m scripts.readability SITE_DIR
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from statistics import mean

import textstat

PROSE = {"p", "li", "dd"}
SKIPPED_CLASSES = {"page-foot", "care-card__level", "handout-actions", "notes"}


@dataclass(frozen=True)
class PageScore:
    page: str
    words: int
    flesch_kincaid: float
    smog: float


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


def score_site(site: Path) -> list[PageScore]:
    scores = []
    for page in sorted(site.rglob("*.html")):
        if "assets" in page.parts or page.name == "404.html":
            continue
        text = prose_of(page.read_text(encoding="utf-8"))
        if not text:
            continue
        scores.append(PageScore(page.relative_to(site).as_posix(), textstat.lexicon_count(text),
                                textstat.flesch_kincaid_grade(text), textstat.smog_index(text)))
    return scores


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    scores = score_site(Path(argv[0]))
    print(f"{'page':45} {'words':>6} {'FK grade':>9} {'SMOG':>6}")
    for s in scores:
        print(f"{s.page:45} {s.words:>6} {s.flesch_kincaid:>9.1f} {s.smog:>6.1f}")
    print(f"{'mean':45} {'':>6} {mean(s.flesch_kincaid for s in scores):>9.1f} "
          f"{mean(s.smog for s in scores):>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
