"""The condition pages: every fixed slug and anchor, the card, the red flags, findable names."""

from __future__ import annotations

import json
import re

import pytest
from conftest import page, site_content

from crosslinks.model import CONDITION_ANCHORS

SLUGS = [
    "hip-flexor-strain",
    "hip-flexor-tendinopathy",
    "it-band-syndrome",
    "gluteal-tendinopathy",
    "trochanteric-bursitis",
    "iliopsoas-bursitis",
    "ischial-bursitis",
    "high-hamstring-tendinopathy",
    "hip-labral-tear",
    "hip-impingement",
    "hip-osteoarthritis",
    "hip-stress-fracture",
    "gluteal-muscle-strain",
    "adductor-strain",
    "osteitis-pubis",
    "deep-gluteal-syndrome",
    "snapping-hip",
    "hip-dysplasia",
    "referred-back-pain",
    "inguinal-related-groin-pain",
    "femoral-shaft-stress-fracture",
    "avascular-necrosis",
    "meralgia-paraesthetica",
    "spondylolysis",
    "slipped-capital-femoral-epiphysis",
    "pelvic-avulsion-fracture",
    "apophysitis",
    "proximal-hamstring-avulsion",
    "axial-spondyloarthritis",
]
ANCHORS = list(CONDITION_ANCHORS)  # the fixed section ids, from the content model
# Look-alikes the issue names: each pair must show in one page's "Often confused with"
LOOK_ALIKES = [
    ("gluteal-tendinopathy", "trochanteric-bursitis"),
    ("hip-labral-tear", "hip-impingement"),
    ("hip-labral-tear", "snapping-hip"),
    ("hip-impingement", "snapping-hip"),
    ("hip-stress-fracture", "hip-flexor-strain"),
    ("adductor-strain", "osteitis-pubis"),
]


GRAPH = site_content().graph


