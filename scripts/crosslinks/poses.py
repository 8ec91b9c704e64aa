"""A tiny pose renderer: an exercise's start and end positions as one small SVG line drawing.

A pose is named 2-D joint points (model.Pose); a picture (model.ExercisePicture) has a start and
an end pose, the limbs that move and a few props. `picture_svg` draws both poses side by side,
"Start" and "End" written under them, in one style: thick round-capped strokes, a head circle,
the far side's limbs lighter and thinner, the moving limbs in the site's colour, and an arrow
from where the part that moves most starts to where it ends. Pure functions: picture in, SVG out.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

from .model import FLOOR_Y, JOINTS, PANEL_HEIGHT, PANEL_WIDTH, ExercisePicture, Pose, Side

GAP = 12
MARGIN = 4
SHOWN_WIDTH = 340  # the <img> width: a phone shows it at full width
LABEL = 22  # room under each panel for its label
PAD = 10  # room around the figure when a picture is cropped to it
MIN_PANEL = 90  # a narrow (standing) figure is not blown up past this

INK = "#37474f"  # the near side
FAR = "#a7b4ba"  # the far side: lighter
MOVE = "#00695c"  # the site's primary colour (site.css): the part that moves
MOVE_FAR = "#7fb8b0"
PROP_FILL, PROP_LINE = "#e3e9ec", "#90a4ae"
BAND = "#d84315"  # the site's accent: exercise bands and the movement arrow
NEAR_WIDTH, FAR_WIDTH, TRUNK_WIDTH, HEAD_RADIUS = 6, 4.5, 11, 7.5
STEP_HEIGHT = 14  # a low step, such as the bottom stair
MIN_ARROW = 6  # a part that moves less than this gets no arrow (a hold)

# The joints whose travel the arrow may show, by moving limb.
ENDS = {
    "near-arm": ("near", ("hand", "elbow")),
    "far-arm": ("far", ("hand", "elbow")),
    "near-leg": ("near", ("ankle", "knee", "toe")),
    "far-leg": ("far", ("ankle", "knee", "toe")),
}


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _points(points: Iterable[tuple[float, float]], dx: float) -> str:
    return "M" + "L".join(f"{_n(x + dx)} {_n(y)}" for x, y in points)


def _mid(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _arm(side: Side) -> list[tuple[float, float]]:
    return [side.shoulder, side.elbow, side.hand]


def _leg(side: Side) -> list[tuple[float, float]]:
    return [side.hip, side.knee, side.ankle, side.toe]


def _stroke(d: str, colour: str, width: float) -> str:
    return f'<path d="{d}" stroke="{colour}" stroke-width="{_n(width)}"/>'


def props_svg(props: Iterable[str], left: float, right: float) -> list[str]:
    """The props that stand still, each at its fixed place in the panel (bands follow the body);
    the floor and mat run across the cropped panel, from `left` to `right`."""
    x = _n
    box = f'fill="{PROP_FILL}" stroke="{PROP_LINE}" stroke-width="1.5"'
    shapes = {
        "mat": f'<rect x="{x(left + 4)}" y="{FLOOR_Y - 3}" width="{x(right - left - 8)}" height="3" rx="1.5" fill="{PROP_LINE}"/>',
        "step": f'<rect x="{x(96)}" y="{FLOOR_Y - STEP_HEIGHT}" width="52" height="{STEP_HEIGHT}" {box}/>',
        "bench": f'<path d="M{x(100)} {FLOOR_Y}V{FLOOR_Y - 30}M{x(150)} {FLOOR_Y}V{FLOOR_Y - 30}" stroke="{PROP_LINE}" stroke-width="3"/>'
        f'<rect x="{x(94)}" y="{FLOOR_Y - 36}" width="62" height="7" rx="2" {box}/>',
        "chair": f'<path d="M{x(36)} {FLOOR_Y}V{FLOOR_Y - 76}M{x(74)} {FLOOR_Y}V{FLOOR_Y - 28}" stroke="{PROP_LINE}" stroke-width="3"/>'
        f'<rect x="{x(32)}" y="{FLOOR_Y - 32}" width="46" height="6" rx="2" {box}/>',
        "wall": f'<rect x="{x(150)}" y="8" width="8" height="{FLOOR_Y - 8}" {box}/>',
        "band-anchor": f'<rect x="{x(2)}" y="{FLOOR_Y - 30}" width="7" height="30" {box}/>',
    }
    out = [shapes[p] for p in props if p in shapes]
    if "floor" in props or any(p in props for p in ("mat", "step", "bench", "chair", "wall")):
        out.insert(0, f'<path d="M{x(left)} {FLOOR_Y}H{x(right)}" stroke="{PROP_LINE}" stroke-width="2"/>')
    return out


# Where each prop that stands still reaches, as (left, top, right) in panel units.
PROP_EXTENTS = {
    "step": (96, FLOOR_Y - STEP_HEIGHT, 148),
    "bench": (94, FLOOR_Y - 36, 156),
    "chair": (32, FLOOR_Y - 76, 78),
    "wall": (150, 8, 158),
    "band-anchor": (2, FLOOR_Y - 30, 9),
}


def _all_points(pose: Pose) -> list[tuple[float, float]]:
    return [pose.head, pose.neck, *(getattr(side, joint) for side in (pose.near, pose.far) for joint in JOINTS)]


def crop(picture: ExercisePicture) -> tuple[float, float, float, float]:
    """The part of the panel both poses and their props use: (left, top, right, bottom)."""
    points = _all_points(picture.start) + _all_points(picture.end)
    xs = [x for x, _ in points] + [e[i] for p in picture.props if p in PROP_EXTENTS for e in [PROP_EXTENTS[p]] for i in (0, 2)]
    ys = [y for _, y in points] + [PROP_EXTENTS[p][1] for p in picture.props if p in PROP_EXTENTS]
    left, right = max(0, min(xs) - PAD), min(PANEL_WIDTH, max(xs) + PAD)
    if right - left < MIN_PANEL:
        grow = (MIN_PANEL - (right - left)) / 2
        left, right = left - grow, right + grow
    top = max(0, min(ys) - PAD - HEAD_RADIUS)
    arrow = arrow_path(picture)
    lowest = max((y for _, y in arrow), default=0) if arrow else 0  # an arrow along the floor shows under it
    return left, top, right, min(PANEL_HEIGHT, max(FLOOR_Y + 4, lowest + 5))


def view_size(picture: ExercisePicture) -> tuple[float, float]:
    """The drawing's own width and height (its viewBox)."""
    left, top, right, bottom = crop(picture)
    return 2 * (right - left) + GAP + 2 * MARGIN, bottom - top + LABEL


