"""Every internal link resolves, with the site served under a sub-path.

GitHub Pages serves a project site at https://USER.github.io/REPO/, so the built site is served
here only below /runners-hip/ and crawled from its home page by LinkChecker, which follows
every page, stylesheet, script and image (warnings count as failures here). Every #section a
link names is checked by test_anchors.py, from the built files: LinkChecker's AnchorCheck plugin
fetched and parsed a page again for each of them, minutes for the same answer.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import subprocess
import threading
from pathlib import Path

from conftest import ROOT, LocalSiteHandler

PYTHON = str(ROOT / ".venv" / "bin" / "python")
# LinkChecker run as root switches to user `nobody` before it loads its plugins and reads its
# configuration; in a clone that `nobody` cannot read (mktemp -d makes 0700 folders) that fails
# silently. Tests run as root in CI, so the console script is called here with that switch off.
RUN_LINKCHECKER = "import linkcheck.command.linkchecker as cli; cli.drop_privileges = lambda: None; cli.linkchecker()"
CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
"""


def crawl(start_url: str, tmp_path: Path) -> tuple[list[dict], str]:
    """Run LinkChecker from start_url; return (rows with an error or warning, raw output)."""
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG)
    result = subprocess.run(
        [PYTHON, "-c", RUN_LINKCHECKER, "--config", str(config), "--no-status", "--verbose", "--output", "csv", start_url],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    lines = [line for line in result.stdout.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    bad = [r for r in rows if r["valid"] not in ("True", "1") or r["warningstring"]]
    return bad, result.stdout + result.stderr


def describe(rows: list[dict]) -> str:
    return "\n".join(f"{r['parentname']} -> {r['urlname']}: {r['result']} {r['warningstring']}" for r in rows)


def test_every_link_resolves_under_a_sub_path(served_site, site_dir, tmp_path):
    bad, output = crawl(served_site, tmp_path)
    assert not bad, describe(bad)
    pages = len(list(site_dir.rglob("index.html")))
    checked = output.count(served_site)
    assert checked >= pages, f"LinkChecker reached only {checked} URLs for {pages} pages:\n{output[-2000:]}"


def test_the_crawl_catches_a_broken_link(tmp_path):
    """The gate can fail: a tiny site with one dead link (test_anchors.py catches dead anchors)."""
    root = tmp_path / "broken"
    (root / "a").mkdir(parents=True)
    (root / "index.html").write_text('<html><body><a href="a/">ok</a> <a href="missing/">dead</a></body></html>')
    (root / "a" / "index.html").write_text('<html><body><h2 id="here">Here</h2></body></html>')
    handler = functools.partial(LocalSiteHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        bad, _ = crawl(f"http://127.0.0.1:{server.server_port}/", tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert [row["urlname"] for row in bad] == ["missing/"], describe(bad)
