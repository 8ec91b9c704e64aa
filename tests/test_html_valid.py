"""Valid HTML: the Nu HTML Checker (vnu-jar, pinned in package.json, on the machine's Java)
reports no error on any built page."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from quality_gates import VNU_JAR


def vnu_errors(target: Path) -> list[str]:
    # C1 only (TieredStopAtLevel=1): a run of seconds never repays the optimising compiler, which
    # took half of the check's CPU time; C1's larger frames need a larger stack than the usual 1 MB
    result = subprocess.run(
        [
            "java",
            "-Xss4m",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(target),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{m.get('url', '').split('/site')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_every_page_is_valid_html(site_dir):
    errors = vnu_errors(site_dir)
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors[:40])


def test_the_checker_reports_an_error(tmp_path):
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=en><title>t</title><p><div></p>")
    assert vnu_errors(tmp_path)
