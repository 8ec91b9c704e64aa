"""`docs.py report` measures the site as readers get it: its server compresses text with gzip
when the browser accepts it, as GitHub Pages does, and sends everything else as it is."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from quality_gates import CompressedSubPathHandler, serving


def fetch(base: str, path: str, accept: str) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(base + path, headers={"Accept-Encoding": accept})  # noqa: S310 - loopback
    with urllib.request.urlopen(request) as response:  # noqa: S310 - a loopback test server
        return dict(response.headers), response.read()


def test_text_is_sent_gzipped_when_asked_and_the_rest_as_it_is(tmp_path: Path):
    html = b"<!doctype html><title>x</title>" + b"<p>hip</p>" * 200
    (tmp_path / "index.html").write_bytes(html)
    (tmp_path / "pic.png").write_bytes(b"\x89PNG not text")
    with serving(tmp_path, CompressedSubPathHandler) as base:
        headers, body = fetch(base, "", "gzip, deflate, br")
        assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"].startswith("text/html")
        assert gzip.decompress(body) == html and len(body) < len(html) / 5
        headers, body = fetch(base, "", "identity")
        assert "Content-Encoding" not in headers and body == html
        headers, body = fetch(base, "pic.png", "gzip")
        assert "Content-Encoding" not in headers and body == b"\x89PNG not text"
