"""Careless and hostile input on the built site: nothing from content runs as code, quotes and
ampersands stay text wherever they go, a build never publishes this machine's address, and the
page policy allows only the inline scripts of the site's own templates.

These build the small fixture site (tests/fixtures/good) with the real theme overrides and hooks:
a few seconds, not the whole site.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_TODAY, FIXTURES, ROOT, LocalSiteHandler, build_fixture, fixture_config

from crosslinks import load_site
from crosslinks.feed import atom_feed

TODAY = FIXTURE_TODAY
SITE = "https://example.org/hip/"
TITLE = """Bone "thing" & 'co'"""
DESCRIPTION = """Pain "on the side" & more x" onmouseover="window.__xss=1" y="z"""


def build(
    tmp: Path, docs: Path, custom_dir: Path = ROOT / "overrides", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    theme = {"name": "material", "font": False, "custom_dir": str(custom_dir)}
    return build_fixture(tmp, fixture_config(docs, site_name="Hostile fixture", site_url=SITE, theme=theme), env)


def with_front_matter(path: Path, **changes: str) -> None:
    text = path.read_text()
    for key, value in changes.items():
        start = text.index(f"\n{key}: ") + 1
        end = text.index("\n", start)
        text = text[:start] + f"{key}: {json.dumps(value)}" + text[end:]
    path.write_text(text)


@pytest.fixture(scope="module")
def quoted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with quotes, ampersands and an attribute break-out in a title and description."""
    tmp = tmp_path_factory.mktemp("quoted")
    docs = tmp / "docs"
    shutil.copytree(FIXTURES / "good", docs)
    with_front_matter(docs / "conditions" / "bone-thing.md", title=TITLE, description=DESCRIPTION)
    built = build(tmp, docs)
    assert built.returncode == 0, built.stderr
    return tmp / "site"


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_quotes_and_ampersands_in_a_title_and_description_stay_text(quoted_site: Path):
    page = soup(quoted_site, "conditions/bone-thing")
    assert page.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION
    for prop in ("og:title", "twitter:title"):
        assert page.find("meta", attrs={"property": prop} if prop.startswith("og") else {"name": prop})["content"] == TITLE
    for prop in ("og:description",):
        assert page.find("meta", attrs={"property": prop})["content"] == DESCRIPTION
    assert page.find("meta", attrs={"name": "twitter:description"})["content"] == DESCRIPTION
    assert page.title.get_text().startswith(TITLE + " - ")
    assert page.find("h1").get_text(strip=True).startswith(TITLE)
    jsonld = json.loads(page.find("script", type="application/ld+json").string)
    assert jsonld["name"] == TITLE and jsonld["description"] == DESCRIPTION
    assert not page.find_all(attrs={"onmouseover": True}), "the description broke out of its attribute"
    raw = (quoted_site / "conditions" / "bone-thing" / "index.html").read_text()
    assert 'onmouseover="window' not in raw
    # generated pages: the conditions table and the symptom pages show the title as text
    index = soup(quoted_site, "conditions")
    assert any(cell.get_text(strip=True) == TITLE for cell in index.find_all("a")), "title not shown as text in /conditions/"
    api = json.loads((quoted_site / "api" / "conditions.json").read_text())
    assert {c["title"] for c in api["conditions"]} >= {TITLE}


def test_a_page_shows_its_front_matter_as_the_check_read_it(tmp_path: Path):
    """MkDocs reads front matter as YAML 1.1, where `Yes` is true and `1:30` is 90; the content
    check reads YAML 1.2, where both are text. The page must show what the check passed."""
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "good", docs)
    exercise = docs / "exercises" / "side-lying-lift.md"
    text = (
        exercise.read_text()
        .replace("title: Side-lying lift\n", "title: Yes\n")
        .replace("description: A fixture exercise.\n", "description: 1:30\n")
    )
    exercise.write_text(text)
    built = build(tmp_path, docs)
    assert built.returncode == 0, built.stderr
    page = soup(tmp_path / "site", "exercises/side-lying-lift")
    assert page.find("h1").get_text(strip=True) == "Yes"
    assert page.title.get_text().startswith("Yes - ")
    assert page.find("meta", attrs={"name": "description"})["content"] == "1:30"
    assert page.find("meta", attrs={"property": "og:title"})["content"] == "Yes"


