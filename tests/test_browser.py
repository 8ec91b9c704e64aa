"""In a real browser (Debian's Chromium through Playwright): sharing works, and nothing leaves the site."""

from __future__ import annotations

from urllib.parse import urlsplit

from conftest import SITE_URL
from quality_gates import open_page


def test_in_short_copies_as_plain_text_with_the_link(browser, served_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_page(page, f"{served_site}conditions/gluteal-tendinopathy/")
    page.get_by_role("button", name="Copy this summary for a newsletter").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    first_words = " ".join(page.locator("#in-short + p").inner_text().split()[:6])
    assert copied.startswith(first_words)
    assert copied.endswith(f"Read more: {SITE_URL}conditions/gluteal-tendinopathy/")
    assert "[" not in copied  # no citation numbers
    context.close()


def test_every_condition_page_offers_to_print_its_handout(new_tab, served_site):
    """Issue 16: not only the physio sheet: every condition page prints as a handout."""
    page = new_tab()
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    open_page(page, f"{served_site}conditions/hip-stress-fracture/")
    page.get_by_role("button", name="Print a 2-page handout").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Print a 2-page handout").is_visible()


def test_a_search_requests_nothing_from_another_host(new_tab, served_site):
    """Every page's first view is checked by the page survey (tests/test_survey.py); here, what a
    search fetches after it: its worker, its index and the results."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(served_site))
    page = new_tab()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, f"{served_site}conditions/hip-stress-fracture/")
    page.keyboard.press("/")  # a search: its worker, its index and the results
    page.locator("input.md-search__input").fill("sit bone")
    page.locator("input.md-search__input").press("End")  # Material searches on key-up
    page.locator(".md-search-result__item").first.wait_for()
    foreign = [url for url in requested if not url.startswith((origin, "data:", "blob:"))]
    assert any("search_index.json" in url for url in requested), "the search never fetched its index"
    assert requested and not foreign, foreign


def test_the_request_check_sees_a_request_to_another_host(new_tab):
    page = new_tab()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_content('<img src="https://example.com/tracker.png" alt="">')
    page.wait_for_timeout(200)
    assert any(url.startswith("https://example.com/") for url in requested)
