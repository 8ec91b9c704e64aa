"""Page hardening (scripts/hardening.py): one small test per fix it makes to a built page, each
on a minimal HTML string, and that Material's search leaves out what the core marks
`data-search-exclude` (the hand-written trimming it replaced)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from material.plugins.search.plugin import Parser

from crosslinks import load_site
from hardening import (
    REFERRER_META,
    content_security_policy,
    drop_checkbox_autocomplete,
    drop_empty_tabindex,
    fix_material_markup,
    focusable_tables,
    harden,
    inline_scripts,
    plain_search_index,
    plain_text,
    redirect_page,
    redirect_target,
    rewritten_redirect,
    script_hash,
    site_root_from,
    unlink_missing_toc_label,
    unlisted_scripts,
    with_policy,
)

PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>t</title>{head}</head><body>{body}</body></html>'
ALLOWED = "__md_scope = 1"  # stands in for the inline scripts of Material's own templates


def page(head: str = "", body: str = "") -> str:
    return PAGE.format(head=head, body=body)


def policy_of(html: str) -> dict[str, list[str]]:
    content = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    return {d.split()[0]: d.split()[1:] for d in content.split(";") if d.strip()}


# --- Valid markup: one test per fix ----------------------------------------------------------


def test_the_drawer_checkboxes_lose_autocomplete_but_text_inputs_keep_it():
    html = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off"><input type="text" autocomplete="off">'
    fixed = drop_checkbox_autocomplete(html)
    assert fixed == '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"><input type="text" autocomplete="off">'


def test_navigation_labels_lose_an_empty_tabindex():
    html = '<label class="md-nav__link md-nav__link--active" for="__nav_2" id="__nav_2_label" tabindex="">Conditions</label>'
    assert (
        drop_empty_tabindex(html) == '<label class="md-nav__link md-nav__link--active" for="__nav_2" id="__nav_2_label">Conditions</label>'
    )
    assert drop_empty_tabindex('<label class="md-nav__link" tabindex="0">') == '<label class="md-nav__link" tabindex="0">'


def test_the_toc_title_points_at_its_checkbox_only_where_there_is_one():
    label = '<label class="md-nav__title" for="__toc">On this page</label>'
    assert unlink_missing_toc_label(label) == '<label class="md-nav__title">On this page</label>'
    with_toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + label
    assert unlink_missing_toc_label(with_toggle) == with_toggle


def test_tables_take_keyboard_focus_so_they_can_scroll():
    assert focusable_tables("<table><tr><td>1</td></tr></table>") == '<table tabindex="0"><tr><td>1</td></tr></table>'
    assert focusable_tables('<table class="x">') == '<table class="x">'  # only Markdown's plain tables


def test_fix_material_markup_makes_every_fix():
    html = (
        '<input class="md-toggle" type="checkbox" id="__search" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_3" tabindex="">Anatomy</label>'
        '<label class="md-nav__title" for="__toc">On this page</label><table>'
    )
    assert fix_material_markup(html) == (
        '<input class="md-toggle" type="checkbox" id="__search">'
        '<label class="md-nav__link" for="__nav_3">Anatomy</label>'
        '<label class="md-nav__title">On this page</label><table tabindex="0">'
    )


# --- The page policy ------------------------------------------------------------------------


def test_inline_scripts_are_the_ones_a_browser_would_run():
    html = (
        "<script>one()</script><script src='a.js'></script><script type=module>two()</script>"
        '<script type="application/ld+json">{}</script><script type="application/json" id="__config">{}</script>'
        '<SCRIPT type="text/javascript">three()</script >'
    )
    assert inline_scripts(html) == ["one()", "two()", "three()"]


def test_script_hashes_are_the_sha256_a_browser_computes():
    # worked out with `printf '...' | openssl dgst -sha256 -binary | base64`, not by the code under test
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert script_hash("window.ok = 1") == "'sha256-lpVfbDflKNQ8vDZT4DLb1PZ8meiNzatAAYj/uG8vpbM='"


def test_scripts_off_the_list_are_named_shortened():
    html = f"<script>{ALLOWED}</script><script>\n  window.sneaky   =\n 1\n</script><script>{'x' * 200}</script>"
    assert unlisted_scripts(html, [ALLOWED]) == ["window.sneaky = 1", "x" * 80]
    assert unlisted_scripts(f"<script>{ALLOWED}</script>", [ALLOWED]) == []


def test_the_policy_allows_only_the_site_and_the_listed_hashes():
    policy = content_security_policy(["'sha256-b'", "'sha256-a'", "'sha256-b'"])
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";")}
    assert directives["script-src"] == ["'self'", "'sha256-a'", "'sha256-b'"]  # sorted, each once
    assert directives["default-src"] == ["'self'"] and directives["object-src"] == ["'none'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert "unsafe-inline" not in policy and "*" not in policy


def test_the_policy_and_referrer_policy_come_right_after_the_charset():
    html = page(head='<script src="a.js"></script>')
    secured = with_policy(html, "default-src 'self'", "index.md")
    head = secured.split("</head>")[0]
    assert head.index('<meta charset="utf-8">') < head.index("Content-Security-Policy") < head.index(REFERRER_META) < head.index("<script")
    added = f'<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">{REFERRER_META}'
    assert secured.replace(added, "", 1) == html  # nothing else changes


def test_a_page_without_a_charset_or_with_its_own_policy_is_refused():
    with pytest.raises(ValueError, match=r'^index\.md: no <meta charset="utf-8">'):
        with_policy("<html><head></head></html>", "default-src 'self'", "index.md")
    own = page(head='<meta http-equiv="Content-Security-Policy" content="default-src *">')
    with pytest.raises(ValueError, match=r"^about\.md: already has a Content-Security-Policy"):
        with_policy(own, "default-src 'self'", "about.md")


def test_harden_fixes_the_markup_and_allows_exactly_the_listed_scripts():
    html = page(head=f"<script>{ALLOWED}</script>", body="<table></table>")
    hardened = harden(html, "index.md", [ALLOWED])
    assert policy_of(hardened)["script-src"] == ["'self'", script_hash(ALLOWED)]
    assert '<table tabindex="0">' in hardened and REFERRER_META in hardened


def test_harden_stops_at_an_inline_script_no_template_wrote():
    html = page(head=f"<script>{ALLOWED}</script>", body='<script>fetch("https://evil.example/")</script>')
    with pytest.raises(ValueError, match=r"^conditions/x.md: an inline script that none of the site's own templates wrote \('fetch"):
        harden(html, "conditions/x.md", [ALLOWED])


# --- Redirect pages -------------------------------------------------------------------------

# what mkdocs-redirects 1.2 writes (its HTML_TEMPLATE): an inline script and no policy
PLUGIN_REDIRECT = """<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Redirecting...</title>
    <link rel="canonical" href="../new-name/?a=1&amp;b=2">
    <script>var anchor=window.location.hash.substr(1);location.href="../new-name/?a=1&amp;b=2"+(anchor?"#"+anchor:"")</script>
    <meta http-equiv="refresh" content="0; url=../new-name/?a=1&amp;b=2">
