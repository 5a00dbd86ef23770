"""The drawings' geometry, worked out from the data: where the body figure's
marks and labels go, the line of the pain chart, and words wrapped to fit.

The markup of each drawing is in ``templates/figures/``; its words are in
data/figures.yml (caption, text alternative, labels) and the data it draws.
Every size here is in the drawing's own units (its viewBox): the drawings are
420 wide and scale to the page, so 20 units of text stay readable on a phone.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

from .models import BodyLocation, PainPhase

# Each drawing, by the id of its words in data/figures.yml, with the labels it writes.
DRAWINGS: dict[str, tuple[str, ...]] = {
    "where-it-happens": (),  # its labels are the body locations' names
    "inside-a-bone": ("hard-bone", "marrow", "fluid"),
    "pain-over-time": ("more-pain", "time"),
    "pitting-check": ("press", "dent"),
}

WIDTH = 420
# An average letter is about this share of the text size wide (a sans-serif
# face); lines are wrapped to the letters that fit.
LETTER = 0.56


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` in lines that fit ``width`` units at text size ``size``. A word
    longer than a line keeps its own line rather than being cut."""
    return textwrap.wrap(text, max(1, int(width / (size * LETTER))), break_long_words=False) or [text]


@dataclass(frozen=True)
class Label:
    lines: list[str]
    x: float
    y: float        # the first line's baseline
    size: float
    line_height: float

    @property
    def bottom(self) -> float:
        return self.y + (len(self.lines) - 1) * self.line_height


def label(text: str, x: float, y: float, width: float, size: float = 20) -> Label:
    return Label(wrap(text, width, size), x, y, size, size * 1.2)


def label_above(text: str, x: float, y: float, width: float, size: float = 20) -> Label:
    """A label whose last line sits on ``y``: it grows upwards."""
    placed = label(text, x, y, width, size)
    return replace(placed, y=y - (placed.bottom - y))


# The body figure: a person standing, drawn 200 wide and 400 high and shown at
# BODY_SCALE (smaller beside its labels where room is short: a handout), at the
# left of the drawing; the labels in a column to its right. The drawing is as
# wide as its longest label needs.
BODY_SCALE, BODY_SCALE_COMPACT = 0.65, 0.45
BODY_BOX = (200 * BODY_SCALE, 400 * BODY_SCALE)
BODY_LABEL_SIZE = 24
BODY_LABEL_GAP = 8


@dataclass(frozen=True)
class BodyMark:
    name: str
    x: float           # the mark on the figure
    y: float
    label: Label
    line_y: float      # where its leader line meets the label


@dataclass(frozen=True)
class BodyFigure:
    marks: list[BodyMark]
    width: float
    height: float
    scale: float


def body_figure(locations: list[BodyLocation], compact: bool = False) -> BodyFigure:
    """A mark for each location at the place it gives, and its name beside the
    figure, level with the mark where there is room; labels that would overlap
    move down (and, at the foot of the drawing, all move up) to keep apart."""
    scale = BODY_SCALE_COMPACT if compact else BODY_SCALE
    box = (200 * scale, 400 * scale)
    label_x = box[0] + 34
    size, line_height = BODY_LABEL_SIZE, BODY_LABEL_SIZE * 1.2
    points = sorted(((loc.on_figure.x * box[0] / 100, loc.on_figure.y * box[1] / 100, loc)
                     for loc in locations), key=lambda point: point[1])
    lines = [wrap(loc.name, WIDTH - label_x - 4, size) for _, _, loc in points]
    heights = [len(block) * line_height for block in lines]
    # Each label's top: centred on its mark, never above the one before it.
    tops: list[float] = []
    for index, ((_, y, _), height) in enumerate(zip(points, heights)):
        top = max(y - height / 2, 2.0)
        tops.append(max(top, tops[-1] + heights[index - 1] + BODY_LABEL_GAP) if tops else top)
    # Past the foot of the figure: up from the foot instead, if they all fit so.
    if tops and tops[-1] + heights[-1] > box[1]:
        up, floor = list(tops), float(box[1])
        for index in reversed(range(len(up))):
            up[index] = min(up[index], floor - heights[index])
            floor = up[index] - BODY_LABEL_GAP
        if up[0] >= 2:
            tops = up
    height = max([box[1], *(top + h for top, h in zip(tops, heights))]) + 4
    longest = max((len(line) for block in lines for line in block), default=0)
    width = min(WIDTH, label_x + longest * size * LETTER + 8)
    marks = [BodyMark(loc.name, x, y, Label(block, label_x, top + size * 0.85, size, line_height), top + h / 2)
             for (x, y, loc), block, top, h in zip(points, lines, tops, heights)]
    return BodyFigure(marks, width, height, scale)


# The pain chart: the line runs over the plot, each phase a part as wide as its
# drawn_width says (the chart is not to scale: the timeline beside it gives the
# times). Each part's number sits inside it, low down, where the line never
# goes. "More pain" is written across, above the axis, not turned on its side.
PLOT_LEFT, PLOT_RIGHT = 24, 404
PLOT_TOP, PLOT_BASE = 64, 196      # the line's top and its base (no pain)
AXIS_TOP = 40
# What a phase's line does, from low (0) to high (1), each phase carrying on
# from where the one before ended: the checks of pain_continues.
LEVELS = {"rises": (0, 1), "highest": (1, 1), "eases": (1, 0)}
# The points the line passes through in each kind of phase, as (share of the
# phase's width, height): rising to most of its height; peaking in the middle
# of "highest"; falling early and then levelling out slowly, not to nothing.
DRAWN = {"rises": [(1.0, 0.7)], "highest": [(0.5, 1.0), (1.0, 0.85)], "eases": [(0.3, 0.55), (1.0, 0.08)]}
PHASE_SIZE = 20
NUMBER_SIZE = 24


