"""Page weight: each page's first view, as the browser fetched it and gzipped as a static host
serves it, stays within budget on a phone; so does the search index."""

from __future__ import annotations

import gzip

from quality_gates import SEARCH_INDEX, SEARCH_INDEX_BUDGET, served_size


def test_the_search_index_is_within_budget(site_dir):
    size = len(gzip.compress((site_dir / SEARCH_INDEX).read_bytes(), 9))
    print(f"\nsearch index: {size / 1024:.1f} KB gzipped (budget {SEARCH_INDEX_BUDGET // 1024} KB)")
    assert size <= SEARCH_INDEX_BUDGET


def test_text_is_counted_compressed_and_images_as_they_are():
    text = b"hip " * 1000
    assert served_size(text, "text/html; charset=utf-8") < 100
    assert served_size(text, "image/png") == len(text)
