"""What pages say about themselves: link previews, JSON-LD, footers, citations, robots.txt."""

from __future__ import annotations

import json

from conftest import SITE_URL, has_class, page, tree_of


def test_every_page_has_a_canonical_url_description_and_preview_tags(html_files, site_dir):
    for html_file in html_files:
        if html_file.name == "404.html":
            continue
        if html_file.name != "index.html":
            continue
        tree = tree_of(html_file)
        canonical = tree.xpath('//link[@rel="canonical"]/@href')
        assert len(canonical) == 1 and canonical[0].startswith(SITE_URL), html_file
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            content = tree.xpath(f'//meta[@property="{prop}"]/@content')
            assert content and content[0].strip(), (html_file, prop)
        assert tree.xpath('//meta[@property="og:url"]/@content') == canonical
        for name in ("twitter:card", "twitter:title", "twitter:description"):
            assert tree.xpath(f'//meta[@name="{name}"]'), (html_file, name)


def test_condition_pages_carry_medical_web_page_json_ld(site_dir, content):
    for slug, condition in content.graph.conditions.items():
        soup = page(site_dir, f"conditions/{slug}/")
        (script,) = soup.select('script[type="application/ld+json"]')
        data = json.loads(script.string)
        meta = condition.meta
        assert data["@type"] == "MedicalWebPage"
        assert data["about"]["@type"] == "MedicalCondition"
        assert data["lastReviewed"] == meta.reviewed.isoformat()
        assert data["url"] == f"{SITE_URL}conditions/{slug}/"
        assert {a["audienceType"] for a in data["audience"]} >= {"Runners"}
        assert len(data["citation"]) == len(meta.sources)
        assert all(c["url"].startswith("http") for c in data["citation"])


def test_reviewed_pages_show_review_date_and_change_history_but_no_reading_score(site_dir):
    soup = page(site_dir, "conditions/gluteal-tendinopathy/")
    footer = soup.select_one("aside.rh-page-footer")
    text = " ".join(footer.get_text(" ").split())
    assert "Last reviewed 23 November 2026" in text
    assert "Reading grade" not in text and "grade" not in text.lower()  # a score means nothing to readers
    feedback = footer.find("a", string="Tell the editors")  # a way to report what is wrong or unclear
    assert feedback["href"].startswith(footer.find("a", string="Change history")["href"].split("/commits/")[0])
    assert "/issues/new?" in feedback["href"] and "runners-hip/conditions/gluteal-tendinopathy/" in feedback["href"]
    history = footer.find("a", string="Change history")
    assert history["href"].endswith("/commits/main/docs/conditions/gluteal-tendinopathy.md")


def test_cite_this_page_gives_apa_and_bibtex_with_review_date_and_url(site_dir):
    soup = page(site_dir, "conditions/hip-labral-tear/")
    block = next(d for d in soup.select("details.quote") if "Cite this page" in d.get_text())
    url = f"{SITE_URL}conditions/hip-labral-tear/"
    # the citation first, as text that wraps on a phone (no monospace box), BibTeX folded inside
    apa = " ".join(block.select_one("p.rh-cite-text").get_text().split())
    assert block.select_one("p.rh-cite-text").find_parent("pre") is None
    folded = block.select_one("details.note")
    assert "BibTeX" in folded.select_one("summary").get_text() and not folded.has_attr("open")
    bibtex = folded.select_one("code").get_text()
    assert url in apa and "Hip labral tear" in apa and "(2026, November 23)" in apa
    assert "@misc{" in bibtex and f"url = {{{url}}}" in bibtex and "Last reviewed 2026-11-23" in bibtex


def test_robots_txt_points_at_the_sitemap(site_dir):
    robots = (site_dir / "robots.txt").read_text()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots
    assert (site_dir / "sitemap.xml").is_file()


