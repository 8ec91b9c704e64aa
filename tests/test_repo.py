"""The repository itself: lint, the deploy workflow, exact pins, README and CI agree."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from conftest import ROOT

VENV_BIN = ROOT / ".venv" / "bin"


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint_is_clean():
    result = run(str(VENV_BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = run(str(VENV_BIN / "ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_passes_actionlint():
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = run(str(VENV_BIN / "actionlint"), *workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n")
    result = run(str(VENV_BIN / "actionlint"), str(broken))
    assert result.returncode != 0


def test_the_workflow_tests_builds_strictly_and_deploys_with_pinned_official_actions():
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text()
    assert "bash .ci/run" in workflow
    assert "python3 scripts/docs.py build" in workflow  # the build command is strict
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert re.search(rf"{action}@[0-9a-f]{{40}} ", workflow), action
    assert "pages: write" in workflow and "id-token: write" in workflow


def test_every_dependency_is_pinned_exactly():
    direct = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert direct and all(re.fullmatch(r"[A-Za-z0-9._-]+==[0-9][A-Za-z0-9.]*", line) for line in direct), direct
    lock = (ROOT / "requirements.lock").read_text()
    pinned = dict(re.findall(r"^([a-z0-9._-]+)==(\S+) \\$", lock, flags=re.M))
    for line in direct:
        name, version = line.lower().split("==")
        assert pinned.get(name.replace("_", "-")) == version, name
    assert lock.count("--hash=sha256:") >= len(pinned)
    assert "mkdocs==1.6.1" in lock  # MkDocs 2 is a different program: stay on 1.x


def test_the_environment_holds_every_locked_package_at_its_locked_version():
    """docs.py installs requirements.lock with uv, or with pip when uv cannot: either way .venv
    holds every locked package at its locked version (`docs.py lock` adds pip-tools beside them)."""
    lock = (ROOT / "requirements.lock").read_text()
    pinned = dict(re.findall(r"^([a-z0-9._-]+)==(\S+) \\$", lock, flags=re.M))
    listed = run(str(VENV_BIN / "python"), "-m", "pip", "list", "--format=json", "--disable-pip-version-check")
    installed = {re.sub(r"[-_.]+", "-", p["name"].lower()): p["version"] for p in json.loads(listed.stdout)}
    wrong = {name: (installed.get(name), version) for name, version in pinned.items() if installed.get(name) != version}
    assert len(pinned) > 60 and not wrong, f"(installed, locked): {wrong}"


def test_the_uv_bootstrap_takes_the_locks_own_pin_and_hashes():
    from docs import locked_entry

    lock = (ROOT / "requirements.lock").read_text()
    entry = locked_entry(lock, "uv")
    assert entry.startswith("uv==") and entry.count("--hash=sha256:") >= 2
    assert entry in lock and not re.search(r"^[a-z]", entry.split("\n", 1)[1], flags=re.M), "one entry, not the next package too"
    assert locked_entry("a==1 \\\n    --hash=sha256:00\nuv==2 \\\n    --hash=sha256:11\n", "uv") == "uv==2 \\\n    --hash=sha256:11\n"


def test_the_tests_install_the_gates_npm_tools_and_only_the_report_installs_lighthouse():
    from docs import installed_node_modules, node_modules_needed, npm_lock_hash

    package = json.loads((ROOT / "package.json").read_text())
    assert set(package["devDependencies"]) == {"axe-core", "vnu-jar"}  # npm ci --omit=optional keeps these
    assert set(package["optionalDependencies"]) == {"lighthouse"}  # and leaves this out
    assert [node_modules_needed([c, *rest]) for c, *rest in (["test"], ["test", "--fast"], ["report"], ["build"])] == [
        "gates",
        None,
        "all",
        None,
    ]
    assert installed_node_modules(f"{npm_lock_hash()} gates\n") == "gates"
    assert installed_node_modules(f"{npm_lock_hash()} all\n") == "all"
    assert installed_node_modules(f"{'0' * 64} all\n") is None, "a changed package-lock.json installs again"
    assert installed_node_modules(npm_lock_hash()) is None, "a stamp that does not say what it installed"


def test_the_readme_starts_with_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, flags=re.S)
    serve, test = blocks[0].strip(), blocks[1].strip()
    assert serve == "python3 scripts/docs.py serve"
    assert test == "python3 scripts/docs.py test"
    assert readme.index(serve) < readme.index("## ")  # before any other section
    ci = (ROOT / ".ci" / "run").read_text()
    assert test in ci.splitlines()


def test_the_readme_documents_every_field_of_the_json_api():
    readme = (ROOT / "README.md").read_text()
    from crosslinks.api import schema_json

    schema = json.loads(schema_json())

    def fields(node):  # the top level's fields, and those of every object it refers to
        for part in [node, *node.get("$defs", {}).values()]:
            yield from part.get("properties", {})

    # documented as `name` or as a path ending in it, e.g. `conditions[].recovery_weeks`
    missing = [name for name in set(fields(schema)) if not re.search(rf"`(?:[\w\[\]]+\.)?{name}`", readme)]
    assert not missing, f"README does not document: {missing}"


def test_nothing_built_or_installed_is_tracked():
    tracked = run("git", "ls-files").stdout.splitlines()
    assert not [p for p in tracked if p.split("/")[0] in {"site", ".venv", "node_modules", ".cache"}]


def test_the_cross_link_core_and_the_hardening_import_nothing_from_mkdocs():
    """Only the adapters (the hook files) may import MkDocs, so the core can move to another generator."""
    import ast

    for path in [*sorted((ROOT / "scripts" / "crosslinks").glob("*.py")), ROOT / "scripts" / "hardening.py"]:
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.split(".")[0] in {"mkdocs", "material", "pymdownx", "markdown"} for n in names), f"{path.name} imports {names}"
    assert "from crosslinks import" in (ROOT / "scripts" / "mkdocs_hooks.py").read_text()
    assert "from hardening import" in (ROOT / "scripts" / "hardening_hooks.py").read_text()


def test_fixture_builds_run_the_hooks_that_mkdocs_yml_lists():
    from conftest import HOOK_FILES
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_url="https://example.org/")
    assert tuple(Path(path).name for path in config["hooks"]) == HOOK_FILES
