"""The marker comments that hand-written pages carry where the build puts a generated block.

`<!-- crosslinks:NAME -->` marks a block; the check (validate.py) finds misplaced or missing
ones and the renderer (blocks.py) replaces them, both through the functions here.
"""

from __future__ import annotations

import re

# Marker comments a condition page must contain once each: the build puts a block there.
MARKERS: tuple[str, ...] = ("symptoms", "often-confused-with", "exercises", "warning-signs")

# A warning box on any page: `<!-- crosslinks:warning-signs -->` shows the universal signs, and
# ids after the name add those signs: `<!-- crosslinks:warning-signs pain-walking limping -->`.
# On a condition page the marker stays bare: its signs come from its front matter.
WARNING_MARKER = re.compile(r"<!-- crosslinks:warning-signs((?:[ \t]+[^\s>]+)*)[ \t]*-->")


def marker(name: str) -> str:
    return f"<!-- crosslinks:{name} -->"


def warning_markers(body: str) -> list[tuple[str, list[str], int]]:
    """(the marker as written, the sign ids it names, its line in the body) for each box."""
    return [(m.group(0), m.group(1).split(), body.count("\n", 0, m.start()) + 1) for m in WARNING_MARKER.finditer(body)]


# A passage written once and used by several pages (e.g. the outer-hip pages share their advice):
# `<!-- crosslinks:shared NAME -->` on a line of its own stands for docs/_data/text/NAME.md.
SHARED_MARKER = re.compile(r"^<!-- crosslinks:shared ([a-z0-9]+(?:-[a-z0-9]+)*) -->[ \t]*$", re.M)


def shared_markers(body: str) -> list[tuple[str, int]]:
    """(the shared text's name, its line in the body) for each shared-text marker."""
    return [(m.group(1), body.count("\n", 0, m.start()) + 1) for m in SHARED_MARKER.finditer(body)]


def expand_shared(body: str, texts: dict[str, str]) -> str:
    """The body with each shared-text marker replaced by its text (unknown names stay: the check
    reports them)."""
    return SHARED_MARKER.sub(lambda m: texts.get(m.group(1), m.group(0)).strip("\n"), body)
