"""The one entry point: load, validate and cross-link `docs/`, then answer for each page.

site = load_site(docs_dir, today)          # raises ContentError listing every problem
site.generated_files()                     # {src path: content} of generated pages and JSON
site.render_page(src_uri, markdown)        # a page's Markdown with its blocks and sources
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from . import feed, metadata, render
from .graph import Graph, page_url
from .load import load_content
from .model import CONDITION_ANCHORS
from .problems import ContentError
from .validate import check_content

SCHEMA_FILE = Path(__file__).with_name("conditions.schema.json")


SECTION_NAMES = {
    "anatomy": "Anatomy",
    "prevention": "Prevention",
    "exercises": "Exercise",
    "self-care": "Self-care",
    "about": "About",
    "tools": "Tools",
}
INDEX_TITLES = {
    "conditions/index.md": "Conditions",
    "symptoms/index.md": "Symptoms",
    "where-it-hurts/index.md": "Where it hurts",
    "exercises/index.md": "Exercises",
    "glossary/index.md": "Glossary",
}


def today() -> dt.date:
    """Today, or RUNNERS_HIP_TODAY (YYYY-MM-DD) to see how the content will stand on that date."""
    value = os.environ.get("RUNNERS_HIP_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()


def generated_paths(region_ids: list[str], symptom_ids: list[str], sign_ids: tuple[str, ...] | list[str] = ()) -> set[str]:
    """Every path the build generates, so that a hand-written file cannot shadow one."""
    return {
        "conditions/index.md",
        "exercises/index.md",
        "symptoms/index.md",
        "where-it-hurts/index.md",
        "glossary/index.md",
        "robots.txt",
        "feed.xml",
        render.API_CONDITIONS,
        "api/conditions.schema.json",
        *(render.symptom_src(s) for s in [*symptom_ids, *sign_ids]),
        *(render.region_src(r) for r in region_ids),
    }


@dataclass(frozen=True)
class Site:
    graph: Graph

    def generated_files(self, site_url: str = "") -> dict[str, str]:
        """Generated pages and files; robots.txt too when the site's address is known."""
        graph = self.graph
        files = {
            "conditions/index.md": render.conditions_index(graph),
            "exercises/index.md": render.exercises_index(graph),
            "symptoms/index.md": render.symptoms_index(graph),
            "where-it-hurts/index.md": render.regions_index(graph),
            render.API_CONDITIONS: render.conditions_json(graph),
            "api/conditions.schema.json": SCHEMA_FILE.read_text(encoding="utf-8"),
        }
        if graph.glossary:
            files["glossary/index.md"] = render.glossary_page(graph)
        if site_url:
            files["robots.txt"] = metadata.robots_txt(site_url)
            files[feed.FEED_PATH] = feed.atom_feed(graph, site_url)
        files.update({render.symptom_src(s.id): render.symptom_page(graph, s) for s in graph.symptoms.values()})
        files.update({render.symptom_src(s): render.sign_page(graph, s) for s in graph.signs})
        files.update({render.region_src(r): render.region_page(graph, r) for r in graph.regions})
        return files

    def staged_files(self) -> dict[str, str]:
        """Every page as a generator without hooks needs it: rendered pages plus generated files.

        Hand-written pages keep their front matter and get their blocks and sources; this is
        the pre-build step for a generator that runs no MkDocs hooks (such as Zensical).
        """
        files = self.generated_files()
        for page in self.graph.pages.values():
            front = f"---\n{page.front_matter}---\n" if page.front_matter else ""
            files[page.src_uri] = front + self.render_page(page.src_uri, page.body)
        return files

    def preview_texts(self) -> dict[str, tuple[str, str]]:
        """Title and subtitle of every page's preview image, generated pages included."""
        graph = self.graph
        texts: dict[str, tuple[str, str]] = {}
        for page in graph.pages.values():
            condition = graph.conditions.get(page.slug) if page.kind == "condition" else None
            if condition is not None:
                subtitle = "Where it hurts: " + ", ".join(graph.regions[r].name for r in condition.meta.regions)
            else:
                subtitle = SECTION_NAMES.get(page.src_uri.split("/")[0], "")
            texts[page.src_uri] = (str(page.meta.title or "Runner's Hip"), subtitle)
        for sid, symptom in graph.symptoms.items():
            texts[render.symptom_src(sid)] = (symptom.label, "A symptom, and the conditions that cause it")
        for sid, sign in graph.signs.items():
            texts[render.symptom_src(sid)] = (sign.label, f"Warning sign: {graph.tiers[sign.tier].name}")
        for rid, region in graph.regions.items():
            texts[render.region_src(rid)] = (region.name, "Where it hurts")
        for src, title in INDEX_TITLES.items():
            if src != "glossary/index.md" or graph.glossary:
                texts[src] = (title, "")
        return texts

    def last_modified(self, src_uri: str) -> dt.date | None:
        """The sitemap's `lastmod` for a page, from front matter (see metadata.last_modified)."""
        return metadata.last_modified(self.graph, src_uri)

    def public_urls(self) -> list[str]:
        """Every page's site-relative URL, and each condition page's fixed section anchors."""
        pages = [*self.graph.pages, *(path for path in self.generated_files() if path.endswith(".md"))]
        urls = {page_url(src) for src in pages}
        urls |= {f"{page_url(c.page.src_uri)}#{anchor}" for c in self.graph.conditions.values() for anchor in CONDITION_ANCHORS}
        return sorted(urls)

    def render_page(self, src_uri: str, markdown: str, site_url: str = "") -> str:
        """Markdown of a hand-written page with generated blocks; other pages pass through."""
        page = self.graph.pages.get(src_uri)
        return markdown if page is None else render.page_markdown(self.graph, page, markdown, site_url)

    def page_facts(self, src_uri: str, site_url: str, grades: dict[str, int] | None = None) -> dict | None:
        """What the templates show about a hand-written page: URL, review dates, grade, JSON-LD."""
        page = self.graph.pages.get(src_uri)
        return None if page is None else metadata.page_facts(self.graph, page, site_url, grades)


def load_site(docs_dir: Path, today: dt.date) -> Site:
    """Read and check everything in `docs_dir`; raise ContentError with every problem."""
    content = load_content(docs_dir)
    paths = generated_paths([r.id for r in content.regions], [s.id for s in content.symptoms], [s.id for s in content.signs])
    problems = content.problems + check_content(content, today, paths)
    if problems:
        raise ContentError(problems)
    return Site(Graph(content))
