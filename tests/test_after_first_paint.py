"""Issue 17: the first screen paints from the HTML and one style sheet; Material's bundle and the
site's scripts start after it (docs/assets/after-first-paint.js), and start the page once.

The loader relies on a detail of Material 9.8: its bundle starts the page on the document's
DOMContentLoaded event, or when `document$` (its public observable) is given the document. These
tests fail if that changes: the page would no longer start (share.js wires its buttons from
`document$`), or would start twice.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
from bundle_hooks import HINT, map_with_hint_line, on_files, with_compile_hint
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from quality_gates import SCRIPTS_READY, next_frames, open_page
from stylesheet_hooks import joined, name_for

ROOT = Path(__file__).resolve().parent.parent

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


@pytest.mark.parametrize("path", ["", "conditions/gluteal-tendinopathy/"])
def test_the_page_is_marked_ready_only_once_every_script_has_run(new_tab, served_site, path):
    """The loader marks `<html data-rh-scripts="ready">` (what the browser tests wait for) once
    every listed script has run and Material has started the page. share.js is held back here
    until Material has started: the mark must wait for it. (The home page's script addresses have
    no folder before `assets/`; the loader once failed to see the bundle among them there, marked
    the page ready one script early, and CI's test above failed when share.js came late.)"""
    tab = new_tab()
    tab.add_init_script(COUNT_STARTS)
    held: list = []
    tab.route("**/assets/share.js", lambda route: held.append(route))
    tab.goto(served_site + path, wait_until="domcontentloaded")
    tab.wait_for_function("() => window.__rhStarts === 1")
    next_frames(tab)
    assert len(held) == 1, "share.js was not asked for"
    assert tab.evaluate("() => document.documentElement.dataset.rhScripts") == "started", "marked ready before share.js ran"
    held[0].continue_()
    tab.wait_for_function(SCRIPTS_READY)
    assert tab.evaluate(TIMES)["wired"] >= 1, "share.js had not run when the page was marked ready"


def test_the_scripts_run_once_the_later_style_sheet_has_arrived_and_are_fetched_meanwhile(new_tab, served_site):
    """The later sheet (scripts/first_paint_css.py) styles what the scripts make: none runs
    before it has arrived. They are fetched while it comes, not after it."""
    tab = new_tab()
    held: list = []
    tab.route("**/assets/stylesheets/later.*.css", lambda route: held.append(route))
    tab.goto(served_site + "conditions/gluteal-tendinopathy/", wait_until="load")
    tab.wait_for_function(
        "() => performance.getEntriesByType('resource').some((e) => /bundle\\.[0-9a-f]+\\.min\\.js$/.test(e.name) && e.responseEnd > 0)"
    )
    next_frames(tab)
    assert len(held) == 1, "the later sheet was not asked for"
    state = tab.evaluate("() => [document.documentElement.dataset.rhScripts, typeof window.document$]")
    assert state == ["loading", "undefined"], f"a script ran before the later sheet arrived: {state}"
    held[0].continue_()
    tab.wait_for_function(SCRIPTS_READY)
    rules = tab.evaluate("() => [...document.styleSheets].filter((s) => /later\\./.test(s.href || '')).map((s) => s.cssRules.length)")
    assert len(rules) == 1 and rules[0] > 100, rules


def test_the_scripts_still_run_when_the_later_style_sheet_fails(new_tab, served_site):
    tab = new_tab()
    tab.route("**/assets/stylesheets/later.*.css", lambda route: route.abort())
    open_page(tab, served_site + "conditions/gluteal-tendinopathy/")
    assert tab.evaluate(TIMES)["wired"] >= 1


def test_a_page_opened_in_the_background_starts_at_once_and_only_once(new_tab, served_site):
    """A tab that is not visible never paints: the loader starts the scripts at once, which may
    be before the document's DOMContentLoaded; Material then starts the page itself, not twice."""
    tab = new_tab()
    tab.add_init_script(COUNT_STARTS)
    tab.add_init_script("Object.defineProperty(document, 'visibilityState', {get: () => 'hidden'})")
    open_page(tab, served_site + "conditions/gluteal-tendinopathy/")
    times = tab.evaluate(TIMES)
    assert times["starts"] == 1 and times["wired"] >= 1, times


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


# Records, from before the page's own scripts run: each time the body is marked as switching
# palettes, each colour-scheme tag added or changed, and each change of <html>'s class, made once
# the document was parsed (by a script file: the palette script in the page runs as it is parsed).
WATCH = """(() => {
  window.__rhSeen = { switching: 0, scheme: 0, classes: [] };
  const parsed = () => document.readyState !== "loading";
  new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target;
      if (r.type === "attributes" && r.attributeName === "data-md-color-switching" && t.hasAttribute(r.attributeName)) window.__rhSeen.switching += 1;
      if (r.type === "attributes" && r.attributeName === "class" && t === document.documentElement && r.oldValue !== t.className && parsed())
        window.__rhSeen.classes.push(`${r.oldValue} -> ${t.className}`);
      if (parsed() && ((r.type === "attributes" && t.matches("meta[name=color-scheme]"))
          || [...r.addedNodes].some((n) => n.nodeType === 1 && n.matches("meta[name=color-scheme]")))) window.__rhSeen.scheme += 1;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
})()"""
FADING = """() => document.getAnimations()
  .filter((a) => a instanceof CSSTransition && a.playState === "running")
  .map((a) => `${a.transitionProperty} on ${a.effect.target.className || a.effect.target.tagName}`)"""
PALETTE = """() => ({
  scheme: document.body.dataset.mdColorScheme, media: document.body.dataset.mdColorMedia,
  shown: [...document.querySelectorAll("form[data-rh-palette] label")].filter((l) => !l.hidden).map((l) => l.title),
  meta: document.querySelector("meta[name=color-scheme]")?.content,
  saved: JSON.parse(localStorage.getItem(__md_scope.pathname + ".__palette") || "null"),
})"""


def test_a_page_view_restyles_nothing_for_a_palette_or_class_that_does_not_change(new_tab, served_site):
    """Material's palette component applied the palette again as its bundle started (marking the
    body as switching, adding a colour-scheme tag), and the bundle gave <html> its "js" classes:
    each re-styled every element of the page after the first paint. Now the palette script in
    the page does all of it before anything is styled, and assets/palette.js only answers a switch."""
    tab = new_tab()
    tab.add_init_script(WATCH)
    open_page(tab, served_site + "conditions/gluteal-tendinopathy/")
    next_frames(tab)
    seen = tab.evaluate("() => window.__rhSeen")
    assert seen == {"switching": 0, "scheme": 0, "classes": []}, seen
    assert tab.evaluate("() => document.documentElement.className").split() == ["js", "js-focus-visible"]
    assert tab.evaluate(PALETTE)["meta"] == "light", "the colour-scheme tag was not written before the first paint"


@pytest.mark.parametrize("switch", ["the reader's button", "the system setting"])
def test_a_palette_switch_changes_colours_at_once_without_a_fade(new_tab, served_site, switch):
    """While the palette switches, colours change at once, as Material means them to: no colour
    fades from the old palette to the new. Material's links and buttons fade their colours on
    hover, so without the switching mark they would fade here too (checked below)."""
    tab = new_tab()
    tab.add_init_script(WATCH)
    open_page(tab, served_site + "conditions/gluteal-tendinopathy/")
    if switch == "the system setting":  # a first visit follows the system
        tab.emulate_media(color_scheme="dark")
    else:  # automatic, then light: the same colours; then dark
        tab.locator("form[data-rh-palette] label:not([hidden])").click()
        tab.locator("form[data-rh-palette] label:not([hidden])").click()
    tab.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert tab.evaluate(FADING) == [], "colours faded while the palette switched"
    assert tab.evaluate("() => window.__rhSeen.switching") >= 1
    tab.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    link = tab.evaluate("() => getComputedStyle(document.querySelector('.md-nav__link')).transitionDuration")
    assert link not in ("0s", ""), f"a menu link no longer fades its colour ({link}), so this test shows nothing"


def test_the_palette_button_goes_round_automatic_light_and_dark_and_the_next_page_keeps_it(new_tab, served_site):
    """assets/palette.js in place of Material's palette component: the same three steps, the
    button of the palette in use shown, saved for the next page in Material's own form."""
    tab = new_tab(color_scheme="dark")
    open_page(tab, served_site + "conditions/")
    steps = [tab.evaluate(PALETTE)]
    for _ in range(3):
        tab.locator("form[data-rh-palette] label:not([hidden])").click()
        next_frames(tab)
        steps.append(tab.evaluate(PALETTE))
    assert [(s["scheme"], s["meta"], s["shown"]) for s in steps] == [
        ("slate", "dark", ["Switch to light mode"]),  # automatic, following the dark system
        ("default", "light", ["Switch to dark mode"]),  # light, whatever the system says
        ("slate", "dark", ["Switch to system preference"]),  # dark
        ("slate", "dark", ["Switch to light mode"]),  # automatic again
    ], steps
    assert [s["saved"]["index"] for s in steps[1:]] == [1, 2, 0] and steps[1]["saved"]["color"]["scheme"] == "default"
    tab.locator("form[data-rh-palette] label:not([hidden])").click()  # light, then on to another page
    next_frames(tab)
    open_page(tab, served_site + "finder/")
    there = tab.evaluate(PALETTE)
    assert (there["scheme"], there["meta"], there["shown"]) == ("default", "light", ["Switch to dark mode"]), there
    tab.emulate_media(color_scheme="light")  # a chosen palette does not follow the system
    tab.emulate_media(color_scheme="dark")
    next_frames(tab)
    assert tab.evaluate(PALETTE)["scheme"] == "default"


def test_a_code_block_in_a_closed_fold_gets_its_copy_button_when_the_fold_opens(new_tab, served_site):
    """Material sets a code block up once it is on screen (`content.lazy` in mkdocs.yml): the
    condition page's BibTeX sits in a closed fold, and setting it up at once laid out the fold."""
    tab = new_tab()
    open_page(tab, served_site + "conditions/gluteal-tendinopathy/")
    buttons = "() => document.querySelectorAll('pre .md-code__button, .highlight .md-code__button').length"
    assert tab.evaluate(buttons) == 0
    tab.evaluate("() => { for (const fold of document.querySelectorAll('details')) if (fold.querySelector('pre')) fold.open = true; }")
    tab.locator("pre").scroll_into_view_if_needed()
    tab.wait_for_function(buttons)
    assert tab.evaluate(buttons) >= 1


# Where each part of Material's template sits (the header, search and the menus), and whether it
# shows: the layout, without the colours. The text column is left out: the site's own styles
# differ there on purpose when scripting is off (site.css, `@media (scripting: none)`).
LAYOUT = """() => [...document.querySelectorAll('.md-header, .md-header *, .md-sidebar, .md-sidebar *')].map((e) => {
  const r = e.getBoundingClientRect();
  return `${e.tagName}.${e.className} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)} ${getComputedStyle(e).display}`;
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_before_the_bundle_runs_the_page_is_laid_out_as_without_javascript(browser, served_site, width):
    """The palette script takes <html>'s "no-js" away before the first paint; until the bundle
    has run, what needs it still looks as Material shows it without JavaScript (site.css): the
    search button hidden, the menus at full height. Every element's box must match a tab that
    runs no JavaScript at all, in the header and the menus."""
    layouts = []
    for javascript in (False, True):
        context = browser.new_context(java_script_enabled=javascript, viewport={"width": width, "height": 900})
        tab = context.new_page()
        tab.route("**/assets/after-first-paint.js", lambda route: route.abort())  # the bundle never runs
        tab.goto(served_site + "conditions/gluteal-tendinopathy/", wait_until="load")
        layouts.append(tab.evaluate(LAYOUT))
        if javascript:
            assert tab.evaluate("() => document.documentElement.className") == "js js-focus-visible"
        context.close()
    without, before_bundle = layouts
    assert len(without) == len(before_bundle) > 100
    differ = [(a, b) for a, b in zip(without, before_bundle, strict=True) if a != b]
    assert not differ, f"{len(differ)} elements sit or show differently, first: {differ[:3]}"


def test_the_sites_scripts_are_published_without_their_comments(site_dir):
    """scripts/minify_hooks.py: each script of docs/assets is published smaller, without its
    comments; the browser tests run the published scripts."""
    sources = sorted((ROOT / "docs" / "assets").glob("*.js"))
    assert len(sources) >= 5
    for source in sources:
        published = (site_dir / "assets" / source.name).read_text(encoding="utf-8")
        assert "/*" not in published and "\n  " not in published, source.name
        assert len(published) < 0.9 * len(source.read_text(encoding="utf-8")), source.name


def test_materials_bundle_is_published_with_the_compile_hint_and_otherwise_unchanged(site_dir):
    """scripts/bundle_hooks.py: the hint is the first line; after it, Material's bundle byte for
    byte; its source map one line down, so every line still maps to the same source."""
    theme = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    (original,) = theme.glob("bundle.*.min.js")
    published = site_dir / "assets" / "javascripts" / original.name
    first, rest = published.read_text(encoding="utf-8").split("\n", 1)
    assert first + "\n" == HINT
    assert rest == original.read_text(encoding="utf-8")
    old, new = (json.loads(Path(f"{p}.map").read_text(encoding="utf-8")) for p in (original, published))
    assert new == {**old, "mappings": ";" + old["mappings"]}


def test_the_compile_hint_is_added_once_and_a_missing_bundle_stops_the_build():
    assert with_compile_hint("var a;") == HINT + "var a;" == with_compile_hint(HINT + "var a;")
    assert json.loads(map_with_hint_line('{"version": 3, "mappings": "AAAA;AACA"}'))["mappings"] == ";AAAA;AACA"
    with pytest.raises(PluginError, match=r"expected one Material bundle .* found none\. If Material renamed its bundle, update BUNDLE"):
        on_files(Files([]), None)
