"""A further language's text for the settings a reader sees: the site's name,
the menu titles, the colour switch, the disclaimer... kept in
translations/<language>/settings.yml and put in place of the English when that
language is built. Settings without words (colours, ids, addresses) are shared.
"""
from __future__ import annotations

from typing import Any, Iterator, MutableMapping

from .translations import Gap

# Settings a reader sees, where mkdocs.yml gives them. One not set in English
# (a clinic's hours, say) needs no translation.
TEXT_SETTINGS = ("site_name", "site_description", "extra.publisher", "extra.disclaimer",
                 "extra.web_app.short_name", "extra.clinic.hours", "extra.clinic.address",
                 "extra.zim.title", "extra.zim.description")


def _get(tree: Any, path: str) -> Any:
    """The value at a dotted path of settings, or None where there is none."""
    for key in path.split("."):
        try:
            tree = tree[key]
        except (KeyError, TypeError, IndexError):
            return None
    return tree


def _nav_titles(nav: Any) -> Iterator[tuple[dict[str, Any], str]]:
    """Each (menu item, English title) of a nav: lists of {title: page or section}."""
    for item in nav or []:
        if isinstance(item, dict):
            for title, target in item.items():
                yield item, title
                if isinstance(target, list):
                    yield from _nav_titles(target)


def _words(raw: Any, section: str, english: str) -> str | None:
    value = _get(raw, section)
    value = value.get(english) if isinstance(value, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def translate_settings(config: MutableMapping[str, Any], raw: Any, file: str, language: str) -> list[Gap]:
    """Put ``raw``'s words (the parsed settings file) into ``config``; return
    every setting left without them."""
    gaps: list[Gap] = []
    if raw is not None and not isinstance(raw, dict):
        return [Gap(file, "the file", "-", language, "must be a mapping of settings")]
    raw = raw or {}
    for path in TEXT_SETTINGS:
        if not _get(config, path):
            continue
        value = _get(raw, path)
        if isinstance(value, str) and value.strip():
            *parents, last = path.split(".")
            target = config
            for key in parents:
                target = target[key]
            target[last] = value
        else:
            gaps.append(Gap(file, "setting", path, language))
    for item, title in list(_nav_titles(config["nav"])):
        words = _words(raw, "nav", title)
        if words is None:
            gaps.append(Gap(file, "nav", title, language))
        else:
            item[words] = item.pop(title)
    for scheme in config["theme"]["palette"] or []:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if toggle and toggle.get("name"):
            words = _words(raw, "palette_toggle", toggle["name"])
            if words is None:
                gaps.append(Gap(file, "palette_toggle", toggle["name"], language))
            else:
                toggle["name"] = words
    return gaps
