"""Checks of a page's writing: how hard it is to read, and numbers that cite nothing.

The reading score is the Flesch-Kincaid grade from textstat (0.7.8: later versions fetch NLTK
data at run time, which fails offline), over the prose only: references, tables, code,
headings, citations and markup are left out, as the content rules ask.
"""

from __future__ import annotations

import re

import textstat

MAX_READING_GRADE = 8.0  # the content rules: pages aim at a US school grade of 8 or below

_DROP_BLOCKS = [
    re.compile(r"^```.*?^```", re.M | re.S),  # fenced code
    re.compile(r"^\|.*$", re.M),  # table rows
    re.compile(r"^#{1,6} .*$", re.M),  # headings
    re.compile(r"^\*\[[^\]]+\]:.*$", re.M),  # abbreviation definitions
    re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s.*$", re.M),  # admonition openers (their titles)
    re.compile(r"<!--.*?-->", re.S),  # comments and cross-link markers
    re.compile(r"<[^>]+>"),  # HTML tags (their text stays)
]
_INLINE = [
    (re.compile(r"\[@[^\]]+\]"), ""),  # citations
    (re.compile(r"\{[#.][^}]*\}"), ""),  # attribute lists
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: keep the text
    (re.compile(r"[*_`]+"), ""),  # emphasis and code marks
    (re.compile(r"^\s*(?:[-+*]|\d+\.)\s+", re.M), ""),  # list markers
]


def prose(markdown: str) -> str:
    """The page's running text, as a reader reads it."""
    text = markdown
    for pattern in _DROP_BLOCKS:
        text = pattern.sub(" ", text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    # a list item or line without a full stop is still a sentence to a reader
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line if line.endswith((".", "!", "?", ":")) else f"{line}." for line in lines if line)


def reading_grade(markdown: str) -> float:
    """US school grade needed to read the page's prose (Flesch-Kincaid)."""
    return float(textstat.flesch_kincaid_grade(prose(markdown)))


_NUMBER = re.compile(r"(?<![\w@/.#-])\d+(?:[.,]\d+)?")
_PHONE = re.compile(r"\b(?:999|111|112|911)\b")  # emergency numbers are not claims
_ITEM = re.compile(r"\s*(?:[-*+]|\d+\.)\s")


def _groups(markdown: str) -> list[str]:
    """Paragraphs; a list or table joins the sentence that introduces it (ending in ':')."""
    text = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    groups: list[tuple[str, bool]] = []
    for block in (b for b in re.split(r"\n\s*\n", text) if b.strip()):
        first = block.lstrip().splitlines()[0]
        if first.startswith("#"):
            continue
        listish = bool(_ITEM.match(first)) or first.lstrip().startswith("|")
        if listish and groups and (groups[-1][0].rstrip().endswith(":") or groups[-1][1]):
            groups[-1] = (groups[-1][0] + "\n" + block, True)
        else:
            groups.append((block, listish))
    return [g for g, _ in groups]


def uncited_numbers(markdown: str) -> list[str]:
    """Paragraphs (with their lists and tables) that state a number but cite no source."""
    bad = []
    for group in _groups(markdown):
        if "[@" in group:
            continue
        text = re.sub(r"\]\([^)]*\)|\{[#.][^}]*\}|`[^`]*`|<[^>]+>", " ", group)  # link targets, ids, code, tags
        text = re.sub(r'(?:!!!|\?\?\?)\s+\w+(?:\s+"[^"]*")?', " ", text)  # admonition openers
        text = re.sub(r"^\s*\d+\.\s", " ", text, flags=re.M)  # numbered-list markers
        if _NUMBER.search(_PHONE.sub(" ", text)):
            bad.append(" ".join(group.split())[:160])
    return bad
