"""Published URLs never break: every listed address still resolves, or redirects to its new home."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import urllib.request
from pathlib import Path

from conftest import DOCS, ROOT, crosslinks_cli, soup_of

from crosslinks.__main__ import read_urls

LIST = ROOT / "published-urls.txt"
ADVICE = (
    "Renaming or moving a page? Its old address is public. Add a redirect in mkdocs.yml under "
    "plugins > redirects > redirect_maps ('old/page.md': 'new/page.md'), and keep every section id."
)


def redirect_maps(config: dict | None = None) -> dict[str, str]:
    """The redirects plugin's redirect_maps: of a configuration written as data (its plugins
    list), or of mkdocs.yml as MkDocs itself loads it."""
    if config is None:
        from mkdocs.config import load_config

        return dict(load_config(config_file=str(ROOT / "mkdocs.yml")).plugins["redirects"].config["redirect_maps"])
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "redirects" in plugin:
            return plugin["redirects"].get("redirect_maps") or {}
    return {}


def redirect_sources(config: dict | None = None) -> set[str]:
    """Site-relative paths that mkdocs.yml redirects (the keys of redirect_maps)."""
    maps = redirect_maps(config)
    return {old.removesuffix(".md").removesuffix("index").rstrip("/") + "/" for old in maps}


def unresolved(site_dir: Path, urls: list[str], config: dict | None = None) -> list[str]:
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


def test_a_redirect_keeps_an_old_address_working(tmp_path, browser):
    """What renaming a page looks like, done as the README says: an entry in redirect_maps. Built
    from the small fixture site with the site's hooks: the old URL becomes a redirect page under
    the site's page policy, which keeps the #section."""
    from conftest import FIXTURES, LocalSiteHandler, build_fixture, fixture_config

    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "good", docs)
    (docs / "assets").mkdir()
    shutil.copy(DOCS / "assets" / "redirect.js", docs / "assets")  # the site's script that keeps the #section
    redirects = {"redirect_maps": {"conditions/old-name.md": "conditions/outer-hip-thing.md"}}
    config = fixture_config(docs, plugins=["search", {"redirects": redirects}])
    built = build_fixture(tmp_path, config)
    assert built.returncode == 0, built.stderr
    redirect = soup_of(tmp_path / "site" / "conditions" / "old-name" / "index.html")
    assert redirect.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../outer-hip-thing/"
    policy = redirect.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self';" in policy and "default-src 'self'" in policy
    assert redirect.find("meta", attrs={"name": "referrer"})["content"] == "strict-origin-when-cross-origin"
    assert all(script.get("src") for script in redirect.find_all("script")), "an inline script on a redirect page"
    assert redirect_sources(config) == {"conditions/old-name/"}
    assert unresolved(tmp_path / "site", ["conditions/old-name/", "conditions/old-name/#in-short"], config) == []

    handler = functools.partial(LocalSiteHandler, directory=str(tmp_path / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        for javascript, expected in ((True, "conditions/outer-hip-thing/#in-short"), (False, "conditions/outer-hip-thing/")):
            context = browser.new_context(java_script_enabled=javascript)
            page = context.new_page()
            violations: list[str] = []
            page.on("console", lambda m, v=violations: v.append(m.text) if "Content Security Policy" in m.text else None)
            page.goto(f"{base}conditions/old-name/#in-short")
            page.wait_for_url(f"{base}{expected}", timeout=10_000)
            assert not violations, violations
            context.close()
    finally:
        server.shutdown()
        server.server_close()
