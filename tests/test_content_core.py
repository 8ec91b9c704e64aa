"""The cross-link core on a small fixture site: loading, the graph, rendering, the JSON API."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from crosslinks import load_site
from crosslinks.api import schema_json
from crosslinks.citations import cited_keys, group_per_sentence, link_citations, numbering
from crosslinks.paths import link

FIXTURE = Path(__file__).parent / "fixtures" / "good"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE, TODAY)


def test_conditions_with_a_symptom_list_typical_ones_first(site):
    pairs = site.graph.conditions_with_symptom("pain-after-run")
    assert [(c.slug, f) for c, f in pairs] == [("outer-hip-thing", "typical"), ("bone-thing", "possible")]


def test_look_alikes_include_named_differentials_in_both_directions(site):
    (alike,) = site.graph.often_confused_with("bone-thing")
    assert alike.condition.slug == "outer-hip-thing"
    assert alike.named
    # a mileage jump is shared too, but training changes tell nothing apart
    assert [s.id for s in alike.shared] == ["ache-outer-hip", "pain-after-run"]


def test_region_pages_name_the_symptoms_that_point_to_each_condition(site):
    telling = {c.slug: [s.id for s in symptoms] for c, symptoms in site.graph.telling_symptoms("side")}
    # shared by both conditions (ache-outer-hip) or a training change (mileage-jump): never listed
    assert telling == {"bone-thing": ["deep-groin-ache"], "outer-hip-thing": ["pain-lying-on-side"]}
    (only,) = site.graph.telling_symptoms("front")  # one condition: its own symptoms, typical first
    assert [s.id for s in only[1]] == ["deep-groin-ache", "ache-outer-hip", "pain-after-run"]


def test_exercises_are_listed_on_the_conditions_they_help(site):
    assert [p.slug for p in site.graph.exercises_for("outer-hip-thing")] == ["side-lying-lift"]
    assert site.graph.exercises_for("bone-thing") == []


def test_generated_files_cover_every_symptom_and_region(site):
    files = site.files()
    for sid in site.graph.symptoms:
        assert f"symptoms/{sid}.md" in files
    for rid in ("front", "side", "back", "inner-thigh", "lower-back"):
        assert f"where-it-hurts/{rid}.md" in files
    assert {"symptoms/index.md", "where-it-hurts/index.md", "conditions/index.md", "exercises/index.md", "api/conditions.json"} <= set(
        files
    )


def test_condition_page_gets_its_blocks_citations_and_sources(site):
    page = site.graph.pages["conditions/outer-hip-thing.md"]
    out = site.page(page.src_uri, page.body).markdown
    assert "<!-- crosslinks:" not in out
    assert "[@" not in out
    assert "This page informs; it does not diagnose" in out
    assert "It has not yet been reviewed by a clinician" in out
    assert "(../symptoms/pain-lying-on-side.md)" in out
    assert "### Often confused with {#often-confused-with data-search-exclude}" in out
    assert "[Side-lying lift](../exercises/side-lying-lift.md)" in out
    assert '<li id="source-alpha2020" value="1">' in out
    assert '<a href="https://doi.org/10.1000/alpha.2020">' in out
    assert '<a href="https://pubmed.ncbi.nlm.nih.gov/12345/">' in out
    # both left out of the search index by Material (data-search-exclude), in the staged folder too
    assert out.index('## Sources {#sources data-search-exclude=""}') < out.index(
        '## About this page {#about-this-page data-search-exclude=""}'
    )


def test_in_short_comes_first_then_the_card_then_the_box_with_the_registry_signs(site):
    page = site.graph.pages["conditions/outer-hip-thing.md"]
    out = site.page(page.src_uri, page.body).markdown
    assert out.lstrip().startswith("## In short")
    card = out[out.index('<section class="rh-today"') : out.index("</section>")]
    assert (
        out.index("## In short") < out.index('<section class="rh-today"') < out.index('id="warning-signs"') < out.index("## Where it hurts")
    )
    assert card.index("Keep running, with changes") < card.index("Ease off") < card.index("Stop running and get help if")
    assert "(#warning-signs)" in card[card.index("Stop running and get help if") :]
    stop = out[out.index('id="warning-signs"') : out.index("## Where it hurts")]
    # the universal sign, from the registry, under its tier's action; never a sign the page does not have
    assert (
        '[I can\'t put my full weight on the leg](../symptoms/cannot-bear-weight.md){: data-sign="cannot-bear-weight" data-tier="emergency" }'
        in stop
    )
    assert 'data-tier-action="emergency"><strong>Emergency: call for help now.</strong> Call your emergency number now.' in stop
    assert "groin-pain-worse-each-run" not in stop
    assert '<a href="#source-alpha2020"' in card  # card citations are linked and numbered first
    assert ">1</a>" in card


def test_an_urgent_condition_card_has_only_the_stop_tier(site):
    page = site.graph.pages["conditions/bone-thing.md"]
    out = site.page(page.src_uri, page.body).markdown
    card = out[out.index('<section class="rh-today"') : out.index("</section>")]
    assert "Keep running" not in card and "Ease off" not in card
    assert "**Stop running now.** Running stops until a clinician has checked you for bone thing" in card
    assert "(#warning-signs)" in card and "data-sign=" not in card
    box = out[
        out.index('<div class="admonition danger rh-warnings" id="warning-signs" data-search-exclude="" markdown>') : out.index("## Where")
    ]
    assert box.index('data-sign="cannot-bear-weight"') < box.index('data-sign="groin-pain-worse-each-run"')  # most serious first
    assert "*Never hop to test it.*" in box
    assert "[@Health-Service]" not in box and '<a href="#source-health-service"' in box  # the box cites each sign's sources
    section = out[out.index("## When to see a doctor") :]
    assert "[warning signs near the top of this page](#warning-signs)" in section and "rh-warnings" not in section


def test_pages_without_front_matter_pass_through(site):
    assert site.page("not/a/page.md", "Hello [@Alpha2020]").markdown == "Hello [@Alpha2020]"


def test_citations_are_numbered_by_first_use_then_listed_order():
    text = "One [@B]. Two [@A; @B]. Three [@C]."
    assert cited_keys(text) == ["B", "A", "C"]
    numbers = numbering(text, ["A", "B", "C", "D"])
    assert numbers == {"B": 1, "A": 2, "C": 3, "D": 4}
    linked = link_citations("Two [@A; @B].", numbers)
    assert linked.index(">1</a>") < linked.index(">2</a>")  # numbers ascend inside a group


def test_relative_links_between_docs_files():
    assert link("conditions/x.md", "symptoms/y.md") == "../symptoms/y.md"
    assert link("conditions/x.md", "conditions/z.md") == "z.md"
    assert link("index.md", "symptoms/index.md") == "symptoms/index.md"


def test_the_json_export_matches_its_schema_and_the_front_matter(site):
    data = json.loads(site.files()["api/conditions.json"])
    jsonschema.validate(data, json.loads(schema_json()))
    by_id = {c["id"]: c for c in data["conditions"]}
    assert set(by_id) == {"outer-hip-thing", "bone-thing"}
    bone = by_id["bone-thing"]
    assert bone["url"] == "conditions/bone-thing/"
    assert bone["urgency"] == "urgent"
    assert bone["recovery_weeks"] == {"min": 12, "max": 20, "long_term": False, "unknown": False}
    assert {"id": "deep-groin-ache", "label": "A deep ache in my groin", "frequency": "typical"} in bone["symptoms"]
    assert bone["warning_signs"] == ["cannot-bear-weight", "groin-pain-worse-each-run"]
    assert [t["id"] for t in data["tiers"]] == ["emergency", "urgent", "soon"]
    assert data["warning_signs"][1] == {
        "id": "groin-pain-worse-each-run",
        "label": "My groin pain gets worse with every run",
        "tier": "urgent",
        "why": "It can mean a stress fracture.",
        "never_test": "Never hop to test it.",
        "universal": False,
        "url": "symptoms/groin-pain-worse-each-run/",
    }


def test_the_glossary_lists_terms_a_to_z_linked_to_their_pages(site):
    text = site.files()["glossary/index.md"]
    assert text.index("## B {#letter-b}") < text.index("**Bone stress injury**") < text.index("## T {#letter-t}")
    assert "[More](../conditions/outer-hip-thing.md#symptoms)" in text


def test_page_facts_and_citations_for_templates(site):
    facts = site.page("conditions/bone-thing.md", "", "https://example.org/rh/").meta["rh"]
    assert facts["url"] == "https://example.org/rh/conditions/bone-thing/"
    assert facts["reviewed"] == "2026-01-10" and facts["next_review"] == "2027-01-10"
    data = json.loads(facts["jsonld"])
    assert data["about"]["name"] == "Bone thing" and data["citation"][0]["url"] == "https://example.org/hip"
    assert site.page("index.md", "", "https://example.org/rh/").meta["rh"].get("jsonld") is None
    out = site.page("conditions/bone-thing.md", site.graph.pages["conditions/bone-thing.md"].body, "https://example.org/rh/").markdown
    assert '??? quote "Cite this page"' in out and "https://example.org/rh/conditions/bone-thing/" in out
    assert site.files("https://example.org/rh/")["robots.txt"].endswith("Sitemap: https://example.org/rh/sitemap.xml\n")


def test_the_benchmark_generates_a_valid_synthetic_site(tmp_path):
    """The benchmark's synthetic site must keep up with the content model, or the bench breaks."""
    import bench

    docs = bench.write_synthetic_site(tmp_path, pages=20, symptoms=10)
    site = load_site(docs, TODAY)
    assert len(site.graph.conditions) == 20


