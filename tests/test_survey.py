"""The page survey: one first view of every built page in Chromium (conftest's `first_views`),
and the three gates that read it: accessibility (axe-core, WCAG 2.2 A/AA, light palette on every
page, dark and phone width on one page of each kind), privacy (no request to another host, no
policy violation, no search index fetched before search opens) and weight (each first view
within budget).

They share one file because they share one survey: a session fixture, made once per test
process (in a thread beside the other tests, see tests/conftest.py's BackgroundSurvey), so the
file must stay whole if files are ever spread across processes (pytest-xdist --dist loadfile).
Measured in this repository, running the full tier on 4 workers that way took as long as one
process (13 min against 12.6): the work is CPU-bound on 2 cores.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from quality_gates import HTML_BUDGET, PAGE_BUDGET, SEARCH_INDEX, VARIANTS, dumps, template_of, variants_for


def test_every_page_passes_axe_in_every_variant(first_views):
    assert len(first_views) > 100
    wanted = variants_for(list(first_views))
    missing = [path for path, view in first_views.items() if set(view.axe) != set(wanted[path])]
    assert not missing, f"axe did not run in its variants on {missing}"
    kinds = {template_of(path) for path in first_views}
    full = {template_of(path) for path, view in first_views.items() if set(view.axe) == set(VARIANTS)}
    assert full == kinds, f"no page of these kinds was checked dark and on a phone: {sorted(kinds - full)}"
    failures = {f"/{path} [{variant}]": found for path, view in first_views.items() for variant, found in view.axe.items() if found}
    assert not failures, f"{len(failures)} page variants with WCAG violations:\n{dumps(failures)}"


def test_no_page_requests_anything_from_another_host(first_views):
    def origin(url: str) -> str:
        return "{0.scheme}://{0.netloc}/".format(urlsplit(url))

    foreign = {
        path: [u for u in view.requests if not u.startswith((origin(view.url), "data:", "blob:"))] for path, view in first_views.items()
    }
    foreign = {path: urls for path, urls in foreign.items() if urls}
    assert all(view.requests for view in first_views.values())
    assert not foreign, dumps(foreign)


def test_no_first_view_fetches_the_search_index(first_views):
    """The index waits until a reader opens search (docs/assets/search-on-demand.js)."""
    fetched = [path for path, view in first_views.items() if any(SEARCH_INDEX in url for url in view.requests)]
    assert not fetched, f"{len(fetched)} first views fetched {SEARCH_INDEX}: {fetched[:5]}"


def test_no_page_breaks_its_policy(first_views):
    broken = {path: view.csp_violations for path, view in first_views.items() if view.csp_violations}
    console = {path: [e for e in view.console_errors if "Content Security Policy" in e] for path, view in first_views.items()}
    assert not broken, dumps(broken)
    assert not any(console.values()), dumps({p: e for p, e in console.items() if e})


def test_every_first_view_is_within_budget(first_views):
    unreadable = [entry for view in first_views.values() for entry in view.unreadable]
    assert not unreadable, "responses the weight could not count:\n" + "\n".join(unreadable)
    heaviest = sorted(first_views.items(), key=lambda item: item[1].weight(), reverse=True)
    print(
        "\nheaviest first views (KB, gzipped): "
        + ", ".join(f"/{p} {v.weight() / 1024:.1f} (HTML {v.html_weight() / 1024:.1f})" for p, v in heaviest[:5])
    )
    assert all(view.html_weight() > 0 for view in first_views.values())
    over = {p: round(v.weight() / 1024, 1) for p, v in heaviest if v.weight() > PAGE_BUDGET}
    html_over = {p: round(v.html_weight() / 1024, 1) for p, v in heaviest if v.html_weight() > HTML_BUDGET}
    assert not over, f"over {PAGE_BUDGET // 1024} KB: {over}"
    assert not html_over, f"HTML over {HTML_BUDGET // 1024} KB: {html_over}"


def test_on_a_phone_no_page_scrolls_sideways_and_a_table_that_scrolls_says_so(first_views):
    """At 390 px: the page itself never scrolls sideways, card tables cut no cell off, and a wide
    table that scrolls inside its frame has a visible line above it saying so (issue 16)."""
    assert all(view.phone for view in first_views.values())
    sideways = {path: view.phone["sideways"] for path, view in first_views.items() if view.phone["sideways"] > 0}
    cut = {path: view.phone["cut_cells"] for path, view in first_views.items() if view.phone["cut_cells"]}
    unsaid = {path: view.phone["unsaid"] for path, view in first_views.items() if view.phone["unsaid"]}
    assert not sideways, f"pages that scroll sideways on a phone (px): {dumps(sideways)}"
    assert not cut, f"card tables with cells off the screen: {dumps(cut)}"
    assert not unsaid, f"tables that scroll sideways with no line saying so: {dumps(unsaid)}"
