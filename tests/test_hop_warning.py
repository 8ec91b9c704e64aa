"""Every exercise page that shows a hop-related symptom also says never to hop to test it."""

from __future__ import annotations

import re

import pytest
from conftest import DOCS

EXERCISES = sorted((DOCS / "exercises").glob("*.md"))
HOP_SYMPTOM = re.compile(r"\bhop(?:,| or)\s+(?:or\s+)?land|\bhops?\b[^.\n]*\bgroin|\bgroin\b[^.\n]*\bhop", re.IGNORECASE)
HOP_WARNING = re.compile(r"\b(?:never|do not|don't)\s+hop\b[^.\n]*\bto test\b", re.IGNORECASE)


def shows_hop_symptom(text: str) -> bool:
    return bool(HOP_SYMPTOM.search(text))


def warns_against_hop_tests(text: str) -> bool:
    return bool(HOP_WARNING.search(text))


@pytest.mark.parametrize("path", EXERCISES, ids=[p.stem for p in EXERCISES])
def test_a_page_with_a_hop_symptom_warns_never_to_hop_to_test_it(path):
    text = path.read_text()
    if shows_hop_symptom(text):
        assert warns_against_hop_tests(text), f"{path.relative_to(DOCS.parent)}: names a hop-related symptom without 'never hop to test it'"


def test_the_check_can_fail():
    page = "- your groin hurts when you stand, hop or land on that leg\n"
    assert shows_hop_symptom(page) and not warns_against_hop_tests(page)
    assert warns_against_hop_tests(page + "\n**Never hop to test a sore groin or hip.**")
    assert not shows_hop_symptom("Hopping and bounding come back last.")
