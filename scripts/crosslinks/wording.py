"""Wording that more than one page, block or file uses: written once here.

Dates are written the UK way ("2 December 2026"); recovery spans in weeks. The finder reads the
same recovery wording from the JSON API, so it never words them on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol


class Recovery(Protocol):
    """A recovery range: a condition's front matter, or a row of the recovery chart."""

    @property
    def min_weeks(self) -> int | None: ...
    @property
    def max_weeks(self) -> int | None: ...
    @property
    def long_term(self) -> bool: ...
    @property
    def unknown(self) -> bool: ...


UNKNOWN_RECOVERY = "no usual time is known (see Recovery on its page)"


def long_date(day: dt.date) -> str:
    """A date as readers see it: 2 December 2026."""
    return f"{day.day} {day:%B %Y}"


def recovery_text(recovery: Recovery) -> str:
    """A condition's usual recovery: "6 to 12 weeks", or how long to give a long-term one."""
    low, high = recovery.min_weeks, recovery.max_weeks
    if recovery.unknown or low is None or high is None:
        return UNKNOWN_RECOVERY
    span = f"{low} weeks" if low == high else f"{low} to {high} weeks"
    return f"long-term; judge a first course of treatment after {span}" if recovery.long_term else span


def in_sentence(label: str) -> str:
    """A title or a symptom label inside a sentence: "An ache..." becomes "an ache...", but "I",
    "I'm" and abbreviations (ITB, "IT band") keep their capitals (as inSentence in
    docs/assets/finder.js)."""
    if re.match(r"I\b|[A-Z]{2}", label):
        return label
    return label[:1].lower() + label[1:]
