"""The pictograms the data names (``icon:``), from Health Icons as the npm
registry carries it (``@iconify-json/healthicons``, pinned in package.json),
and the few that set lacks, drawn for this guide in its style
(``drawn_icons.json``, the same Iconify format).

Each icon's drawing is checked when it is read: only plain shapes, no script,
link or style. That check is what lets a template put the drawing into a page
as it is, inside an ``<svg>`` of ours; nothing is fetched from outside. A shape
an icon defines once and uses twice (``<defs>``, ``<use>``) is written out in
place, so no id is left to clash when a page shows an icon more than once.
"""
from __future__ import annotations

import copy
import functools
import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

PACKAGE = "@iconify-json/healthicons"
# Installed by `npm ci` (the Makefile does it) beside the guide's code.
INSTALLED = Path(__file__).resolve().parent.parent / "node_modules" / PACKAGE
DRAWN = Path(__file__).resolve().parent / "drawn_icons.json"

SVG = "http://www.w3.org/2000/svg"
# What an icon may be drawn with: shapes and how they are painted.
SHAPES = {"g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon"}
PAINT = {"d", "cx", "cy", "r", "rx", "ry", "x", "y", "width", "height", "x1", "y1", "x2", "y2", "points",
         "transform", "fill", "fill-rule", "clip-rule", "fill-opacity", "opacity", "stroke", "stroke-width",
         "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity"}


class IconSetError(Exception):
    """The icon set is missing or unreadable, or an icon holds more than shapes."""


@dataclass(frozen=True)
class Icon:
    name: str
    body: Markup  # the shapes, checked: see ``_checked``
    width: int
    height: int
    drawn_here: bool = False  # one of ours, not the set's: the sources page says so


@dataclass(frozen=True)
class Credit:
    """Who made the set and under what licence, for the sources page."""

    name: str
    author: str
    author_url: str
    licence: str
    licence_url: str
    version: str


class IconSet:
    """One Iconify JSON icon set: its icons by name (aliases followed); and the
    icons drawn for this guide, looked up where the set has no icon of the name."""

    def __init__(self, icon_set: dict[str, Any], credit: Credit, source: str,
                 drawn: dict[str, Any] | None = None) -> None:
        self._icons: dict[str, dict[str, Any]] = icon_set.get("icons", {})
        self._aliases: dict[str, dict[str, Any]] = icon_set.get("aliases", {})
        self._size = (int(icon_set.get("width", 16)), int(icon_set.get("height", 16)))
        self._drawn: dict[str, dict[str, Any]] = (drawn or {}).get("icons", {})
        self._drawn_size = (int((drawn or {}).get("width", 48)), int((drawn or {}).get("height", 48)))
        self.credit = credit
        self.source = source

    @classmethod
    def read(cls, folder: Path) -> "IconSet":
        label = f"node_modules/{PACKAGE}"
        try:
            icon_set = json.loads((folder / "icons.json").read_text(encoding="utf-8"))
            info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
            version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
            credit = Credit(info["name"], info["author"]["name"], info["author"]["url"],
                            info["license"]["title"], info["license"]["url"], version)
        except FileNotFoundError as missing:
            raise IconSetError(f"{label}/{Path(missing.filename).name} is missing: run `make build`, which "
                               "installs the front-end packages package-lock.json pins") from None
        except (ValueError, KeyError, TypeError) as error:
            raise IconSetError(f"{label}: not an Iconify icon set ({error})") from None
        try:
            drawn = json.loads(DRAWN.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise IconSetError(f"macros/{DRAWN.name}: not a readable Iconify icon set ({error})") from None
        return cls(icon_set, credit, label, drawn)

    @classmethod
    @functools.cache
    def installed(cls) -> "IconSet":
        """The set package-lock.json pins, and ours, read once a process."""
        return cls.read(INSTALLED)

    def __contains__(self, name: str) -> bool:
        return name in self._icons or name in self._aliases or name in self._drawn

    def get(self, name: str) -> Icon:
        """The icon of that name; ``KeyError`` if the set has none."""
        if name not in self._icons and name not in self._aliases and name in self._drawn:
            width, height = self._drawn_size
            return Icon(name, _checked(self._drawn[name]["body"], f"macros/{DRAWN.name}: icon '{name}'"),
                        width, height, drawn_here=True)
        seen = []
        while name in self._aliases and name not in self._icons and name not in seen:
            seen.append(name)
            name = self._aliases[name]["parent"]
        icon = self._icons[name]
        return Icon(name, _checked(icon["body"], f"{self.source}: icon '{name}'"),
                    int(icon.get("width", self._size[0])), int(icon.get("height", self._size[1])))


XLINK = "{http://www.w3.org/1999/xlink}href"


def _checked(body: str, label: str) -> Markup:
    """An icon's shapes, its uses written out, refused if they hold anything
    but shapes and paint."""
    try:
        # A container in SVG's namespace, so the shapes parse as SVG's.
        root = ElementTree.fromstring(f'<shapes xmlns="{SVG}">{body}</shapes>')
    except ElementTree.ParseError as error:
        raise IconSetError(f"{label}: not well-formed ({error})") from None
    _write_out_uses(root, label)
    for element in root.iter():
        # Written out inside an <svg> of ours, the shapes need no namespace of their own.
        element.tag = tag = element.tag.removeprefix("{" + SVG + "}")
        if element is not root and tag not in SHAPES:
            raise IconSetError(f"{label}: holds a <{tag}>, which an icon of ours may not")
        unknown = set(element.attrib) - PAINT if element is not root else set()
        if unknown:
            raise IconSetError(f"{label}: <{tag}> has {', '.join(sorted(unknown))}, which an icon of ours may not")
    shapes = ElementTree.tostring(root, encoding="unicode")
    return Markup(re.sub(r"^<shapes[^>]*>|</shapes>$", "", shapes))


def _write_out_uses(root: ElementTree.Element, label: str) -> None:
    """Each ``<use href="#id">`` becomes a copy of the shape it names; the
    ``<defs>`` that held the shapes go."""
    defs = f"{{{SVG}}}defs"
    defined = {shape.get("id"): shape for holder in root.iter(defs) for shape in holder if shape.get("id")}
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == defs:
                parent.remove(child)
            elif child.tag == f"{{{SVG}}}use":
                name = (child.get("href") or child.get(XLINK) or "").removeprefix("#")
                if name not in defined:
                    raise IconSetError(f"{label}: uses '{name}', which it does not define")
                shape = copy.deepcopy(defined[name])
                del shape.attrib["id"]
                shape.attrib.update({k: v for k, v in child.attrib.items() if k not in ("href", XLINK)})
                position = list(parent).index(child)
                parent.remove(child)
                parent.insert(position, shape)
