"""Every kind of bad input fails with a message naming the file, the field and the bad value.

Each case is one file in fixtures/bad/: it edits a copy of the good fixture site and states the
exact problem line the editor must see. Edits: `set` front-matter keys (dotted paths; null
deletes), `rename` a front-matter key, `replace` text, `append` text, `prepend` text, `write`
whole files (a path may start with ../, beside docs/), `delete` files, and `encode` a file in
another encoding.

Every case runs through the check command (`docs.py check`) and through a real `mkdocs build
--strict` with the site's hooks: both must fail, print exactly the expected problem lines (a
list when one mistake has several, so a false follow-on error fails the test), and no traceback.
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
from conftest import MKDOCS, ROOT, build_in_process, fixture_config, write_config

from crosslinks import load_site
from crosslinks.__main__ import main as crosslinks_main
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
    for rel, text in case.get("prepend", {}).items():
        (docs / rel).write_text(text + (docs / rel).read_text())
    for rel, text in case.get("write", {}).items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text)
    for rel, encoding in case.get("encode", {}).items():
        (docs / rel).write_bytes((docs / rel).read_text().encode(encoding))
    for rel in case.get("delete", []):
        (docs / rel).unlink()
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


def expected_lines(case: dict) -> list[str]:
    return case["expect"] if isinstance(case["expect"], list) else [case["expect"]]


def problem_lines(output: str) -> list[str]:
    """The problem lines of a content error, as printed: '  - file: field: message'."""
    return [line.strip().removeprefix("- ") for line in output.splitlines() if line.startswith("  - ")]


def check_command(docs: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """What `python3 scripts/docs.py check` runs, in this process: its exit code and stderr."""
    code = crosslinks_main(["check", str(docs)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_input_fails_the_check_and_the_build_with_its_message(case_file: Path, tmp_path: Path, capsys, monkeypatch):
    case = yaml.safe_load(case_file.read_text())
    docs = make_docs(tmp_path, case)
    expected = expected_lines(case)
    monkeypatch.setenv("RUNNERS_HIP_TODAY", TODAY.isoformat())
    code, output = check_command(docs, capsys)
    assert code == 1, f"{case['why']}: the check passed"
    assert problem_lines(output) == expected, f"{case['why']}: expected\n  " + "\n  ".join(expected) + "\ngot\n" + output
    built, log = build_in_process(tmp_path, bad_config(docs))
    assert not built, f"{case['why']}: the build did not fail\n{log}"
    assert problem_lines(log) == expected, log


@pytest.mark.parametrize("case_file", CASES[:: max(1, len(CASES) // 3)][:3], ids=lambda c: c.stem)
def test_the_mkdocs_command_fails_with_the_message_and_no_traceback(case_file: Path, tmp_path: Path):
    """The command line itself, for a few cases: exit status 1, the problem lines, no traceback
    (the test above builds every case in this process, the same way and far faster)."""
    case = yaml.safe_load(case_file.read_text())
    built = build_fixture(tmp_path, make_docs(tmp_path, case))
    assert built.returncode == 1, f"{case['why']}: the build did not fail\n{built.stderr}"
    assert "Traceback" not in built.stderr, built.stderr
    assert problem_lines(built.stderr) == expected_lines(case), built.stderr


def bad_config(docs: Path) -> dict:
    return fixture_config(docs, site_name="Bad fixture", theme={"name": "material", "font": False})


def build_fixture(tmp_path: Path, docs: Path) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` of a fixture site, through the site's hooks."""
    config = write_config(tmp_path / "mkdocs.yml", bad_config(docs))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUNNERS_HIP_TODAY": TODAY.isoformat()}
    return subprocess.run(
        [MKDOCS, "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")], capture_output=True, text=True, env=env, check=False
    )


def test_there_are_at_least_60_bad_input_fixtures():
    assert len(CASES) >= 60


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


def test_the_check_names_a_docs_folder_that_is_not_there(tmp_path: Path, capsys):
    code, output = check_command(tmp_path / "nowhere", capsys)
    assert code == 1
    assert output.strip() == f"{tmp_path / 'nowhere'}: no such folder; run this from the repository's root, or name the docs folder"


def test_the_quality_command_names_a_page_it_cannot_read(tmp_path: Path, capsys):
    """`docs.py quality PAGE.md` is an editor's command too: no traceback for a bad file."""
    page = tmp_path / "page.md"
    page.write_bytes("---\ntitle: Caf\u00e9\n---\nA caf\u00e9.\n".encode("cp1252"))
    good = tmp_path / "good.md"
    good.write_text("---\ntitle: Fine\n---\nShort words here.\n")
    code = crosslinks_main(["quality", str(page), str(tmp_path / "missing.md"), str(good)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[0] == (
        f"FAIL {page}: line 2: not UTF-8 text (got 'byte 0xE9'); "
        "save the file as UTF-8 (text pasted from a word processor is often saved as Windows-1252)"
    )
    assert lines[1] == f"FAIL {tmp_path / 'missing.md'}: no such file; name a page, e.g. docs/conditions/hip-labral-tear.md"
    assert lines[2].startswith(f"ok   {good}: reading grade")
