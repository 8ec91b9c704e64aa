"""Link-preview images: one 1200 x 630 PNG per page, with the site's name, the page's title and,
for a condition, where it hurts.

Drawn with Pillow's built-in scalable font, so no font file and no network are needed. Images
are cached by what they show, so an unchanged page is never redrawn.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BACKGROUND = (0, 105, 92)  # the site's teal, dark enough for white text (contrast > 7:1)
TEXT = (255, 255, 255)
MUTED = (205, 232, 228)
MARGIN = 80
STYLE_VERSION = "1"  # change to redraw every cached image after changing the drawing


def preview_path(src_uri: str) -> str:
    """Where a page's image is published: assets/previews/<page path>.png."""
    stem = src_uri.removesuffix(".md").removesuffix("/index") or "home"
    return f"assets/previews/{stem}.png"


def draw_preview(title: str, subtitle: str) -> bytes:
    """The PNG bytes of one preview image (deterministic for the same text)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    site = ImageFont.load_default(size=40)
    draw.text((MARGIN, MARGIN - 10), "Runner's Hip", font=site, fill=MUTED)
    size, lines = _fit(draw, title)
    font = ImageFont.load_default(size=size)
    y = 200
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=TEXT)
        y += int(size * 1.2)
    if subtitle:
        draw.text((MARGIN, HEIGHT - MARGIN - 40), subtitle, font=ImageFont.load_default(size=38), fill=MUTED)
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
    cache_dir.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def _fit(draw: ImageDraw.ImageDraw, title: str) -> tuple[int, list[str]]:
    """The largest font size (72 down to 44) at which the title wraps into three lines or fewer."""
    for size in range(72, 43, -4):
        font = ImageFont.load_default(size=size)
        lines = _wrap(draw, title, font, WIDTH - 2 * MARGIN)
        if len(lines) <= 3:
            return size, lines
    return 44, _wrap(draw, title, ImageFont.load_default(size=44), WIDTH - 2 * MARGIN)[:3]


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines
