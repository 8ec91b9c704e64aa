"""One triage model: every warning sign says the same thing, at the same urgency, everywhere.

The registry (docs/_data/warning-signs.yml) is the only place a sign and its tier are written.
These tests read the built pages: every element the build marks with `data-sign` must carry the
registry's wording and tier, and sit under that tier's action text, word for word. Hand-written
Markdown may explain a sign but never sets an urgency of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, site_content
from quality_gates import open_page

GRAPH = site_content().graph
TIERS = GRAPH.tiers  # the registry's tiers, in its order
SIGNS = GRAPH.signs

# Words that set how fast to act. They belong to the registry's generated blocks only.
URGENCY_WORDS = re.compile(
    r"emergency department|emergency number|\bA&E\b|\b999\b|\b111\b|\btoday\b|\burgent(ly)?\b|"
    r"within a day or two|straight away|right away|\bimmediately\b|as soon as possible",
    re.IGNORECASE,
)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def flat(text: str) -> str:
    return " ".join(text.split())


def tier_text(tier_id: str) -> str:
    tier = TIERS[tier_id]
    return flat(f"{tier.name}: {tier.heading}. {tier.action}")


def hand_written_files() -> list[Path]:
    """Every file an editor writes by hand that ends up on a page (the registry excepted)."""
    pages = [p for p in DOCS.rglob("*.md") if "_data" not in p.parts]
    data = [DOCS / "_data" / "symptoms.yml", DOCS / "_data" / "glossary.yml", DOCS / "_data" / "regions.yml"]
    return sorted(pages) + data + [ROOT / "includes" / "abbreviations.md"]


FRONT_MATTER_KEY = re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*:(?:\s|$)")


def prose_lines(text: str) -> list[str]:
    """The lines a reader sees: front matter values without their keys (and without the
    `urgency` field, a fixed value the build turns into its label), then the body."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return lines
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), 0)
    front = ["" if re.match(r"\s*urgency:", line) else FRONT_MATTER_KEY.sub("", line) for line in lines[1:end]]
    return [lines[0], *front, *lines[end:]]


def urgency_words_in(path: Path) -> list[str]:
    """'file:line: word' for every urgency word outside HTML comments (the build's markers)."""
    text = HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"))
    found = []
    for number, line in enumerate(prose_lines(text) if path.suffix == ".md" else text.splitlines(), start=1):
        for match in URGENCY_WORDS.finditer(line):
            found.append(f"{path.relative_to(ROOT)}:{number}: '{match.group(0)}' in: {line.strip()[:120]}")
    return found


def test_hand_written_pages_set_no_urgency_of_their_own():
    found = [hit for path in hand_written_files() for hit in urgency_words_in(path)]
    assert not found, "Urgency words belong to the warning-sign registry's generated blocks only:\n" + "\n".join(found)


def test_the_urgency_check_catches_a_hand_written_urgency():
    text = "---\ntitle: Hip pain\ndescription: Get checked urgently.\nurgency: urgent\ntoday:\n  ease_off:\n    - See a GP today\n---\n\nIf it hurts, go to A&E.\n<!-- crosslinks:warning-signs -->\nRest.\n"
    hits = [n for n, line in enumerate(prose_lines(HTML_COMMENT.sub("", text)), start=1) if URGENCY_WORDS.search(line)]
    assert hits == [3, 7, 10]  # the description, the card item and the body; not the keys or the urgency field


def sign_elements(html_files: list[Path]):
    from conftest import soup_of

    for path in html_files:
        if "data-sign=" not in path.read_text(encoding="utf-8"):
            continue  # no sign on the page: no need to parse it
        soup = soup_of(path)
        article = soup.select_one("article") or soup
        for element in article.select("[data-sign]"):
            yield path, element


def test_every_sign_on_every_page_has_the_registry_wording_and_its_tier_action(site_dir, html_files):
    seen: dict[str, int] = {}
    problems = []
    for path, element in sign_elements(html_files):
        sid = element["data-sign"]
        where = f"{path.relative_to(site_dir)}: {sid}"
        if sid not in SIGNS:
            problems.append(f"{where}: not in the registry")
            continue
        seen[sid] = seen.get(sid, 0) + 1
        sign = SIGNS[sid]
        if flat(element.get_text()) != flat(sign.label):
            problems.append(f"{where}: wording {flat(element.get_text())!r} is not the registry's {sign.label!r}")
        if element.get("data-tier") != sign.tier:
            problems.append(f"{where}: tier {element.get('data-tier')} is not the registry's {sign.tier}")
        group = element.find_parent(attrs={"data-tier-group": True})
        if group is None or group["data-tier-group"] != sign.tier:
            problems.append(f"{where}: not inside its tier's group")
            continue
        action = group.find(attrs={"data-tier-action": True})
        if action is None or flat(action.get_text()) != tier_text(sign.tier):
            problems.append(f"{where}: the tier's action text is missing or differs")
        if sign.never_test and flat(sign.never_test) not in flat(element.parent.get_text()):
            problems.append(f"{where}: the caution {sign.never_test!r} is not beside it")
    assert not problems, "\n".join(problems)
    assert set(seen) == set(SIGNS), f"signs never shown on any page: {sorted(set(SIGNS) - set(seen))}"


def test_the_emergency_tier_is_never_called_today():
    assert "today" not in tier_text("emergency").lower()
    assert "emergency" in tier_text("emergency").lower()
    for number in ("999", "112", "911", "000"):
        assert number in TIERS["emergency"].action


CONDITIONS = sorted(GRAPH.conditions)


