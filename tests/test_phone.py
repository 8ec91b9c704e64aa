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
