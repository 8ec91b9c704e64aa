"""The training-load checker (/tools/training-load/) in Debian's Chromium: the page gives the
verdicts of its own rule (`check` in the built training-load.js, run in Node; the rule's own tests
are in tests/js/), and the link round-trips."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from quality_gates import open_page
from test_finder import WIDEST_IN_ARTICLE, node_rule

# (weekly totals, longest runs), oldest week first; None = left empty; and the verdict the page
# explains for it (the browser test checks the page against the script's rule, which must agree)
CASES = [
    ([20, 22, 25, 24, 30], [8, 9, 10, 10, 14], "spike"),  # 14 after 10: 40% longer
    ([20, 22, 25, 24, 26], [8, 9, 10, 10, 11], "none"),  # exactly 10% longer is not a spike
    ([20, 22, 25, 24, 26], [8, 9, 10, 10, 11.5], "spike"),  # 15% longer
    ([20, 20, 20, 20, 27], [10, 10, 10, 10, 10], "jump"),  # same long run, week up 35%
    ([20, 20, 20, 20, 26], [10, 10, 10, 10, 10], "none"),  # week up exactly 30%
    ([None, None, None, 15, 40], [None, None, None, 8, 21], "spike"),  # more than double
    ([None, None, None, None, 30], [None, None, None, None, 12], "incomplete"),  # nothing before
    ([20, 22, 25, 24, 30], [8, 9, 10, 10, None], "incomplete"),  # no long run this week
    ([0, 0, 0, 0, 10], [0, 0, 0, 0, 5], "layoff"),  # a full lay-off: the first run back is a spike
    ([20, 20, 0, 0, 10], [8, 8, 0, 0, 5], "layoff"),  # two empty weeks, even though the run is shorter
    ([None, None, 0, 0, 12], [None, None, None, None, None], "layoff"),  # a first week back, totals only
    ([20, 20, 20, 0, 10], [8, 8, 8, 0, 5], "none"),  # one empty week is not a lay-off
    ([20, 20, 0, 0, 0], [8, 8, 0, 0, 0], "none"),  # still resting: nothing to warn about
    ([20, 20, 20, 20, 21], [10, 10, 10, 10, 11.04], "spike"),  # 10.4% longer: over the line
]


@pytest.fixture(scope="module")
def checker_tab(browser, served_site):
    """One tab on the checker, shared by the tests that enter every number themselves (`fill`):
    the page load was most of each test's time, and nothing else carries over between them."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_page(page, f"{served_site}tools/training-load/")
    yield page, errors
    context.close()


@pytest.fixture
def checker(checker_tab):
    """The shared checker tab with no box ticked; the test fails if the page throws an error."""
    page, errors = checker_tab
    page.evaluate("() => document.querySelectorAll('#rh-load-form input[type=checkbox]').forEach((box) => { box.checked = false; })")
    yield page
    assert not errors, errors


def fill(page, totals, longest, unit="km") -> None:
    page.select_option("#rh-load-unit", unit)
    for index, (total, long) in enumerate(zip(totals, longest, strict=True)):
        page.fill(f"#rh-load-total-{index}", "" if total is None else str(total))
        page.fill(f"#rh-load-long-{index}", "" if long is None else str(long))


def verdict(page) -> str:
    page.get_by_role("button", name="Check this week").click()
    return page.locator("#rh-load-verdict").get_attribute("data-verdict")


def rule_verdicts(site_dir: Path, cases: list[tuple[list, list]]) -> list[str]:
    """The verdicts of the checker's own rule (check in the built training-load.js) for
    (totals, longest) pairs."""
    return node_rule(site_dir / "assets" / "training-load.js", "args.map(([t, l]) => rule.check(t, l).verdict)", cases)


def test_known_inputs_give_the_rules_verdicts(checker, site_dir):
    expected = rule_verdicts(site_dir, [(totals, longest) for totals, longest, _ in CASES])
    assert expected == [intended for _, _, intended in CASES]  # the cases test what they say they do
    assert set(expected) == {"layoff", "spike", "jump", "none", "incomplete"}
    for (totals, longest, _), wanted in zip(CASES, expected, strict=True):
        fill(checker, totals, longest)
        assert verdict(checker) == wanted, (totals, longest)
    fill(checker, *CASES[0][:2])
    verdict(checker)
    text = checker.locator("#rh-load-verdict").inner_text()
    assert "This week is a spike" in text and "40% longer than" in text and "more than 30% longer, up to double" in text
    assert checker.evaluate("document.activeElement.id") == "rh-load-verdict"  # focus moves to the answer
    assert checker.locator("#rh-load-result").get_attribute("aria-live") == "polite"


def verdict_text(page, totals, longest) -> str:
    fill(page, totals, longest)
    verdict(page)
    return page.locator("#rh-load-verdict").inner_text()