def test_the_atom_feed_lists_reviewed_pages_newest_first(site_dir, content):
    from lxml import etree

    atom = "{http://www.w3.org/2005/Atom}"
    root = etree.parse(str(site_dir / "feed.xml")).getroot()
    assert root.tag == f"{atom}feed"
    entries = root.findall(f"{atom}entry")
    reviewed = [p for p in content.graph.pages.values() if getattr(p.meta, "reviewed", None)]
    assert len(entries) == len(reviewed)
    dates = [e.findtext(f"{atom}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    for entry in entries:
        assert entry.findtext(f"{atom}title") and entry.findtext(f"{atom}summary")
        assert entry.find(f"{atom}link").get("href").startswith(SITE_URL)
    home = page(site_dir, "")
    assert home.find("link", rel="alternate", type="application/atom+xml")


def png_size(path) -> tuple[int, int]:
    import struct

    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_every_page_has_its_own_1200_by_630_preview_image(html_files, site_dir):
    images = set()
    for html_file in html_files:
        if html_file.name != "index.html":
            continue
        tree = tree_of(html_file)
        url = meta_content(tree, "property", "og:image")
        assert url.startswith(SITE_URL) and url not in images, url
        images.add(url)
        assert png_size(site_dir / url.removeprefix(SITE_URL)) == (1200, 630)
        assert meta_content(tree, "property", "og:image:width") == "1200"
        assert meta_content(tree, "property", "og:image:height") == "630"
        assert meta_content(tree, "property", "og:image:alt").strip()
        assert meta_content(tree, "name", "twitter:card") == "summary_large_image"


def meta_content(tree, attribute: str, value: str) -> str:
    """The content of the page's one <meta> whose `attribute` is `value`."""
    found = tree.xpath(f'//meta[@{attribute}="{value}"]/@content')
    assert len(found) == 1, (value, found)
    return found[0]


def test_preview_images_are_cached_by_what_they_show(tmp_path, monkeypatch):
    from crosslinks import previews

    calls = []
    real = previews.draw_preview
    monkeypatch.setattr(previews, "draw_preview", lambda *a: calls.append(a) or real(*a))
    first = previews.cached_preview(tmp_path, "Gluteal tendinopathy", "Where it hurts: Outer hip and thigh")
    again = previews.cached_preview(tmp_path, "Gluteal tendinopathy", "Where it hurts: Outer hip and thigh")
    other = previews.cached_preview(tmp_path, "Snapping hip", "Where it hurts: Outer hip and thigh")
    assert first == again and first != other
    assert len(calls) == 2  # the unchanged page was not redrawn


def test_the_sitemap_dates_every_page_by_its_content_not_the_build(site_dir, content):
    from lxml import etree

    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = etree.parse(str(site_dir / "sitemap.xml")).getroot().findall(f"{ns}url")
    lastmod = {u.findtext(f"{ns}loc"): u.findtext(f"{ns}lastmod") for u in urls}
    assert len(lastmod) == len(list(site_dir.rglob("index.html")))  # every page (the 404 is 404.html)
    assert None not in lastmod.values(), [loc for loc, day in lastmod.items() if day is None]
    for rel, hand_written in content.graph.pages.items():
        loc = SITE_URL + ("" if rel == "index.md" else rel.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/")
        reviewed = str(hand_written.meta.reviewed)
        assert lastmod[loc] == reviewed, f"{loc}: sitemap says {lastmod[loc]}, front matter {reviewed}"
    # a generated page is as new as the newest review among the condition pages it lists
    conditions = {slug: str(condition.meta.reviewed) for slug, condition in content.graph.conditions.items()}
    region = page(site_dir, "where-it-hurts/side/")
    listed = {a["href"].split("conditions/")[1].strip("/") for a in region.select("article a[href*='conditions/']")}
    listed &= set(conditions)
    assert listed and lastmod[f"{SITE_URL}where-it-hurts/side/"] == max(conditions[slug] for slug in listed)


def test_every_reviewed_page_is_built_with_one_print_button_and_in_short_with_a_copy_button(html_files):
    """Issues 16 and 17: the buttons are in the page as built (share.js only wires them up, so
    nothing moves as it starts); one print button on every page with a review footer, the copy
    button at the end of "In short", and none of it in the search index."""
    reviewed = 0
    for path in html_files:
        tree = tree_of(path)
        prints = tree.xpath(f"//article//button[{has_class('rh-print')}]")
        copies = tree.xpath("//article//button[contains(@class, 'rh-copy-summary')]")
        if not tree.find_class("rh-page-footer"):
            assert not prints and not copies, path
            continue
        reviewed += 1
        folder = path.parent
        if folder.parent.name == "conditions":
            wanted = "Print a 2-page handout"
        else:
            wanted = "Print this sheet" if folder.name == "physio-sheet" else "Print this page"
        assert [b.text_content() for b in prints] == [wanted], path
        for button in prints + copies:
            holder = button.getparent()
            assert button.get("type") == "button" and "rh-screen-only" in holder.get("class", "").split(), path
            assert holder.get("data-search-exclude") is not None, f"{path}: a button's words would be searchable"
        in_short = tree.get_element_by_id("in-short", None)
        assert len(copies) == (in_short is not None), path
        if in_short is not None:
            # at the end of "In short": after its heading, before the next section's heading
            following = [e for e in in_short.itersiblings() if e.tag == "h2"]
            row = copies[0].getparent()
            assert row in list(in_short.itersiblings()) and (
                not following or row.getparent().index(row) < row.getparent().index(following[0])
            ), path
            assert row.find_class("rh-copy-status")[0].get("role") == "status"
    assert reviewed > 70
