"""Every exercise page that shows a hop-related symptom also says never to hop to test it.

Checked on each page as the build renders it, so generated warning boxes count as well as
hand-written text.
"""

from __future__ import annotations

import re

import pytest
from conftest import site_content

SITE = site_content()
EXERCISES = sorted(src for src, page in SITE.graph.pages.items() if page.kind == "exercise")
# "hop or land", "hop, land", "when I land on that leg or stand on it alone", "hurts when I hop"
HOP_SYMPTOM = re.compile(r"\bhop(?:,| or)\s+(?:or\s+)?land|\bland on that leg|\bhops?\b[^.\n]*\bgroin|\bgroin\b[^.\n]*\bhop", re.IGNORECASE)
HOP_WARNING = re.compile(r"\b(?:never|do not|don't)\s+hop\b[^.\n]*\bto test\b", re.IGNORECASE)


def shows_hop_symptom(text: str) -> bool:
    return bool(HOP_SYMPTOM.search(text))


def warns_against_hop_tests(text: str) -> bool:
    return bool(HOP_WARNING.search(text))


def rendered(src: str) -> str:
    return SITE.page(src, SITE.graph.pages[src].body).markdown


@pytest.mark.parametrize("src", EXERCISES)
def test_a_page_with_a_hop_symptom_warns_never_to_hop_to_test_it(src):
    text = rendered(src)
    if shows_hop_symptom(text):
        assert warns_against_hop_tests(text), f"docs/{src}: shows a hop-related symptom without 'never hop to test it'"


def test_some_exercise_pages_do_show_a_hop_symptom():
    """Otherwise the test above would pass by checking nothing."""
    assert any(shows_hop_symptom(rendered(src)) for src in EXERCISES)


def test_the_check_can_fail():
    page = "- your groin hurts when you stand, hop or land on that leg\n"
    assert shows_hop_symptom(page) and not warns_against_hop_tests(page)
    assert warns_against_hop_tests(page + "\nNever hop to test it. Hopping can make it worse.")
    assert shows_hop_symptom("My groin hurts when I land on that leg or stand on it alone")
    assert not shows_hop_symptom("Hopping and bounding come back last.")
