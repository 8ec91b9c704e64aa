"""The body map: one inline SVG drawing, used by the finder and by every region page.

Three views (front, side, back) of a mannequin cropped from the waist to the knees, with the
five regions of pain drawn over it. On a region page it is a picture with its region shaded;
on the finder, the finder's script makes each region a button (the page lists links too). The
body outline comes from `art/body-outline.json` (body_part_selector, MIT; see
`scripts/make_body_art.py`). Everything here is pure except reading that file once.
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

ART_FILE = Path(__file__).with_name("art") / "body-outline.json"
BODY_HEIGHT = 300.0  # every view is scaled to this height before cropping
VIEWS: tuple[tuple[str, str], ...] = (("front", "Front"), ("side", "Side"), ("back", "Back"))
# The part of each view that is shown, as (left, right) in its own scaled units; top and bottom
CROP_X: dict[str, tuple[float, float]] = {"front": (36, 114), "side": (-4, 48), "back": (36, 114)}
CROP_Y = (95.0, 235.0)
GAP = 8.0
LABEL_HEIGHT = 14.0


class Ellipse(NamedTuple):
    """One shape of a region: in which view, its centre, radii and tilt (degrees)."""

    view: str
    cx: float
    cy: float
    rx: float
    ry: float
    tilt: float = 0.0


# Where each region is drawn, in each view's own scaled units (before cropping). The front view
# faces us, so the person's right hip is on the left. The side view faces left.
REGION_SHAPES: dict[str, tuple[Ellipse, ...]] = {
    "front": (Ellipse("front", 58, 145, 12, 7, 45), Ellipse("front", 92, 145, 12, 7, -45)),
    "inner-thigh": (
        Ellipse("front", 75, 156, 6, 5),
        Ellipse("front", 67, 182, 6, 17),
        Ellipse("front", 83, 182, 6, 17),
    ),
    "side": (
        Ellipse("front", 47, 163, 6, 15),
        Ellipse("front", 103, 163, 6, 15),
        Ellipse("side", 22, 160, 12, 21),
    ),
    "back": (Ellipse("back", 62, 141, 12, 12), Ellipse("back", 88, 141, 12, 12)),
    "lower-back": (Ellipse("back", 75, 112, 20, 9),),
}


@functools.cache
def body_art() -> dict:
    """The outline of each view: {view: {width, height, paths}} (read once)."""
    return json.loads(ART_FILE.read_text(encoding="utf-8"))


def _offsets() -> dict[str, float]:
    """Left edge of each view inside the whole map."""
    offsets, x = {}, 0.0
    for view, _ in VIEWS:
        offsets[view] = x
        left, right = CROP_X[view]
        x += right - left + GAP
    return offsets


def map_size() -> tuple[float, float]:
    width = sum(right - left for left, right in CROP_X.values()) + GAP * (len(VIEWS) - 1)
    return width, CROP_Y[1] - CROP_Y[0] + LABEL_HEIGHT


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _view_svg(view: str, label: str, x: float, art: Mapping) -> str:
    left, right = CROP_X[view]
    top, bottom = CROP_Y
    scale = BODY_HEIGHT / art["height"]
    paths = "".join(f'<path d="{d}"/>' for d in art["paths"])
    width = right - left
    return (
        f'<svg x="{_num(x)}" y="0" width="{_num(width)}" height="{_num(bottom - top)}" '
        f'viewBox="{_num(left)} {_num(top)} {_num(width)} {_num(bottom - top)}" aria-hidden="true">'
        f'<g class="rh-bodymap__body" transform="scale({scale:.5g})">{paths}</g></svg>'
        f'<text class="rh-bodymap__label" x="{_num(x + width / 2)}" y="{_num(bottom - top + LABEL_HEIGHT - 3)}" '
        f'text-anchor="middle" aria-hidden="true">{label}</text>'
    )


def _ellipse(shape: Ellipse, offsets: Mapping[str, float]) -> str:
    x = shape.cx - CROP_X[shape.view][0] + offsets[shape.view]
    y = shape.cy - CROP_Y[0]
    tilt = f' transform="rotate({_num(shape.tilt)} {_num(x)} {_num(y)})"' if shape.tilt else ""
    return f'<ellipse cx="{_num(x)}" cy="{_num(y)}" rx="{_num(shape.rx)}" ry="{_num(shape.ry)}"{tilt}/>'


def body_map_svg(names: Mapping[str, str], picked: str | None = None, *, pickable: bool = False) -> str:
    """The map as one line of inline SVG (safe inside Markdown's raw HTML).

    `names` maps each region id to its name, in the order to draw them; `picked` is shaded
    (class `is-picked`). A static map (a region page) is one image with a text alternative. A
    `pickable` map (the finder) names each region, and the finder's script makes each one a
    button; without JavaScript the page offers links instead.
    """
    if picked is not None and picked not in names:
        raise ValueError(f"picked region {picked!r} is not one of {sorted(names)}")
    unknown = sorted(set(names) - set(REGION_SHAPES))
    if unknown:
        raise ValueError(f"no shape is drawn for region(s) {unknown}; known: {sorted(REGION_SHAPES)}")
    art = body_art()
    offsets = _offsets()
    width, height = map_size()
    views = "".join(_view_svg(view, label, offsets[view], art[view]) for view, label in VIEWS)
    regions = []
    for region_id, name in names.items():
        css = "rh-bodymap__region is-picked" if region_id == picked else "rh-bodymap__region"
        shapes = "".join(_ellipse(shape, offsets) for shape in REGION_SHAPES[region_id])
        label = f' aria-label="{html.escape(name)}"' if pickable else ""
        regions.append(f'<g class="{css}" data-region="{region_id}"{label}>{shapes}</g>')
    if pickable:
        role = 'role="group" aria-label="Body map: front, side and back views. Pick where it hurts."'
    else:
        where = html.escape(names[picked]) if picked else "no area"
        role = f'role="img" aria-label="Body map, front, side and back views, with this area shaded: {where}"'
    return (
        f'<svg class="rh-bodymap" viewBox="0 0 {_num(width)} {_num(height)}" {role} '
        f'xmlns="http://www.w3.org/2000/svg">{views}{"".join(regions)}</svg>'
    )
