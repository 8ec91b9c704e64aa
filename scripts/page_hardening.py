"""MkDocs hooks that harden every built page, apart from the cross-links: valid markup, a
Content-Security-Policy and a referrer policy, redirect pages under the same policy, and a
smaller search index. The logic is in crosslinks.hardening (no MkDocs import); mkdocs_hooks.py
re-exports these events, and the benchmark runs them alone on its plain builds so that it
measures the cross-link step and nothing else.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from crosslinks.hardening import (
    SITE_SCRIPT_TEMPLATES,
    content_security_policy,
    fix_material_markup,
    inline_scripts,
    redirect_page,
    redirect_target,
    script_hash,
    trim_search_index,
    unlisted_scripts,
    with_policy,
)

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


def allowed_scripts(base_url: str) -> list[str]:
    """The inline scripts of SITE_SCRIPT_TEMPLATES, rendered as they are on a page at base_url."""
    if base_url not in _allowed:
        assert _env is not None and _config is not None, "on_env did not run"
        context = {"config": _config, "base_url": base_url, "features": _config.theme.get("features", [])}
        rendered = "".join(_env.get_template(name).render(context) for name in SITE_SCRIPT_TEMPLATES)
        _allowed[base_url] = inline_scripts(rendered)
    return _allowed[base_url]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Each page's HTML, made valid and given its policy (see harden)."""
    return harden(output, page.file.src_uri, get_relative_url(".", page.url))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get the same treatment as the others."""
    if not template_name.endswith(".html"):
        return output_content
    return harden(output_content, template_name, urlsplit(config.site_url or "/").path)


def harden(html: str, name: str, base_url: str) -> str:
    """Valid markup, and a Content-Security-Policy allowing only the site's own origin and the
    inline scripts of the site's own templates. Done on each page as MkDocs writes it."""
    html = fix_material_markup(html)
    if _serving:
        return html
    allowed = allowed_scripts(base_url)
    unlisted = unlisted_scripts(html, allowed)
    if unlisted:
        raise PluginError(
            f"{name}: an inline script that none of the site's own templates wrote ({unlisted[0]!r}); "
            "scripts must be files in docs/assets/, loaded with <script src>"
        )
    try:
        return with_policy(html, content_security_policy(script_hash(s) for s in allowed), name)
    except ValueError as error:
        raise PluginError(str(error)) from None


def trim_search_index_file(config: MkDocsConfig) -> None:
    """Material's search index without sources, citation numbers and markup (see trim_search_index)."""
    index_file = Path(config.site_dir) / "search" / "search_index.json"  # written by the search plugin, which runs first
    if index_file.is_file():
        trimmed = trim_search_index(json.loads(index_file.read_text(encoding="utf-8")))
        index_file.write_text(json.dumps(trimmed, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def rewrite_redirect_pages(config: MkDocsConfig) -> None:
    """mkdocs-redirects writes its pages with an inline script and no policy (its on_post_build
    runs before the hooks'): write each again under the site's page policy."""
    from mkdocs_redirects.plugin import get_html_path

    plugin = config.plugins.get("redirects")
    for old in getattr(plugin, "redirects", {}) or {}:
        path = get_html_path(old, config.use_directory_urls)
        file = Path(config.site_dir) / path
        target = redirect_target(file.read_text(encoding="utf-8")) if file.is_file() else None
        if target is None:
            continue  # the plugin warned that the target does not exist (strict builds fail)
        root = posixpath.relpath(".", posixpath.dirname(path) or ".") + "/"
        file.write_text(redirect_page(target, "" if root == "./" else root), encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    trim_search_index_file(config)
    rewrite_redirect_pages(config)
