"""The way out for generators that run no MkDocs hooks (Zensical): `crosslinks stage` writes a
complete docs folder, every page's facts in its front matter, and a plain build of it must give
each page the same metadata as the hooked build: JSON-LD, Open Graph and Twitter tags, the review
footer, the printed handout's QR code, preview images, the feed, robots.txt and the sitemap."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import lxml.html
import pytest
from conftest import DOCS, ROOT, SITE_URL, crosslinks_cli
from mkdocs.commands.build import build
from mkdocs.config import load_config

pytestmark = pytest.mark.slow  # a second whole build

SAME_FILES = ("robots.txt", "feed.xml", "api/conditions.json", "api/conditions.schema.json")


def metadata_of(html_file: Path) -> dict[str, object]:
    """What a page says about itself, as a reader's browser, a search engine or a printer sees it
    (read with lxml: BeautifulSoup took 14 s for the 2 x 190 pages)."""
    tree = lxml.html.parse(str(html_file)).getroot()
    metas = {
        (tag.get("property") or tag.get("name")): tag.get("content")
        for tag in tree.iter("meta")
        if str(tag.get("property") or tag.get("name") or "").startswith(("og:", "twitter:", "article:"))
    }
    canonical = tree.find(".//link[@rel='canonical']")
    feed = tree.find(".//link[@type='application/atom+xml']")
    footer = tree.find_class("rh-page-footer")
    handout = tree.find_class("rh-handout")
    return {
        "meta": metas,
        "canonical": canonical.get("href") if canonical is not None else None,
        "feed": feed.get("href") if feed is not None else None,
        "jsonld": [script.text for script in tree.iterfind(".//script[@type='application/ld+json']")],
        "footer": " ".join(footer[0].text_content().split()) if footer else None,
        "handout": lxml.html.tostring(handout[0], encoding="unicode") if handout else None,
    }


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The staged folder, built with the same configuration but no hooks at all."""
    root = tmp_path_factory.mktemp("plain")
    staged = root / "staged"
    result = crosslinks_cli("stage", str(staged), "--docs-dir", str(DOCS), "--site-url", SITE_URL)
    assert result.returncode == 0, result.stderr
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", SITE_URL)
        env.setenv("REPO_URL", "https://github.com/example/runners-hip")
        env.setenv("EDIT_URI", "edit/main/docs/")
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(staged), site_dir=str(root / "site"), hooks=[], strict=True)
        assert not config.hooks
        build(config)
    return root / "site"


def test_every_page_has_the_same_metadata_without_hooks(plain_site: Path, site_dir: Path):
    pages = sorted(p.relative_to(site_dir) for p in site_dir.rglob("index.html") if 'http-equiv="refresh"' not in p.read_text())
    assert len(pages) > 100
    differ = []
    for rel in pages:
        hooked, plain = metadata_of(site_dir / rel), metadata_of(plain_site / rel)
        if hooked != plain:
            differ.append(f"{rel}: {[k for k in hooked if hooked[k] != plain[k]]}")
    assert not differ, "metadata differs without hooks:\n" + "\n".join(differ[:20])
    condition = metadata_of(site_dir / "conditions" / "gluteal-tendinopathy" / "index.html")
    assert condition["jsonld"] and condition["footer"] and condition["handout"] and condition["meta"]["og:image"]


def test_the_same_feed_robots_sitemap_api_and_preview_images_without_hooks(plain_site: Path, site_dir: Path):
    for rel in SAME_FILES:
        assert (plain_site / rel).read_bytes() == (site_dir / rel).read_bytes(), rel
    hooked = {p.relative_to(site_dir): p.read_bytes() for p in (site_dir / "assets" / "previews").rglob("*.png")}
    plain = {p.relative_to(plain_site): p.read_bytes() for p in (plain_site / "assets" / "previews").rglob("*.png")}
    assert len(hooked) > 100 and hooked == plain
    assert sitemap(plain_site) == sitemap(site_dir)  # in another order: the staged indexes are ordinary files
    assert sum(1 for _, lastmod in sitemap(site_dir) if lastmod) > 100


def sitemap(site: Path) -> list[tuple[str, str | None]]:
    """(address, lastmod) of every page in the sitemap, in address order."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()  # noqa: S314 - the site we just built
    return sorted((u.findtext("s:loc", namespaces=ns) or "", u.findtext("s:lastmod", namespaces=ns)) for u in root.findall("s:url", ns))


def test_every_cross_link_is_the_same_without_hooks(plain_site: Path, site_dir: Path):
    for html_file in sorted((site_dir / "conditions").rglob("index.html")):
        rel = html_file.relative_to(site_dir)
        article = lxml.html.parse(str(html_file)).getroot().find(".//article")
        plain = lxml.html.parse(str(plain_site / rel)).getroot().find(".//article")
        assert article is not None and plain is not None
        assert [a.get("href") for a in article.iter("a")] == [a.get("href") for a in plain.iter("a")], rel