</head>
<body>
You're being redirected to a <a href="../new-name/?a=1&amp;b=2">new destination</a>.
</body>
</html>
"""


def test_a_redirect_page_runs_no_inline_script_and_keeps_the_page_policy():
    html = redirect_page('../new-name/?a=1&b="2"', "../../")
    soup = BeautifulSoup(html, "html.parser")
    assert inline_scripts(html) == []
    assert [s["src"] for s in soup.find_all("script")] == ["../../assets/redirect.js"]
    assert policy_of(html)["script-src"] == ["'self'"]
    assert soup.find("meta", attrs={"name": "referrer"})["content"] == "strict-origin-when-cross-origin"
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == '0; url=../new-name/?a=1&b="2"'
    assert '"2""' not in html  # the target is escaped in every attribute


def test_the_redirect_target_is_read_from_the_plugins_canonical_link():
    assert redirect_target(PLUGIN_REDIRECT) == "../new-name/?a=1&b=2"
    assert redirect_target("<html><head></head></html>") is None


@pytest.mark.parametrize(("path", "root"), [("index.html", ""), ("old/index.html", "../"), ("conditions/old/index.html", "../../")])
def test_the_site_root_is_found_from_a_files_path(path: str, root: str):
    assert site_root_from(path) == root


def test_a_plugin_redirect_page_is_written_again_under_the_policy():
    rewritten = rewritten_redirect(PLUGIN_REDIRECT, "conditions/old-name/index.html")
    assert inline_scripts(PLUGIN_REDIRECT) and rewritten is not None and not inline_scripts(rewritten)
    assert rewritten == redirect_page("../new-name/?a=1&b=2", "../../")
    assert rewritten_redirect("<p>no canonical link</p>", "x/index.html") is None


# --- The search index -----------------------------------------------------------------------


def test_search_text_is_plain_with_no_space_left_where_a_citation_was():
    # what Material writes for "<p>It could make it worse <sup data-search-exclude>[1]</sup>.</p>"
    assert (
        plain_text("<p>It could make it worse .</p>\n<ul>\n<li>Rest,  <code>ice</code> ;</li></ul>") == "It could make it worse. Rest, ice;"
    )


def test_plain_search_index_keeps_every_entry_and_field():
    index = {"config": {"lang": ["en"]}, "docs": [{"location": "a/#b", "title": "B", "text": "<p>x</p>", "boost": 2}]}
    assert plain_search_index(index) == {"config": {"lang": ["en"]}, "docs": [{"location": "a/#b", "title": "B", "text": "x", "boost": 2}]}


def test_material_leaves_out_what_the_core_marks_data_search_exclude():
    """The core's Markdown for a condition page, through the site's Markdown extensions and
    Material's own search parser: no sources, review facts, citation numbers or warning box."""
    site = load_site(Path(__file__).parent / "fixtures" / "good", date(2026, 11, 23))
    source = site.graph.pages["conditions/outer-hip-thing.md"]
    html = markdown.markdown(
        site.page(source.src_uri, source.body).markdown, extensions=["admonition", "attr_list", "md_in_html", "tables", "toc"]
    )
    assert html.count("data-search-exclude") >= 4  # the check below would pass on a page without them
    parser = Parser()
    parser.feed(html)
    parser.close()
    indexed = [s for s in parser.data if not s.is_excluded()]
    ids = {s.id for s in indexed}
    text = " ".join("".join(s.text) for s in indexed)
    assert {"sources", "about-this-page"} <= {s.id for s in parser.data} and not ids & {"sources", "about-this-page"}
    assert "symptoms" in ids and "10.1000/alpha" in html and "10.1000/alpha" not in text
    assert not re.search(r"\[\d", text), "a citation number in the index"
    assert "Warning signs: when not to wait" not in text


def test_the_built_search_index_is_plain_and_has_no_sources_or_review_facts(site_dir: Path):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert len(docs) > 500
    assert not [d["location"] for d in docs if d["location"].endswith(("#sources", "#about-this-page"))]
    assert not [d["location"] for d in docs if "<" in d["text"] or re.search(r"\[\d+[,\]]", d["text"]) or " ." in d["text"]]