def size(picture: ExercisePicture) -> tuple[int, int]:
    """The <img> width and height: SHOWN_WIDTH wide, in the drawing's proportions."""
    width, height = view_size(picture)
    return SHOWN_WIDTH, round(SHOWN_WIDTH * height / width)


def bands_svg(pose: Pose, props: Iterable[str], dx: float) -> list[str]:
    """Exercise bands, drawn over the legs they loop around."""
    lines = []
    if "band-knees" in props:
        lines.append([pose.near.knee, pose.far.knee])
    if "band-ankles" in props:
        lines.append([pose.near.ankle, pose.far.ankle])
    if "band-anchor" in props:
        lines.append([(9, FLOOR_Y - 6), pose.near.ankle])
    return [_stroke(_points(line, dx), BAND, 2.5) for line in lines]


def figure_svg(pose: Pose, moving: Iterable[str], dx: float) -> list[str]:
    """The figure: far limbs first (lighter, thinner), then trunk and head, then near limbs."""
    moving = set(moving)

    def colour(limb: str, far: bool = False) -> str:
        if limb in moving:
            return MOVE_FAR if far else MOVE
        return FAR if far else INK

    hips = _mid(pose.near.hip, pose.far.hip)
    return [
        _stroke(_points(_arm(pose.far), dx), colour("far-arm", True), FAR_WIDTH),
        _stroke(_points(_leg(pose.far), dx), colour("far-leg", True), FAR_WIDTH),
        _stroke(_points([pose.far.shoulder, pose.neck, pose.near.shoulder], dx), colour("trunk"), NEAR_WIDTH),
        _stroke(_points([pose.far.hip, pose.near.hip], dx), colour("trunk"), NEAR_WIDTH),
        _stroke(_points([pose.neck, hips], dx), colour("trunk"), TRUNK_WIDTH),
        _stroke(_points([pose.head, pose.neck], dx), colour("trunk"), 4),
        f'<circle cx="{_n(pose.head[0] + dx)}" cy="{_n(pose.head[1])}" r="{HEAD_RADIUS}" fill="{colour("trunk")}"/>',
        _stroke(_points(_leg(pose.near), dx), colour("near-leg"), NEAR_WIDTH),
        _stroke(_points(_arm(pose.near), dx), colour("near-arm"), NEAR_WIDTH),
    ]