def test_a_return_after_time_off_is_a_spike_worded_for_a_lay_off(checker):
    text = verdict_text(checker, [0, 0, 0, 0, 10], [0, 0, 0, 0, 5])
    assert "Back after time off: this week counts as a spike" in text
    assert "Not enough numbers" not in text
    assert "rh-load__verdict--spike" in checker.locator("#rh-load-verdict").get_attribute("class")


def test_percentages_near_the_lines_are_not_rounded_onto_them(checker):
    text = verdict_text(checker, [20, 20, 20, 20, 21], [10, 10, 10, 10, 11.04])
    assert "10.4% longer than" in text and "more than 10% longer, up to 30% longer" in text
    assert " 10% longer than" not in text
    text = verdict_text(checker, [20, 20, 20, 20, 26.08], [10, 10, 10, 10, 10])
    assert "30.4% more than last week: that is more than 30% more" in text
    text = verdict_text(checker, [20, 20, 20, 20, 20], [10, 10, 10, 10, 9])
    assert "10% shorter than" in text and "Up to 10% longer is not a spike" in text
    text = verdict_text(checker, [20, 20, 20, 20, 20], [10, 10, 10, 10, 10.02])
    assert "less than 1% longer than" in text


def test_a_jump_looks_different_from_a_spike(checker):
    border = "el => { const s = getComputedStyle(el); return [s.borderLeftStyle, s.borderLeftColor, s.borderLeftWidth]; }"
    fill(checker, [20, 22, 25, 24, 30], [8, 9, 10, 10, 14])
    assert verdict(checker) == "spike"
    spike = checker.locator("#rh-load-verdict").evaluate(border)
    title_spike = checker.locator("#rh-load-verdict .rh-load__title").inner_text()
    fill(checker, [20, 20, 20, 20, 27], [10, 10, 10, 10, 10])
    assert verdict(checker) == "jump"
    jump = checker.locator("#rh-load-verdict").evaluate(border)
    title_jump = checker.locator("#rh-load-verdict .rh-load__title").inner_text()
    fill(checker, [20, 22, 25, 24, 26], [8, 9, 10, 10, 11])
    assert verdict(checker) == "none"
    none = checker.locator("#rh-load-verdict").evaluate(border)
    assert spike != jump and spike != none and jump != none
    assert spike[0] == "solid" and jump[0] == "dashed"  # not colour alone
    assert title_spike != title_jump and "note" in title_jump.lower()


def test_bad_numbers_get_a_clear_message(checker):
    fill(checker, [20, 22, 25, 24, 30], [8, 9, 10, 30, 12])
    assert verdict(checker) == "error"
    assert "Last week: the longest run (30) cannot be more than the week's total (24)" in checker.locator("#rh-load-verdict").inner_text()
    checker.fill("#rh-load-long-3", "-4")
    assert verdict(checker) == "error"
    assert "Last week, longest run: enter a number of 0 or more" in checker.locator("#rh-load-verdict").inner_text()


def test_every_field_has_a_label(checker):
    fields = checker.locator("#rh-load-form input, #rh-load-form select")
    assert fields.count() == 15
    for index in range(fields.count()):
        field_id = fields.nth(index).get_attribute("id")
        assert checker.locator(f'label[for="{field_id}"]').inner_text().strip(), field_id
    checker.select_option("#rh-load-unit", "min")
    assert checker.locator('label[for="rh-load-long-4"]').inner_text() == "This week: longest run, minutes"


def test_the_link_holds_the_numbers_and_opens_the_same_verdict(tab, served_site):
    open_page(tab, f"{served_site}tools/training-load/")
    assert urlsplit(tab.url).query == ""
    fill(tab, [None, 180, 190, 200, 230], [None, 60, 70, 70, 95], unit="min")
    tab.locator("#rh-load-c-hills").check()
    assert verdict(tab) == "spike"
    assert urlsplit(tab.url).query == ""  # nothing goes into the address until the reader asks
    tab.get_by_role("button", name="Link to these numbers").click()
    link = tab.locator("#rh-load-link").input_value()
    assert link == tab.url
    query = parse_qs(urlsplit(link).query, keep_blank_values=True)
    assert query == {"unit": ["min"], "total": [",180,190,200,230"], "long": [",60,70,70,95"], "changed": ["hills"]}
    other = tab.context.new_page()
    open_page(other, link)
    assert other.locator("#rh-load-verdict").get_attribute("data-verdict") == "spike"
    assert other.locator("#rh-load-unit").input_value() == "min"
    assert other.locator("#rh-load-long-4").input_value() == "95"
    assert other.locator("#rh-load-total-0").input_value() == ""
    assert other.locator("#rh-load-c-hills").is_checked()
    assert "You also changed: more hills" in other.locator("#rh-load-verdict").inner_text()


