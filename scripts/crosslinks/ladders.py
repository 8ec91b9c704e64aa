"""The return-to-running ladders (`docs/_data/ladders.yml`) as Markdown blocks.

A page places a ladder with `<!-- crosslinks:ladder:ID -->`. Each block says who the ladder is
for and not for, how long return took in the cited studies, the checks before the first run,
how often to run and who decides each step, the steps, and the pain rule that applies.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import painrule
from .model import LadderSpec, PainRule
from .problems import Problem, closest
from .tables import stacked_table

MARKER = re.compile(r"<!-- crosslinks:ladder:(?P<id>[^ ]*) -->")


def replace_markers(markdown: str, render: Callable[[str], str]) -> str:
    return MARKER.sub(lambda m: render(m.group("id")), markdown)


def marker_problems(file: str, body: str, first_line: int, known: set[str]) -> list[Problem]:
    """Ladder markers that name no ladder."""
    problems = []
    for match in MARKER.finditer(body):
        if match.group("id") not in known:
            line = first_line + body.count("\n", 0, match.start())
            problems.append(
                Problem(
                    file,
                    f"line {line}",
                    match.group(0),
                    "no ladder in docs/_data/ladders.yml has this id",
                    closest(match.group("id"), known),
                )
            )
    return problems


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def how_often(ladder: LadderSpec) -> str:
    days = "Run on alternate days only, never two days in a row."
    if not ladder.alternate_days and ladder.rest is not None:
        days = painrule.cite(ladder.rest) + "."
    who = " Your clinician decides when you move up each step." if ladder.clinician_led else ""
    return days + who


def ladder_block(ladder: LadderSpec, rule: PainRule | None, picture: str = "") -> str:
    """One ladder, marked with its id and risk class for tests and styles; `picture` (Markdown)
    is its walk-run picture, shown above its steps."""
    site_class = f' data-site-class="{ladder.site_class}"' if ladder.site_class else ""
    lines = [
        f'<div class="rh-ladder" data-ladder="{ladder.id}"{site_class} markdown>',
        "",
        f"**Who it is for:** {ladder.who_for}",
        "",
        f"**Not for:** {ladder.not_for}",
        "",
        f"**How long it takes:** {painrule.cite(ladder.timeline)}.",
        "",
        f"**How often:** {how_often(ladder)}",
        "",
        "**Check first.** Start only when all of these are true:",
        "",
        *(f"- {painrule.cite(item)}." for item in ladder.readiness),
        "",
        f"**The plan.** {painrule.cite(ladder.plan)}.",
        "",
        picture,
        stacked_table(
            ["Step", "What you do", "Move up when"],
            [[_cell(step.step), _cell(step.do), _cell(step.move_on)] for step in ladder.steps],
            f"ladder-{ladder.id}",
        ),
        f"**Go back a step if:** {painrule.cite(ladder.go_back)}.",
        "",
    ]
    for note in ladder.notes:
        lines += [f"{painrule.cite(note)}.", ""]
    if rule is not None:
        lines += [painrule.block(rule, ladder.pain), ""]
    lines += ["</div>", ""]
    return "\n".join(lines)
