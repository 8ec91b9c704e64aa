"""Checks of a page's writing: how hard it is to read, and numbers that cite nothing.

The reading score is the Flesch-Kincaid grade from textstat (0.7.8: later versions fetch NLTK
data at run time, which fails offline), over the prose only: references, tables, code,
headings, citations and markup are left out, as the content rules ask.
"""

from __future__ import annotations

import re

import textstat

MAX_READING_GRADE = 8.0  # the content rules: pages aim at a US school grade of 8 or below
POLICY_SECTIONS = ("about",)  # pages about the site itself state policy, not clinical facts


def states_facts(src_uri: str) -> bool:
    """Whether a page (path relative to docs/) must cite every number it states."""
    return src_uri.split("/", 1)[0] not in POLICY_SECTIONS


_FORMS = re.compile(r"^<form\b.*?^</form>", re.M | re.S)  # a form's labels are not prose or claims
_DROP_BLOCKS = [
    _FORMS,
    re.compile(r"^```.*?^```", re.M | re.S),  # fenced code
    re.compile(r"^\|.*$", re.M),  # table rows
    re.compile(r"^#{1,6} .*$", re.M),  # headings
    re.compile(r"^\*\[[^\]]+\]:.*$", re.M),  # abbreviation definitions
    re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s.*$", re.M),  # admonition openers (their titles)
    re.compile(r"<!--.*?-->", re.S),  # comments and cross-link markers
    re.compile(r"<[^>]+>"),  # HTML tags (their text stays)
]
_STARTS_UNIT = re.compile(r"^\s*(?:[-+*]|\d+\.)\s+")  # a list item starts a new unit of text
_INLINE = [
    (re.compile(r"\[@[^\]]+\]"), ""),  # citations
    (re.compile(r"\{[#.][^}]*\}"), ""),  # attribute lists
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: keep the text
    (re.compile(r"[*_`]+"), ""),  # emphasis and code marks
]


def prose(markdown: str) -> str:
    """The page's running text, as a reader reads it."""
    text = markdown
    for pattern in _DROP_BLOCKS:
        text = pattern.sub(" ", text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    # Unwrap: a hard-wrapped paragraph is one run of sentences, a list item is one item. Only then
    # does an item or paragraph without a full stop still end a sentence for the reader.
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            if units and not _STARTS_UNIT.match(line) and not units[-1].endswith("\n"):
                units[-1] += " " + line
            else:
                units.append(line)
        if units:
            units[-1] += "\n"  # a blank line ends the paragraph
    units = [_STARTS_UNIT.sub("", unit).strip() for unit in units]
    return "\n".join(unit if unit.endswith((".", "!", "?", ":")) else f"{unit}." for unit in units if unit)


def reading_grade(markdown: str) -> float:
    """US school grade needed to read the page's prose (Flesch-Kincaid)."""
    return float(textstat.flesch_kincaid_grade(prose(markdown)))


_NUMBER = re.compile(r"(?<![\w@/.#-])\d+(?:[.,]\d+)?")
_PHONE = re.compile(r"\b(?:999|111|112|911)\b")  # emergency numbers are not claims
_ITEM = re.compile(r"\s*(?:[-*+]|\d+\.)\s")


def _groups(markdown: str) -> list[str]:
    """Paragraphs; a list or table joins the sentence that introduces it (ending in ':')."""
    text = _FORMS.sub("", re.sub(r"<!--.*?-->", "", markdown, flags=re.S))
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


_DEFINITION = re.compile(r"^\*\[([^\]]+)\]:", re.M)
_ABBREVIATION = re.compile(r"\b[A-Z][A-Za-z0-9&-]*[A-Z0-9]\b")
NOT_ABBREVIATIONS = frozenset({"OK"})


def defined_abbreviations(abbreviations_file_text: str) -> set[str]:
    """The abbreviations `includes/abbreviations.md` explains (`*[ITB]: iliotibial band`)."""
    return set(_DEFINITION.findall(abbreviations_file_text))


def undefined_abbreviations(markdown: str, defined: set[str]) -> list[str]:
    """Abbreviations (two or more capitals) in the page's prose that the abbreviations file lacks."""
    found: list[str] = []
    for token in _ABBREVIATION.findall(prose(markdown)):
        if sum(ch.isupper() for ch in token) >= 2 and token not in defined | NOT_ABBREVIATIONS and token not in found:
            found.append(token)
    return found


# Abbreviations a reader knows better as letters than as words (the GOV.UK style guide's own
# examples), and names that have no spelled-out form: a trial, a tool or a licence is called by
# its name, and the tooltip says what it is.
KNOWN_AS_LETTERS = frozenset({"UK", "US", "BY", "CC", "CC0", "CESMAC", "MIT", "QR", "CAT2", "FAIT", "FASHIoN", "LEAP"})
_DEFINITION_LINE = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$", re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[^a-z])|\n")


def spelled_out_forms(abbreviations_file_text: str) -> dict[str, str]:
    """Each abbreviation's words, from `includes/abbreviations.md`: its definition up to the first
    colon (`*[GP]: general practitioner: a family doctor` gives "general practitioner"), or up to
    the first comma when there is no colon (`*[NSAID]: non-steroidal anti-inflammatory drug, such
    as ibuprofen`), without a leading "the"."""
    forms = {}
    for key, text in _DEFINITION_LINE.findall(abbreviations_file_text):
        words = text.split(":", 1)[0] if ":" in text else text.split(",", 1)[0]
        forms[key] = re.sub(r"^(?:the|a|an)\s+", "", words.strip().strip('"'), flags=re.I)
    return forms


def _words(text: str) -> list[str]:
    """Lower-case words, hyphens split, a plural's final s dropped: "Anti-inflammatory drugs"
    and "anti inflammatory drug" compare equal."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z0-9]+", text.lower())]


def _contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return n > 0 and any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def abbreviations_used_before_spelled_out(markdown: str, forms: dict[str, str]) -> list[str]:
    """Abbreviations whose first use in the page's prose is in a sentence that does not spell
    them out.

    Spelled out means: the abbreviation's words (see `spelled_out_forms`) appear in the same
    sentence as its first use, before or after it: "magnetic resonance imaging (MRI)" and "an
    MRI (magnetic resonance imaging) scan" both pass. The prose is `prose()`: headings, tables
    and admonition titles are left out, as a heading is a signpost, and the sentence under it
    is where a term is explained. Link text stays in: it is read as part of the sentence."""
    text = prose(markdown)
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    found: list[tuple[int, str]] = []
    for key in forms:
        if key in KNOWN_AS_LETTERS or key in NOT_ABBREVIATIONS:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])")  # ADD is not ADD-R
        first = next((i for i, s in enumerate(sentences) if pattern.search(s)), None)
        if first is not None and not _contains(_words(sentences[first]), _words(forms[key])):
            found.append((first, key))
    return [key for _, key in sorted(found)]  # in the order a reader meets them
