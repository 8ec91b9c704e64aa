"""The guide to groin pain that is not from the hip: linked from where a reader with such pain
looks (the front and inner-thigh region pages, the finder, the all-signs page), with its warning
signs generated from the registry."""

from __future__ import annotations

from conftest import page, site_content

GUIDE = "self-care/not-from-the-hip.md"
GUIDE_URL = "self-care/not-from-the-hip/"
GRAPH = site_content().graph


def links_to_guide(site_dir, url_path: str) -> bool:
    article = page(site_dir, url_path).select_one("article")
    return any(a["href"].split("#")[0].rstrip("/").endswith("not-from-the-hip") for a in article.select("a[href]"))


def test_the_front_and_inner_thigh_regions_name_the_guide_in_their_data():
    for region in ("front", "inner-thigh"):
        assert GUIDE in [g.page for g in GRAPH.regions[region].guides], region


def test_the_front_and_inner_thigh_region_pages_link_to_the_guide(site_dir):
    for region in ("front", "inner-thigh"):
        assert links_to_guide(site_dir, f"where-it-hurts/{region}/"), region
    for region in ("side", "back", "lower-back"):  # it concerns groin pain only
        assert not links_to_guide(site_dir, f"where-it-hurts/{region}/"), region


def test_the_finder_and_the_all_signs_page_link_to_the_guide(site_dir):
    assert links_to_guide(site_dir, "finder/")
    assert links_to_guide(site_dir, "self-care/when-to-see-a-doctor/")


def test_the_guide_shows_its_signs_from_the_registry_at_their_tiers(site_dir):
    html = page(site_dir, GUIDE_URL)
    shown = {e["data-sign"]: e["data-tier"] for e in html.select("article .rh-warnings [data-sign]")}
    wanted = [
        "sudden-severe-groin-or-testicle-pain",
        "sudden-tummy-pain-could-be-pregnant",
        "tummy-pain-moving-to-lower-right",
        "back-or-side-pain-with-fever",
        "groin-lump-that-will-not-go-back",
        "waves-of-pain-from-back-into-groin",
    ]
    for sid in wanted:
        assert shown.get(sid) == GRAPH.signs[sid].tier, sid
    emergencies = [s for s in wanted if GRAPH.signs[s].tier == "emergency"]
    assert len(emergencies) == 5, "the torsion, ectopic, appendix, infected-kidney and trapped-hernia signs are emergencies"
