"""Charts drawn at build time as inline SVG: no JavaScript, styled by CSS classes in site.css.

`recovery_chart_svg` draws the typical recovery time of each condition as one range bar, for
`/conditions/`. Pure functions: rows in, SVG text out.
"""

from __future__ import annotations

import html
import math
from typing import NamedTuple

from .wording import recovery_text

WIDTH = 320.0
LEFT, RIGHT = 6.0, 236.0  # where week 0 and the axis end are drawn; each row's range is written after
ROW = 34.0
TOP = 6.0
AXIS = 26.0
TICK_WEEKS = 13  # a quarter of a year


class RecoveryRow(NamedTuple):
    title: str
    min_weeks: int
    max_weeks: int
    long_term: bool
    unknown: bool = False  # never drawn: recovery_chart leaves these rows out and names them


def short_range(row: RecoveryRow) -> str:
    """The few words written after each bar."""
    if row.long_term:
        return "long-term"
    return f"{row.min_weeks} weeks" if row.min_weeks == row.max_weeks else f"{row.min_weeks}–{row.max_weeks} weeks"


def chart_order(rows: list[RecoveryRow]) -> list[RecoveryRow]:
    """Shortest recovery first; long-term conditions last; ties by title."""
    return sorted(rows, key=lambda r: (r.long_term, r.min_weeks, r.max_weeks, r.title))


def axis_end(rows: list[RecoveryRow]) -> int:
    """The last week on the axis: the longest range, rounded up to a whole quarter year."""
    longest = max((r.max_weeks for r in rows), default=TICK_WEEKS)
    return max(TICK_WEEKS, math.ceil(longest / TICK_WEEKS) * TICK_WEEKS)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def recovery_chart_svg(rows: list[RecoveryRow], chart_id: str = "rh-recovery-chart") -> str:
    """One range bar per condition on a shared axis of weeks, as one line of inline SVG.

    A long-term condition gets an open-ended bar from its first review point to the end of the
    axis, marked "long-term", instead of a recovery range.
    """
    if not rows:
        raise ValueError("the recovery chart needs at least one condition")
    ordered = chart_order(rows)
    end = axis_end(ordered)

    def x(week: float) -> float:
        return LEFT + (RIGHT - LEFT) * min(week, end) / end

    height = TOP + ROW * len(ordered) + AXIS
    parts = []
    for index, row in enumerate(ordered):
        y = TOP + ROW * index
        name = html.escape(row.title)
        parts.append(f'<text class="rh-chart__name" x="{_n(LEFT)}" y="{_n(y + 12)}">{name}</text>')
        parts.append(f'<text class="rh-chart__range" x="{_n(RIGHT + 6)}" y="{_n(y + 26)}">{short_range(row)}</text>')
        if row.long_term:
            start = x(row.min_weeks)
            parts.append(
                f'<rect class="rh-chart__bar rh-chart__bar--long" x="{_n(start)}" y="{_n(y + 17)}" '
                f'width="{_n(RIGHT - start)}" height="10"/>'
                f'<path class="rh-chart__open" d="M{_n(RIGHT - 6)} {_n(y + 14)}l6 8-6 8"/>'
            )
        else:
            start, stop = x(row.min_weeks), x(row.max_weeks)
            parts.append(f'<rect class="rh-chart__bar" x="{_n(start)}" y="{_n(y + 17)}" width="{_n(max(stop - start, 3))}" height="10"/>')
    axis_y = TOP + ROW * len(ordered) + 4
    ticks = [f'<line class="rh-chart__axis" x1="{_n(LEFT)}" x2="{_n(RIGHT)}" y1="{_n(axis_y)}" y2="{_n(axis_y)}"/>']
    for week in range(0, end + 1, TICK_WEEKS):
        anchor = "start" if week == 0 else "end" if week == end else "middle"
        ticks.append(
            f'<line class="rh-chart__tick" x1="{_n(x(week))}" x2="{_n(x(week))}" y1="{_n(TOP)}" y2="{_n(axis_y + 4)}"/>'
            f'<text class="rh-chart__week" x="{_n(x(week))}" y="{_n(axis_y + 16)}" text-anchor="{anchor}">'
            f"{week}{' weeks' if week == end else ''}</text>"
        )
    summary = "; ".join(f"{r.title}: {recovery_text(r)}" for r in ordered)
    return (
        f'<svg class="rh-chart" viewBox="0 0 {_n(WIDTH)} {_n(height)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">Typical recovery time of each condition, in weeks</title>'
        f'<desc id="{chart_id}-desc">{html.escape(summary)}.</desc>'
        f"{''.join(ticks)}{''.join(parts)}</svg>"
    )
