"""The section for runners who are still growing (issue 15): a top-level page, linked from the
home page and the nav, with the warning signs for children and teenagers generated from the
registry, a part for coaches of junior runners, and links to every growing-runner condition."""

from __future__ import annotations

from conftest import page, site_content

GRAPH = site_content().graph
URL = "young-runners/"


def test_the_section_is_top_level_and_linked_from_the_home_page_and_the_nav(site_dir):
    home = page(site_dir, "")
    assert any(a["href"].rstrip("/").endswith("young-runners") for a in home.select("article a[href]"))
    nav = [a["href"] for a in home.select("nav.md-nav--primary a[href]")]
    assert any(href.rstrip("/").endswith("young-runners") for href in nav), "not in the nav"


def test_its_warning_signs_come_from_the_registry_at_their_tiers(site_dir):
    shown = {e["data-sign"]: e["data-tier"] for e in page(site_dir, URL).select("article .rh-warnings [data-sign]")}
    for sid in (
        "young-runner-limp-or-pain",
        "cannot-bear-weight",
        "fever-with-hot-swollen-joint",
        "sudden-pop-at-sit-bone-or-hip",
        "young-runner-back-pain",
    ):
        assert shown.get(sid) == GRAPH.signs[sid].tier, sid


def test_it_links_every_condition_found_mainly_in_growing_runners_and_has_a_coaches_part(site_dir):
    html = page(site_dir, URL)
    growing = {slug for slug, c in GRAPH.conditions.items() if "growing" in c.meta.ages}
    assert growing >= {"slipped-capital-femoral-epiphysis", "pelvic-avulsion-fracture", "apophysitis", "spondylolysis"}
    linked = {a["href"].rstrip("/").split("/")[-1] for a in html.select("article a[href*='conditions/']")}
    assert growing <= linked, growing - linked
    coaches = html.find(id="for-coaches")
    assert coaches is not None and coaches.find_next("ul") is not None, "a list of rules for junior coaches"
