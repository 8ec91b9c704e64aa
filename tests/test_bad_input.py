"""Every kind of bad input fails with a message naming the file, the field and the bad value.

Each case is one file in fixtures/bad/: it edits a copy of the good fixture site and states the
exact problem line the editor must see. Edits: `set` front-matter keys (dotted paths; null
deletes), `rename` a front-matter key, `replace` text, `append` text, `write` whole files.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import MKDOCS, ROOT

from crosslinks import ContentError, load_site
from crosslinks.load import split_front_matter

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted((FIXTURES / "bad").glob("*.yml"))
TODAY = dt.date(2026, 11, 23)


def make_docs(tmp_path: Path, case: dict) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "good", docs)
    for rel, changes in case.get("set", {}).items():
        edit_front_matter(docs / rel, lambda meta, changes=changes: apply_set(meta, changes))
    for rel, (old, new) in case.get("rename", {}).items():
        edit_front_matter(docs / rel, lambda meta, old=old, new=new: {new if k == old else k: v for k, v in meta.items()})
    for rel, (old, new) in case.get("replace", {}).items():
        text = (docs / rel).read_text()
        assert old in text, f"{rel} does not contain {old!r}"
        (docs / rel).write_text(text.replace(old, new, 1))
    for rel, text in case.get("append", {}).items():
        with (docs / rel).open("a") as file:
            file.write(text)
    for rel, text in case.get("write", {}).items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text)
    return docs


def edit_front_matter(path: Path, change) -> None:
    yaml_text, body, _ = split_front_matter(path.read_text())
    meta = change(yaml.safe_load(yaml_text or "") or {})
    path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body)


def apply_set(meta: dict, changes: dict) -> dict:
    for dotted, value in changes.items():
        *parents, last = dotted.split(".")
        target = meta
        for key in parents:
            target = target.setdefault(key, {})
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    return meta


def test_the_good_fixture_is_valid():
    load_site(FIXTURES / "good", TODAY)


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_input_fails_with_its_message(case_file: Path, tmp_path: Path):
    case = yaml.safe_load(case_file.read_text())
    docs = make_docs(tmp_path, case)
    with pytest.raises(ContentError) as caught:
        load_site(docs, TODAY)
    lines = [str(p) for p in caught.value.problems]
    assert case["expect"] in lines, f"{case['why']}: expected\n  {case['expect']}\ngot\n  " + "\n  ".join(lines)


def test_there_is_a_fixture_for_every_required_kind_of_bad_input():
    required = {
        "unknown-symptom",
        "unknown-region",
        "unknown-differential",
        "unknown-source-key",
        "missing-field",
        "bad-date",
        "description-too-long",
        "duplicate-slug",
        "unused-symptom",
        "review-overdue",
    }
    assert required <= {c.stem for c in CASES}


def test_mkdocs_build_fails_with_the_message(tmp_path: Path):
    """Through the real adapter: the build stops with the problem and no traceback."""
    case = yaml.safe_load((FIXTURES / "bad" / "unknown-symptom.yml").read_text())
    docs = make_docs(tmp_path, case)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Bad fixture\n"
        f"docs_dir: {docs}\n"
        "exclude_docs: /_data/\n"
        "theme: {name: material, font: false}\n"
        f"hooks: [{ROOT / 'scripts' / 'mkdocs_hooks.py'}]\n"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUNNERS_HIP_TODAY": TODAY.isoformat()}
    result = subprocess.run(
        [MKDOCS, "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 1
    assert case["expect"] in result.stderr
    assert "Traceback" not in result.stderr


def test_check_command_reports_problems_and_exit_code(tmp_path: Path):
    case = yaml.safe_load((FIXTURES / "bad" / "bad-urgency.yml").read_text())
    docs = make_docs(tmp_path, case)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "RUNNERS_HIP_TODAY": TODAY.isoformat()}
    bad = subprocess.run([sys.executable, "-m", "crosslinks", "check", str(docs)], capture_output=True, text=True, env=env, check=False)
    assert bad.returncode == 1
    assert case["expect"] in bad.stderr
    good = subprocess.run(
        [sys.executable, "-m", "crosslinks", "check", str(FIXTURES / "good")], capture_output=True, text=True, env=env, check=False
    )
    assert good.returncode == 0, good.stderr
    assert good.stdout.startswith("Content OK: 2 conditions, 5 symptoms")