def travel(picture: ExercisePicture) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Where the part that moves most starts and ends, if it moves far enough to show."""
    candidates = []
    for limb in picture.moving:
        if limb == "trunk":  # the hips, or the head when the hips stay put (leaning forward in a chair)
            hips = (_mid(picture.start.near.hip, picture.start.far.hip), _mid(picture.end.near.hip, picture.end.far.hip))
            candidates.append(hips if math.dist(*hips) >= MIN_ARROW else (picture.start.head, picture.end.head))
            continue
        side, joints = ENDS[limb]
        for joint in joints:
            candidates.append((getattr(getattr(picture.start, side), joint), getattr(getattr(picture.end, side), joint)))
    best = max(candidates, key=lambda pair: math.dist(*pair), default=None)
    return best if best is not None and math.dist(*best) >= MIN_ARROW else None


Arrow = tuple[tuple[float, float], tuple[float, float], tuple[float, float]]


def arrow_path(picture: ExercisePicture) -> Arrow | None:
    """The end panel's arrow as (from, bend, to): a curve beside the path of the part that moves
    most, bowed away from the body's middle; None when nothing moves far enough to show."""
    moved = travel(picture)
    if moved is None:
        return None
    start, end = moved
    pose = picture.end
    body = _mid(pose.neck, _mid(pose.near.hip, pose.far.hip))
    length = math.dist(start, end)
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    nx, ny = -uy, ux  # a normal, turned away from the body's middle
    mid = _mid(start, end)
    if (mid[0] - body[0]) * nx + (mid[1] - body[1]) * ny < 0:
        nx, ny = -nx, -ny
    offset, bend, trim = 9, 9 + length * 0.2, min(4, length * 0.1)  # a short move keeps most of its arrow
    return (
        (start[0] + nx * offset + ux * trim, start[1] + ny * offset + uy * trim),
        (mid[0] + nx * bend, mid[1] + ny * bend),
        (end[0] + nx * offset - ux * trim, end[1] + ny * offset - uy * trim),
    )


def arrow_svg(arrow: Arrow) -> str:
    """The dashed curve and its head, which points along the curve's last stretch."""
    a, c, b = arrow
    hx, hy = b[0] - c[0], b[1] - c[1]
    h = math.hypot(hx, hy) or 1
    hx, hy = hx / h, hy / h
    left = (b[0] - hx * 6 - hy * 4, b[1] - hy * 6 + hx * 4)
    right = (b[0] - hx * 6 + hy * 4, b[1] - hy * 6 - hx * 4)
    curve = f"M{_n(a[0])} {_n(a[1])}Q{_n(c[0])} {_n(c[1])} {_n(b[0])} {_n(b[1])}"
    return (
        f'<path d="{curve}" stroke="{BAND}" stroke-width="2" stroke-dasharray="4 3"/>'
        f'<path d="{_points([left, b, right], 0)}" stroke="{BAND}" stroke-width="2"/>'
    )


def picture_svg(picture: ExercisePicture, title: str) -> str:
    """Both panels, cropped to the figure and labelled, as one standalone SVG file with a <title>
    (its text alternative)."""
    left, top, right, _ = crop(picture)
    width, height = view_size(picture)
    shown_width, shown_height = size(picture)
    font = 13 * width / SHOWN_WIDTH  # 13 px on the page, whatever the crop
    parts = []
    for index, (label, pose) in enumerate((("Start", picture.start), ("End", picture.end))):
        shift = MARGIN + index * (right - left + GAP) - left
        panel = props_svg(picture.props, left, right) + figure_svg(pose, picture.moving, 0) + bands_svg(pose, picture.props, 0)
        if index == 1 and (arrow := arrow_path(picture)) is not None:
            panel.append(arrow_svg(arrow))
        parts.append(f'<g transform="translate({_n(shift)} {_n(-top)})">{"".join(panel)}</g>')
        middle = shift + (left + right) / 2
        parts.append(f'<text x="{_n(middle)}" y="{_n(height - 6)}" text-anchor="middle" fill="{INK}">{label}</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" width="{shown_width}" height="{shown_height}" '
        f'role="img" fill="none" stroke-linecap="round" stroke-linejoin="round" font-family="sans-serif" font-size="{_n(font)}">'
        f"<title>{html.escape(title)}</title>{''.join(parts)}</svg>\n"
    )
