"""The site's one pain rule: defined once in data, rendered everywhere, never written by hand."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from conftest import DOCS, site_content
from test_writing import SHARED, word_runs

from crosslinks.load import load_content
from crosslinks.painrule import PARTS, hand_written_limits, kind_for
from crosslinks.quality import MAX_READING_GRADE, reading_grade
from crosslinks.validate import check_content

SITE = site_content()
RULE = SITE.graph.pain_rule
CONDITIONS = SITE.graph.conditions
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_data" not in p.parts)
GROIN = {"front", "inner-thigh"}


def rendered(src_uri: str) -> str:
    page = SITE.graph.pages[src_uri]
    return SITE.page(src_uri, page.body).markdown


def test_the_rule_exists():
    assert RULE is not None, "docs/_data/pain-rule.yml is missing"


@pytest.mark.parametrize("path", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_no_page_writes_a_pain_limit_by_hand(path):
    """Front matter and body alike: a limit may only come from docs/_data/pain-rule.yml."""
    found = [f"{path.relative_to(DOCS.parent)}:{line}: {hit}" for line, hit in hand_written_limits(path.read_text())]
    assert not found, "pain limits written by hand (use <!-- crosslinks:pain-rule -->):\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("Pain of 0 to 3 out of 10 is safe.", "0 to 3 out of 10"),
        ("A pain of 4/10 is fine.", "4/10"),
        ("Keep the pain under 3.", "under 3"),
        ("Above 5 is too much pain.", "Above 5"),
        ("4 or 5 out of 10 is acceptable.", "4 or 5 out of 10"),
        ("Pain at 3 of 10 is fine.", "3 of 10"),
    ],
)
def test_the_limit_check_finds_hand_written_limits(text, limit):
    assert hand_written_limits("intro\n" + text) == [(2, limit)]


@pytest.mark.parametrize(
    "text",
    [
        "Run at an easy effort 3 of 10.",  # an effort score, not a pain limit
        "9 of 10 runners got better.",
        "Pain settled in under 2 weeks.",
        "People with a BMI over 29 had more pain.",
        "It took up to 6 weeks.",
    ],
)
def test_the_limit_check_leaves_other_numbers_alone(text):
    assert hand_written_limits(text) == []


def test_every_part_of_the_rule_has_sources_and_plain_words():
    parts = [getattr(RULE, name) for name in PARTS["all"]]
    parts += [getattr(getattr(RULE.card, kind), tier) for kind in ("general", "bone", "nerve") for tier in ("keep_running", "ease_off")]
    for part in parts:
        assert part.sources
    text = "\n\n".join(part.text for part in parts)
    assert reading_grade(text) <= MAX_READING_GRADE


def test_the_rule_is_in_own_words():
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"no shared sources at {SHARED}")
    sources = [*sorted((SHARED / "seeds").glob("*.txt")), SHARED / "reference" / "clinical-facts.md"]
    copied = set().union(*(word_runs(s.read_text()) for s in sources))
    data = (DOCS / "_data" / "pain-rule.yml").read_text() + (DOCS / "_data" / "ladders.yml").read_text()
    text = "\n".join(line for line in data.splitlines() if not line.lstrip().startswith("#"))
    assert not word_runs(text) & copied


def test_the_tendon_allowance_is_only_for_tendon_pages_with_bone_and_nerve_ruled_out():
    assert "ruled out a bone or nerve problem" in RULE.tendon.text
    for slug in RULE.tendon_conditions:
        assert "tendinopathy" in slug, f"{slug}: the allowance is for pages that say the problem is a tendon"
    for slug, condition in CONDITIONS.items():
        kind = kind_for(condition.meta, slug, RULE)
        shows_allowance = "tendon" in PARTS[kind]
        assert shows_allowance == (slug in RULE.tendon_conditions and not condition.meta.ladder.startswith("bone")), slug


@pytest.mark.parametrize("slug", sorted(CONDITIONS))
def test_groin_and_front_of_hip_pages_keep_the_stricter_limit_until_bone_is_ruled_out(slug):
    condition = CONDITIONS[slug]
    kind = kind_for(condition.meta, slug, RULE)
    if GROIN & set(condition.meta.regions) and kind not in ("bone", "nerve"):
        assert "groin" in PARTS[kind]
        if "tendon" in PARTS[kind]:  # the allowance comes after the groin limit, never alone
            assert PARTS[kind].index("groin") < PARTS[kind].index("tendon")


@pytest.mark.parametrize("slug", sorted(CONDITIONS))
def test_every_card_gets_the_rule_from_data(slug):
    condition = CONDITIONS[slug]
    out = rendered(condition.page.src_uri)
    card = out[out.index('<section class="rh-today"') : out.index("</section>")]
    if condition.meta.urgency == "urgent":
        assert RULE.card.general.keep_running.text not in card  # running stops: no limit to run within
        return
    kind = kind_for(condition.meta, slug, RULE)
    lines = getattr(RULE.card, kind) if kind in ("bone", "nerve") else RULE.card.general
    run = card[card.index("rh-tier--run") : card.index("rh-tier--ease")]
    ease = card[card.index("rh-tier--ease") : card.index("rh-tier--stop")]
    assert lines.keep_running.text in run
    assert lines.ease_off.text in ease
    assert "4 or 5 out of 10" not in card


def test_a_groin_tendon_page_shows_the_groin_limit_and_the_conditional_allowance():
    out = rendered("conditions/hip-flexor-tendinopathy.md")
    (block,) = re.findall(r'<div class="rh-pain-rule" data-pain-rule="groin-tendon".*?</div>', out, re.S)
    assert RULE.groin.text.split(".")[0] in block
    assert block.index(RULE.groin.text.split(".")[0]) < block.index("The one exception is a tendon problem")


def test_exercise_pages_that_help_a_groin_problem_never_show_the_allowance_alone():
    for src, page in SITE.graph.pages.items():
        if page.kind != "exercise":
            continue
        groin = any(GROIN & set(CONDITIONS[s].meta.regions) for s in page.meta.helps if s in CONDITIONS)
        kinds = re.findall(r"<!-- crosslinks:pain-rule(?::([a-z-]+))? -->", page.body)
        for kind in kinds:
            if groin:
                assert kind in ("groin", "groin-tendon", "bone"), f"{src}: a groin exercise uses the '{kind or 'all'}' rule"


def test_the_full_rule_is_on_the_pain_page():
    out = rendered("self-care/is-it-soreness-or-injury.md")
    assert 'data-pain-rule="all"' in out
    for name in PARTS["all"]:
        assert getattr(RULE, name).text.split(".")[0] in out


def test_without_the_rule_file_a_marker_is_an_error(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS.parent / "tests" / "fixtures" / "good", docs)
    (docs / "_data" / "pain-rule.yml").unlink()
    page = docs / "conditions" / "outer-hip-thing.md"
    page.write_text(page.read_text() + "\n<!-- crosslinks:pain-rule -->\n")
    problems = [str(p) for p in check_content(load_content(docs), dt.date(2026, 11, 23), set())]
    assert (
        "docs/conditions/outer-hip-thing.md: body: this marker needs the pain rule (got '<!-- crosslinks:pain-rule -->'); create _data/pain-rule.yml"
        in problems
    )
