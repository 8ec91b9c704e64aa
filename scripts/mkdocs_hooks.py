"""MkDocs adapter for the cross-link core: one small function per MkDocs event.

All the work is done by the `crosslinks` package, which imports nothing from MkDocs. This file
only hands it the docs folder, adds the files it generates, and lets it render each page. A
content problem stops the build with one message listing every problem.

MkDocs imports hook files by path with their folder on sys.path only while the module first
runs, so the package is imported at the top (not inside a function).
"""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from crosslinks import ContentError, Site, load_site
from crosslinks.cachefile import cache_folder
from crosslinks.load import front_matter
from crosslinks.site import today
from crosslinks.siteurl import LOCAL_BUILD_VARIABLE, site_url_problem

_site: Site | None = None  # the last good load, for on_page_markdown
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


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and check all content first: bad content fails the build before MkDocs reads the
    theme's thousands of files (a failing build in a tenth of the time)."""
    global _site
    docs_dir = Path(config.docs_dir)
    try:
        _site = load_site(docs_dir, today(), cache_dir=cache_folder(docs_dir))
    except ContentError as error:
        raise PluginError(str(error)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, files and preview images of the content loaded before the build."""
    assert _site is not None, "on_pre_build loads the content"
    for src_uri, content in [*_site.files(config.site_url or "").items(), *_site.images().items()]:
        files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Ask the core for the page: its Markdown with generated blocks and sources, and its facts
    for the templates and the sitemap (page.meta.rh)."""
    assert _site is not None, "on_files did not run"
    use_checked_front_matter(page)
    escape_title_and_description(page)
    answer = _site.page(page.file.src_uri, markdown, config.site_url or "")
    if "rh" in answer.meta:
        page.meta["rh"] = answer.meta["rh"]  # never from front matter: the templates trust it
    if "search" in answer.meta:
        page.meta.setdefault("search", {}).update({**answer.meta["search"], **page.meta.get("search", {})})
    return answer.markdown


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


def on_post_build(config: MkDocsConfig) -> None:
    """Keep the reading grades for the next build (scoring unchanged pages again is slow)."""
    if _site is not None:
        _site.save_cache()