def test_fits_320px_at_200_percent_text(new_tab, served_site):
    page = new_tab(viewport={"width": 320, "height": 700})
    open_page(page, f"{served_site}tools/training-load/?unit=km&total=10,10,10,10,20&long=5,5,5,5,9")
    page.locator("#rh-load-verdict").wait_for()
    page.evaluate("document.documentElement.style.fontSize = 'calc(125% * 2)'")
    assert page.evaluate(WIDEST_IN_ARTICLE) <= 320


def test_without_javascript_the_rule_is_still_there(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}tools/training-load/")
    assert page.locator("#rh-load-nojs").is_visible()
    assert page.locator("#rh-load-form").is_hidden()
    assert page.locator("#the-rule").is_visible()
    context.close()


def test_the_page_links_what_to_read_and_cites_its_evidence(site_dir):
    html = (site_dir / "tools" / "training-load" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../prevention/training-load/"' in html
    assert 'href="../../conditions/hip-stress-fracture/"' in html
    assert html.count('class="rh-cite"') >= 8
    size = len(gzip.compress((site_dir / "assets" / "training-load.js").read_bytes(), compresslevel=9))
    assert size < 15 * 1024


@pytest.mark.parametrize("raw", ["abc", "1_000", "1e309", "5e-324", "0x10", "Infinity", "1.2.3", "12 km", "1e3"])
def test_a_field_it_cannot_read_is_named_and_no_verdict_is_given(checker, raw):
    """Values a number field would blank or Number() would misread: named, never a verdict on the rest."""
    fill(checker, [20, 22, 25, 24, 30], [8, 9, 10, 10, 14])
    checker.fill("#rh-load-long-2", raw)
    assert verdict(checker) == "error"
    text = checker.locator("#rh-load-verdict").inner_text()
    assert "2 weeks ago, longest run: this is not a number the checker can read" in text
    assert raw not in text and "Infinity" not in text and "No spike" not in text


def test_full_width_digits_and_decimal_commas_are_read(checker):
    fill(checker, [20, 22, 25, 24, 30], [8, 9, 10, 10, 14])
    checker.fill("#rh-load-long-4", "\uff11\uff14")  # full-width 14
    assert verdict(checker) == "spike"
    checker.fill("#rh-load-long-4", "11,5")
    assert verdict(checker) == "spike" and "15% longer" in checker.locator("#rh-load-verdict").inner_text()


def test_an_absurd_value_gets_a_message(checker):
    fill(checker, [20, 22, 25, 24, 5000], [8, 9, 10, 10, 14])
    assert verdict(checker) == "error"
    assert "This week, total: more than 1000 km is more than anyone runs in a week" in checker.locator("#rh-load-verdict").inner_text()


MARKER = "EVILTEXT"
HOSTILE_LOAD_LINKS = [
    (f"?unit=km&total=abc,1e309,1_000,24,30&long=8,9,10,10,{MARKER}", 4),
    (f"?unit=constructor&total=20,22,25,24,30&long=8,9,10,10,14&changed={MARKER}", 0),
    ("?unit=km&total=20,22,25,24,30&long=8,9,10,10,5e-324", 1),
    (f"?unit=km&total=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E{MARKER},22,25,24,30&long=8,9,10,10,14", 1),
    (f"?unit=km&total=20,22,25,24,30&long=8,9,10,10,%E2%80%AE{MARKER}%200800", 1),
    ("?unit=km&total=" + ",".join(["9" * 20] * 5) + "&long=8,9,10,10,14", 5),
    ("?unit=km&long=8,9,10,10,14&total=" + MARKER * 7000, 1),  # ~56 kB, cut at 2,000 characters
]


@pytest.mark.parametrize(("query", "unreadable"), HOSTILE_LOAD_LINKS, ids=[f"link{i}" for i in range(len(HOSTILE_LOAD_LINKS))])
def test_a_hostile_link_puts_no_text_on_the_page_and_gives_no_verdict_on_partial_numbers(tab, served_site, query, unreadable):
    open_page(tab, f"{served_site}tools/training-load/{query}", timeout=15_000)
    tab.locator("#rh-load-verdict").wait_for(timeout=10_000)
    text = tab.evaluate("document.body.innerText + [...document.querySelectorAll('input')].map(i => i.value).join(' ')")
    assert MARKER not in text and "alert(" not in text and "\u202e" not in text and "0800" not in text and "Infinity" not in text
    assert tab.locator("#rh-load-unit").input_value() == "km"
    shown = tab.locator("#rh-load-verdict")
    if unreadable:
        assert shown.get_attribute("data-verdict") == "error"
        assert shown.locator("li").count() == unreadable
    else:
        assert shown.get_attribute("data-verdict") == "spike"
