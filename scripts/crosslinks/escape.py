"""Plain text from content, made safe for the Markdown the core generates (one place for it)."""

from __future__ import annotations

import html


def md_escape(text: str) -> str:
    """Plain text placed into generated Markdown (link labels, table cells, list items):
    HTML-escaped, so it can never become markup, and without link or table syntax."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
