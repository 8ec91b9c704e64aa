"""MkDocs adapter for the cross-link core: one small function per MkDocs event.

All the work is done by the `crosslinks` package, which imports nothing from MkDocs. This file
only hands it the docs folder, adds the files it generates, and lets it render each page. A
content problem stops the build with one message listing every problem.

MkDocs imports hook files by path with their folder on sys.path only while the module first
runs, so the package is imported at the top (not inside a function).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from crosslinks import ContentError, Site, load_site
from crosslinks.handouts import cached_qr_svg
from crosslinks.hardening import content_security_policy, fix_material_markup, inline_script_hashes, trim_search_index, with_policy
from crosslinks.previews import HEIGHT, WIDTH, cached_preview, preview_path
from crosslinks.site import today

_site: Site | None = None  # the last good load, for on_page_markdown
_previews: dict[str, tuple[str, str]] = {}  # page -> (title, subtitle) of its preview image
_grades: dict[str, int] = {}  # reading grades by page text, kept in .cache between builds
_grades_file: Path | None = None
_cache: Path = Path(".cache")
_serving = False  # `mkdocs serve` injects an inline live-reload script that a policy would block


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


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
    index_file = Path(config.site_dir) / "search" / "search_index.json"  # written by the search plugin, which runs first
    if index_file.is_file():
        trimmed = trim_search_index(json.loads(index_file.read_text(encoding="utf-8")))
        index_file.write_text(json.dumps(trimmed, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Each page's HTML, made valid and given its policy (see harden)."""
    return harden(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get the same treatment as the others."""
    return harden(output_content, template_name) if template_name.endswith(".html") else output_content


def harden(html: str, name: str) -> str:
    """Valid markup, and a Content-Security-Policy allowing only the site's own origin and this
    page's own inline scripts. Done on each page as MkDocs writes it: no second pass over files."""
    html = fix_material_markup(html)
    if _serving:  # `mkdocs serve` injects an inline live-reload script that a policy would block
        return html
    try:
        return with_policy(html, content_security_policy(inline_script_hashes(html)), name)
    except ValueError as error:
        raise PluginError(str(error)) from None
