"""MkDocs hook: write the words that search knows, for the search box's spelling
help (docs/assets/javascripts/search-correction.js).

After the search plugin has written its index, every word of three letters or
more in it goes, once, into search/words.js. It is a script, not JSON, so the
kiosk can load it from a folder (file://), where a browser fetches no JSON.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

WORD = re.compile(r"[^\W\d_]{3,}")


def _index(site: Path) -> dict:
    """The search index the search plugin wrote: JSON on the web, a script on the kiosk."""
    as_json = site / "search" / "search_index.json"
    if as_json.exists():
        return json.loads(as_json.read_text(encoding="utf-8"))
    script = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    return json.loads(script[script.index("{"):script.rindex("}") + 1])


def known_words(index: dict) -> list[str]:
    words: set[str] = set()
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
        words.update(word.lower() for word in WORD.findall(text))
    return sorted(words)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    words = known_words(_index(site))
    (site / "search" / "words.js").write_text(
        "window.guideSearchWords = " + json.dumps(words, ensure_ascii=False, separators=(",", ":")) + ";\n",
        encoding="utf-8")
