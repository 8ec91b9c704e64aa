"""`mkdocs serve` runs the cross-link step on every rebuild: a front matter edit shows at once."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import FIXTURE_TODAY, FIXTURES, MKDOCS, ROOT, fixture_config, write_config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The page's article (its own content: the nav names every page of the fixture site)."""
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        html = response.read().decode()
    return html[html.find("<article") : html.find("</article>")]


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_live_reload_picks_up_front_matter_changes(tmp_path: Path):
    """On the small fixture site: a symptom added to a condition's front matter shows on the
    symptom's page at the next rebuild."""
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "good", docs)
    config = write_config(tmp_path / "mkdocs.yml", fixture_config(docs))
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "RUNNERS_HIP_TODAY": FIXTURE_TODAY}
    server = subprocess.Popen(  # cwd: snippets are found relative to it
        cwd=ROOT,
        args=[MKDOCS, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        symptom = f"http://127.0.0.1:{port}/symptoms/pain-lying-on-side/"
        assert wait_for(symptom, "Outer hip thing", 60), "the server did not start"
        assert "Bone thing" not in fetch(symptom)
        page = docs / "conditions" / "bone-thing.md"
        text = page.read_text()
        assert "  possible: [" in text
        page.write_text(text.replace("  possible: [", "  possible: [pain-lying-on-side, ", 1))
        assert wait_for(symptom, "Bone thing", 60), "the symptom page did not update"
    finally:
        server.terminate()
        server.wait(timeout=10)
