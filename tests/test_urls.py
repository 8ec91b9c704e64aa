"""Published URLs never break: every listed address still resolves, or redirects to its new home."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import yaml
from conftest import DOCS, ROOT, crosslinks_cli, soup_of

from crosslinks.__main__ import read_urls

LIST = ROOT / "published-urls.txt"
ADVICE = (
    "Renaming or moving a page? Its old address is public. Add a redirect in mkdocs.yml under "
    "plugins > redirects > redirect_maps ('old/page.md': 'new/page.md'), and keep every section id."
)


def redirect_sources(config: str | None = None) -> set[str]:
    """Site-relative paths that mkdocs.yml redirects (the keys of redirect_maps)."""
    config = config if config is not None else (ROOT / "mkdocs.yml").read_text()
    block = config[config.index("redirect_maps:") :].split("\n\n")[0]
    maps = yaml.safe_load(block.replace("redirect_maps:", "", 1)) or {}
    return {old.removesuffix(".md").removesuffix("index").rstrip("/") + "/" for old in maps}


def unresolved(site_dir: Path, urls: list[str], config: str | None = None) -> list[str]:
    """Listed URLs with no page (and no redirect) in the built site, or a missing #anchor."""
    redirected = redirect_sources(config)
    broken = []
    for url in urls:
        path, _, anchor = url.partition("#")
        html = site_dir / path / "index.html"
        if not html.is_file():
            broken.append(url)
            continue
        if path in redirected or not anchor:
            continue  # a redirect page: mkdocs-redirects keeps the #anchor on its way
        if soup_of(html).find(id=anchor) is None:
            broken.append(url)
    return broken


def test_every_published_url_still_resolves(site_dir):
    broken = unresolved(site_dir, read_urls(LIST))
    assert not broken, f"{len(broken)} published URLs no longer resolve: {broken[:10]}. {ADVICE}"


def test_the_check_fails_for_a_page_that_moved(site_dir):
    assert unresolved(site_dir, ["conditions/no-such-page/", "conditions/gluteal-tendinopathy/#no-such-section"]) == [
        "conditions/no-such-page/",
        "conditions/gluteal-tendinopathy/#no-such-section",
    ]


def test_every_current_url_is_in_the_published_list(tmp_path):
    listed = tmp_path / "urls.txt"
    listed.write_text(LIST.read_text())
    result = crosslinks_cli("urls", str(listed), "--docs-dir", str(DOCS))
    assert result.returncode == 0, result.stderr
    assert " 0 new URLs added" in result.stdout, f"{result.stdout} Run: python3 scripts/docs.py urls, and commit published-urls.txt"


def test_query_strings_and_index_html_reach_the_same_page(served_site):
    def fetch(url: str) -> str:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.read().decode()

    plain = fetch(f"{served_site}conditions/hip-stress-fracture/")
    assert fetch(f"{served_site}conditions/hip-stress-fracture/?utm_source=newsletter") == plain
    assert fetch(f"{served_site}conditions/hip-stress-fracture/index.html") == plain
    assert fetch(f"{served_site}conditions/hip-stress-fracture/index.html?utm_source=newsletter&utm_medium=email") == plain


def test_a_redirect_keeps_an_old_address_working(tmp_path):
    """What renaming a page looks like: the old URL becomes a redirect page to the new one."""
    from conftest import mkdocs_build

    config = (
        (ROOT / "mkdocs.yml")
        .read_text()
        .replace("redirect_maps: {}", "redirect_maps:\n        'conditions/old-name.md': 'conditions/gluteal-tendinopathy.md'")
    )
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}").replace("docs_dir: docs", f"docs_dir: {DOCS}")
    config = config.replace("  - scripts/mkdocs_hooks.py", f"  - {ROOT / 'scripts' / 'mkdocs_hooks.py'}")
    (tmp_path / "mkdocs.yml").write_text(config)
    built = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert built.returncode == 0, built.stderr
    redirect = (tmp_path / "site" / "conditions" / "old-name" / "index.html").read_text()
    assert "gluteal-tendinopathy/" in redirect and "refresh" in redirect
    assert redirect_sources(config) == {"conditions/old-name/"}
    assert unresolved(tmp_path / "site", ["conditions/old-name/", "conditions/old-name/#in-short"], config) == []
