"""Link-preview images: one 1200 x 630 PNG per page, with the site's name, the page's title and,
for a condition, where it hurts.

Drawn with Pillow's built-in scalable font, so no font file and no network are needed. Images
are cached by what they show, so an unchanged page is never redrawn.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .cachefile import write_atomically

WIDTH, HEIGHT = 1200, 630
BACKGROUND = (0, 105, 92)  # the site's teal, dark enough for white text (contrast > 7:1)
TEXT = (255, 255, 255)
MUTED = (205, 232, 228)
MARGIN = 80
TEXT_WIDTH = WIDTH - 2 * MARGIN  # no line may run past the right margin
TITLE_TOP = 200
STYLE_VERSION = "2"  # change to redraw every cached image after changing the drawing


@dataclass(frozen=True)
class Line:
    """One line of text on a preview image: where it starts, its size and colour."""

    text: str
    x: int
    y: int
    size: int
    fill: tuple[int, int, int]


def layout(title: str, subtitle: str) -> list[Line]:
    """Every line of text on the image, wrapped so that none runs past the right margin.

    The subtitle (where it hurts) wraps onto up to two lines at the foot, shrinking if it must;
    the title takes the space above it, largest size first. Text that still does not fit ends
    in an ellipsis at a word break, never mid-word at the image's edge.
    """
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    lines = [Line("Runner's Hip", MARGIN, MARGIN - 10, 40, MUTED)]
    bottom = HEIGHT - MARGIN + 10
    if subtitle:
        size, parts = _fit(measure, subtitle, sizes=range(38, 29, -4), max_lines=2, max_height=2 * 46)
        step = int(size * 1.2)
        top = bottom - step * len(parts)
        lines += [Line(part, MARGIN, top + i * step, size, MUTED) for i, part in enumerate(parts)]
        bottom = top - 30
    size, parts = _fit(measure, title, sizes=range(72, 43, -4), max_lines=3, max_height=bottom - TITLE_TOP)
    lines += [Line(part, MARGIN, TITLE_TOP + i * int(size * 1.2), size, TEXT) for i, part in enumerate(parts)]
    return lines


def draw_preview(title: str, subtitle: str) -> bytes:
    """The PNG bytes of one preview image (deterministic for the same text)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for line in layout(title, subtitle):
        draw.text((line.x, line.y), line.text, font=ImageFont.load_default(size=line.size), fill=line.fill)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def cached_preview(cache_dir: Path, title: str, subtitle: str) -> bytes:
    """draw_preview, but read from cache_dir when the same text was drawn before."""
    key = hashlib.sha256(f"{STYLE_VERSION}\n{title}\n{subtitle}".encode()).hexdigest()[:20]
    path = cache_dir / f"{key}.png"
    if path.is_file():
        return path.read_bytes()
    data = draw_preview(title, subtitle)
    write_atomically(path, data)
    return data


def _fit(draw: ImageDraw.ImageDraw, text: str, sizes: range, max_lines: int, max_height: int) -> tuple[int, list[str]]:
    """The largest size at which `text` wraps into `max_lines` lines within `max_height` pixels;
    at the smallest size, the lines that fit, the last one shortened with an ellipsis."""
    size = sizes[-1]
    for size in sizes:
        lines = _wrap(draw, text, ImageFont.load_default(size=size), TEXT_WIDTH)
        if len(lines) <= max_lines and len(lines) * int(size * 1.2) <= max_height:
            return size, lines
    font = ImageFont.load_default(size=size)
    room = max(1, min(max_lines, max_height // int(size * 1.2)))
    lines = _wrap(draw, text, font, TEXT_WIDTH)
    if len(lines) > room:
        lines = [*lines[: room - 1], _shorten(draw, " ".join(lines[room - 1 :]), font, TEXT_WIDTH)]
    return size, lines


def _shorten(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """`text` cut at a word break, with an ellipsis, to fit `width`."""
    words = text.split()
    while words and draw.textlength(" ".join(words) + "\u2026", font=font) > width:
        words.pop()
    return (" ".join(words) or _break(draw, text, font, width)[0].rstrip()) + "\u2026"


def _break(draw: ImageDraw.ImageDraw, word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """A single word too wide for a line, split into pieces that fit (rare: a long compound)."""
    pieces = [""]
    for char in word:
        if pieces[-1] and draw.textlength(pieces[-1] + char + "-", font=font) > width:
            pieces[-1] += "-"
            pieces.append("")
        pieces[-1] += char
    return pieces


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        elif draw.textlength(word, font=font) <= width:
            lines.append(word)
        else:
            lines += _break(draw, word, font, width)
    return lines
