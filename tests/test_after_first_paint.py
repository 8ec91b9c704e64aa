"""Issue 17: the first screen paints from the HTML and one style sheet; Material's bundle and the
site's scripts start after it (docs/assets/after-first-paint.js), and start the page once.

The loader relies on a detail of Material 9.8: its bundle starts the page on the document's
DOMContentLoaded event, or when `document$` (its public observable) is given the document. These
tests fail if that changes: the page would no longer start (share.js wires its buttons from
`document$`), or would start twice.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from conftest import tree_of
from quality_gates import open_page
from stylesheet_hooks import joined, name_for

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET_BUDGET = 34 * 1024  # what every page waits for before its first paint, gzipped (31.2 KB in December 2026)

# Counts how often Material's `document$` gives the page out (once per start), from before the
# bundle runs: the bundle sets window.document$ as its last step.
COUNT_STARTS = """(() => {
  window.__rhStarts = 0;
  let subject;
  Object.defineProperty(window, "document$", {
    configurable: true,
    get() { return subject; },
    set(value) { subject = value; value.subscribe(() => { window.__rhStarts += 1; }); },
  });
})()"""

# When Material's bundle was asked for, and when the page first painted text (performance timeline).
TIMES = """() => ({
  paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  bundle: performance.getEntriesByType("resource").find((e) => /bundle\\.[0-9a-f]+\\.min\\.js$/.test(e.name))?.startTime ?? null,
  starts: window.__rhStarts,
  wired: document.querySelectorAll("button.rh-print[data-rh-wired]").length,
  searchShown: getComputedStyle(document.querySelector(".md-search")).display !== "none",
})"""


@pytest.mark.parametrize("path", ["", "conditions/gluteal-tendinopathy/", "finder/"])
def test_the_bundle_is_asked_for_after_the_first_paint_and_starts_the_page_once(new_tab, served_site, path):
    tab = new_tab()
    tab.add_init_script(COUNT_STARTS)
    open_page(tab, served_site + path)
    times = tab.evaluate(TIMES)
    assert times["paint"] is not None and times["bundle"] is not None, times
    assert times["bundle"] >= times["paint"], f"the bundle was asked for before the first paint: {times}"
    assert times["starts"] == 1, f"Material started the page {times['starts']} times"
    assert times["searchShown"], "Material's bundle did not run (search stays hidden without it)"
    assert times["wired"] >= 1, "share.js did not wire the print button: the page never started"


def test_a_page_opened_in_the_background_starts_at_once_and_only_once(new_tab, served_site):
    """A tab that is not visible never paints: the loader starts the scripts at once, which may
    be before the document's DOMContentLoaded; Material then starts the page itself, not twice."""
    tab = new_tab()
    tab.add_init_script(COUNT_STARTS)
    tab.add_init_script("Object.defineProperty(document, 'visibilityState', {get: () => 'hidden'})")
    open_page(tab, served_site + "conditions/gluteal-tendinopathy/")
    times = tab.evaluate(TIMES)
    assert times["starts"] == 1 and times["wired"] >= 1, times


def test_every_page_waits_for_one_style_sheet_within_budget(site_dir, html_files):
    """One request before the first paint, not three: Material's main and palette sheets and
    site.css, joined in that order (scripts/stylesheet_hooks.py)."""
    sheets = {tuple(tree_of(path).xpath("//link[@rel='stylesheet']/@href")) for path in html_files}
    hrefs = {href.rsplit("/", 1)[-1] for linked in sheets for href in linked}
    assert all(len(linked) == 1 for linked in sheets) and len(hrefs) == 1, sheets
    name = hrefs.pop()
    assert re.fullmatch(r"site\.[0-9a-f]{8}\.css", name), name
    css = (site_dir / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
    material = sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css")) + sorted(
        (site_dir / "assets" / "stylesheets").glob("palette.*.min.css")
    )
    parts = [p.read_text(encoding="utf-8").rstrip() for p in material] + [
        (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8").rstrip()
    ]
    assert css == "\n".join(parts) + "\n"
    size = len(gzip.compress(css.encode("utf-8"), 9))
    print(f"\nthe one style sheet: {size / 1024:.1f} KB gzipped (budget {STYLESHEET_BUDGET // 1024} KB)")
    assert size <= STYLESHEET_BUDGET
    assert not (site_dir / "assets" / "site.css").exists(), "site.css is published only inside the joined sheet"


@pytest.mark.parametrize(
    ("css", "message"),
    [
        ('@import "more.css";', "docs/assets/site.css: @import in a style sheet"),
        (".a{background:url(img/x.svg)}", "docs/assets/site.css: url(img/x.svg) is relative to the sheet's folder"),
        (".a{background:url('../x.png')}", "url(../x.png) is relative"),
    ],
)
def test_a_sheet_that_cannot_be_joined_stops_the_build_with_its_name(css, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        joined([("main.css", "body{color:red}"), ("docs/assets/site.css", css)])


def test_sheets_join_in_order_with_their_data_and_root_addresses_unchanged():
    sheets = [
        ("a.css", '.a{background:url("data:image/svg+xml;utf8,<svg/>")}\n'),
        ("b.css", ".b{background:url(/x.svg);filter:url(#soft)}"),
    ]
    assert joined(sheets) == '.a{background:url("data:image/svg+xml;utf8,<svg/>")}\n.b{background:url(/x.svg);filter:url(#soft)}\n'
    assert name_for("x") != name_for("y") and name_for("x").startswith("assets/stylesheets/site.")


@pytest.mark.parametrize(("scheme", "expected"), [("light", "default"), ("dark", "slate")])
def test_a_first_visit_paints_in_the_readers_palette_before_any_script_file_runs(new_tab, served_site, scheme, expected):
    """The first paint comes before Material's bundle: the palette script in the page
    (overrides/partials/javascripts/palette.html) must already have picked the reader's palette,
    with nothing saved yet, from the system's light or dark setting."""
    tab = new_tab(color_scheme=scheme)
    tab.route("**/assets/after-first-paint.js", lambda route: route.abort())  # no script file ever runs
    tab.goto(served_site + "conditions/", wait_until="load")
    body = tab.evaluate(
        "() => [document.body.dataset.mdColorScheme, document.body.dataset.mdColorPrimary, document.body.dataset.mdColorAccent]"
    )
    assert body == [expected, "teal", "deep-orange"]
