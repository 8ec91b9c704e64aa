"""MkDocs hooks that harden every built page, apart from the cross-links: valid markup, a
Content-Security-Policy, and a smaller search index. The logic is in crosslinks.hardening (no
MkDocs import); mkdocs_hooks.py re-exports these events, and the benchmark runs them alone on
its plain builds so that it measures the cross-link step and nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from crosslinks.hardening import content_security_policy, fix_material_markup, inline_script_hashes, trim_search_index, with_policy

_serving = False  # `mkdocs serve` injects an inline live-reload script that a policy would block


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


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
    if _serving:
        return html
    try:
        return with_policy(html, content_security_policy(inline_script_hashes(html)), name)
    except ValueError as error:
        raise PluginError(str(error)) from None


def trim_search_index_file(config: MkDocsConfig) -> None:
    """Material's search index without sources, citation numbers and markup (see trim_search_index)."""
    index_file = Path(config.site_dir) / "search" / "search_index.json"  # written by the search plugin, which runs first
    if index_file.is_file():
        trimmed = trim_search_index(json.loads(index_file.read_text(encoding="utf-8")))
        index_file.write_text(json.dumps(trimmed, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    trim_search_index_file(config)
