"""Each plain table (one with no class) gets, from the build, a frame of its own and, inside it, the
hidden line that says the table scrolls sideways.

Material puts each plain table in a frame that scrolls sideways on a narrow screen, as its
bundle starts, and `docs/assets/share.js` shows the line above a frame only while its table is
wider than the screen. Both put an element among the page's paragraphs, and Material's rule
`.md-typeset table:not([class])+*` makes Chromium then style the whole text of the page again:
on a condition page, 919 elements for Material's frame and 940 for the line, each part of a task
after the first paint. In a `<div>` of its own, with the line written beside it, the table is
framed with 21 elements styled again, and the line is only shown or hidden
(tests/test_phone.py). The `<div>` has no style of its own; site.css gives what follows it the
space Material gives what follows a table, until Material frames it, so nothing moves.
`data-search-exclude` keeps the line out of search (Material's search plugin). A generator that
runs no hooks leaves both out, and share.js makes the line as before.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

HINT = (
    '<p class="rh-scroll-hint rh-screen-only" hidden data-search-exclude>'
    "This table is wider than your screen: swipe it sideways to see every column.</p>"
)
_PLAIN_TABLE = re.compile(r"<table(?![^>]*\sclass=)[\s>].*?</table>", re.S)  # as Material frames it


def framed_tables(html: str) -> str:
    """The page's HTML with each table that has no class in `<div class="rh-table">`, after the
    hidden line. A table with another inside it is left as it is."""

    def framed(match: re.Match[str]) -> str:
        table = match.group(0)
        return table if "<table" in table[1:] else f'<div class="rh-table">{HINT}{table}</div>'

    return _PLAIN_TABLE.sub(framed, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return framed_tables(html)
