"""The one entry point: load, validate and cross-link `docs/`, then answer for each page.

    site = load_site(docs_dir, today, cache_dir)   # raises ContentError listing every problem
    site.files(site_url)                           # {path: text} of every generated page and file
    site.images()                                  # {path: PNG bytes}: every page's preview image
    site.page(src_uri, markdown, site_url)         # one page's answer: its Markdown and its facts
    site.staged_files(site_url)                    # all of it as a docs folder, for a generator
                                                   # that runs no hooks (Zensical)

A page's facts are what the templates show about it (`page.meta.rh`): canonical URL, review
dates and reading grade, JSON-LD, preview image, QR code of its printed handout and the
sitemap's date. The MkDocs adapter sets them on the page; `stage` writes them into front matter.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import blocks, handouts, metadata, previews
from .cachefile import write_atomically
from .graph import Graph
from .load import front_matter, load_content, split_front_matter
from .model import CONDITION_ANCHORS
from .paths import absolute_url, page_url, preview_path
from .problems import ContentError
from .registry import Generated, registry
from .validate import check_content

# The subtitle on the preview image of a hand-written page, by its section.
SECTION_NAMES = {
    "anatomy": "Anatomy",
    "prevention": "Prevention",
    "exercises": "Exercise",
    "self-care": "Self-care",
    "about": "About",
    "tools": "Tools",
}
GRADES_FILE = "reading-grades.json"  # in the cache folder: scoring unchanged pages again is slow


def today() -> dt.date:
    """Today, or RUNNERS_HIP_TODAY (YYYY-MM-DD) to see how the content will stand on that date."""
    value = os.environ.get("RUNNERS_HIP_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()


@dataclass(frozen=True)
class PageAnswer:
    """What the core says about one page: its Markdown, and what goes into its `page.meta`
    (`rh`: the facts the templates read, `lastmod` the sitemap's date; `search`: Material's search boost)."""

    markdown: str
    meta: dict


@dataclass
class Site:
    graph: Graph
    generated: list[Generated]
    cache_dir: Path | None = None
    grades: dict[str, int] = field(default_factory=dict)  # reading grades by page text

    def __post_init__(self) -> None:
        self._by_path = {g.src_uri: g for g in self.generated}
        self._texts: dict[str, tuple[str, str]] | None = None

    # --- generated pages, files and images -------------------------------------------------

    def files(self, site_url: str = "") -> dict[str, str]:
        """Every generated page and file; robots.txt and the feed only when the address is known."""
        return {g.src_uri: g.render(self.graph, site_url) for g in self.generated if site_url or not g.needs_site_url}

    def preview_texts(self) -> dict[str, tuple[str, str]]:
        """Title and subtitle of every page's preview image, generated pages included."""
        if self._texts is not None:
            return self._texts
        texts: dict[str, tuple[str, str]] = {}
        for page in self.graph.pages.values():
            condition = self.graph.conditions.get(page.slug) if page.kind == "condition" else None
            if condition is not None:
                subtitle = "Where it hurts: " + ", ".join(self.graph.regions[r].name for r in condition.meta.regions)
            else:
                subtitle = SECTION_NAMES.get(page.src_uri.split("/")[0], "")
            texts[page.src_uri] = (str(page.meta.title or "Runner's Hip"), subtitle)
        texts.update({g.src_uri: (g.title, g.subtitle) for g in self.generated if g.is_page})
        self._texts = texts
        return texts

    def images(self) -> dict[str, bytes]:
        """Every page's link-preview image, by its published path (drawn once, then cached)."""
        folder = self.cache_dir / "previews" if self.cache_dir else None
        return {
            preview_path(src): previews.cached_preview(folder, title, subtitle) if folder else previews.draw_preview(title, subtitle)
            for src, (title, subtitle) in self.preview_texts().items()
        }

    # --- one page ----------------------------------------------------------------------------

    def page(self, src_uri: str, markdown: str, site_url: str = "") -> PageAnswer:
        """One page's answer: hand-written pages get their blocks and sources; every page gets
        its facts (generated pages pass their Markdown through)."""
        graph = self.graph
        page = graph.pages.get(src_uri)
        facts: dict = {}
        meta: dict = {}
        if page is not None:
            markdown = blocks.page_markdown(graph, page, markdown, site_url)
            facts = metadata.page_facts(graph, page, site_url, self.grades)
            if page.kind == "condition" and page.slug in graph.conditions:
                # Condition pages rank a little higher in search: they answer most runners'
                # questions. (Not their aka names as `tags`: Material weighs tags a million times
                # the text, so any query with "hip" in it would list conditions only.)
                meta["search"] = {"boost": 2}
        if site_url:
            facts["qr_svg"] = self._qr(absolute_url(site_url, src_uri))
        texts = self.preview_texts().get(src_uri)
        if texts is not None:
            facts.update(
                image=site_url.rstrip("/") + "/" + preview_path(src_uri),
                image_alt=f"Runner's Hip: {texts[0]}",
                image_width=previews.WIDTH,
                image_height=previews.HEIGHT,
            )
        changed = self.last_modified(src_uri)
        if changed is not None:
            facts["lastmod"] = changed.isoformat()
        if facts:
            meta["rh"] = facts
        return PageAnswer(markdown, meta)

    def last_modified(self, src_uri: str) -> dt.date | None:
        """When a page's content last changed, for the sitemap: never the build date.

        A hand-written page: its `reviewed` date. A generated page: the newest review among the
        pages it is made from (see registry.py). None when the page carries no date."""
        page = self.graph.pages.get(src_uri)
        if page is not None:
            return getattr(page.meta, "reviewed", None)
        generated = self._generated(src_uri)
        return generated.made_from(self.graph) if generated is not None else None

    def _generated(self, src_uri: str) -> Generated | None:
        return self._by_path.get(src_uri)

    def _qr(self, url: str) -> str:
        return handouts.cached_qr_svg(self.cache_dir / "qr", url) if self.cache_dir else handouts.qr_svg(url)

    # --- the site as a whole -------------------------------------------------------------------

    def staged_files(self, site_url: str = "") -> dict[str, str | bytes]:
        """Every page as a generator without hooks needs it, its facts in its front matter, plus
        every generated file and image: the pre-build step for a generator that runs no MkDocs
        hooks (such as Zensical)."""
        staged: dict[str, str | bytes] = {}
        written = ((p.src_uri, f"---\n{p.front_matter}---\n{p.body}") for p in self.graph.pages.values())
        for src_uri, text in [*written, *self.files(site_url).items()]:
            if not src_uri.endswith(".md"):
                staged[src_uri] = text
                continue
            data, body = front_matter(text) or {}, split_front_matter(text)[1]
            answer = self.page(src_uri, body, site_url)
            data = {**data, **{k: v for k, v in answer.meta.items() if k not in data}}
            staged[src_uri] = "---\n" + json.dumps(data, ensure_ascii=False, default=str) + "\n---\n\n" + answer.markdown
        staged.update(self.images())
        return staged

    def public_urls(self) -> list[str]:
        """Every page's site-relative URL, and each condition page's fixed section anchors."""
        pages = [*self.graph.pages, *(g.src_uri for g in self.generated if g.is_page)]
        urls = {page_url(src) for src in pages}
        urls |= {f"{page_url(c.page.src_uri)}#{anchor}" for c in self.graph.conditions.values() for anchor in CONDITION_ANCHORS}
        return sorted(urls)

    def save_cache(self) -> None:
        """Keep the reading grades for the next build."""
        if self.cache_dir is not None:
            write_atomically(self.cache_dir / GRADES_FILE, json.dumps(self.grades, sort_keys=True).encode())


def load_site(docs_dir: Path, today: dt.date, cache_dir: Path | None = None) -> Site:
    """Read and check everything in `docs_dir`; raise ContentError with every problem.

    `cache_dir` keeps what is slow to redo between builds (reading grades, QR codes, preview
    images); without it everything is worked out afresh."""
    content = load_content(docs_dir)
    tiers = {t.id: t for t in content.tiers}
    ladder_ids = [ladder.id for ladder in content.ladders]
    paths = {
        g.src_uri
        for g in registry(content.regions, content.symptoms, content.signs, tiers, bool(content.glossary), content.pictures, ladder_ids)
    }
    problems = content.problems + check_content(content, today, paths)
    if problems:
        raise ContentError(problems)
    graph = Graph(content)
    grades_file = cache_dir / GRADES_FILE if cache_dir else None
    grades = json.loads(grades_file.read_text()) if grades_file and grades_file.is_file() else {}
    items = registry(
        graph.regions.values(),
        graph.symptoms.values(),
        graph.signs.values(),
        graph.tiers,
        bool(graph.glossary),
        graph.pictures,
        graph.ladders,
    )
    return Site(graph, items, cache_dir, grades)
