"""The writing on every page: plain enough to read, every number cited, every abbreviation explained."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import DOCS, ROOT

from crosslinks.load import split_front_matter
from crosslinks.markers import expand_shared
from crosslinks.quality import (
    MAX_READING_GRADE,
    abbreviations_used_before_spelled_out,
    prose,
    reading_grade,
    spelled_out_forms,
    states_facts,
    uncited_numbers,
)

MAX_GRADE = MAX_READING_GRADE
# every page, and the passages pages share (docs/_data/text/): all are read by runners
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_data" not in p.parts or p.parent == DOCS / "_data" / "text")
CLAIM_PAGES = [p for p in PAGES if states_facts(p.relative_to(DOCS).as_posix())]  # About pages state policy, not facts
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"
NOT_ABBREVIATIONS = {"OK"}


def body(path: Path) -> str:
    return split_front_matter(path.read_text())[1]


def ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(DOCS).as_posix() for p in paths]


@pytest.mark.parametrize("path", PAGES, ids=ids(PAGES))
def test_reading_grade_is_8_or_below(path: Path):
    grade = reading_grade(body(path))
    assert grade <= MAX_GRADE, f"{path.name}: Flesch-Kincaid grade {grade:.1f} (limit {MAX_GRADE})"


@pytest.mark.parametrize("path", CLAIM_PAGES, ids=ids(CLAIM_PAGES))
def test_every_number_has_a_citation_nearby(path: Path):
    assert uncited_numbers(body(path)) == []


def test_the_number_check_can_fail():
    assert uncited_numbers("Most people recover in 6 to 12 weeks.")
    assert uncited_numbers("Recovery takes:\n\n- 6 weeks for most\n- 12 for some")
    assert not uncited_numbers("Recovery takes [@Key]:\n\n- 6 weeks for most")
    # a form's labels ("pain from 0 to 10") are not claims; text after the form still counts
    form = '<form class="x">\n<label>Pain from 0 to 10 <input name="p"></label>\n</form>'
    assert not uncited_numbers(form)
    assert uncited_numbers(form + "\n\nMost people recover in 6 weeks.")


def test_the_reading_grade_can_fail():
    dense = (
        "Consequently, multidisciplinary rehabilitation necessitates individualised, evidence-informed periodisation of musculotendinous loading. "
        * 3
    )
    assert reading_grade(dense) > MAX_GRADE
    assert "Source" not in prose("Text [@Key].\n\n| Source | x |\n| --- | --- |")


def test_every_abbreviation_is_explained():
    defined = set(re.findall(r"^\*\[([^\]]+)\]:", ABBREVIATIONS.read_text(), flags=re.M))
    missing = {}
    for path in PAGES:
        for token in re.findall(r"\b[A-Z][A-Za-z0-9&-]*[A-Z0-9]\b", prose(body(path))):
            if sum(ch.isupper() for ch in token) >= 2 and token not in defined | NOT_ABBREVIATIONS:
                missing.setdefault(token, path.relative_to(DOCS).as_posix())
    assert not missing, f"add to includes/abbreviations.md: {missing}"


SHARED_TEXTS = DOCS / "_data" / "text"
# A shared passage is read inside each page that includes it, so it is checked there, in place:
# on its own it has no "first use".
READ_PAGES = [p for p in PAGES if p.parent != SHARED_TEXTS]
SPELLED_OUT_PAGES = READ_PAGES


def as_read(path: Path) -> str:
    """The page's body with its shared passages in place (<!-- crosslinks:shared NAME -->)."""
    texts = {text.stem: text.read_text() for text in SHARED_TEXTS.glob("*.md")}
    return expand_shared(body(path), texts)


@pytest.mark.parametrize("path", SPELLED_OUT_PAGES, ids=ids(READ_PAGES))
def test_abbreviations_are_spelled_out_on_first_use(path: Path):
    """A tooltip is not enough (phones have no hover, and printouts no tooltips): the sentence
    where an abbreviation first appears also has its words, from includes/abbreviations.md."""
    forms = spelled_out_forms(ABBREVIATIONS.read_text())
    late = abbreviations_used_before_spelled_out(as_read(path), forms)
    assert not late, f"{path.name}: spell out in the sentence of first use: {', '.join(f'{a} ({forms[a]})' for a in late)}"


def test_the_spelled_out_check_can_fail():
    forms = spelled_out_forms(
        "*[GP]: general practitioner: a family doctor\n*[NSAIDs]: non-steroidal anti-inflammatory drugs, such as ibuprofen\n*[UK]: United Kingdom"
    )
    assert forms["GP"] == "general practitioner" and forms["NSAIDs"] == "non-steroidal anti-inflammatory drugs"
    assert abbreviations_used_before_spelled_out("See a GP if it hurts.", forms) == ["GP"]
    # the words come only later, in another sentence: too late
    assert abbreviations_used_before_spelled_out("See a GP. A general practitioner can help.", forms) == ["GP"]
    assert not abbreviations_used_before_spelled_out("See a general practitioner (GP). Then a GP again.", forms)
    assert not abbreviations_used_before_spelled_out("A GP (general practitioner) can help.", forms)
    # the words must come in their order
    assert abbreviations_used_before_spelled_out("Anti-inflammatory drugs (non-steroidal, or NSAIDs).", forms) == ["NSAIDs"]
    assert not abbreviations_used_before_spelled_out("Non-steroidal anti-inflammatory drugs (NSAIDs) help.", forms)
    # a heading is a signpost: the sentence under it explains the term
    assert not abbreviations_used_before_spelled_out("## GP visits\n\nA general practitioner (GP) can help.", forms)
    assert not abbreviations_used_before_spelled_out("Made in the UK.", forms)  # known as letters
    assert not abbreviations_used_before_spelled_out("GPS watches and GPs.", forms)  # whole words only


def test_abbreviations_get_tooltips_on_built_pages(site_dir):
    html = (site_dir / "conditions" / "gluteal-tendinopathy" / "index.html").read_text()
    assert '<abbr title="general practitioner: a family doctor">GP</abbr>' in html


# The seeds and fact base are the project's shared files, beside the checkout (as CI has them),
# or wherever RUNNERS_HIP_SHARED points. They are third-party texts, so they are not vendored.
SHARED = Path(os.environ.get("RUNNERS_HIP_SHARED", ROOT.parent / "shared"))
COPY_RUN = 8  # words in a row shared with a source: more than a common phrase, less than a sentence


def word_runs(text: str, n: int = COPY_RUN) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_page_copies_from_the_sources():
    """Own words only: no run of 8 words in a row from the seed articles or any of the fact bases."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"no shared sources at {SHARED}: clone beside shared/ (as CI does) or set RUNNERS_HIP_SHARED")
    sources = [*sorted((SHARED / "seeds").glob("*.txt")), *sorted((SHARED / "reference").glob("clinical-facts*.md"))]
    assert len(sources) >= 8, f"the shared sources are incomplete at {SHARED}"
    copied = set().union(*(word_runs(s.read_text()) for s in sources))
    found = {}
    for path in PAGES:
        for run in word_runs(prose(body(path))) & copied:
            found.setdefault(path.relative_to(DOCS).as_posix(), []).append(" ".join(run))
    assert not found, f"copied wording: {found}"


def test_the_copy_check_can_fail():
    assert word_runs("one two three four five six seven eight nine") & word_runs("zero one two three four five six seven eight")
