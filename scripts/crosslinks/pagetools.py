"""The buttons a reviewed page offers its readers: copy "In short" for a newsletter, and print.

They are written into the page by the build, where they belong, and `docs/assets/share.js` only
tells them what to do: a script that added them as the page loaded moved what a phone reader was
looking at (a layout shift) and held up the phone's main thread (issue 17). Without JavaScript
they would do nothing, so site.css hides them when scripting is off; search leaves them out
(Material's `data-search-exclude`).
"""

from __future__ import annotations

import html
import re

COPY_LABEL = "Copy this summary for a newsletter"
HANDOUT_LABEL = "Print a 2-page handout"  # every condition page prints as a handout (site.css)
PAGE_LABEL = "Print this page"
SHEET_LABEL = "Print this sheet"

_IN_SHORT = re.compile(r"^## .*\{#in-short\}[ \t]*$", re.M)
_NEXT_SECTION = re.compile(r"^## ", re.M)
_SHEET = re.compile(r'^<form class="rh-sheet\b', re.M)


def print_button(label: str, extra_class: str = "") -> str:
    classes = " ".join(["md-button", "rh-print", *extra_class.split()])
    return f'<button type="button" class="{classes}">{html.escape(label)}</button>'


def summary_tools(print_label: str) -> str:
    """The row under "In short": the copy button, a print button and the line that says what
    the copy did (read out by screen readers)."""
    return (
        '<p class="rh-screen-only rh-summary-tools" data-search-exclude>'
        f'<button type="button" class="md-button rh-copy-summary">{html.escape(COPY_LABEL)}</button> '
        f"{print_button(print_label, 'rh-in-short-print')}"
        '<span class="rh-copy-status" role="status"></span></p>\n\n'
    )


def add_tools(markdown: str, reviewed: bool) -> str:
    """The buttons of a page other than a condition page (whose row goes with its card, above its
    contents list: `summary_tools(HANDOUT_LABEL)`): above a printable form, its print button;
    at the end of "In short", the copy and print row; else, on a reviewed page, a print button
    at the end. One print button, wherever it goes."""
    sheet = _SHEET.search(markdown)
    if sheet:
        holder = f'<p class="rh-screen-only" data-search-exclude>{print_button(SHEET_LABEL, "md-button--primary")}</p>\n\n'
        return markdown[: sheet.start()] + holder + markdown[sheet.start() :]
    heading = _IN_SHORT.search(markdown)
    if heading:
        end = _NEXT_SECTION.search(markdown, heading.end())
        at = end.start() if end else len(markdown)
        return markdown[:at].rstrip() + "\n\n" + summary_tools(PAGE_LABEL) + markdown[at:]
    if reviewed:
        return markdown.rstrip() + f'\n\n<p class="rh-screen-only rh-print-holder" data-search-exclude>{print_button(PAGE_LABEL)}</p>\n'
    return markdown
