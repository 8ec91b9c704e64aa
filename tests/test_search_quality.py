"""Search quality: runners' own words, typed into the site's search box in Chromium, find a
page that answers them among the first three results, for at least 90% of the queries in
tests/search-queries.yml. The failures are printed; improve the site, not the expectations."""

from __future__ import annotations

import pytest
from quality_gates import load_queries, search_top

PASS_RATE = 0.9


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served_site, wait_until="load")  # search_top waits for each result list
    yield page
    context.close()


def test_the_queries_are_enough_and_point_at_real_pages(site_dir):
    queries = load_queries()
    assert len(queries) >= 40
    assert len({q["query"].lower() for q in queries}) == len(queries), "a query is listed twice"
    for q in queries:
        for url in q["expect"]:
            assert (site_dir / url / "index.html").is_file(), f"{q['query']!r} expects {url}, which is not a page"


def test_search_finds_an_expected_page_in_the_top_three(search_page, served_site):
    queries = load_queries()
    failures = []
    for q in queries:
        top = [url.removeprefix(served_site).split("?")[0] for url in search_top(search_page, q["query"])]
        if not set(top) & set(q["expect"]):
            failures.append(f"{q['query']!r}: got {top}, wanted one of {q['expect']}")
    rate = 1 - len(failures) / len(queries)
    print(f"\nsearch quality: {rate:.0%} of {len(queries)} queries find an expected page in the top three")
    print("\n".join(failures))
    assert rate >= PASS_RATE, "\n".join(failures)
