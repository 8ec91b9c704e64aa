"""The walk-run picture of a return-to-running ladder: one bar per step, its walking part grey
and its running part in the site's colour, so the running grows step by step.

Drawn from the ladder's own steps in `docs/_data/ladders.yml` (never from numbers typed twice):
`step_mix` reads what each step's `do` text says about walking and running. Pure functions:
ladder in, SVG text or problems out.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from .model import LadderSpec
from .problems import Problem

WIDTH = 320
ROW = 34
TOP = 24  # the legend
BAR_LEFT, BAR_RIGHT = 4, 316
WALK_COLOUR = "#b0bec5"
RUN_COLOUR = "#00695c"  # the site's primary colour (site.css)
TEXT_COLOUR = "#263238"

_MINUTES = re.compile(r"\b(run|walk|jog)\s+(\d+(?:\.\d+)?)\s+minutes?\b", re.IGNORECASE)
_WALK = re.compile(r"\bwalk", re.IGNORECASE)
_RUN = re.compile(r"\b(run|jog)", re.IGNORECASE)
_NO_WALKING = re.compile(r"\bwithout walking\b", re.IGNORECASE)
_SAME = re.compile(r"\bthe same sets\b", re.IGNORECASE)


class Mix(NamedTuple):
    """How one step splits its time: walking and running parts (minutes when the step says them)."""

    walk: float
    run: float
    words: str  # the few words written over the bar and in the text alternative


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def step_mix(text: str, before: Mix | None) -> Mix | None:
    """What a step's text says about walking and running; None when it says nothing and there is
    no step before it to follow. A step that names neither ("Add distance slowly") or repeats the
    sets ("The same sets, to 2.4 km") keeps the step before's mix."""
    minutes = {kind.lower().replace("jog", "run"): float(value) for kind, value in _MINUTES.findall(text)}
    if "walk" in minutes and "run" in minutes:
        parts = [f"{kind.lower().replace('jog', 'run')} {_n(float(value))}" for kind, value in _MINUTES.findall(text)]
        return Mix(minutes["walk"], minutes["run"], ", ".join(parts) + " minutes")
    if _SAME.search(text):
        return before
    walk, run = _WALK.search(text), _RUN.search(text)
    if _NO_WALKING.search(text) or (run and not walk):
        return Mix(0, 1, "running only")
    if walk and run:
        return Mix(3, 1, "mostly walking, some jogging") if walk.start() < run.start() else Mix(1, 3, "mostly running, some walking")
    if walk:
        return Mix(1, 0, "walking only")
    return before


def ladder_mixes(ladder: LadderSpec) -> list[Mix | None]:
    mixes: list[Mix | None] = []
    for step in ladder.steps:
        mixes.append(step_mix(step.do, mixes[-1] if mixes else None))
    return mixes


def step_problems(file: str, ladder: LadderSpec) -> list[Problem]:
    """Steps the walk-run picture cannot read (only ever the first: later ones follow it)."""
    return [
        Problem(
            file,
            f"{ladder.id}.steps[{index}].do",
            step.do,
            "the walk-run picture cannot tell whether this step walks, runs or both",
            "say 'walk', 'run' or 'jog', e.g. 'Run 2 minutes, walk 2 minutes'",
        )
        for index, (step, mix) in enumerate(zip(ladder.steps, ladder_mixes(ladder), strict=True))
        if mix is None
    ]


def step_name(name: str) -> str:
    return f"Step {name}" if name.isdigit() else name


def alt_text(ladder: LadderSpec) -> str:
    """The picture in words: each step's mix, in order."""
    steps = [f"{step_name(step.step)}: {mix.words}" for step, mix in zip(ladder.steps, ladder_mixes(ladder), strict=True) if mix]
    return f"How the walking turns into running on {ladder.name}. " + ". ".join(steps) + "."


def size(ladder: LadderSpec) -> tuple[int, int]:
    return WIDTH, TOP + ROW * len(ladder.steps) + 4


def ladder_svg(ladder: LadderSpec) -> str:
    """One bar per step: grey for walking, the site's colour for running, each bar one set."""
    width, height = size(ladder)
    parts = [
        f'<rect x="4" y="6" width="12" height="10" fill="{WALK_COLOUR}"/><text x="20" y="15">Walk</text>',
        f'<rect x="64" y="6" width="12" height="10" fill="{RUN_COLOUR}"/><text x="80" y="15">Run or jog</text>',
    ]
    for index, (step, mix) in enumerate(zip(ladder.steps, ladder_mixes(ladder), strict=True)):
        if mix is None:
            continue
        y = TOP + ROW * index
        parts.append(
            f'<text x="{BAR_LEFT}" y="{y + 12}"><tspan font-weight="bold">{html.escape(step_name(step.step))}</tspan>: {html.escape(mix.words)}</text>'
        )
        split = BAR_LEFT + (BAR_RIGHT - BAR_LEFT) * mix.walk / (mix.walk + mix.run)
        if mix.walk:
            parts.append(f'<rect x="{BAR_LEFT}" y="{y + 17}" width="{_n(split - BAR_LEFT)}" height="12" fill="{WALK_COLOUR}"/>')
        if mix.run:
            parts.append(f'<rect x="{_n(split)}" y="{y + 17}" width="{_n(BAR_RIGHT - split)}" height="12" fill="{RUN_COLOUR}"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" font-family="sans-serif" font-size="12" fill="{TEXT_COLOUR}">'
        f"<title>{html.escape(alt_text(ladder))}</title>{''.join(parts)}</svg>\n"
    )