def test_reading_grades_are_cached_by_page_text(site, monkeypatch):
    from crosslinks import metadata

    grades: dict[str, int] = {}
    first = metadata.page_facts(site.graph, site.graph.pages["conditions/bone-thing.md"], "https://example.org/", grades)
    assert len(grades) == 1
    monkeypatch.setattr(metadata, "reading_grade", lambda body: pytest.fail("an unchanged page was scored again"))
    again = metadata.page_facts(site.graph, site.graph.pages["conditions/bone-thing.md"], "https://example.org/", grades)
    assert again["reading_grade"] == first["reading_grade"]


def test_a_citation_on_a_line_of_its_own_joins_its_sentence_without_a_space():
    numbers = {"A": 1}
    assert link_citations("pain in runners\n[@A].", numbers).startswith('pain in runners<sup class="rh-cite"')
    assert link_citations("pain in runners [@A].", numbers).startswith('pain in runners<sup class="rh-cite"')
    assert link_citations("One.\n\n[@A] starts a paragraph.", numbers).startswith('One.\n\n<sup class="rh-cite"')  # never joins paragraphs


def test_the_markers_of_one_sentence_become_one_group_at_its_end():
    assert group_per_sentence("Common in heavier children [@A], but slim ones too [@B]. Next [@C].") == (
        "Common in heavier children, but slim ones too [@A; @B]. Next [@C]."
    )
    assert group_per_sentence("Lasts weeks [@A]\n[@B; @A].") == "Lasts weeks [@A; @B]."  # no repeats, no stray line break
    # never across a list item, a table cell, an HTML block or a blank line
    kept = "Try these [@A]:\n- one [@B]\n| a [@A] | b [@B] |\n<li>x [@A]</li><li>y [@B]</li>\n\nNew [@C]."
    assert group_per_sentence(kept) == kept


def test_each_page_gets_one_print_button_where_a_reader_looks_for_it():
    """pagetools.add_tools (the copy and print buttons written by the build, issue 17)."""
    from crosslinks.pagetools import add_tools

    guide = "# Guide\n\n## In short {#in-short}\n\nRest a little.\n\n- a list\n\n## Next {#next}\n\nMore.\n"
    row = add_tools(guide, reviewed=True)
    before, after = row.split('<p class="rh-screen-only rh-summary-tools"', 1)
    assert before.endswith("- a list\n\n") and after.count("## Next") == 1, "the row ends 'In short'"
    assert "Copy this summary for a newsletter" in after and after.count("rh-print") == 1
    sheet = add_tools('Fill it in.\n\n<form class="rh-sheet" aria-label="x">\n</form>\n', reviewed=True)
    assert sheet.index("Print this sheet") < sheet.index("<form") and sheet.count("rh-print") == 1
    end = add_tools("# Page\n\nText.\n", reviewed=True)
    assert end.rstrip().endswith("Print this page</button></p>")
    assert add_tools("# Page\n\nText.\n", reviewed=False) == "# Page\n\nText.\n"
    assert all("data-search-exclude" in text for text in (row, sheet, end))
