"""`mkdocs serve` runs the cross-link step on every rebuild: a front matter edit shows at once."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import DOCS, MKDOCS, ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.read().decode()


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
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (ROOT / "mkdocs.yml")
        .read_text()
        .replace("docs_dir: docs", f"docs_dir: {docs}")
        .replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
        .replace("  - scripts/", f"  - {ROOT / 'scripts'}/")  # the hook files
    )
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    server = subprocess.Popen(  # cwd: snippets are found relative to it
        cwd=ROOT,
        args=[MKDOCS, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        symptom = f"http://127.0.0.1:{port}/symptoms/pain-crossing-legs/"
        assert wait_for(symptom, "Gluteal tendinopathy", 60), "the server did not start"
        assert "High hamstring tendinopathy" not in fetch(symptom)
        page = docs / "conditions" / "high-hamstring-tendinopathy.md"
        text = page.read_text()
        page.write_text(text.replace("  possible: [", "  possible: [pain-crossing-legs, ", 1))
        assert wait_for(symptom, "High hamstring tendinopathy", 60), "the symptom page did not update"
    finally:
        server.terminate()
        server.wait(timeout=10)
