"""Printed handouts: a QR code that takes a reader of a printed page back to it online.

The code is drawn at build time with segno (a maintained, pure-Python QR encoder) as a small
SVG that the page template inlines, so the printout needs no extra request. Encoding picks the
best of eight masks and costs a few milliseconds, so codes are cached by address between builds.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import segno

from .cachefile import write_atomically

QR_SCALE = 3  # px per module; print CSS sets the printed size


def qr_svg(url: str) -> str:
    """An SVG QR code for `url`, medium error correction, with the standard 4-module quiet zone."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=QR_SCALE, border=4, xmldecl=False, svgns=True, svgclass="rh-qr", lineclass=None, omitsize=False)
    return out.getvalue().decode("ascii")


def cached_qr_svg(cache_dir: Path, url: str) -> str:
    """`qr_svg(url)`, read from `cache_dir` when this address was encoded before."""
    path = cache_dir / (hashlib.sha256(url.encode()).hexdigest()[:20] + ".svg")
    if path.is_file():
        return path.read_text(encoding="ascii")
    svg = qr_svg(url)
    write_atomically(path, svg.encode("ascii"))
    return svg
