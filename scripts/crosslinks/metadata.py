"""What a page says about itself to browsers, search engines and citers.

Pure functions from a page (and the site's base URL) to: its canonical URL, review dates and
reading grade for the page footer; schema.org JSON-LD for condition pages; "cite this page"
text in APA and BibTeX. `Site.page` hands them to the templates as `page.meta.rh` (see site.py).
"""

from __future__ import annotations

import hashlib
import json
import re

from .escape import md_escape
from .graph import Graph
from .load import Page
from .markers import expand_shared
from .model import ConditionMeta, next_review_due
from .paths import absolute_url
from .quality import reading_grade
from .wording import long_date

PUBLISHER = "Runner's Hip"
AUTHOR = "The editors of Runner's Hip"


def page_facts(graph: Graph, page: Page, site_url: str, grades: dict[str, int] | None = None) -> dict:
    """Everything the templates show about a hand-written page (no MkDocs types).

    `grades` caches reading grades by the page's text (scoring is the slow part): pass the same
    dict across builds, e.g. loaded from a file, and an unchanged page is not scored again.
    """
    meta = page.meta
    reviewed = getattr(meta, "reviewed", None)
    due = next_review_due(meta)
    facts: dict = {
        "url": absolute_url(site_url, page.src_uri),
        "reading_grade": _grade(expand_shared(page.body, graph.shared), grades if grades is not None else {}),
        "reviewed": reviewed.isoformat() if reviewed else None,
        "reviewed_long": long_date(reviewed) if reviewed else None,
        "next_review": due.isoformat() if due else None,
        "source_path": f"docs/{page.src_uri}",
    }
    if isinstance(meta, ConditionMeta):
        facts["jsonld"] = script_safe_json(condition_jsonld(graph, page, site_url))
    return facts


def script_safe_json(data: object) -> str:
    """JSON to write inside a <script> element: <, > and & escaped (as \\u003c...), so that no text
    can close the element or open a comment, whatever the content holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _grade(body: str, grades: dict[str, int]) -> int:
    key = hashlib.sha256(body.encode()).hexdigest()[:24]
    if key not in grades:
        grades[key] = round(reading_grade(body))
    return grades[key]


def condition_jsonld(graph: Graph, page: Page, site_url: str) -> dict:
    """schema.org MedicalWebPage about a MedicalCondition, with its sources as citations.

    Each citation is the source's address only: the page lists every source in full, and
    repeating titles and authors here cost a condition page about 3 KB of its 25 KB budget."""
    meta = page.meta
    assert isinstance(meta, ConditionMeta)
    citations = []
    for key in meta.sources:
        ref = graph.references[key]
        item: dict = {"@type": "CreativeWork"}
        if ref.doi:
            item["url"] = f"https://doi.org/{ref.doi}"
        elif ref.pmid:
            item["url"] = f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/"
        elif ref.url:
            item["url"] = ref.url
        citations.append(item)
    return {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": meta.title,
        "description": meta.description,
        "url": absolute_url(site_url, page.src_uri),
        "inLanguage": "en-GB",
        "lastReviewed": meta.reviewed.isoformat(),
        "audience": [
            {"@type": "PeopleAudience", "audienceType": "Runners"},
            {"@type": "PeopleAudience", "audienceType": "Running coaches"},
        ],
        "publisher": {"@type": "Organization", "name": PUBLISHER},
        "about": {
            "@type": "MedicalCondition",
            "name": meta.title,
            "alternateName": list(meta.aka),
            "url": absolute_url(site_url, page.src_uri),
        },
        "citation": citations,
    }


def cite_this_page(page: Page, site_url: str) -> str:
    """A collapsible 'Cite this page' block: the citation as plain text that wraps on a phone (APA
    style, with the review date and URL), then BibTeX folded away for reference managers."""
    meta = page.meta
    reviewed = getattr(meta, "reviewed", None)
    if reviewed is None:
        return ""
    url = absolute_url(site_url, page.src_uri)
    title = str(meta.title)
    apa = f"{AUTHOR}. ({reviewed.year}, {reviewed:%B} {reviewed.day}). {title}. {PUBLISHER}. {url}"
    key = "runnership-" + re.sub(r"[^a-z0-9]+", "-", page.src_uri.removesuffix(".md").lower()).strip("-")
    bibtex = "\n".join(
        [
            f"@misc{{{key},",
            f"  author = {{{{{AUTHOR}}}}},",
            f"  title = {{{{{title}}}}},",
            f"  year = {{{reviewed.year}}},",
            f"  howpublished = {{{PUBLISHER}}},",
            f"  note = {{Last reviewed {reviewed.isoformat()}}},",
            f"  url = {{{url}}}",
            "}",
        ]
    )
    lines = [
        '??? quote "Cite this page"',
        "",
        md_escape(apa),
        "{: .rh-cite-text }",
        "",
        '??? note "BibTeX, for reference managers"',
        "",
        "    ```bibtex",
        *("    " + line for line in bibtex.splitlines()),
        "    ```",
    ]
    return lines[0] + "\n" + "\n".join(("    " + line) if line else "" for line in lines[1:]) + "\n"
