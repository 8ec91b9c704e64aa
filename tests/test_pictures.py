"""Pictures drawn at build time: the recovery chart on /conditions/ and the body map on every
region page and the finder. The core's drawing functions, then the built pages."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from conftest import ROOT, page, site_content

from crosslinks import bodymap, charts

REGIONS = tuple(site_content().graph.regions)
NAMES = {r: r.title() for r in REGIONS}
HTML_LIMIT = 25 * 1024  # bytes per page, gzip-compressed


# --- the core's drawing functions --------------------------------------------------------------


def test_a_region_map_shades_only_its_region():
    svg = bodymap.body_map_svg(NAMES, picked="side")
    assert svg.count("is-picked") == 1
    assert re.search(r'<g class="rh-bodymap__region is-picked" data-region="side">', svg)
    assert 'role="img"' in svg and ">Side</text>" in svg
    assert "style=" not in svg and "<script" not in svg


def test_the_finder_map_names_every_region_and_shades_none():
    svg = bodymap.body_map_svg(NAMES, pickable=True)
    assert "is-picked" not in svg
    for region, name in NAMES.items():
        assert f'data-region="{region}" aria-label="{name}"' in svg


def test_each_region_is_named_in_words_on_the_map_inside_its_own_group():
    labels = {r: f"Words for {r} <&>" for r in REGIONS}
    svg = bodymap.body_map_svg(NAMES, pickable=True, labels=labels)
    for region in REGIONS:
        group = re.search(rf'<g class="rh-bodymap__region" data-region="{region}"[^>]*>(.*?)</g>', svg)
        assert group, region
        assert re.findall(r'<text class="rh-bodymap__name"[^>]*>([^<]*)</text>', group[1]) == [f"Words for {region} &lt;&amp;&gt;"]
        assert 'class="rh-bodymap__leader"' in group[1]


def test_a_bad_region_is_an_error_naming_the_valid_ones():
    with pytest.raises(ValueError, match=r"picked region 'hip' is not one of \['back', 'front'"):
        bodymap.body_map_svg(NAMES, picked="hip")
    with pytest.raises(ValueError, match="no shape is drawn for region"):
        bodymap.body_map_svg({**NAMES, "knee": "Knee"})
    with pytest.raises(ValueError, match=r"no words for the map for region\(s\) \['side'\]"):
        bodymap.body_map_svg(NAMES, labels={r: r for r in REGIONS if r != "side"})


# Issue 16: a map for thumbs. The drawing's own geometry, at the width a 390 px phone gives it.


def test_every_shape_is_at_least_44_px_both_ways_on_a_phone():
    small = [
        (region, round(bodymap.phone_px(box.w)), round(bodymap.phone_px(box.h)))
        for region, spots in bodymap.REGION_SHAPES.items()
        for box in map(bodymap.spot_box, spots)
        if min(bodymap.phone_px(box.w), bodymap.phone_px(box.h)) < bodymap.MIN_TARGET
    ]
    assert not small, f"shapes under 44 x 44 px on a phone: {small}"
    assert bodymap.phone_px(1) >= 1, "the map is drawn at least at its own size on a phone"


def boxes_by_region(labels: dict[str, str]) -> dict[str, list[bodymap.Box]]:
    return {
        region: [bodymap.spot_box(s) for s in spots] + [bodymap.label_box(bodymap.REGION_LABELS[region], labels[region])]
        for region, spots in bodymap.REGION_SHAPES.items()
    }


def test_no_shape_or_name_of_one_region_overlaps_another_region_and_all_fit_the_map():
    labels = {r.id: bodymap.words_on_map(r.name, r.short) for r in site_content().graph.regions.values()}
    boxes = boxes_by_region(labels)
    clashes = [(a, b) for a in boxes for b in boxes if a < b and any(x.overlaps(y) for x in boxes[a] for y in boxes[b])]
    assert not clashes, f"regions drawn over each other: {clashes}"
    width, height = bodymap.map_size()
    outside = [r for r, bs in boxes.items() for b in bs if b.x < 0 or b.y < 0 or b.x + b.w > width or b.y + b.h > height]
    assert not outside, f"drawn outside the map: {outside}"


def test_the_words_on_the_map_are_part_of_each_areas_name():
    assert bodymap.words_on_map("Outer hip and thigh", "Outer hip") == "Outer hip"
    assert bodymap.words_on_map("Front of the hip and groin", "Front and groin") == "Front of the hip and groin"
    for region in site_content().graph.regions.values():
        assert bodymap.words_on_map(region.name, region.short).casefold() in region.name.casefold()


def test_the_overlap_check_can_fail():
    a = bodymap.Box(0, 0, 10, 10)
    assert a.overlaps(bodymap.Box(9, 9, 10, 10)) and not a.overlaps(bodymap.Box(10, 0, 10, 10))


def test_the_css_keeps_the_maps_shape_before_anything_loads():
    css = (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    ratio = re.search(r"\.rh-bodymap \{\s*aspect-ratio: ([\d.]+) / ([\d.]+);", css)
    assert ratio, "site.css reserves the map's size with aspect-ratio"
    assert (float(ratio[1]), float(ratio[2])) == pytest.approx(bodymap.map_size())


def test_the_map_is_small():
    assert len(gzip.compress(bodymap.body_map_svg(NAMES, pickable=True).encode())) < 4 * 1024


def test_recovery_bars_span_their_range_and_long_term_runs_to_the_end():
    rows = [
        charts.RecoveryRow("Short", 4, 12, False),
        charts.RecoveryRow("Long", 12, 12, True),
        charts.RecoveryRow("Year", 8, 52, False),
    ]
    svg = charts.recovery_chart_svg(rows)
    bars = re.findall(r'<rect class="rh-chart__bar( rh-chart__bar--long)?" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    assert [b[0] != "" for b in bars] == [False, False, True]  # shortest first, long-term last
    scale = (charts.RIGHT - charts.LEFT) / 52
    (_, x1, w1), _, (_, x3, w3) = bars
    assert float(x1) == pytest.approx(charts.LEFT + 4 * scale, abs=0.1)
    assert float(w1) == pytest.approx(8 * scale, abs=0.1)
    assert float(x3) + float(w3) == pytest.approx(charts.RIGHT, abs=0.1)  # open-ended
    assert "rh-chart__open" in svg and "long-term" in svg
    assert "Long: long-term; judge a first course of treatment after 12 weeks" in svg  # the text alternative


def test_the_axis_ends_on_a_whole_quarter_year():
    assert charts.axis_end([charts.RecoveryRow("A", 1, 53, False)]) == 65
    assert charts.axis_end([charts.RecoveryRow("A", 1, 2, False)]) == 13
    with pytest.raises(ValueError, match="at least one condition"):
        charts.recovery_chart_svg([])


# --- the built pages ---------------------------------------------------------------------------


def test_conditions_page_has_a_recovery_chart_with_a_text_alternative(site_dir):
    soup = page(site_dir, "conditions/")
    svg = soup.select_one("figure.rh-chart-figure svg.rh-chart")
    assert svg is not None and svg["role"] == "img"
    labelled = [soup.find(id=i) for i in svg["aria-labelledby"].split()]
    assert all(labelled) and labelled[0].name == "title"
    conditions = [a.get_text() for a in soup.select("table tbody tr td:first-child a")]
    assert len(conditions) >= 10
    from crosslinks.wording import UNKNOWN_RECOVERY

    rows = {a.get_text(): a.find_parent("tr").get_text(" ") for a in soup.select("table tbody tr td:first-child a")}
    drawn = [title for title, row in rows.items() if UNKNOWN_RECOVERY not in " ".join(row.split())]
    assert len(svg.select("rect.rh-chart__bar")) == len(drawn) < len(conditions)  # no bar for an unknown time
    desc = labelled[1].get_text()
    for title in drawn:
        assert title in desc
    caption = " ".join(soup.select_one("figure.rh-chart-figure figcaption").get_text().split())
    for title in set(conditions) - set(drawn):
        assert title in caption, f"{title}: not named as having no usual time"
    assert "long-term" in desc and svg.select("rect.rh-chart__bar--long")  # osteoarthritis, dysplasia
    assert soup.select_one("figure.rh-chart-figure figcaption").get_text().strip()


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_page_shows_the_map_with_its_region_shaded(site_dir, region):
    soup = page(site_dir, f"where-it-hurts/{region}/")
    svg = soup.select_one("figure.rh-bodymap-figure svg.rh-bodymap")
    assert svg is not None and svg["role"] == "img"
    picked = svg.select(".rh-bodymap__region.is-picked")
    assert [g["data-region"] for g in picked] == [region]
    name = soup.select_one("h1").get_text(strip=True)
    assert name in svg["aria-label"]
    assert len(svg.select(".rh-bodymap__region")) == len(REGIONS)


def test_the_finder_and_region_pages_share_one_drawing(site_dir):
    def body(url: str) -> list[str]:
        return [p["d"] for p in page(site_dir, url).select("svg.rh-bodymap .rh-bodymap__body path")]

    finder = body("finder/")
    assert finder and finder == body("where-it-hurts/side/") == body("where-it-hurts/back/")


@pytest.mark.parametrize("url", ["finder/", "conditions/", "tools/training-load/", *(f"where-it-hurts/{r}/" for r in REGIONS)])
def test_pages_with_pictures_stay_within_the_html_budget(site_dir, url):
    html = (site_dir / url / "index.html").read_bytes()
    size = len(gzip.compress(html, compresslevel=9))
    assert size <= HTML_LIMIT, f"{url} is {size} bytes compressed; the budget is {HTML_LIMIT}"
    text = html.decode()
    assert not re.search(r"<svg[^>]*\sstyle=|<(?:g|ellipse|rect|path|text)\b[^>]*\sstyle=", text)


# --- colours -----------------------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Material's page backgrounds: white, and slate's hsl(225deg, 15%, 14%) (--md-default-bg-color, --md-hue: 225deg)
BACKGROUNDS = {"default": "#ffffff", "slate": "#1e2129"}


def test_the_shaded_area_contrasts_with_the_page_in_both_palettes():
    css = Path(ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    light = re.search(r'\[data-md-color-scheme="default"\] \{\s*--rh-pick: (#[0-9a-f]{6})', css)
    dark = re.search(r'\[data-md-color-scheme="slate"\] \{\s*--rh-pick: (#[0-9a-f]{6})', css)
    assert light and dark, "site.css must set --rh-pick for both palettes"
    # The shaded area and the chart's long-term bar are graphics: WCAG 1.4.11 asks for 3:1; we keep 4.5:1
    assert contrast(light.group(1), BACKGROUNDS["default"]) >= 4.5
    assert contrast(dark.group(1), BACKGROUNDS["slate"]) >= 4.5
    assert contrast("#777777", "#ffffff") < 4.5  # the check can fail
