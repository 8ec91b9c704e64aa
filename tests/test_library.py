"""Anatomy, prevention, exercises, self-care and the glossary: every page, diagram and link."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import lxml.html
import pytest
from conftest import page, site_content

PAGES = {
    "anatomy": ["hip-joint", "bones-of-the-hip", "hip-muscles", "tendons-and-bursae", "it-band", "how-the-hip-moves"],
    "prevention": ["training-load", "strength-training", "mobility", "running-form", "warm-up", "bone-health"],
    "self-care": [
        "first-steps",
        "is-it-soreness-or-injury",
        "when-to-see-a-doctor",
        "what-to-expect-at-an-appointment",
        "return-to-running",
        "treatments",
    ],
}
FIXED = [(section, slug) for section, slugs in PAGES.items() for slug in slugs]
GRAPH = site_content().graph
EXERCISES = sorted(GRAPH.exercises)
CONDITIONS = sorted(GRAPH.conditions)
CONDITION_URGENCY = {slug: condition.meta.urgency for slug, condition in GRAPH.conditions.items()}
SVG = "{http://www.w3.org/2000/svg}"


def meta(rel: str):
    """A page's front matter, as the core's typed model read it."""
    return GRAPH.pages[rel].meta


@pytest.mark.parametrize(("section", "slug"), FIXED, ids=[f"{s}/{p}" for s, p in FIXED])
def test_each_page_exists_with_title_description_sources_and_review_date(site_dir, section, slug):
    data = meta(f"{section}/{slug}.md")
    assert data.title and data.description and data.sources and data.reviewed
    soup = page(site_dir, f"{section}/{slug}/")
    assert soup.select_one("article h1")
    assert soup.find(id="about-this-page")


def test_there_are_at_least_15_exercises_with_title_description_sources_and_review_date():
    assert len(EXERCISES) >= 15
    for slug in EXERCISES:
        data = meta(f"exercises/{slug}.md")
        assert data.title and data.description and data.sources and data.reviewed and data.goal, slug


@pytest.mark.parametrize("slug", PAGES["anatomy"])
def test_every_anatomy_page_has_a_labelled_diagram_with_a_text_alternative(site_dir, slug):
    figures = page(site_dir, f"anatomy/{slug}/").select("article figure")
    images = [img for figure in figures for img in figure.select("img")]
    assert images, slug
    for img in images:
        assert len(img.get("alt", "").split()) >= 5, (slug, img.get("src"))
        assert img["src"].endswith(".svg")
        svg = ET.parse(site_dir / f"anatomy/{slug}" / img["src"]).getroot()  # noqa: S314 - our own files
        assert svg.find(f"{SVG}title") is not None and svg.find(f"{SVG}desc") is not None
        assert svg.findall(f".//{SVG}text"), "a labelled diagram has text labels"
        assert "href" not in " ".join(svg.attrib) and not svg.findall(f".//{SVG}script")
    links = {a["href"] for a in page(site_dir, f"anatomy/{slug}/").select("article a[href*='conditions/']")}
    assert links, f"{slug} links no condition"


def test_every_exercise_is_linked_from_a_condition_and_every_condition_lists_one(site_dir):
    """Each list follows the evidence for that condition (deep gluteal syndrome has a stretch and
    no trial of strength work), so one is enough; where no exercise has a source (meralgia
    paraesthetica, a trapped skin nerve), the page says so rather than invent one."""
    linked_from = {slug: set() for slug in EXERCISES}
    for condition in CONDITIONS:
        heading = page(site_dir, f"conditions/{condition}/").find(id="exercises-that-help")
        listing = heading.find_next_sibling(["ul", "p"])
        items = listing.select("li a[href*='exercises/']")
        if CONDITION_URGENCY[condition] == "urgent":  # nothing before a clinician has checked
            assert not items and "once a clinician has checked you" in listing.get_text(), condition
            continue
        if not items:  # a page with no sourced exercise says so, never an empty list
            assert "No exercise has been shown to help this problem" in listing.get_text(), condition
            continue
        for a in items:
            linked_from[a["href"].strip("/").split("/")[-1]].add(condition)
    assert not [slug for slug, conditions in linked_from.items() if not conditions]


def test_the_exercise_index_groups_exercises_by_goal(site_dir):
    soup = page(site_dir, "exercises/")
    groups = soup.select("article h2")
    assert len(groups) >= 4
    listed = {a["href"].strip("/").split("/")[-1] for a in soup.select("article li > strong > a")}
    assert listed == set(EXERCISES)


def test_return_to_running_has_a_ladder_table_per_kind_of_injury_and_conditions_link_to_theirs(site_dir):
    soup = page(site_dir, "self-care/return-to-running/")
    for ladder in ("bone", "tendon", "muscle", "joint"):
        heading = soup.find(id=ladder)
        assert heading is not None, ladder
        assert heading.find_next("table"), ladder
    for condition in CONDITIONS:
        ladder = GRAPH.conditions[condition].meta.ladder
        hrefs = [a["href"] for a in page(site_dir, f"conditions/{condition}/").select("article a[href]")]
        target = "self-care/is-it-soreness-or-injury/#nerves" if ladder == "nerve" else f"self-care/return-to-running/#{ladder}"
        assert any(h.endswith(target) for h in hrefs), condition


def test_every_glossary_term_is_defined_used_and_linked_to_a_page_that_uses_it(site_dir, html_files):
    entries = GRAPH.glossary
    assert len(entries) >= 40
    soup = page(site_dir, "glossary/")
    terms = [" ".join(dt.get_text(" ", strip=True).split()) for dt in soup.select("article dl dt")]
    assert sorted(terms, key=str.lower) == sorted((e.term for e in entries), key=str.lower)

    def article_text(html: Path) -> str:  # lxml, not BeautifulSoup: every page's text, in a second
        return " ".join(" ".join(lxml.html.parse(str(html)).getroot().xpath("//article//text()")).split()).lower()

    texts = {p.parent: article_text(p) for p in html_files if p.name == "index.html" and p.parent != site_dir}
    site_text = " ".join(text for folder, text in texts.items() if "glossary" not in folder.parts)
    for entry in entries:
        term = entry.term.lower()
        assert term in site_text, f"glossary term not used anywhere: {entry.term}"
        target = entry.page.split("#")[0].removesuffix(".md").removesuffix("/index")
        assert term in texts[site_dir / target], f"{entry.term}: its page ({entry.page}) does not use the term"
