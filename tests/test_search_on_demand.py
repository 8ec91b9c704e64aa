"""The search index is fetched when a reader opens search, not on every page view
(docs/assets/search-on-demand.js holds back Material's request for it), and no script holds up
a page's first paint (docs/assets/after-first-paint.js loads them after it).

search-on-demand.js relies on an internal detail of Material 9.8: its bundle asks for
search/search_index.json with XMLHttpRequest as it starts. These tests fail if that changes: a
first view that fetches the index again (tests/test_survey.py checks every page), or search that
no longer loads or answers once opened.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import page
from quality_gates import SEARCH_INDEX, open_page, watch_search

ROOT = Path(__file__).resolve().parent.parent


def test_the_bundle_the_template_names_is_the_one_material_ships(site_dir):
    base = (ROOT / ".venv" / "lib").glob("python3*/site-packages/material/templates/base.html")
    material = re.search(r"assets/javascripts/bundle\.\w+\.min\.js", next(base).read_text()).group(0)
    ours = re.search(r"assets/javascripts/bundle\.\w+\.min\.js", (ROOT / "overrides" / "main.html").read_text()).group(0)
    assert ours == material, f"overrides/main.html names {ours}; Material now ships {material}: re-copy its scripts block"
    assert (site_dir / ours).is_file()


@pytest.mark.parametrize("path", ["", "conditions/gluteal-tendinopathy/", "finder/"])
def test_the_only_script_in_a_page_is_the_deferred_loader_and_search_on_demand_comes_before_the_bundle(site_dir, path):
    """Issue 17: no script holds up the first paint. The page names one small deferred script,
    which loads the others after the first paint, search-on-demand.js before Material's bundle."""
    scripts = [s for s in page(site_dir, path).find_all("script") if s.get("src")]
    assert [s["src"].rsplit("/", 1)[-1] for s in scripts] == ["after-first-paint.js"], [s["src"] for s in scripts]
    assert scripts[0].has_attr("defer")
    names = [src.rsplit("/", 1)[-1] for src in scripts[0]["data-scripts"].split()]
    bundle = next(i for i, name in enumerate(names) if name.startswith("bundle."))
    assert names[bundle - 1] == "search-on-demand.js" and "share.js" in names[bundle:], names
    assert all((site_dir / path / src).resolve().is_file() for src in scripts[0]["data-scripts"].split())


@pytest.mark.parametrize(("width", "how"), [(1280, "click"), (390, "tap"), (1280, "slash")])
def test_opening_search_fetches_the_index_and_search_answers(new_tab, served_site, width, how):
    tab = new_tab(viewport={"width": width, "height": 900}, has_touch=how == "tap")
    watch_search(tab)
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    open_page(tab, served_site + "conditions/")  # the bundle has started, and asked for the index if it would
    assert not [u for u in requested if SEARCH_INDEX in u], "the index was fetched before search was opened"
    if how == "slash":
        tab.keyboard.press("/")
    elif how == "tap":
        tab.locator("label.md-header__button[for=__search]").tap()
    else:
        tab.locator("input.md-search__input").click()
    tab.wait_for_function("() => window.__rhSearch && window.__rhSearch.ready")
    assert [u for u in requested if SEARCH_INDEX in u], "opening search did not fetch the index"
    tab.locator("input.md-search__input").press_sequentially("glute")
    tab.wait_for_function("() => window.__rhSearch.got > 0 && window.__rhSearch.sent === window.__rhSearch.got")
    first = tab.locator(".md-search-result__item a").first
    first.wait_for()
    assert first.get_attribute("href")
