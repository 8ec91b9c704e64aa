"""Two causes that are easy to miss (issue 15): a hamstring tendon torn off the sit bone, and
inflammatory back and buttock pain. The finder ranks each first for a documented input, computed by
the finder's own rule in Node, and the urgent one says so on its first screen."""

from __future__ import annotations

import json

import pytest
from conftest import page, site_content
from test_finder import node_rule

GRAPH = site_content().graph

# (slug, region, ticked symptom ids): the input the lead's notes document for each page
FINDER_INPUTS = [
    ("proximal-hamstring-avulsion", "back", ["started-suddenly", "bruise-back-of-thigh", "hamstring-feels-weak", "pain-when-sitting"]),
    ("axial-spondyloarthritis", "lower-back", ["stiff-back-in-morning", "eases-with-movement-not-rest", "wakes-in-second-half-of-night"]),
]


@pytest.mark.parametrize(("slug", "region", "ticked"), FINDER_INPUTS, ids=[case[0] for case in FINDER_INPUTS])
def test_the_finder_ranks_the_condition_first_for_its_documented_input(site_dir, slug, region, ticked):
    api = json.loads((site_dir / "api" / "conditions.json").read_text(encoding="utf-8"))
    call = "rule.rank(args.api, args.region, new Set(args.ticked)).map(row => row.c.id)"
    order = node_rule(site_dir / "assets" / "finder.js", call, {"api": api, "region": region, "ticked": ticked})
    assert order[0] == slug, order[:3]


def test_the_avulsion_page_says_it_is_urgent_and_why_time_matters_on_its_first_screen(site_dir):
    assert GRAPH.conditions["proximal-hamstring-avulsion"].meta.urgency == "urgent"
    html = page(site_dir, "conditions/proximal-hamstring-avulsion/")
    first = html.find(id="in-short").find_next("p")
    why = first.find_next("p")
    assert "Stop running" in first.get_text() and "card" in first.get_text()
    assert "Why time matters" in why.get_text() and "4 to 6 weeks" in why.get_text()
    assert why.select("sup.rh-cite a"), "the reason is cited"
