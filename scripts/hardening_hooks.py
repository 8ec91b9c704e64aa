"""MkDocs adapter for page hardening (`hardening.py`): one small function per MkDocs event.

Every built page is made valid and given its Content-Security-Policy and referrer policy as
MkDocs writes it; after the build, redirect pages are written again under the same policy and
the search index is made plain text. The work is in `hardening` (no MkDocs import); this file
only reads and writes. Listed in mkdocs.yml under `hooks:` after the cross-link adapter, and
used alone by the benchmark's plain builds, so that they measure the cross-link step only.

MkDocs imports hook files by path with their folder on sys.path only while the module first
runs, so `hardening` is imported at the top (not inside a function).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs_redirects.plugin import get_html_path

from hardening import SITE_SCRIPT_TEMPLATES, fix_material_markup, harden, inline_scripts, plain_search_index, rewritten_redirect

_serving = False  # `mkdocs serve` injects an inline live-reload script that a policy would block
_env: Environment | None = None
_config: MkDocsConfig | None = None
_allowed: dict[str, list[str]] = {}  # base_url -> the site's own inline scripts, rendered for it


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    global _env, _config
    _env, _config = env, config
    _allowed.clear()
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Each page's HTML, made valid and given its policy."""
    return harden_or_stop(output, page.file.src_uri, get_relative_url(".", page.url))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get the same treatment as the others."""
    if not template_name.endswith(".html"):
        return output_content
    return harden_or_stop(output_content, template_name, urlsplit(config.site_url or "/").path)


def on_post_build(config: MkDocsConfig) -> None:
    """Runs after the plugins' own (hooks come last): the search plugin has written the index
    and mkdocs-redirects its pages."""
    write_plain_search_index(Path(config.site_dir) / "search" / "search_index.json")
    rewrite_redirect_pages(config)


def write_plain_search_index(index_file: Path) -> None:
    """Material's search index, its entries' text made plain (see hardening.plain_search_index)."""
    if index_file.is_file():
        index = plain_search_index(json.loads(index_file.read_text(encoding="utf-8")))
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def rewrite_redirect_pages(config: MkDocsConfig) -> None:
    """mkdocs-redirects writes its pages with an inline script and no policy: write each again
    under the site's page policy."""
    for old in getattr(config.plugins.get("redirects"), "redirects", None) or {}:
        path = get_html_path(old, config.use_directory_urls)
        file = Path(config.site_dir) / path
        page = rewritten_redirect(file.read_text(encoding="utf-8"), path) if file.is_file() else None
        if page is not None:  # otherwise the plugin warned that the target does not exist (strict builds fail)
            file.write_text(page, encoding="utf-8")


def harden_or_stop(html: str, name: str, base_url: str) -> str:
    """hardening.harden with the site's own inline scripts; a problem stops the build."""
    if _serving:
        return fix_material_markup(html)
    try:
        return harden(html, name, allowed_scripts(base_url))
    except ValueError as error:
        raise PluginError(str(error)) from None


def allowed_scripts(base_url: str) -> list[str]:
    """The inline scripts of SITE_SCRIPT_TEMPLATES, rendered as they are on a page at base_url."""
    if base_url not in _allowed:
        assert _env is not None and _config is not None, "on_env did not run"
        context = {"config": _config, "base_url": base_url, "features": _config.theme.get("features", [])}
        rendered = "".join(_env.get_template(name).render(context) for name in SITE_SCRIPT_TEMPLATES)
        _allowed[base_url] = inline_scripts(rendered)
    return _allowed[base_url]
