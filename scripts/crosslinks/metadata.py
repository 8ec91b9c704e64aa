"""What a page says about itself to browsers, search engines and citers.

Pure functions from a page (and the site's base URL) to: its canonical URL, review dates and
reading grade for the page footer; schema.org JSON-LD for condition pages; "cite this page"
text in APA and BibTeX. The MkDocs adapter hands them to the templates through `page.meta`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from .graph import Graph, page_url
from .load import Page
from .model import ConditionMeta
from .quality import reading_grade
from .validate import next_review_due

PUBLISHER = "Runner's Hip"
AUTHOR = "The editors of Runner's Hip"


def absolute_url(site_url: str, src_uri: str) -> str:
    return site_url.rstrip("/") + "/" + page_url(src_uri)


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
        "reading_grade": _grade(page.body, grades if grades is not None else {}),
        "reviewed": reviewed.isoformat() if reviewed else None,
        "reviewed_long": f"{reviewed.day} {reviewed:%B %Y}" if reviewed else None,
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
    """A collapsible 'Cite this page' block: APA style and BibTeX, with the review date and URL."""
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
        "**APA**",
        "",
        "```text",
        apa,
        "```",
        "",
        "**BibTeX**",
        "",
        "```bibtex",
        *bibtex.splitlines(),
        "```",
    ]
    return lines[0] + "\n" + "\n".join(("    " + line) if line else "" for line in lines[1:]) + "\n"


def last_modified(graph: Graph, src_uri: str) -> dt.date | None:
    """When a page's content last changed, for the sitemap: never the build date.

    A hand-written page: its `reviewed` date. A generated page is made from condition pages (or
    exercise pages), so: the newest review among the pages it is made from. None when the page
    carries no date (the sitemap then leaves `lastmod` out rather than guess).
    """
    page = graph.pages.get(src_uri)
    if page is not None:
        return getattr(page.meta, "reviewed", None)
    conditions = list(graph.conditions.values())
    parts = src_uri.removesuffix("/index.md").removesuffix(".md").split("/")
    if parts[0] == "symptoms" and len(parts) == 2 and parts[1] in graph.signs:
        conditions = graph.conditions_with_sign(parts[1])
        if not conditions:  # a sign no condition page lists yet: it is on the all-signs page
            return last_modified(graph, "self-care/when-to-see-a-doctor.md")
    elif parts[0] == "symptoms" and len(parts) == 2:
        conditions = [c for c, _ in graph.conditions_with_symptom(parts[1])]
    elif parts[0] == "where-it-hurts" and len(parts) == 2:
        conditions = graph.conditions_in_region(parts[1])
    elif parts[0] == "exercises":
        return max((p.meta.reviewed for p in graph.exercises.values()), default=None)  # type: ignore[union-attr]
    return max((c.meta.reviewed for c in conditions), default=None)


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