def test_every_condition_page_exists_and_nothing_else():
    assert sorted(GRAPH.conditions) == sorted(SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_sections_come_in_order_with_their_fixed_anchors(site_dir, slug):
    soup = page(site_dir, f"conditions/{slug}/")
    ids = [h.get("id") for h in soup.select("article h2")]
    assert [a for a in ids if a in ANCHORS] == ANCHORS, ids


@pytest.mark.parametrize("slug", SLUGS)
def test_in_short_then_the_card_then_the_warning_box_come_first(site_dir, slug):
    """Issue 16: what the page is, what to do today, and when not to wait, before the prose."""
    article = page(site_dir, f"conditions/{slug}/").select_one("article")
    card = article.select_one("section.rh-today")
    assert card is not None
    headings = article.find_all("h2")
    assert headings[0]["id"] == "in-short" and card.find_previous("h2") == headings[0] and card.find_next("h2") == headings[1]
    tiers = card.select("div.rh-tier")
    urgent = GRAPH.conditions[slug].meta.urgency == "urgent"
    expected = ["rh-tier--stop"] if urgent else ["rh-tier--run", "rh-tier--ease", "rh-tier--stop"]
    assert [t["class"][1] for t in tiers] == expected
    assert all(t.select("li") for t in tiers[:-1])
    box = card.find_next_sibling()
    assert box.name == "div" and {"danger", "rh-warnings"} <= set(box["class"]), (
        f"{slug}: the card is followed by {box.name} {box.get('class')}"
    )
    assert box.select("[data-tier-group]") and box.select("[data-sign]"), (
        f"{slug}: the box has no signs"
    )  # tests/test_triage.py checks which
    assert box.find("a", href=lambda h: h and "when-to-see-a-doctor" in h), f"{slug}: no link to every warning sign"


@pytest.mark.parametrize("slug", SLUGS)
def test_when_to_see_a_doctor_starts_by_pointing_to_the_warning_box(site_dir, slug):
    heading = page(site_dir, f"conditions/{slug}/").find(id="when-to-see-a-doctor")
    first = heading.find_next_sibling()
    assert first.name == "p" and first.find("a", href="#warning-signs"), f"{slug}: first thing after the heading is {first}"


@pytest.mark.parametrize("slug", SLUGS)
def test_recovery_states_weeks_with_a_citation(site_dir, slug):
    heading = page(site_dir, f"conditions/{slug}/").find(id="recovery")
    section = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        section.append(sibling)
    text = " ".join(s.get_text(" ") for s in section)
    if GRAPH.conditions[slug].meta.recovery.unknown:  # says so, rather than borrow a number
        assert re.search(r"no (usual|reliable) recovery time", text), slug
    else:
        assert "week" in text
    assert any(s.select("sup.rh-cite") for s in section)


def test_the_vocabulary_covers_all_conditions():
    assert 40 <= len(GRAPH.symptoms) <= 100  # enough to tell causes apart, few enough to scan


@pytest.mark.parametrize(("one", "other"), LOOK_ALIKES)
def test_look_alikes_show_in_often_confused_with(site_dir, one, other):
    def confused(slug: str) -> str:
        heading = page(site_dir, f"conditions/{slug}/").find(id="often-confused-with")
        return str(heading.find_next_sibling("ul") or "")

    assert f"../{other}/" in confused(one) or f"../{one}/" in confused(other)


def test_aka_names_and_runners_words_are_in_the_search_index(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text())["docs"]
    text_of = {}
    for doc in index:
        location = doc["location"].split("#")[0]
        text_of[location] = text_of.get(location, "") + " " + doc["title"] + " " + doc["text"]
    for slug in SLUGS:
        text = text_of[f"conditions/{slug}/"].lower()
        for name in GRAPH.conditions[slug].meta.aka:
            assert name.lower() in text, (slug, name)
    everything = " ".join(text_of.values()).lower()
    for phrase in ("sit bone", "outer hip", "groin", "clicking"):
        assert phrase in everything, phrase


def test_the_conditions_index_lists_every_condition(site_dir):
    rows = page(site_dir, "conditions/").select("article table tbody tr")
    linked = {a["href"].strip("/").split("/")[-1] for row in rows for a in row.select("td:first-child a")}
    assert linked == set(SLUGS)
    assert all(len(row.select("td")) == 5 for row in rows)


def test_shared_passages_are_written_once_and_shown_on_every_page_that_uses_them(site_dir):
    """The outer-hip pages (gluteal tendinopathy, trochanteric bursitis) share their advice: each
    passage lives in docs/_data/text/ only, and both built pages show it."""
    from crosslinks.markers import shared_markers
    from crosslinks.quality import prose

    content = site_content().graph
    users: dict[str, list[str]] = {}
    for p in content.pages.values():
        for name, _ in shared_markers(p.body):
            users.setdefault(name, []).append(p.src_uri)
    assert {"gluteal-tendinopathy", "trochanteric-bursitis"} <= {
        uri.split("/")[-1].removesuffix(".md") for uris in users.values() for uri in uris
    }
    for name, text in content.shared.items():
        first = " ".join(prose(text).split(".")[0].split()[-6:])  # the end of the first sentence, as read
        assert first, name
        for uri in users[name]:
            html = " ".join(page(site_dir, uri.removesuffix(".md") + "/").get_text(" ").split())
            assert first in html, f"{uri} does not show the shared text {name}"
            assert first not in " ".join(prose(content.pages[uri].body).split()), f"{uri} repeats {name} instead of naming it"


# The causes that are dangerous to miss (issue 15): the page is urgent (its card at the top says
# running stops: tests/test_triage.py), and "In short" says why time matters, with a source.
HIGH_URGENCY = [
    "slipped-capital-femoral-epiphysis",
    "pelvic-avulsion-fracture",
    "proximal-hamstring-avulsion",
    "avascular-necrosis",
    "femoral-shaft-stress-fracture",
]
TIME_MATTERS = re.compile(r"time matters|early|quickly|\bfast\b|sooner|break right through", re.I)


@pytest.mark.parametrize("slug", HIGH_URGENCY)
def test_a_dangerous_cause_says_from_the_first_screen_that_time_matters_and_why(site_dir, slug):
    assert site_content().graph.conditions[slug].meta.urgency == "urgent"
    html = page(site_dir, f"conditions/{slug}/")
    first_screen = []
    for sibling in html.find(id="in-short").find_next_siblings():
        if sibling.name == "h2":
            break
        first_screen.append(sibling)
    text = " ".join(p.get_text(" ") for p in first_screen)
    assert TIME_MATTERS.search(text), f"{slug}: 'In short' does not say why time matters"
    assert any(p.select("sup.rh-cite a, a[href^='#ref-']") for p in first_screen), f"{slug}: the reason is not cited"


def test_a_condition_with_no_usual_recovery_time_says_so_everywhere_and_shows_no_borrowed_number(site_dir):
    from crosslinks.wording import UNKNOWN_RECOVERY

    graph = site_content().graph
    unknown = [c for c in graph.conditions.values() if c.meta.recovery.unknown]
    assert {c.slug for c in unknown} >= {"slipped-capital-femoral-epiphysis", "avascular-necrosis"}
    api = json.loads((site_dir / "api" / "conditions.json").read_text())
    by_id = {c["id"]: c for c in api["conditions"]}
    index = " ".join(page(site_dir, "conditions/").get_text(" ").split())
    for c in unknown:
        facts = page(site_dir, f"conditions/{c.slug}/").select_one(".rh-key-facts, .rh-facts") or page(site_dir, f"conditions/{c.slug}/")
        assert UNKNOWN_RECOVERY in " ".join(facts.get_text(" ").split()), c.slug
        assert by_id[c.slug]["recovery_weeks"] == {"min": None, "max": None, "long_term": False, "unknown": True}
        assert by_id[c.slug]["recovery_text"] == UNKNOWN_RECOVERY
        assert c.title in index  # named under the chart, and in the table in words


@pytest.mark.parametrize("slug", SLUGS)
def test_a_contents_list_after_in_short_reaches_every_fixed_section_in_one_tap(site_dir, slug):
    """Issue 16: on a phone Material hides its own contents list, so the page carries one."""
    html = page(site_dir, f"conditions/{slug}/")
    nav = html.select_one("article nav.rh-contents")
    assert nav is not None and nav.get("aria-label") == "On this page"
    assert nav.find_previous("h2")["id"] == "in-short", "it comes right after 'In short'"
    targets = [a["href"] for a in nav.select("a")]
    assert targets == [f"#{anchor}" for anchor in CONDITION_ANCHORS if anchor != "in-short"]
    for anchor in targets:
        assert html.find(id=anchor[1:]) is not None, anchor