@dataclass(frozen=True)
class ChartPhase:
    number: int
    name: str
    label: Label | None  # its name, under its part of the chart (if shown)
    left: float
    right: float
    pain: str


@dataclass(frozen=True)
class PainChart:
    line: str      # the path of the line
    area: str      # the same, closed along the base
    phases: list[ChartPhase]
    labels: dict[str, Label]
    height: float
    top: float = AXIS_TOP
    base: float = PLOT_BASE
    left: float = PLOT_LEFT
    right: float = PLOT_RIGHT
    numbers: float = PLOT_BASE - 12  # the phases' numbers' baseline
    number_size: float = NUMBER_SIZE


def _y(level: float) -> float:
    return PLOT_BASE - level * (PLOT_BASE - PLOT_TOP)


def pain_chart(phases: list[PainPhase], labels: dict[str, str], names: bool = True) -> PainChart:
    """The pain's line through the phases in order: up, over the top, or
    slowly down, as each phase's ``pain`` says, smoothly from one to the next;
    ``labels`` are the axes' words (more-pain, time). Each phase is numbered
    in its part and, with ``names``, named under it (without: a list beside
    the chart names them, as on a handout)."""
    unit = (PLOT_RIGHT - PLOT_LEFT) / sum(phase.drawn_width for phase in phases)
    start = 0.0 if LEVELS[phases[0].pain][0] == 0 else DRAWN[phases[0].pain][0][1]
    points = [(float(PLOT_LEFT), _y(start))]
    parts = []
    left = float(PLOT_LEFT)
    for index, phase in enumerate(phases):
        right = left + phase.drawn_width * unit
        points += [(left + share * (right - left), _y(height)) for share, height in DRAWN[phase.pain]]
        name = label(phase.name, (left + right) / 2, PLOT_BASE + 28, right - left, PHASE_SIZE) if names else None
        parts.append(ChartPhase(index + 1, phase.name, name, left, right, phase.pain))
        left = right
    line = _smooth(points)
    area = f"{line} L{PLOT_RIGHT} {PLOT_BASE} L{PLOT_LEFT} {PLOT_BASE} Z"
    # "Time" ends under the axis's arrow, under the phases' names if they are shown.
    below = max([PLOT_BASE, *(part.label.bottom for part in parts if part.label)])
    time = label(labels["time"], PLOT_RIGHT + 8, below + 28, 200)
    more = label(labels["more-pain"], PLOT_LEFT + 14, AXIS_TOP - 8, 200)
    bottom = max(time.bottom, below)
    return PainChart(line, area, parts, {"time": time, "more-pain": more}, bottom + 10)


def _smooth(points: list[tuple[float, float]]) -> str:
    """A path through every point, with no corner at any of them (a
    Catmull-Rom spline, written as cubic curves); flat at both ends."""
    padded = [points[0], *points, points[-1]]
    path = [f"M{points[0][0]:.1f} {points[0][1]:.1f}"]
    for before, start, end, after in zip(padded, padded[1:], padded[2:], padded[3:]):
        first = (start[0] + (end[0] - before[0]) / 6, start[1] + (end[1] - before[1]) / 6)
        second = (end[0] - (after[0] - start[0]) / 6, end[1] - (after[1] - start[1]) / 6)
        path.append(f"C{first[0]:.1f} {first[1]:.1f} {second[0]:.1f} {second[1]:.1f} {end[0]:.1f} {end[1]:.1f}")
    return " ".join(path)


def pain_continues(phases: list[PainPhase]) -> list[tuple[int, str]]:
    """The phases (index, pain) whose line would not start where the one before ended."""
    return [(index, phase.pain) for index, (before, phase) in enumerate(zip(phases, phases[1:]), start=1)
            if LEVELS[before.pain][1] != LEVELS[phase.pain][0]]


@dataclass(frozen=True)
class Drawing:
    """A drawing of fixed shapes: where its labels go, its height and how far
    down its shapes start (below the labels above them)."""

    labels: dict[str, Label]
    height: float
    top: float = 0


# The bone's labels; larger where the drawing is shown small (a handout's
# narrow column), so they print at the text's size.
BONE_LABEL_SIZE, BONE_LABEL_SIZE_COMPACT = 20, 30


def bone_figure(labels: dict[str, str], compact: bool = False) -> Drawing:
    """The bone, 144 high, with its outer bone labelled above it and its
    marrow and fluid below it."""
    size = BONE_LABEL_SIZE_COMPACT if compact else BONE_LABEL_SIZE
    top = len(wrap(labels["hard-bone"], 280, size)) * size * 1.2 + 16
    below = top + 158 + size
    placed = {"hard-bone": label_above(labels["hard-bone"], 150, top - 20, 280, size),
              "marrow": label(labels["marrow"], 118, below, 190, size),
              "fluid": label(labels["fluid"], 312, below, 190, size)}
    return Drawing(placed, max(placed["marrow"].bottom, placed["fluid"].bottom) + 10, top)


def pitting_figure(labels: dict[str, str]) -> Drawing:
    """Two panels, 180 high, each with its step's label under it."""
    placed = {"press": label(labels["press"], 100, 210, 190),
              "dent": label(labels["dent"], 320, 210, 190)}
    return Drawing(placed, max(placed["press"].bottom, placed["dent"].bottom) + 10)
