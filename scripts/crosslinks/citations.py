"""In-text citations: `[@Key]` or `[@Key1; @Key2]` in Markdown, numbered per page.

Numbers follow the order in which a page first cites each source; sources listed in front
matter but never cited come after, in their listed order. The markers of one sentence are shown
as one group at its end, so a reader meets at most one set of numbers per sentence. The numbered list itself is
rendered by `blocks.sources_block`, each entry by `reference_html`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from .model import Reference

CITATION = re.compile(r"\[(@[A-Za-z0-9][A-Za-z0-9-]*(?:\s*;\s*@[A-Za-z0-9][A-Za-z0-9-]*)*)\]")


def cited_keys(markdown: str) -> list[str]:
    """Every key cited in `markdown`, in order of first citation, without repeats."""
    keys: list[str] = []
    for match in CITATION.finditer(markdown):
        for key in _keys_in(match.group(1)):
            if key not in keys:
                keys.append(key)
    return keys


def numbering(markdown: str, listed: Iterable[str]) -> dict[str, int]:
    """Key -> number: cited sources first (in citation order), then the uncited listed ones."""
    order = cited_keys(markdown)
    order += [key for key in listed if key not in order]
    return {key: index for index, key in enumerate(order, start=1)}


def anchor(key: str) -> str:
    """The id of a source's entry in the page's numbered list."""
    return "source-" + key.lower()


def link_citations(markdown: str, numbers: dict[str, int]) -> str:
    """Replace each `[@Key]` with superscript links to the numbered source list."""

    def replace(match: re.Match[str]) -> str:
        links = []
        for key in sorted(_keys_in(match.group(1)), key=numbers.__getitem__):
            number = numbers[key]
            label = html.escape(f"Source {number}")
            links.append(f'<a href="#{anchor(key)}" aria-label="{label}">{number}</a>')
        # data-search-exclude: the numbers mean nothing in a search result (Material leaves them out)
        return f'<sup class="rh-cite" data-search-exclude="">[{", ".join(links)}]</sup>'

    # the space before a marker goes with it, and so does the line break of a marker written on
    # a line of its own inside a paragraph: where the numbers are hidden (print), no stray space
    # is left before the full stop ("of the thigh . It")
    return _SPACED_CITATION.sub(replace, group_per_sentence(markdown))


# Where a sentence ends: a full stop, question or exclamation mark before a space or the end of a
# line; a line that starts a list item, table row, heading, admonition or quote; a blank line; a
# table cell's edge; an HTML block tag. Written by hand because a sentence splitter (nltk, pysbd)
# does not know Markdown, and here a missed end only leaves two groups, never a wrong number.
_SENTENCE_END = re.compile(
    r"""[.!?]["'”’)\]*_]*(?=\s|$)"""
    r"|\n(?=[ \t]*(?:$|[-*+][ \t]|\d+[.)][ \t]|[|#>]|!!!|\?\?\?))"
    r"|\|"
    r"|</?(?:p|li|ul|ol|td|th|tr|table|dd|dt|dl|div|h[1-6]|details|summary|figure|figcaption|br|section|aside)\b[^>]*>",
    re.MULTILINE,
)


def group_per_sentence(markdown: str) -> str:
    """Move every citation marker of one sentence into one group at the sentence's end:
    "Common in heavier children [@A], but slim ones too [@B]." becomes "Common in heavier
    children, but slim ones too [@A; @B]." A sentence with one marker is left as it is."""
    pieces: list[str] = []
    start = 0
    for end in [*_SENTENCE_END.finditer(markdown), None]:
        stop = end.start() if end else len(markdown)
        pieces.append(_one_group(markdown[start:stop]))
        if end:
            pieces.append(end.group(0))
            start = end.end()
    return "".join(pieces)


def _one_group(sentence: str) -> str:
    markers = list(CITATION.finditer(sentence))
    if len(markers) < 2:
        return sentence
    keys = list(dict.fromkeys(key for marker in markers for key in _keys_in(marker.group(1))))
    text = re.sub(r"\s*" + CITATION.pattern, "", sentence)
    body = text.rstrip()
    return f"{body} [{'; '.join('@' + key for key in keys)}]{text[len(body) :]}"


# spaces, or one line break (never a blank line: that would join two paragraphs), then the marker
_SPACED_CITATION = re.compile(r"(?:[ \t]*(?<!\n)\n)?[ \t]*" + CITATION.pattern)


def _keys_in(group: str) -> list[str]:
    return [part.strip().lstrip("@") for part in group.split(";")]


def reference_html(reference: Reference) -> str:
    """One bibliography entry as HTML: authors (year). Title. Publisher volume. Links."""
    e = html.escape
    text = f"{e(reference.authors)} ({e(str(reference.year))}). {e(reference.title.rstrip('.'))}. <em>{e(reference.publisher)}</em>"
    if reference.volume:
        text += f" {e(reference.volume)}"
    links = []
    if reference.doi:
        links.append(f'<a href="https://doi.org/{e(reference.doi)}">doi:{e(reference.doi)}</a>')
    if reference.pmid:
        links.append(f'<a href="https://pubmed.ncbi.nlm.nih.gov/{e(reference.pmid)}/">PubMed {e(reference.pmid)}</a>')
    if reference.url and not links:
        links.append(f'<a href="{e(reference.url)}">{e(reference.url)}</a>')
    return text + ". " + " · ".join(links)
