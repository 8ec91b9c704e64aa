"""In-text citations: `[@Key]` or `[@Key1; @Key2]` in Markdown, numbered per page.

Numbers follow the order in which a page first cites each source; sources listed in front
matter but never cited come after, in their listed order. The numbered list itself is
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
    return _SPACED_CITATION.sub(replace, markdown)


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
