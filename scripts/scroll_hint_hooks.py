"""The line above a wide table that says it scrolls sideways, written into the page by the build.

Material puts each plain table (one with no class) in a frame that scrolls sideways on a narrow
screen; `docs/assets/share.js` shows the line above a frame only while its table is wider than the
screen. The line used to be made by share.js as it started. An element put among a page's
paragraphs made Chromium style the whole text of the page again (Material's rule
`.md-typeset table:not([class])+*` counts every sibling as one that may change): on a condition
page, 917 elements and a task of 10 to 70 ms after the first paint, on this machine. Written by the
build, hidden, the line is there before anything is styled, and share.js only shows or hides it
(tests/test_phone.py). `data-search-exclude` keeps it out of search (Material's search plugin).
A generator that runs no hooks leaves it out, and share.js makes it as before.
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
_PLAIN_TABLE = re.compile(r"<table(?![^>]*\sclass=)(?=[\s>])")  # a table with no class, as Material frames it


def with_scroll_hints(html: str) -> str:
    """The page's HTML with the hidden line before each table that has no class."""
    return _PLAIN_TABLE.sub(lambda m: HINT + m.group(0), html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return with_scroll_hints(html)
