"""Content problems: what is wrong, where, and what would be right.

Every check in the package reports a `Problem` instead of raising at once, so that an editor
sees every mistake in one run. `ContentError` carries them all and formats them the same way
for the build log, the `check` command and the tests.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content.

    file: path relative to the repository root, e.g. "docs/conditions/x.md".
    field: where in the file, e.g. "symptoms.typical[2]" ("" for the whole file).
    value: the bad value as written ("" when the value is missing).
    message: what is wrong, in a sentence.
    hint: what would be right, e.g. "did you mean 'pain-lying-on-side'?" ("" if none).
    """

    file: str
    field: str
    value: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        text = f"{where}: {self.message}"
        if self.value:
            text += f" (got {self.value!r})"
        if self.hint:
            text += f"; {self.hint}"
        return text


class ContentError(Exception):
    """Raised once, with every problem found, when the content is not valid."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.field, p.message))
        count = len(self.problems)
        lines = [f"{count} content problem{'s' if count != 1 else ''} found:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


def closest(value: object, choices: Iterable[str]) -> str:
    """A hint naming the valid choice nearest to `value`, or listing a few choices."""
    options = sorted(set(choices))
    if not options:
        return ""
    matches = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
    if matches:
        return f"did you mean {matches[0]!r}?"
    shown = ", ".join(options[:8])
    more = f" (and {len(options) - 8} more)" if len(options) > 8 else ""
    return f"valid values: {shown}{more}"
