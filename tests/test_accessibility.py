"""axe-core (pinned in package.json) in Debian's Chromium: no WCAG 2.2 A/AA violation on any page
in the light palette, none on one page of each kind in the dark palette and at a 360 px phone
width, and none with the search dialog open."""

from __future__ import annotations

import pytest
from conftest import tree_of
from quality_gates import (
    AXE_JS,
    CSP_LISTENER,
    OWN_CONTENT,
    VARIANTS,
    dumps,
    open_search,
    run_axe,
    search_top,
    settle,
    variants_for,
    watch_search,
)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_search_dialog_passes_axe_while_in_use(browser, served_site, variant):
    """Search open, with a symptom sentence typed key by key: the site's answers ("Fits what you
    typed"), Material's keyword results and the search box, in the light and dark palettes and
    at a phone's width."""
    width, scheme = VARIANTS[variant]
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    context.add_init_script(CSP_LISTENER)
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    watch_search(page)
    open_search(page, f"{served_site}conditions/")
    search_top(page, "it hurts to lie on my side at night")
    assert "Fits what you typed" in page.locator(".md-search-result__list").inner_text()
    settle(page)
    found = run_axe(page)
    context.close()
    assert not found, f"search open, {variant}: {dumps(found)}"


def test_axe_reports_a_violation_when_there_is_one(browser):
    context = browser.new_context()
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"><a href="#"></a></main></html>')
    found = {v["id"] for v in run_axe(page)}
    context.close()
    assert {"image-alt", "link-name"} <= found


def test_axe_within_a_pages_own_content_checks_that_content_only(browser):
    """The survey checks the template once per kind and each page's own content everywhere."""
    context = browser.new_context()
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    page.set_content(
        '<html lang="en"><title>t</title><header><img src="a.png"></header><main><div class="md-content"><a href="#"></a></div></main></html>'
    )
    inside = {v["id"] for v in run_axe(page, within=OWN_CONTENT)}
    page.set_content('<html lang="en"><title>t</title><main><img src="a.png"><a href="#">ok</a></main></html>')
    none_match = {v["id"] for v in run_axe(page, within=OWN_CONTENT)}  # no such element: the whole page
    context.close()
    assert "link-name" in inside and "image-alt" not in inside
    assert "image-alt" in none_match


def test_every_page_links_the_same_style_sheets_and_no_others(html_files):
    """The survey's axe runs fetch the style sheets (axe's `preload`, read by the
    css-orientation-lock rule) only on the pages it checks whole: it may, because every page links
    the same one and has no style element of its own."""
    linked = {}
    for path in html_files:
        tree = tree_of(path)
        assert not tree.xpath("//style"), f"{path}: a style element of its own"
        linked[path] = tuple(href.rsplit("/", 1)[-1] for href in tree.xpath("//link[@rel='stylesheet']/@href"))
    assert len(set(linked.values())) == 1, set(linked.values())
    assert len(next(iter(linked.values()))) == 1  # Material's main and palette and site.css, joined (stylesheet_hooks.py)


def test_one_page_of_each_kind_gets_every_variant():
    paths = ["", "404.html", "conditions/", "conditions/a/", "conditions/b/", "symptoms/x/", "about/"]
    wanted = variants_for(paths)
    assert wanted["conditions/a/"] == tuple(VARIANTS) and wanted["conditions/b/"] == ("light",)
    assert wanted["conditions/"] == tuple(VARIANTS) and wanted["symptoms/x/"] == tuple(VARIANTS)
    assert all("light" in variants for variants in wanted.values())
