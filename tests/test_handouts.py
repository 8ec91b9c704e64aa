"""Printed handouts, printed for real: Chromium prints pages to A4 PDF and pypdf reads them back.

A condition page must print as a handout of at most two A4 pages that keeps its title, its red
flags and its address (with a QR code to it); the physio sheet must print on one page, with what
the reader typed into it.
"""

from __future__ import annotations

import io
import re

import pytest
import segno
from conftest import SITE_URL, page, site_content
from pypdf import PdfReader
from quality_gates import open_page

CONDITIONS = sorted(site_content().graph.conditions)


def flat(text: str) -> str:
    """PDF text with its line breaks and spacing folded, so a wrapped address still matches."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printer(browser):
    context = browser.new_context()
    tab = context.new_page()

    def print_pdf(url: str) -> PdfReader:
        open_page(tab, url)
        return PdfReader(io.BytesIO(tab.pdf(format="A4", print_background=True)))

    print_pdf.tab = tab  # type: ignore[attr-defined]
    yield print_pdf
    context.close()


@pytest.mark.parametrize("slug", CONDITIONS)
def test_a_condition_page_prints_as_a_handout_of_at_most_two_a4_pages(printer, served_site, site_dir, slug):
    html = page(site_dir, f"conditions/{slug}/")
    title = html.find("h1").get_text(strip=True)
    red_flag_box = html.select_one("article > .rh-warnings")
    first_red_flag = red_flag_box.find("li")
    for citation in first_red_flag.select("sup"):  # citation numbers are not printed
        citation.decompose()

    pdf = printer(f"{served_site}conditions/{slug}/")
    first_text, filled = text_and_filled(pdf.pages[0])
    text = "\n".join([first_text, *(p.extract_text() for p in pdf.pages[1:])])
    assert len(pdf.pages) <= 2, f"{slug} prints on {len(pdf.pages)} A4 pages; the handout allows 2"
    assert filled >= 2 / 3, f"{slug}: the first printed page is only {filled:.0%} full; a block pushed to page 2 left a gap"
    assert abs(float(pdf.pages[0].mediabox.width) - 595) < 2, "not A4"
    assert flat(title) in flat(text)
    assert flat(red_flag_box.find(class_="admonition-title").get_text()) in flat(text)
    assert flat(first_red_flag.get_text()) in flat(text), "the red flags did not print"
    assert flat(f"{SITE_URL}conditions/{slug}/") in flat(text), "the page's address did not print"
    for screen_only in ("Copy this summary", "Skip to content", "Cite this page", "Table of contents", "On this page"):
        assert screen_only not in text, f"{screen_only!r} printed"
    stray = re.findall(r"\w \.(?:\s|$)", flat(text))  # a space left where a citation number was taken out
    assert not stray, f"{slug}: stray spaces before full stops on paper: {stray[:3]}"
    printer.tab.emulate_media(media="print")
    abbr = printer.tab.evaluate("() => [...document.querySelectorAll('article abbr')].map(a => getComputedStyle(a).textDecorationLine)")
    printer.tab.emulate_media(media="null")  # back to no emulation: pdf() prints with print styles
    assert set(abbr) <= {"none"}, "an abbreviation's underline printed"


def text_and_filled(pdf_page) -> tuple[str, float]:
    """A printed page's text, and how much of its height the text fills: from the first line to
    the last, over the page's height less its margins (taken as the space above the first line,
    at both ends). One reading of the page gives both (pypdf's reading is most of a test's time)."""
    lines: list[float] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            lines.append(tm[5] * cm[3] + cm[5])  # the baseline's height from the bottom, in points

    text = pdf_page.extract_text(visitor_text=visit)
    height = float(pdf_page.mediabox.height)
    top, bottom = max(lines), min(lines)
    return text, (top - bottom) / (height - 2 * (height - top))


def dark_modules(svg) -> set[tuple[int, int]]:
    """The dark modules (column, row) an SVG QR code draws, read back from its path data: `M x y`
    and `m dx dy` move the pen (y is a row's centre line), `hN` draws N modules along the row."""
    x = y = 0.0
    dark: set[tuple[int, int]] = set()
    for op, args in re.findall(r"([MmHh])([-\d. ]+)", svg.find("path")["d"]):
        numbers = [float(n) for n in args.split()]
        if op in "Mm":
            x, y = (numbers[0], numbers[1]) if op == "M" else (x + numbers[0], y + numbers[1])
        else:
            step = numbers[0] if op == "h" else numbers[0] - x
            dark |= {(int(x) + i, int(y)) for i in range(int(step))}
            x += step
    return dark


def qr_modules(url: str, border: int = 4) -> set[tuple[int, int]]:
    """The dark modules of a QR code for `url` (ISO 18004, error correction M), made here with
    segno's matrix: the reference a phone's reader would agree with, not the page's SVG writer."""
    code = segno.make_qr(url, error="m")
    return {(c + border, r + border) for r, row in enumerate(code.matrix) for c, value in enumerate(row) if value}


def test_the_handout_qr_code_leads_to_the_page_itself(site_dir):
    for slug in CONDITIONS:
        svg = page(site_dir, f"conditions/{slug}/").find(class_="rh-handout").find("svg")
        drawn = dark_modules(svg)
        assert drawn == qr_modules(f"{SITE_URL}conditions/{slug}/"), f"{slug}: the printed QR code is not this page's address"
        assert drawn != qr_modules(f"{SITE_URL}conditions/{slug}"), "the check tells addresses apart"
        assert min(x for x, _ in drawn) == min(y for _, y in drawn) == 4, f"{slug}: no 4-module quiet zone"


def test_print_styles_hide_the_handout_footer_on_screen(browser, served_site):
    tab = browser.new_page()
    open_page(tab, f"{served_site}conditions/hip-stress-fracture/")
    assert not tab.locator(".rh-handout").is_visible()
    tab.emulate_media(media="print")
    assert tab.locator(".rh-handout").is_visible()
    assert not tab.locator(".md-header").is_visible() and not tab.locator(".md-sidebar--primary").is_visible()
    tab.close()


def test_the_physio_sheet_is_a_form_that_prints_on_one_page_with_what_was_typed(printer, served_site, site_dir):
    html = page(site_dir, "self-care/physio-sheet/")
    form = html.find("form", class_="rh-sheet")
    controls = form.find_all(["input", "textarea"])
    assert len(controls) > 30
    for control in controls:  # every control is named, by its label, a wrapping label, or aria-label
        named = control.get("aria-label") or control.find_parent("label") or form.find("label", attrs={"for": control.get("id")})
        assert named, f"unlabelled control {control}"
    assert form.find("img", src=re.compile("body-outline.svg"))
    # dates as the site writes them (UK): never the browser's own mm/dd/yyyy date picker
    assert not form.select('input[type="date"]')
    start = form.find("input", id="rh-start")
    assert start["placeholder"] == "DD/MM/YYYY" and "day, month, year" in form.find("label", attrs={"for": "rh-start"}).get_text()
    for heading in ("Where it hurts", "When and how it started", "What makes it worse", "The last six weeks of running"):
        assert heading in form.get_text()

    tab = printer.tab  # type: ignore[attr-defined]
    open_page(tab, f"{served_site}self-care/physio-sheet/")
    tab.get_by_label("Last week: longest run").fill("half marathon, 21 km")
    tab.get_by_label("What eases it").fill("ice and rest days")
    tab.get_by_role("button", name="Print this sheet").wait_for()
    pdf = PdfReader(io.BytesIO(tab.pdf(format="A4", print_background=True)))
    text = pdf.pages[0].extract_text()
    assert len(pdf.pages) == 1, f"the physio sheet prints on {len(pdf.pages)} pages"
    assert "half marathon, 21 km" in text and "ice and rest days" in text
    assert "Print this sheet" not in text and "Clear the form" not in text
    assert flat(f"{SITE_URL}self-care/physio-sheet/") in flat(text)


def test_the_handout_check_sees_abbreviations_to_check(site_dir):
    """The print check above reads each page's abbreviations: most condition pages have some."""
    with_abbr = [slug for slug in CONDITIONS if page(site_dir, f"conditions/{slug}/").select("article abbr")]
    assert len(with_abbr) >= len(CONDITIONS) // 2


def test_folded_evidence_is_closed_on_screen_and_prints_open(printer, site_dir, served_site):
    """Issue 16: studies fold away so a phone reader meets the guidance first; paper shows them."""
    html = page(site_dir, "prevention/bone-health/")
    folded = [d for d in html.select("article details") if "The evidence in numbers" in d.select_one("summary").get_text()]
    assert folded and not any(d.has_attr("open") for d in folded), "the evidence is folded on screen"
    first_item = folded[0].select_one("li")
    for citation in first_item.select("sup"):
        citation.decompose()
    pdf = printer(f"{served_site}prevention/bone-health/")
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert flat(first_item.get_text())[:60] in flat(text), "folded evidence did not print"


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("self-care/first-steps/", "Print this page"),  # a guide with "In short": beside its copy button
        ("self-care/not-from-the-hip/", "Print this page"),  # a guide without one: at its end
        ("exercises/clamshell/", "Print this page"),
        ("conditions/it-band-syndrome/", "Print a 2-page handout"),
        ("self-care/physio-sheet/", "Print this sheet"),
    ],
)
def test_every_condition_page_and_guide_has_one_print_button_that_prints(new_tab, served_site, path, label):
    tab = new_tab(viewport={"width": 390, "height": 844})
    open_page(tab, served_site + path)
    buttons = tab.locator("button", has_text="Print")
    tab.locator("button.rh-print[data-rh-wired]").wait_for()  # share.js has wired it up
    assert buttons.count() == 1 and buttons.inner_text() == label
    tab.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    buttons.click()
    assert tab.evaluate("window.__printed") == 1


def test_without_javascript_no_copy_or_print_button_shows(browser, served_site):
    """The buttons are in the page as built, and need share.js to do anything: with scripting off
    they are hidden (site.css), never a button that does nothing."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    for path in ("conditions/it-band-syndrome/", "self-care/first-steps/", "self-care/physio-sheet/", "exercises/clamshell/"):
        tab.goto(served_site + path, wait_until="load")
        assert tab.locator("button.rh-print").count() == 1, path  # in the page, and
        assert tab.locator("button.rh-print:visible, button.rh-copy-summary:visible").count() == 0, path  # hidden
    context.close()
