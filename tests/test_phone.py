"""Phone-first reading (issue 16) at 390 x 844 in Chromium: wide tables become cards with every
column named, so nothing is cut off and the page never scrolls sideways."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}
TABLE_PAGES = ["conditions/", "self-care/return-to-running/"]


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_wide_tables_become_cards_with_every_column_named_on_a_phone(browser, served_site, path):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(served_site + path, wait_until="load")
    report = tab.evaluate(
        """() => {
          const cells = [...document.querySelectorAll('table.rh-stack td')];
          return {
            tables: document.querySelectorAll('table.rh-stack').length,
            cells: cells.length,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            cut: cells.filter(td => td.getBoundingClientRect().right > window.innerWidth + 1).length,
            unnamed: cells.filter((td, i) => td.cellIndex > 0 &&
              getComputedStyle(td, '::before').content !== JSON.stringify(td.dataset.label + ': ')).length,
            headers_shown: [...document.querySelectorAll('table.rh-stack thead')].some(h => h.getBoundingClientRect().height > 2),
          };
        }"""
    )
    context.close()
    assert report["tables"] >= 1 and report["cells"] >= 10, report
    assert report["overflow"] <= 0, f"{path} scrolls sideways by {report['overflow']} px"
    assert report["cut"] == 0, f"{path}: {report['cut']} cells run off the screen"
    assert report["unnamed"] == 0, f"{path}: cells without their column's name"
    assert not report["headers_shown"], "the header row is hidden on a phone (each cell names its column)"


def test_on_a_wide_screen_the_table_is_a_table(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(served_site + "conditions/", wait_until="load")
    display = tab.evaluate("() => getComputedStyle(document.querySelector('table.rh-stack tr')).display")
    context.close()
    assert display == "table-row"


def test_the_finder_lists_its_areas_as_thumb_sized_buttons_in_words(browser, served_site, site_dir):
    """Issue 16: the map's shapes are small for a thumb; beside it, each area is a button with its
    name, at least 44 x 44 px on a phone, and picking one works as a tap on the map does."""
    import json

    api = json.loads((site_dir / "api" / "conditions.json").read_text(encoding="utf-8"))
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(served_site + "finder/", wait_until="load")
    tab.locator(".rh-finder__areas button").first.wait_for()
    buttons = tab.locator(".rh-finder__areas button").evaluate_all(
        "bs => bs.map(b => [b.dataset.region, b.textContent, b.getBoundingClientRect().width, b.getBoundingClientRect().height])"
    )
    assert [(b[0], b[1]) for b in buttons] == [(r["id"], r["name"]) for r in api["regions"]]
    small = [b for b in buttons if b[2] < 44 or b[3] < 44]
    assert not small, f"targets under 44 x 44 px: {small}"
    tab.locator('.rh-finder__areas button[data-region="inner-thigh"]').click()
    tab.wait_for_function("() => location.search.includes('where=inner-thigh')")
    assert tab.locator('.rh-finder__areas button[data-region="inner-thigh"]').get_attribute("aria-pressed") == "true"
    assert "Inner thigh" in tab.locator("#rh-finder-picked").inner_text()
    context.close()
