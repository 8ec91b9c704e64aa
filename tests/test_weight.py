"""Page weight: each page's first view, as the browser fetched it and gzipped as a static host
serves it, stays within budget on a phone; so does the search index."""

from __future__ import annotations

import gzip

from quality_gates import HTML_BUDGET, PAGE_BUDGET, SEARCH_INDEX, SEARCH_INDEX_BUDGET, served_size


def test_the_search_index_is_within_budget(site_dir):
    size = len(gzip.compress((site_dir / SEARCH_INDEX).read_bytes(), 9))
    print(f"\nsearch index: {size / 1024:.1f} KB gzipped (budget {SEARCH_INDEX_BUDGET // 1024} KB)")
    assert size <= SEARCH_INDEX_BUDGET


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


def test_text_is_counted_compressed_and_images_as_they_are():
    text = b"hip " * 1000
    assert served_size(text, "text/html; charset=utf-8") < 100
    assert served_size(text, "image/png") == len(text)
