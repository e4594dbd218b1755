"""Build-time SVG charts: geometry here, markup in templates/site/chart.svg.j2.

Thai labels are <text> elements so the browser shapes them with the page's own
font; every chart is paired with a table carrying the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .env import fixed, render

# One SVG unit is one CSS pixel: kpi.css caps the chart at WIDTH px, so labels stay at
# FONT px (the tables' text size) at any screen width instead of growing with the chart.
WIDTH, HEIGHT = 360, 230
LEFT, RIGHT, TOP, BOTTOM = 30, 52, 20, 30
FONT = 14
ASCENT, DESCENT = 11, 4  # a label's extent above and below its baseline, at FONT px
VALUE_GAP = 5  # between a bar's top and its value's baseline


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value_y: float  # baseline of the value label, clear of the reference lines
    label: str  # under the bar, e.g. "พ.ค. 55"
    value: str  # above the bar, e.g. "12.34%"
    empty: bool  # no reports yet for this round: drawn as an outline


@dataclass(frozen=True)
class Line:
    y: float
    label: str


def _y(percent: Decimal) -> float:
    plot = HEIGHT - TOP - BOTTOM
    return round(TOP + plot * (1 - float(percent) / 100), 1)


def _value_baseline(bar_top: float, guides: list[float]) -> float:
    """Above the bar, moved above any reference line the label would sit on."""
    y = bar_top - VALUE_GAP
    for line in sorted(guides, reverse=True):  # from the lowest line up
        if y - ASCENT - 2 <= line <= y + DESCENT + 2:
            y = line - DESCENT - 3
    return round(y, 1)


def progress_svg(
    points: list[tuple[str, Decimal | None]], levels: tuple[Decimal, ...], title: str
) -> str:
    """Bars of the national percentage per round, with the scoring levels as guides.

    ``points`` holds (round label, percent or None when the round has no reports).
    """
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / max(len(points), 1)
    guides = [Line(_y(level), f"ระดับ {i}") for i, level in enumerate(levels, 1)]
    shown = guides[:1] + guides[-1:] if len(guides) > 1 else guides
    bars = []
    for i, (label, percent) in enumerate(points):
        value = percent if percent is not None else Decimal(0)
        y = _y(value)
        bars.append(
            Bar(
                x=round(LEFT + slot * i + slot * 0.2, 1),
                y=y,
                width=round(slot * 0.6, 1),
                height=round(HEIGHT - BOTTOM - y, 1),
                value_y=_value_baseline(y, [g.y for g in shown]),
                label=label,
                value=f"{fixed(percent)}%" if percent is not None else "–",
                empty=percent is None,
            )
        )
    grid = [Line(_y(Decimal(p)), f"{p}") for p in (0, 20, 40, 60, 80, 100)]
    return render(
        "chart.svg.j2",
        title=title,
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        baseline=HEIGHT - BOTTOM,
        bars=bars,
        grid=grid,
        guides=shown,
    )
