"""Every #section a link names exists in the page it points to, on every built page.

LinkChecker (test_links.py) crawls the served site for every page, stylesheet, script and image;
its AnchorCheck plugin fetched and parsed a page again for every distinct #section linked to it
(thousands: the citations, the sources and the tables of contents), which took minutes. The
anchors are checked here instead, from the built files, with each page parsed once: the same
links, resolved as a browser resolves them under the GitHub Pages-style sub-path.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
from conftest import SUB_PATH

ORIGIN = "https://site.invalid"  # any host: a link to another host is not this check's


def anchor_problems(site_dir: Path, sub_path: str = SUB_PATH) -> list[str]:
    """Links (a, area) on every page whose #fragment names no id (or <a name>) in the target page,
    and fragment links that lead to no page or out of the sub-path."""
    # lxml's own tree and XPath, not BeautifulSoup: this reads every link on every page, and
    # BeautifulSoup took 12 of the fast tier's seconds doing it
    trees = {html: lxml.html.parse(str(html)).getroot() for html in sorted(site_dir.rglob("*.html"))}
    ids: dict[Path, set[str]] = {}

    def ids_in(html: Path) -> set[str]:
        if html not in ids:
            ids[html] = set(trees[html].xpath("//@id | //a/@name"))
        return ids[html]

    problems = []
    for html, tree in trees.items():
        relative = html.relative_to(site_dir).as_posix()
        page_url = ORIGIN + sub_path + relative.removesuffix("index.html")
        for element in tree.xpath("//a[@href] | //area[@href]"):
            parts = urlsplit(urljoin(page_url, element.get("href")))
            if not parts.fragment or f"{parts.scheme}://{parts.netloc}" != ORIGIN:
                continue
            if not parts.path.startswith(sub_path):
                problems.append(f"/{relative}: {element.get('href')} leaves the sub-path")
                continue
            target = site_dir / unquote(parts.path[len(sub_path) :])
            if parts.path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"/{relative}: {element.get('href')} leads to no page")
            elif target.suffix == ".html" and unquote(parts.fragment) not in ids_in(target):
                problems.append(f"/{relative}: {element.get('href')} names no section of its page")
    return problems


def test_every_anchor_a_link_names_exists(site_dir):
    problems = anchor_problems(site_dir)
    assert not problems, f"{len(problems)} links to a missing #section:\n" + "\n".join(problems[:40])


def test_the_anchor_check_catches_a_missing_section(tmp_path):
    """The check can fail: a dead #section on another page and on the same page, a page that is
    not there, and a link that climbs out of the sub-path."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<h2 id="top">Top</h2><a href="a/#here">ok</a> <a href="#top">ok</a> <a href="a/#nowhere">dead</a> '
        '<a href="#gone">dead</a> <a href="missing/#x">dead</a> <a href="../#top">out</a> <a href="https://example.org/#x">other host</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2><a name="old">old</a><a href="#old">ok</a>')
    assert anchor_problems(tmp_path) == [
        "/index.html: a/#nowhere names no section of its page",
        "/index.html: #gone names no section of its page",
        "/index.html: missing/#x leads to no page",
        "/index.html: ../#top leaves the sub-path",
    ]
