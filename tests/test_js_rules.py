"""The two tools' rules, tested in Node: `node --test` on tests/js/, run from pytest so that
`docs.py test` and `docs.py test --fast` both run them, and a failing one fails the command.

The rules live once, in docs/assets/finder.js and docs/assets/training-load.js; each file
exports its rule when Node loads it. Needs Node.js 20+ (the full `docs.py test` installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JS_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.js"))


def test_the_tools_rules_pass_their_node_tests():
    node = shutil.which("node")
    assert node, "the rules' tests need Node.js 20+: sudo apt-get install nodejs"
    assert len(JS_TESTS) >= 2, JS_TESTS  # the finder's and the training-load checker's
    # files named one by one: how `node --test` reads a directory differs between Node versions;
    # the TAP reporter always, as Node's default reporter differs between versions too
    command = [node, "--test", "--test-reporter=tap", *map(str, JS_TESTS)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    failed = [line.strip() for line in result.stdout.splitlines() if line.lstrip().startswith("not ok")]
    assert result.returncode == 0, f"node --test failed: {failed}\n{result.stdout}\n{result.stderr}"
    passed = re.search(r"^# pass (\d+)$", result.stdout, flags=re.M)
    assert passed and int(passed.group(1)) >= 20, f"too few node tests ran:\n{result.stdout}"
