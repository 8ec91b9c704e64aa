"""Link-preview images: every line of text wraps inside the right margin, for every page."""

from __future__ import annotations

import io
import itertools

import pytest
from conftest import site_content
from PIL import Image, ImageChops, ImageDraw, ImageFont

from crosslinks.previews import BACKGROUND, HEIGHT, MARGIN, WIDTH, draw_preview, layout

TEXTS = site_content().preview_texts()
LONG = [
    ("Hip and pelvic stress fractures", "Where it hurts: Front of the hip and groin, Inner thigh and pubic bone, Buttock, Lower back"),
    ("A very long title " * 8, "A very long subtitle " * 8),
    ("Supercalifragilisticexpialidociousandthensomemorewordsjoinedtogether", ""),
]
MEASURE = ImageDraw.Draw(Image.new("RGB", (1, 1)))


def ink_right_edge(png: bytes) -> int:
    """The x of the rightmost pixel that is not background (text), or -1 for none."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    background = Image.new("RGB", image.size, BACKGROUND)
    box = ImageChops.difference(image, background).getbbox()
    return -1 if box is None else box[2] - 1


@pytest.mark.parametrize(("title", "subtitle"), [*TEXTS.values(), *LONG], ids=[*TEXTS, "long-1", "long-2", "long-3"])
def test_every_line_fits_inside_the_margins_without_overlapping(title, subtitle):
    lines = layout(title, subtitle)
    for line in lines:
        width = MEASURE.textlength(line.text, font=ImageFont.load_default(size=line.size))
        assert line.x + width <= WIDTH - MARGIN, f"{line.text!r} runs to {line.x + width:.0f} px"
        assert line.y + line.size * 1.2 <= HEIGHT
    spans = sorted((line.y, line.y + line.size) for line in lines)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, f"lines overlap: {spans}"


def test_words_are_kept_whole_or_marked_as_cut():
    lines = layout(*LONG[0])
    assert [line.text for line in lines[1:3]] == [
        "Where it hurts: Front of the hip and groin, Inner thigh and",
        "pubic bone, Buttock, Lower back",
    ]
    cut = [line.text for line in layout(*LONG[1])]
    assert any(text.endswith("\u2026") for text in cut)


def test_no_text_is_drawn_past_the_right_margin():
    edge = ink_right_edge(draw_preview(*LONG[0]))
    assert 0 < edge <= WIDTH - MARGIN


def test_the_edge_check_can_fail():
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    ImageDraw.Draw(image).text((WIDTH - 100, 300), "pubic bo", font=ImageFont.load_default(size=38), fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    assert ink_right_edge(out.getvalue()) > WIDTH - MARGIN
