"""Search quality: runners' own words, put to the site's search.

tests/search-queries.yml holds the committed queries, split in two halves: "tune" (what the
search may be tuned on) and "check" (reported apart, never tuned on). On the check half, at
least 90% must have an expected page among the first three results and 75% first. Every miss is
printed; improve the site and its search vocabulary (docs/_data/search.yml), never the
expectations. `docs.py report` prints the same rates beside plain Material search's.

The rates are measured on every query in Node (scripts/search_compare.js runs Material's own
search worker with the site's search layer in front, as the browser does), in seconds; typing
all of them into Chromium took about a minute. A sample of every kind is typed into the search
box in Chromium, and the page must rank it exactly as Node does, so the rates are the page's.
"""

from __future__ import annotations

from collections import Counter

import pytest
from quality_gates import load_no_answer, load_queries, open_search, rates_of, search_comparison, search_top, watch_search

TOP3_RATE = 0.9
FIRST_RATE = 0.75
KINDS = {  # every way people type, with at least this many queries each
    "sentence": 30,
    "short": 25,
    "question": 20,
    "abbreviation": 12,
    "misspelling": 12,
    "spelling": 8,
    "everyday": 20,
    "two-symptom": 15,
    "warning": 8,
}
FALLBACK = ["finder/", "where-it-hurts/", "self-care/when-to-see-a-doctor/"]


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch_search(page)
    open_search(page, served_site)
    yield page
    context.close()


def test_the_queries_are_enough_of_every_kind_and_point_at_real_pages(site_dir):
    queries = load_queries()
    assert len(queries) >= 150
    assert len({q["query"].lower() for q in queries}) == len(queries), "a query is listed twice"
    kinds = Counter(q["kind"] for q in queries)
    assert all(kinds[kind] >= least for kind, least in KINDS.items()), kinds
    assert set(kinds) == set(KINDS), set(kinds) - set(KINDS)
    for kind in KINDS:  # each half has its share of every kind
        halves = Counter(q["half"] for q in queries if q["kind"] == kind)
        assert set(halves) == {"tune", "check"} and abs(halves["tune"] - halves["check"]) <= 1, (kind, halves)
    for q in queries:
        for url in q["expect"]:
            assert (site_dir / url / "index.html").is_file(), f"{q['query']!r} expects {url}, which is not a page"
    assert len(load_no_answer()) >= 8


@pytest.fixture(scope="module")
def ranked(site_dir) -> dict[str, list[str]]:
    """Each committed query's first five pages in the site's search, run in Node."""
    return search_comparison(site_dir, tops=5)["tops"]


def test_search_finds_an_expected_page_first_or_in_the_top_three(ranked):
    lines, rates = [], {}
    for half in ("tune", "check"):
        top3, first, misses = rates_of(ranked, load_queries(half=half))
        rates[half] = (top3, first)
        lines.append(f"{half} half: {top3:.0%} in the top three, {first:.0%} first; misses:")
        lines += [f"  {miss}" for miss in misses]
    print("\n" + "\n".join(lines))
    top3, first = rates["check"]
    assert top3 >= TOP3_RATE and first >= FIRST_RATE, "\n".join(lines)


def test_the_search_box_ranks_a_sample_of_every_kind_as_the_rates_measure_it(search_page, served_site, ranked):
    """The first query of every kind in each half, typed into the box in Chromium: its first
    three pages are the ones the rates above were measured on."""
    sample = list({(q["kind"], q["half"]): q for q in reversed(load_queries())}.values())
    assert len(sample) == 2 * len(KINDS)
    differ = {}
    for q in sample:
        typed = [url.removeprefix(served_site).split("?")[0] for url in search_top(search_page, q["query"])]
        if typed != ranked[q["query"]][:3]:
            differ[q["query"]] = {"in the page": typed, "measured": ranked[q["query"]][:3]}
    assert not differ, differ


@pytest.mark.parametrize(
    ("query", "conditions"),
    [
        ("it hurts to lie on my side at night", {"conditions/gluteal-tendinopathy/", "conditions/trochanteric-bursitis/"}),
        ("deep ache in my buttock when I sit", {"conditions/high-hamstring-tendinopathy/", "conditions/deep-gluteal-syndrome/"}),
        ("clicking and catching deep in the front of my hip", {"conditions/hip-labral-tear/", "conditions/hip-impingement/"}),
    ],
)
def test_a_symptom_query_lists_the_conditions_before_the_symptom_pages(search_page, served_site, query, conditions):
    top = [url.removeprefix(served_site).split("?")[0] for url in search_top(search_page, query, count=8)]
    assert top and top[0].startswith("conditions/"), top
    assert set(top[:3]) & conditions, top
    kinds = [url.split("/")[0] for url in top]
    if "symptoms" in kinds:
        assert kinds.index("symptoms") > max(i for i, k in enumerate(kinds) if k == "conditions" and top[i] in conditions), top
    first = search_page.locator(".md-search-result__list > .md-search-result__item").first
    assert "Fits what you typed:" in first.inner_text()


def test_a_query_with_no_answer_offers_the_finder_the_areas_and_the_warning_signs(search_page, served_site):
    for query in load_no_answer():
        top = [url.removeprefix(served_site).split("?")[0] for url in search_top(search_page, query, count=6)]
        assert all(url in top for url in FALLBACK), f"{query!r}: got {top}"


def test_typing_key_by_key_gives_the_same_results_as_entering_the_query_at_once(search_page, served_site):
    """The rate above enters each query's text at once and presses only its last key (Material
    searches on key-up), which is four times quicker than pressing every key. Typed key by key,
    the box sends a query per key press: a sample must end on the same results. How a query is
    typed does not depend on its kind; the sample takes the first of the kinds most unlike each
    other (a sentence, a misspelling, an abbreviation, two symptoms)."""
    sample = {}
    for q in load_queries():
        if q["kind"] in ("sentence", "misspelling", "abbreviation", "two-symptom"):
            sample.setdefault(q["kind"], q["query"])
    assert len(sample) == 4
    differ = {}
    for query in sample.values():
        typed = search_top(search_page, query, count=5, key_by_key=True)
        entered = search_top(search_page, query, count=5)
        if typed != entered:
            differ[query] = {"key by key": typed, "at once": entered}
    assert not differ, differ
