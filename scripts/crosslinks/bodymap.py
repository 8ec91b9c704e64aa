"""The body map: one inline SVG drawing, used by the finder and by every region page.

Two views (front and back) of a mannequin cropped from the waist to the knees, with the five
regions of pain drawn over it as large rounded shapes, each named in words on the map with a
leader line. The map is drawn for thumbs (issue 16): at a 390 px phone the map is about 356 px
wide, and every shape is then at least 44 x 44 px (`MIN_TARGET`); shapes of different regions
never overlap. On a region page it is a picture with its region shaded; on the finder, the
finder's script makes each region (its shapes and its label) a button. The body outline comes
from `art/body-outline.json` (body_part_selector, MIT; see `scripts/make_body_art.py`).
Everything here is pure except reading that file once.
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

ART_FILE = Path(__file__).with_name("art") / "body-outline.json"
BODY_HEIGHT = 300.0  # every view is scaled to this height before cropping ("view units")
ZOOM = 2.1  # map units per view unit
VIEWS: tuple[tuple[str, str], ...] = (("front", "Front"), ("back", "Back"))
# The part of each view that is shown, as (left, right) in view units; top and bottom are shared
CROP_X: dict[str, tuple[float, float]] = {"front": (32, 118), "back": (42, 108)}
CROP_Y = (98.0, 198.0)
GAP = 14.0  # map units between the views
TITLE_ROW = 17.0  # the views' titles, above everything
LABEL_ROW = 22.0  # a row of region names above the views and another below
NAME_SIZE = 13.0  # font size of a region's name, in map units (CSS matches)
PHONE_MAP_WIDTH = 356.0  # CSS px the map gets on a 390 px wide phone
MIN_TARGET = 44.0  # CSS px, both ways, for every shape at PHONE_MAP_WIDTH


class Spot(NamedTuple):
    """One shape of a region, a rounded rectangle: in which view, its left, top, width and
    height, in that view's units."""

    view: str
    x: float
    y: float
    w: float
    h: float


class Label(NamedTuple):
    """Where a region's name goes: above ("top") or below ("bottom") a view, at `x` (view
    units) with `anchor` (start, middle, end), and leader lines from `x` to each target point."""

    view: str
    row: str
    x: float
    anchor: str
    targets: tuple[tuple[float, float], ...]


# Where each region is drawn, in each view's own units (before cropping). The front view faces
# us, so the person's right hip is on the left. The outer hip is shown on the front view only.
REGION_SHAPES: dict[str, tuple[Spot, ...]] = {
    "front": (Spot("front", 50, 119, 22, 23), Spot("front", 78, 119, 22, 23)),
    "inner-thigh": (Spot("front", 64, 147, 22, 35),),
    "side": (Spot("front", 35, 147, 23, 33), Spot("front", 92, 147, 23, 33)),
    "back": (Spot("back", 50, 130, 24, 26), Spot("back", 76, 130, 24, 26)),
    "lower-back": (Spot("back", 52, 101, 46, 24),),
}
REGION_LABELS: dict[str, Label] = {
    "front": Label("front", "top", 75, "middle", ((61, 119), (89, 119))),
    "side": Label("front", "bottom", 40, "start", ((42, 180),)),
    "inner-thigh": Label("front", "bottom", 80, "start", ((80, 182),)),
    "lower-back": Label("back", "top", 75, "middle", ((75, 101),)),
    "back": Label("back", "bottom", 75, "middle", ((75, 156),)),
}


class Box(NamedTuple):
    """A rectangle in map units: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: Box) -> bool:
        return self.x < other.x + other.w and other.x < self.x + self.w and self.y < other.y + other.h and other.y < self.y + self.h


@functools.cache
def body_art() -> dict:
    """The outline of each view: {view: {width, height, paths}} (read once)."""
    return json.loads(ART_FILE.read_text(encoding="utf-8"))


def _offsets() -> dict[str, float]:
    """Left edge of each view inside the whole map, in map units."""
    offsets, x = {}, 0.0
    for view, _ in VIEWS:
        offsets[view] = x
        left, right = CROP_X[view]
        x += (right - left) * ZOOM + GAP
    return offsets


def _views_top() -> float:
    return TITLE_ROW + LABEL_ROW


def map_size() -> tuple[float, float]:
    """The whole map's width and height, in map units (its viewBox)."""
    width = sum((right - left) * ZOOM for left, right in CROP_X.values()) + GAP * (len(VIEWS) - 1)
    return width, _views_top() + (CROP_Y[1] - CROP_Y[0]) * ZOOM + LABEL_ROW


def to_map(view: str, x: float, y: float) -> tuple[float, float]:
    """A point of a view (view units) in the whole map (map units)."""
    return _offsets()[view] + (x - CROP_X[view][0]) * ZOOM, _views_top() + (y - CROP_Y[0]) * ZOOM


def spot_box(spot: Spot) -> Box:
    """A shape's rectangle in map units."""
    x, y = to_map(spot.view, spot.x, spot.y)
    return Box(x, y, spot.w * ZOOM, spot.h * ZOOM)


def phone_px(map_units: float) -> float:
    """How many CSS px a length in map units is on a 390 px wide phone."""
    return map_units * PHONE_MAP_WIDTH / map_size()[0]


