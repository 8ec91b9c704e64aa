"""MkDocs adapter for the cross-link core: one small function per MkDocs event.

All the work is done by the `crosslinks` package, which imports nothing from MkDocs. This file
only hands it the docs folder, adds the files it generates, and lets it render each page. A
content problem stops the build with one message listing every problem.

MkDocs imports hook files by path with their folder on sys.path only while the module first
runs, so the package is imported at the top (not inside a function).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from crosslinks import ContentError, Site, load_site
from crosslinks.handouts import cached_qr_svg
from crosslinks.load import front_matter
from crosslinks.previews import HEIGHT, WIDTH, cached_preview, preview_path
from crosslinks.site import today
from crosslinks.siteurl import LOCAL_BUILD_VARIABLE, site_url_problem

_site: Site | None = None  # the last good load, for on_page_markdown
_previews: dict[str, tuple[str, str]] = {}  # page -> (title, subtitle) of its preview image
_grades: dict[str, int] = {}  # reading grades by page text, kept in .cache between builds
_grades_file: Path | None = None
_cache: Path = Path(".cache")
_command = ""  # "build", "serve" or "gh-deploy"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """A build publishes: refuse a missing or loopback site_url (see crosslinks.siteurl)."""
    if _command != "serve" and os.environ.get(LOCAL_BUILD_VARIABLE) != "1":
        problem = site_url_problem(config.site_url)
        if problem:
            raise PluginError(problem)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Load and check all content, then add the generated pages and JSON."""
    global _site, _previews, _grades, _grades_file, _cache
    try:
        _site = load_site(Path(config.docs_dir), today())
    except ContentError as error:
        raise PluginError(str(error)) from None
    for src_uri, content in _site.generated_files(config.site_url or "").items():
        files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    _cache = Path(config.docs_dir).parent / ".cache"
    _grades_file = _cache / "reading-grades.json"
    _grades = json.loads(_grades_file.read_text()) if _grades_file.is_file() else {}
    _previews = _site.preview_texts()
    for src_uri, (title, subtitle) in _previews.items():
        files.append(File.generated(config, preview_path(src_uri), content=cached_preview(_cache / "previews", title, subtitle)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the generated blocks, linked citations and the sources into each page, and hand the
    templates what the page says about itself (page.meta.rh: review dates, grade, JSON-LD, the
    QR code of its printed handout); date it in the sitemap by its content, not the build."""
    assert _site is not None, "on_files did not run"
    use_checked_front_matter(page)
    escape_title_and_description(page)
    site_url = config.site_url or ""
    facts = _site.page_facts(page.file.src_uri, site_url, _grades) or {}
    if page.canonical_url:
        facts["qr_svg"] = cached_qr_svg(_cache / "qr", page.canonical_url)
    changed = _site.last_modified(page.file.src_uri)
    page.update_date = changed.isoformat() if changed else ""
    texts = _previews.get(page.file.src_uri)
    if texts is not None:
        facts.update(
            image=site_url.rstrip("/") + "/" + preview_path(page.file.src_uri),
            image_alt=f"Runner's Hip: {texts[0]}",
            image_width=WIDTH,
            image_height=HEIGHT,
        )
    if facts:
        page.meta["rh"] = facts
    add_search_keys(page)
    return _site.render_page(page.file.src_uri, markdown, site_url)


def use_checked_front_matter(page: Page) -> None:
    """The page's front matter as the content check read it (YAML 1.2), not as MkDocs did (YAML
    1.1 turns `title: Yes` into True and `1:30` into 90): no page shows what was never checked."""
    data = front_matter(page.file.content_string)
    if data is not None:
        page.meta.clear()
        page.meta.update(data)


def escape_title_and_description(page: Page) -> None:
    """Material writes page.title and page.meta.description into HTML as they are (the description
    even into an attribute, unescaped): hand them over escaped, as Markup, so that a quote or an
    ampersand in front matter is text wherever it goes, and `| e` in a template never escapes twice."""
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)


def add_search_keys(page: Page) -> None:
    """Condition pages rank a little higher in search: they answer most runners' questions.
    (Not their aka names as `tags`: Material weighs tags a million times the text, so any
    query with "hip" in it would list conditions only.)"""
    assert _site is not None
    source = _site.graph.pages.get(page.file.src_uri)
    if source is not None and source.kind == "condition":
        page.meta.setdefault("search", {}).setdefault("boost", 2)


def on_post_build(config: MkDocsConfig) -> None:
    """Keep the reading grades for the next build (scoring unchanged pages again is slow)."""
    if _grades_file is not None:
        _grades_file.parent.mkdir(parents=True, exist_ok=True)
        _grades_file.write_text(json.dumps(_grades, sort_keys=True))