@pytest.mark.parametrize("slug", CONDITIONS)
def test_each_condition_page_shows_the_universal_signs_and_its_own_in_its_box(site_dir, slug):
    from conftest import page

    html = page(site_dir, f"conditions/{slug}/")
    wanted = {sign.id for sign in GRAPH.universal_signs()} | set(GRAPH.conditions[slug].meta.warning_signs)
    card = html.select_one("article > .rh-today")
    box = card.find_next_sibling()
    assert box is not None and "rh-warnings" in box["class"] and box["id"] == "warning-signs", "the warning box does not follow the card"
    assert {e["data-sign"] for e in box.select("[data-sign]")} == wanted
    assert not card.select("[data-sign]"), "the card repeats the box's signs"
    assert card.select_one(".rh-tier--stop a[href='#warning-signs']"), "the card's stop tier does not point to the box"
    section = html.find(id="when-to-see-a-doctor").find_next_sibling()
    assert section.select_one("a[href='#warning-signs']"), "'When to see a doctor' does not point to the box"
    tiers = [g["data-tier-group"] for g in box.select("[data-tier-group]")]
    assert tiers == sorted(tiers, key=list(TIERS).index), "tiers are not most urgent first"


def test_an_urgent_condition_card_says_running_stops_with_no_keep_running_column(site_dir):
    from conftest import page

    urgent = [slug for slug in CONDITIONS if GRAPH.conditions[slug].meta.urgency == "urgent"]
    assert urgent, "no urgent condition to check"
    for slug in urgent:
        card = page(site_dir, f"conditions/{slug}/").select_one(".rh-today")
        assert card.select_one(".rh-tier--run") is None and card.select_one(".rh-tier--ease") is None, slug
        text = flat(card.get_text())
        assert "Stop running now." in text and "Running stops until a clinician has checked you" in text, slug
        assert " not " not in flat(card.select_one(".rh-tier--stop").find("p").get_text()).lower()


def test_no_card_column_holds_an_instruction_to_test_the_leg():
    for slug in CONDITIONS:
        today = GRAPH.conditions[slug].meta.today
        for tier in ("keep_running", "ease_off"):
            for item in getattr(today, tier):
                assert not re.match(r"(never|don't|do not|not with)\b", item.strip(), re.IGNORECASE), f"{slug}: {tier}: {item}"


def test_the_all_signs_page_lists_every_sign_by_tier_most_urgent_first(site_dir):
    from conftest import page

    html = page(site_dir, "self-care/when-to-see-a-doctor/")
    groups = html.select("article [data-tier-group]")
    order = [g["data-tier-group"] for g in groups]
    present = [t for t in TIERS if any(s.tier == t for s in SIGNS.values())]
    assert order == present
    listed = [e["data-sign"] for g in groups for e in g.select("[data-sign]")]
    assert sorted(listed) == sorted(SIGNS)
    for group in groups:  # each group sits under its own heading, with its fixed id
        heading = group.find_previous("h2")
        assert heading is not None and heading.get("id") == group["data-tier-group"]


def test_the_api_carries_the_registry(site_dir):
    import json

    api = json.loads((site_dir / "api" / "conditions.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in api["tiers"]] == list(TIERS)
    assert {t["id"]: t["action"] for t in api["tiers"]} == {k: flat(v.action) for k, v in TIERS.items()}
    assert {s["id"]: (s["label"], s["tier"]) for s in api["warning_signs"]} == {k: (v.label, v.tier) for k, v in SIGNS.items()}
    universal = {s for s, sign in SIGNS.items() if sign.universal}
    for condition in api["conditions"]:
        assert universal <= set(condition["warning_signs"]), condition["id"]
        assert not set(s["id"] for s in condition["symptoms"]) & set(SIGNS), condition["id"]


def test_no_page_writes_its_own_warning_box():
    """Every danger box is generated from the registry: a hand-written one would drift."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in hand_written_files()
        if path.suffix == ".md"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.match(r"\s*(!!!|\?\?\?)\+? *danger\b", line)
    ]
    assert not found, "write <!-- crosslinks:warning-signs --> instead of a hand-written danger box:\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_warning_boxes_are_at_least_as_large_as_body_text_on_a_phone(new_tab, served_site, scheme):
    """Material sets admonitions at 0.64rem: the warning box must not be the smallest text."""
    page = new_tab(viewport={"width": 390, "height": 844})
    open_page(page, f"{served_site}conditions/hip-stress-fracture/")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#in-short + p')).fontSize)")
    sizes = page.evaluate(
        "[...document.querySelectorAll('.rh-warnings li, .rh-warnings__action, .rh-today .rh-tier--stop p')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes and min(sizes) >= body, f"warning text {min(sizes)} px against body text {body} px"


def test_look_alike_twins_warn_of_the_same_signs():
    """Gluteal tendinopathy and trochanteric bursitis are near-twins: their boxes once differed."""

    def signs(slug: str) -> set[str]:
        return set(GRAPH.conditions[slug].meta.warning_signs)

    assert signs("gluteal-tendinopathy") == signs("trochanteric-bursitis")


def test_warning_boxes_stay_out_of_the_search_index_but_the_signs_own_pages_do_not(site_dir):
    """The same signs on dozens of pages crowded out the pages a search is for."""
    import json

    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    box_title = "Warning signs: when not to wait"
    assert not [d["location"] for d in docs if box_title in d["text"] or box_title in d["title"]]
    indexed = {d["location"] for d in docs}
    assert all(f"symptoms/{sid}/" in indexed for sid in SIGNS)
    assert "self-care/when-to-see-a-doctor/" in indexed