def label_baseline(label: Label) -> float:
    """The y of a name's baseline (map units): in the row above or below the views."""
    if label.row == "top":
        return TITLE_ROW + LABEL_ROW - 7
    return _views_top() + (CROP_Y[1] - CROP_Y[0]) * ZOOM + LABEL_ROW - 6


def label_box(label: Label, text: str) -> Box:
    """About where a name's words sit (map units), from a generous width per letter."""
    width = len(text) * NAME_SIZE * 0.53  # measured in Chromium: 0.43 to 0.51
    x = to_map(label.view, label.x, 0)[0]
    left = {"start": x, "middle": x - width / 2, "end": x - width}[label.anchor]
    return Box(left, label_baseline(label) - NAME_SIZE, width, NAME_SIZE * 1.25)


def words_on_map(name: str, short: str) -> str:
    """What the map writes for a region: its short name when the full name contains it, else
    the full name. The words are inside the finder's button, so they must be part of its
    accessible name (the full name; WCAG 2.5.3, label in name)."""
    return short if short.casefold() in name.casefold() else name


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _view_svg(view: str, title: str, art: Mapping) -> str:
    left, right = CROP_X[view]
    top, bottom = CROP_Y
    scale = BODY_HEIGHT / art["height"]
    paths = "".join(f'<path d="{d}"/>' for d in art["paths"])
    x, y = to_map(view, left, top)
    width, height = (right - left) * ZOOM, (bottom - top) * ZOOM
    return (
        f'<svg x="{_num(x)}" y="{_num(y)}" width="{_num(width)}" height="{_num(height)}" '
        f'viewBox="{_num(left)} {_num(top)} {_num(right - left)} {_num(bottom - top)}" aria-hidden="true">'
        f'<g class="rh-bodymap__body" transform="scale({scale:.5g})">{paths}</g></svg>'
        f'<text class="rh-bodymap__label" x="{_num(x + width / 2)}" y="{_num(TITLE_ROW - 4)}" '
        f'text-anchor="middle" aria-hidden="true">{title}</text>'
    )


def _spot(spot: Spot) -> str:
    box = spot_box(spot)
    radius = min(box.w, box.h) / 4
    return (
        f'<rect class="rh-bodymap__spot" x="{_num(box.x)}" y="{_num(box.y)}" width="{_num(box.w)}" '
        f'height="{_num(box.h)}" rx="{_num(radius)}"/>'
    )


def _label(label: Label, text: str) -> str:
    """A region's name and its leader lines, from the name's row to each of its shapes."""
    x = to_map(label.view, label.x, 0)[0]
    baseline = label_baseline(label)
    start_y = baseline + 4 if label.row == "top" else baseline - NAME_SIZE
    lines = "".join(f"M{_num(x)} {_num(start_y)}L{_num(tx)} {_num(ty)}" for tx, ty in (to_map(label.view, *t) for t in label.targets))
    return (
        f'<path class="rh-bodymap__leader" d="{lines}"/>'
        f'<text class="rh-bodymap__name" x="{_num(x)}" y="{_num(baseline)}" text-anchor="{label.anchor}" '
        f'aria-hidden="true">{html.escape(text)}</text>'
    )


def body_map_svg(
    names: Mapping[str, str],
    picked: str | None = None,
    *,
    pickable: bool = False,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The map as one line of inline SVG (safe inside Markdown's raw HTML).

    `names` maps each region id to its name, in the order to draw them; `labels` gives the
    shorter words written on the map (the names when left out); `picked` is shaded (class
    `is-picked`). A static map (a region page) is one image with a text alternative. A
    `pickable` map (the finder) names each region, and the finder's script makes each one a
    button; without JavaScript the page offers links instead.
    """
    if picked is not None and picked not in names:
        raise ValueError(f"picked region {picked!r} is not one of {sorted(names)}")
    unknown = sorted(set(names) - set(REGION_SHAPES))
    if unknown:
        raise ValueError(f"no shape is drawn for region(s) {unknown}; known: {sorted(REGION_SHAPES)}")
    labels = labels or names
    missing = sorted(set(names) - set(labels))
    if missing:
        raise ValueError(f"no words for the map for region(s) {missing}; give each region a short name")
    art = body_art()
    width, height = map_size()
    views = "".join(_view_svg(view, title, art[view]) for view, title in VIEWS)
    regions = []
    for region_id, name in names.items():
        css = "rh-bodymap__region is-picked" if region_id == picked else "rh-bodymap__region"
        shapes = "".join(_spot(spot) for spot in REGION_SHAPES[region_id])
        label = f' aria-label="{html.escape(name)}"' if pickable else ""
        words = _label(REGION_LABELS[region_id], labels[region_id])
        regions.append(f'<g class="{css}" data-region="{region_id}"{label}>{shapes}{words}</g>')
    if pickable:
        role = 'role="group" aria-label="Body map: front and back views. Pick where it hurts."'
    else:
        where = html.escape(names[picked]) if picked else "no area"
        role = f'role="img" aria-label="Body map, front and back views, with this area shaded: {where}"'
    return (
        f'<svg class="rh-bodymap" viewBox="0 0 {_num(width)} {_num(height)}" {role} '
        f'xmlns="http://www.w3.org/2000/svg">{views}{"".join(regions)}</svg>'
    )
