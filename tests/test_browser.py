"""In a real browser (Debian's Chromium through Playwright): sharing works, and nothing leaves the site."""

from __future__ import annotations

from urllib.parse import urlsplit

from conftest import SITE_URL


def test_in_short_copies_as_plain_text_with_the_link(browser, served_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{served_site}conditions/gluteal-tendinopathy/")
    page.get_by_role("button", name="Copy this summary for a newsletter").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    first_words = " ".join(page.locator("#in-short + p").inner_text().split()[:6])
    assert copied.startswith(first_words)
    assert copied.endswith(f"Read more: {SITE_URL}conditions/gluteal-tendinopathy/")
    assert "[" not in copied  # no citation numbers
    context.close()


def test_every_condition_page_offers_to_print_its_handout(browser, served_site):
    """Issue 16: not only the physio sheet: every condition page prints as a handout."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(f"{served_site}conditions/hip-stress-fracture/")
    page.get_by_role("button", name="Print a 2-page handout").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Print a 2-page handout").is_visible()
    context.close()


def test_a_search_requests_nothing_from_another_host(browser, served_site):
    """Every page's first view is checked by the page survey (tests/test_survey.py); here, what a
    search fetches after it: its worker, its index and the results."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(served_site))
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{served_site}conditions/hip-stress-fracture/", wait_until="load")
    page.keyboard.press("/")  # a search: its worker, its index and the results
    page.locator("input.md-search__input").fill("sit bone")
    page.locator("input.md-search__input").press("End")  # Material searches on key-up
    page.locator(".md-search-result__item").first.wait_for()
    context.close()
    foreign = [url for url in requested if not url.startswith((origin, "data:", "blob:"))]
    assert any("search_index.json" in url for url in requested), "the search never fetched its index"
    assert requested and not foreign, foreign


def test_the_request_check_sees_a_request_to_another_host(browser):
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_content('<img src="https://example.com/tracker.png" alt="">')
    page.wait_for_timeout(200)
    context.close()
    assert any(url.startswith("https://example.com/") for url in requested)
