"""The built site, read as a browser would get it: HTML, links back and forth, the JSON API.

One strict build of the real site (see conftest.py) is parsed here. Link and anchor checking of
the whole site is done by LinkChecker in test_links.py.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jsonschema
from conftest import DOCS, has_class, page, site_content, soup_of, tree_of

from crosslinks.api import schema_json

GRAPH = site_content().graph
SYMPTOMS = list(GRAPH.symptoms)
UNIVERSAL_SIGNS = {sign.id for sign in GRAPH.universal_signs()}
CONDITIONS = sorted(GRAPH.conditions)


@functools.cache
def links_from(site_dir: Path, html_file: Path) -> frozenset[str]:
    """Site-relative paths ('conditions/x/') of every internal page a page links to (read with
    lxml, once per page: the two link tests read about 300 pages between them)."""
    base = "/" + html_file.parent.relative_to(site_dir).as_posix() + "/"
    found = set()
    for href in tree_of(html_file).xpath("//article//a/@href"):
        if urlsplit(href).scheme or href.startswith("#"):
            continue
        path = urlsplit(urljoin(base.replace("//", "/"), href)).path
        found.add(path.lstrip("/"))
    return frozenset(found)


def test_every_page_parses_and_has_a_title_and_description(site_dir, html_files):
    assert len(html_files) > 40
    for html_file in html_files:
        tree = tree_of(html_file)
        assert tree.findtext(".//title", "").strip(), html_file
        if html_file.name != "404.html":
            description = tree.xpath('//meta[@name="description"]/@content')
            assert description and description[0].strip(), html_file


def test_the_nav_has_the_sections_in_order(site_dir):
    home = page(site_dir, "")
    items = home.select("nav.md-nav--primary > ul > li")
    labels = [re.sub(r"\s+", " ", li.find(class_="md-nav__link").get_text(" ", strip=True)) for li in items]
    text = " | ".join(labels)
    expected = ["Conditions", "Where it hurts", "Symptoms", "Anatomy", "Prevention", "Exercises", "Self-care", "Tools", "About"]
    positions = [text.find(name) for name in expected]
    assert all(p >= 0 for p in positions), text
    assert positions == sorted(positions), text


def test_every_condition_page_links_each_of_its_symptoms_and_back(site_dir):
    for slug in CONDITIONS:
        condition_html = site_dir / "conditions" / slug / "index.html"
        linked_symptoms = {p.split("/")[1] for p in links_from(site_dir, condition_html) if p.startswith("symptoms/") and p != "symptoms/"}
        meta = GRAPH.conditions[slug].meta
        listed = set(meta.symptoms.typical) | set(meta.symptoms.possible)
        signs = set(meta.warning_signs)  # warning signs have their pages beside the symptoms
        assert linked_symptoms == listed | signs | UNIVERSAL_SIGNS, slug
        for sid in listed | signs:
            back = links_from(site_dir, site_dir / "symptoms" / sid / "index.html")
            assert f"conditions/{slug}/" in back, f"symptoms/{sid}/ does not link back to {slug}"


def test_every_symptom_page_links_only_to_conditions_that_link_back(site_dir):
    for symptom in SYMPTOMS:
        for path in links_from(site_dir, site_dir / "symptoms" / symptom / "index.html"):
            if path.startswith("conditions/") and path != "conditions/":
                assert f"symptoms/{symptom}/" in links_from(site_dir, site_dir / path / "index.html"), (symptom, path)


def test_only_warning_sign_pages_carry_a_warning_box(site_dir):
    danger = f"//article//*[{has_class('admonition')} and {has_class('danger')}]"
    for symptom in SYMPTOMS:
        assert not tree_of(site_dir / "symptoms" / symptom / "index.html").xpath(danger), symptom
    for sign in GRAPH.signs.values():
        boxes = tree_of(site_dir / "symptoms" / sign.id / "index.html").xpath(danger)
        assert boxes and boxes[0].get("data-tier-group") == sign.tier, sign.id


def test_condition_pages_say_they_inform_and_who_wrote_them(site_dir):
    for slug in CONDITIONS:
        tree = tree_of(site_dir / "conditions" / slug / "index.html")
        text = " ".join(tree.find(".//article").text_content().split())
        assert "This page informs; it does not diagnose" in text
        assert "written by the site's editors" in text.lower()
        assert "not yet been reviewed by a clinician" in text
        assert "Last reviewed" in text
        ids = set(tree.xpath("//@id"))
        for anchor in ("sources", "often-confused-with", "exercises-that-help", "about-this-page"):
            assert anchor in ids, (slug, anchor)
        sources = tree.xpath(f"//ol[{has_class('rh-sources')}]/li")
        assert sources and all(li.xpath(".//a[@href]") for li in sources), slug
        cites = tree.xpath(f"//sup[{has_class('rh-cite')}]//a/@href")
        assert cites and all(href[1:] in ids for href in cites), slug


def test_region_and_symptom_index_pages_list_everything(site_dir):
    region_index = links_from(site_dir, site_dir / "where-it-hurts" / "index.html")
    for region in GRAPH.regions:
        assert f"where-it-hurts/{region}/" in region_index
    symptom_index = links_from(site_dir, site_dir / "symptoms" / "index.html")
    assert {f"symptoms/{s}/" for s in SYMPTOMS} <= symptom_index
    conditions_index = links_from(site_dir, site_dir / "conditions" / "index.html")
    assert {f"conditions/{slug}/" for slug in CONDITIONS} <= conditions_index


def test_the_api_validates_against_its_schema_and_matches_the_pages(site_dir):
    data = json.loads((site_dir / "api" / "conditions.json").read_text())
    schema = json.loads((site_dir / "api" / "conditions.schema.json").read_text())
    assert schema == json.loads(schema_json())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    assert sorted(c["id"] for c in data["conditions"]) == CONDITIONS
    for condition in data["conditions"]:
        assert (site_dir / condition["url"] / "index.html").is_file()
    assert {s["id"] for s in data["symptoms"]} == set(SYMPTOMS)


def test_every_page_carries_the_medical_disclaimer(html_files):
    for html_file in html_files:
        aside = tree_of(html_file).xpath(f"//aside[{has_class('rh-disclaimer')}]")
        assert aside and "does not diagnose" in aside[0].text_content(), html_file


def test_no_page_loads_anything_from_another_host(html_files):
    for html_file in html_files:
        tree = tree_of(html_file)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in tree.iter(tag):
                url = element.get(attr)
                if not url or (tag == "link" and "canonical" in (element.get("rel") or "").split()):
                    continue
                assert not urlsplit(url).netloc and not url.startswith("//"), f"{html_file}: {tag} {url}"
        # Material's JS would fetch repository stats from api.github.com for this component
        assert not tree.xpath('//*[@data-md-component="source"]'), html_file
        for style in tree.iter("style"):
            assert "@import" not in (style.text or "") and "url(http" not in (style.text or ""), html_file


def test_light_and_dark_palettes_and_search_features(site_dir):
    home = page(site_dir, "")
    schemes = {i.get("data-md-color-scheme") for i in home.select("form[data-rh-palette] input")}
    assert {"default", "slate"} <= schemes
    config = json.loads(home.select_one("#__config").get_text())
    assert {"search.suggest", "search.highlight"} <= set(config["features"])
    # no instant navigation: it fetches the sitemap twice on every first view (3 KB of the 100 KB budget)
    assert "navigation.instant" not in config["features"]
    index = json.loads((site_dir / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert {f"conditions/{slug}/" for slug in CONDITIONS} <= locations


def test_headings_have_permalinks(site_dir):
    soup = page(site_dir, "conditions/hip-stress-fracture/")
    assert soup.select("h2 a.headerlink")


def test_the_404_page_links_home_under_the_sub_path(site_dir):
    soup = soup_of(site_dir / "404.html")
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    assert "/runners-hip/where-it-hurts/" in hrefs
    assert all(h.startswith("/runners-hip/") for h in hrefs)


def test_no_generated_file_is_written_into_docs():
    tracked = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*")}
    assert not any(p.startswith(("symptoms/", "where-it-hurts/", "api/")) for p in tracked)
    assert not (DOCS / "conditions" / "index.md").exists()


def test_a_staged_folder_builds_the_same_site_without_the_hook(tmp_path, fixture_site):
    """The exit for generators that run no MkDocs hooks (Zensical): stage, then build plainly.
    On the small fixture site: its staged folder, built with no hook at all, gives every page the
    same cross-links as the hooked build."""
    from conftest import FIXTURE_TODAY, FIXTURES, build_fixture, crosslinks_cli, fixture_config

    staged = tmp_path / "staged"
    result = crosslinks_cli("stage", str(staged), "--docs-dir", str(FIXTURES / "good"), env={"RUNNERS_HIP_TODAY": FIXTURE_TODAY})
    assert result.returncode == 0, result.stderr
    built = build_fixture(tmp_path, fixture_config(staged, hooks=[]))
    assert built.returncode == 0, built.stderr
    hooked = sorted(fixture_site.rglob("index.html"))
    assert len(hooked) > 10 and any("conditions" in p.parts for p in hooked)
    for html in hooked:
        relative = html.relative_to(fixture_site)
        assert (tmp_path / "site" / relative).is_file(), f"{relative} is missing from the staged build"
        assert links_from(tmp_path / "site", tmp_path / "site" / relative) == links_from(fixture_site, html), relative


CITE = "\u2983"  # stands for one group of citation numbers in a block's text


def text_with_citations(element) -> str:
    """A block's text, each citation group written as CITE and its numbers left out."""
    parts = [element.text or ""]
    for child in element:
        is_cite = child.tag == "sup" and "rh-cite" in (child.get("class") or "")
        parts.append(CITE if is_cite else text_with_citations(child) if child.tag not in ("ul", "ol") else "\n")
        parts.append(child.tail or "")
    return "".join(parts)


def test_each_sentence_has_at_most_one_group_of_citation_numbers(html_files):
    """Issue 16: the numbers are lighter to read past when one sentence carries one group."""
    found = []
    for path in html_files:
        for block in tree_of(path).xpath("//article//p | //article//li | //article//td | //article//dd"):
            for sentence in re.split(r"(?<=[.!?])\s+|\n", text_with_citations(block)):
                if sentence.count(CITE) > 1:
                    found.append(f"{path.parent.name}: {sentence.strip()[:120]!r}")
    assert not found, f"{len(found)} sentences with more than one group of numbers:\n" + "\n".join(found[:10])


def test_no_page_leaves_a_space_before_a_citation_number(html_files):
    """Where the numbers are hidden (print, copied summaries), a space before one leaves "runners ."
    behind; that includes a marker written on a line of its own inside a paragraph."""
    spaced = re.compile(r'\w\s+<sup class="rh-cite"')
    found = [
        f"{path.parent.name}: {match.group(0)!r}" for path in html_files for match in spaced.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, f"{len(found)} citation numbers with a space before them:\n" + "\n".join(found[:10])
