"""The return-to-running ladders: by risk, with who they are for, cited timelines, safe checks."""

from __future__ import annotations

import re

import pytest
from conftest import DOCS, site_content

from crosslinks.model import LADDERS

SITE = site_content()
LADDERS_BY_ID = SITE.graph.ladders
CONDITIONS = SITE.graph.conditions
HIGH_RISK_SITES = ("femoral neck", "pubic ramus", "sacrum")  # clinical-facts.md section 11
RETURN = "self-care/return-to-running.md"


def rendered(src_uri: str) -> str:
    return SITE.page(src_uri, SITE.graph.pages[src_uri].body).markdown


def test_every_ladder_id_but_nerve_has_a_ladder():
    assert set(LADDERS_BY_ID) == set(LADDERS) - {"nerve"}


def test_bone_is_split_into_high_and_low_risk_sites():
    high, low = LADDERS_BY_ID["bone-high-risk"], LADDERS_BY_ID["bone-low-risk"]
    assert (high.site_class, low.site_class) == ("high-risk", "low-risk")
    for site in HIGH_RISK_SITES:
        assert site in high.who_for, f"the high-risk ladder must name the {site}"
        assert site in low.not_for or site in low.not_for.replace("The ", "the "), f"the low-risk ladder must exclude the {site}"


def test_high_risk_bone_runs_on_alternate_days_led_by_a_clinician_and_more_slowly():
    high, low = LADDERS_BY_ID["bone-high-risk"], LADDERS_BY_ID["bone-low-risk"]
    assert high.alternate_days and high.clinician_led
    assert all("clinician" in step.move_on.lower() for step in high.steps[:2])
    assert len(high.steps) >= len(low.steps)
    # the old 22-day plan (jogging 20 to 30 minutes by day 10) is for low-risk sites only
    assert not any("day" in step.step.lower() for step in high.steps)


@pytest.mark.parametrize("ladder_id", sorted(LADDERS_BY_ID))
def test_each_ladder_says_who_it_is_for_and_not_for_with_a_cited_timeline(ladder_id):
    ladder = LADDERS_BY_ID[ladder_id]
    assert ladder.who_for and ladder.not_for
    assert ladder.timeline.sources
    assert re.search(r"\d", ladder.timeline.text) or "No study" in ladder.timeline.text
    for key in [*ladder.timeline.sources, *ladder.plan.sources, *(k for r in ladder.readiness for k in r.sources)]:
        assert key in SITE.graph.references


@pytest.mark.parametrize("ladder_id", ["bone-high-risk"])
def test_high_risk_checks_can_be_done_at_that_site(ladder_id):
    """The femoral neck can't be felt from outside: no 'press the bone', no hopping test."""
    checks = " ".join(r.text.lower() for r in LADDERS_BY_ID[ladder_id].readiness)
    assert "press" not in checks and "tender" not in checks and "hop" not in checks
    assert "walking" in checks and "everyday life" in checks


def test_no_page_tells_a_runner_to_press_the_femoral_neck():
    text = (DOCS / "conditions" / "hip-stress-fracture.md").read_text()
    assert "sore to press" not in text and "sore when pressed" not in text


@pytest.mark.parametrize("slug", sorted(CONDITIONS))
def test_every_condition_page_links_the_ladder_that_fits(slug):
    condition = CONDITIONS[slug]
    out = rendered(condition.page.src_uri)
    ladder = condition.meta.ladder
    if ladder == "nerve":
        assert "is-it-soreness-or-injury.md#nerves" in out
    else:
        assert f"return-to-running.md#{ladder})" in out


def test_stress_fracture_pages_use_the_high_risk_ladder():
    assert CONDITIONS["hip-stress-fracture"].meta.ladder == "bone-high-risk"
    assert CONDITIONS["osteitis-pubis"].meta.ladder == "bone-high-risk"


def test_the_return_page_shows_every_ladder_under_its_anchor():
    out = rendered(RETURN)
    for ladder_id in LADDERS_BY_ID:
        assert f"{{#{ladder_id}}}" in out, f"no heading with the anchor #{ladder_id}"
        assert f'data-ladder="{ladder_id}"' in out
    assert 'data-site-class="high-risk"' in out
    assert "never two days in a row" in out
