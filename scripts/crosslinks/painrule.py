"""The site's one pain rule: which version a page shows, the block and card lines made from it,
and the check that no page states a pain limit of its own.

The rule lives in `docs/_data/pain-rule.yml`. A page places it with `<!-- crosslinks:pain-rule -->`
(on a condition page the version follows its front matter; elsewhere the whole rule) or
`<!-- crosslinks:pain-rule:KIND -->`. Any "N out of 10" or "N/10" written by hand is a problem
naming the file and line, so a limit can only come from the data.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import PAIN_KINDS, ConditionMeta, PainCardLines, PainKind, PainRule, Sourced
from .problems import Problem, closest

MARKER = re.compile(r"<!-- crosslinks:pain-rule(?::(?P<kind>[^ ]*))? -->")
GROIN_REGIONS = frozenset({"front", "inner-thigh"})

# The parts of the rule each version shows, in order.
PARTS: dict[str, tuple[str, ...]] = {
    "all": ("scale", "during", "next_morning", "groin", "tendon", "bone", "nerve"),
    "general": ("scale", "during", "next_morning"),
    "tendon": ("scale", "during", "next_morning", "tendon"),
    "groin": ("scale", "during", "next_morning", "groin"),
    "groin-tendon": ("scale", "during", "next_morning", "groin", "tendon"),
    "bone": ("scale", "bone"),
    "nerve": ("scale", "during", "next_morning", "nerve"),
}

# A pain limit: "3 out of 10", "4 to 5 out of 10", "4 or 5 out of 10", "4/10", "3 of 10" (but not
# an effort score, which is written "effort 3 of 10"), or "under 3", "above 5"... on a line about pain.
_SCORE = re.compile(
    r"\b\d+(?:\s*(?:to|or|-|–)\s*\d+)?\s*(?:out of|/)\s*10\b"  # 3 out of 10, 4 to 5 out of 10, 4/10
    r"|(?<!effort )\b\d+(?:\s*(?:to|or)\s*\d+)?\s+of\s+10\b"  # 3 of 10, but not "3 of 10 runners"
    r"(?!\s*(?:%|runners|people|patients|athletes|players|women|men|cases|studies|trials))",
    re.IGNORECASE,
)
_BOUND = re.compile(
    r"\b(?:under|below|above|over|up to|more than|less than|at most)\s+(?:10|[0-9])\b"
    r"(?!\s*(?:%|percent|per\b|weeks?|days?|months?|years?|minutes?|mins?|hours?|seconds?|km|kilomet|miles?|times|runs?|"
    r"sessions?|reps?|repetitions|sets?|kg|cm|mm|metres?|meters?|people|runners|patients|[.,]\d))",
    re.IGNORECASE,
)
_PAIN = re.compile(r"\bpain|\bache|\bhurt|\bsore", re.IGNORECASE)


def kind_for(meta: ConditionMeta, slug: str, rule: PainRule) -> PainKind:
    """The version of the rule a condition page shows, from its ladder and regions."""
    if meta.ladder.startswith("bone"):
        return "bone"
    if meta.ladder == "nerve":
        return "nerve"
    groin = bool(GROIN_REGIONS & set(meta.regions))
    tendon = slug in rule.tendon_conditions
    if groin and tendon:
        return "groin-tendon"
    return "groin" if groin else ("tendon" if tendon else "general")


def parts(rule: PainRule, kind: str) -> list[Sourced]:
    return [getattr(rule, name) for name in PARTS[kind]]


def cite(item: Sourced) -> str:
    """The statement with its sources as a citation, e.g. 'Text [@A; @B]'."""
    text = item.text.strip().rstrip(".")
    return f"{text} [{'; '.join('@' + key for key in item.sources)}]"


def block(rule: PainRule, kind: str, full_rule_link: str = "") -> str:
    """The rule as a boxed list, marked with its version for tests and styles."""
    intro = "**How much pain is OK.** This is the site's one pain rule."
    if full_rule_link:
        intro += f" [Read it in full]({full_rule_link})."
    items = "\n".join(f"- {cite(item)}." for item in parts(rule, kind))
    return f'<div class="rh-pain-rule" data-pain-rule="{kind}" markdown>\n\n{intro}\n\n{items}\n\n</div>\n'


def card_lines(rule: PainRule, kind: str) -> PainCardLines:
    """The keep-running and ease-off lines for a condition's card (never the tendon allowance)."""
    if kind in ("bone", "nerve"):
        return getattr(rule.card, kind)
    return rule.card.general


def replace_markers(markdown: str, render: Callable[[str], str], default: str) -> str:
    """Put the rule's block at each marker; `default` is the version for a marker with no kind."""
    return MARKER.sub(lambda m: render(m.group("kind") or default), markdown)


def marker_problems(file: str, body: str, first_line: int) -> list[Problem]:
    """Markers naming a version that does not exist."""
    problems = []
    for match in MARKER.finditer(body):
        kind = match.group("kind")
        if kind is not None and kind not in PAIN_KINDS:
            line = first_line + body.count("\n", 0, match.start())
            problems.append(Problem(file, f"line {line}", match.group(0), "not a version of the pain rule", closest(kind, PAIN_KINDS)))
    return problems


def hand_written_limits(text: str) -> list[tuple[int, str]]:
    """(line number from 1, the limits on it) for every line of `text` that states a pain limit."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        hits = [m.group(0) for m in _SCORE.finditer(line)]
        if _PAIN.search(line):
            hits += [m.group(0) for m in _BOUND.finditer(line)]
        if hits:
            found.append((number, ", ".join(sorted(set(hits), key=line.find))))
    return found


def limit_problems(file: str, text: str, first_line: int) -> list[Problem]:
    """A problem for each hand-written pain limit, naming the file and the line."""
    return [
        Problem(
            file,
            f"line {first_line + number - 1}",
            hit,
            "a pain limit written by hand",
            "put <!-- crosslinks:pain-rule --> there instead (the rule is in docs/_data/pain-rule.yml); "
            "write an effort score as 'effort 3 of 10'",
        )
        for number, hit in hand_written_limits(text)
    ]