def test_the_feed_escapes_titles_and_keeps_its_ids_whatever_the_host(quoted_site: Path):
    root = ET.parse(quoted_site / "feed.xml").getroot()  # noqa: S314 - our own build output
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in root.iter(f"{atom}entry")]
    assert TITLE in titles
    graph = load_site(FIXTURES / "good", __import__("datetime").date.fromisoformat(TODAY)).graph
    one, other = (ET.fromstring(atom_feed(graph, url)) for url in ("https://a.example/", "https://b.example/moved/"))  # noqa: S314
    ids = [[e.text for e in feed.iter(f"{atom}id")] for feed in (one, other)]
    links = [[e.get("href") for e in feed.iter(f"{atom}link")] for feed in (one, other)]
    assert ids[0] == ids[1] and len(set(ids[0])) == len(ids[0]) > 2
    assert all(i.startswith("urn:uuid:") for i in ids[0])
    assert links[0] != links[1], "the links do follow the host"


def test_every_page_has_a_referrer_policy_and_the_explicit_script_list(quoted_site: Path):
    pages = sorted(quoted_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        referrer = page.find_all("meta", attrs={"name": "referrer"})
        assert [m["content"] for m in referrer] == ["strict-origin-when-cross-origin"], path
        policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        script_src = next(d.split()[1:] for d in policy.split(";") if d.split()[:1] == ["script-src"])
        # the three inline scripts of Material's base, palette and content partials: nothing else
        assert len([s for s in script_src if s.startswith("'sha256-")]) == 3, path


def test_an_inline_script_from_a_template_outside_the_list_fails_the_build(tmp_path: Path):
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    main = overrides / "main.html"
    main.write_text(main.read_text().replace("{% block extrahead %}", "{% block extrahead %}<script>window.sneaky = 1</script>", 1))
    shutil.copytree(FIXTURES / "good", tmp_path / "docs")  # its caches beside it, never in tests/fixtures
    built = build(tmp_path, tmp_path / "docs", custom_dir=overrides)
    assert built.returncode == 1
    assert "an inline script that none of the site's own templates wrote ('window.sneaky = 1')" in built.stderr
    assert "Traceback" not in built.stderr


@pytest.mark.parametrize("site_url", [None, "http://127.0.0.1:8000/", "http://localhost:8000/"])
def test_a_production_build_without_a_real_site_url_fails(tmp_path: Path, site_url: str | None):
    """`docs.py build` as anyone deploying elsewhere runs it: no SITE_URL, or a loopback one."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "RUNNERS_HIP_LOCAL_BUILD")}
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "docs.py"), "build", "--site-dir", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert "set SITE_URL to the site's public address" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.fixture
def served(fixture_site: Path) -> Iterator[tuple[str, Path]]:
    """The fixture site (built once per session), served on loopback at the root."""
    handler = functools.partial(LocalSiteHandler, directory=str(fixture_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", fixture_site
    finally:
        server.shutdown()
        server.server_close()


INJECTED = (
    "<script>window.__xss = 'inline script'</script>"
    '<img src="/nothing.png" alt="" onerror="window.__xss = \'event handler\'">'
    '<a id="xss-link" href="javascript:window.__xss=\'javascript: link\'">x</a>'
    '<p id="xss-style" style="display: none">styled</p>'
)


def test_a_script_that_reaches_a_page_never_runs_in_chromium(served, new_tab):
    """Should anything get past the content check into a page after the build (a compromised
    host, a proxy), the page policy stops it: the site's own inline scripts run, and an injected
    script, handler, javascript: link or style does not. (One that a template puts there during
    the build fails the build: the test above.)"""
    base, _ = served
    url = f"{base}conditions/bone-thing/"
    page = new_tab()

    def inject(route):
        response = route.fetch()
        html = response.text().replace('<div class="md-content"', INJECTED + '<div class="md-content"', 1)
        route.fulfill(response=response, body=html)

    page.route(url, inject)
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(url, wait_until="load")  # the fixture site has none of the site's script files
    page.locator("#xss-link").dispatch_event("click")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("typeof __md_get") == "function", "the site's own inline scripts must still run"
    assert page.evaluate("getComputedStyle(document.getElementById('xss-style')).display") != "none"
    assert len(violations) >= 3, violations
