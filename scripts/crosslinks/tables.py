"""Tables that fit a phone: each row becomes a card on a narrow screen, every cell labelled with
its column's heading (CSS in docs/assets/site.css, `table.rh-stack`), so no column is cut off.

Written by hand because Markdown tables cannot carry a label per cell, and the label must come
from the same heading the wide table shows (one place for each column's name).
"""

from __future__ import annotations

import html


def stacked_table(headers: list[str], rows: list[list[str]], kind: str) -> str:
    """An HTML table whose cells hold Markdown (inline: links, emphasis, citations) and carry
    their column's heading as `data-label`; `kind` names it for styles and tests."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = "".join(
            f'<td data-label="{html.escape(label)}" markdown="span">{cell}</td>' for label, cell in zip(headers, row, strict=True)
        )
        body.append(f'<tr markdown="1">{cells}</tr>')
    return "\n".join(
        [
            f'<table class="rh-stack" data-table="{html.escape(kind)}" markdown>',
            f"<thead><tr>{head}</tr></thead>",
            '<tbody markdown="1">',
            *body,
            "</tbody>",
            "</table>",
            "",
        ]
    )
