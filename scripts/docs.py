#!/usr/bin/env python3
"""Every docs task for Runner's Hip in one plain script, set-up included.

    python3 scripts/docs.py serve    build and serve the site at http://127.0.0.1:8000 (live reload)
    python3 scripts/docs.py test     run every test: lint, content, build, links, sub-path, workflow
    python3 scripts/docs.py build    build the static site into site/ (strict: any warning fails)
    python3 scripts/docs.py check    check all content without building (fast, for editors)
    python3 scripts/docs.py quality [PAGE.md ...]   reading grade and uncited numbers per page
    python3 scripts/docs.py urls     add every new public URL to published-urls.txt (commit it)
    python3 scripts/docs.py bench    print build and cross-link timings (see scripts/bench.py)
    python3 scripts/docs.py lock     re-pin requirements.lock from requirements.txt
    python3 scripts/docs.py report   build, then write report/report.md: Lighthouse, page weights, search quality

The first run creates .venv/ and installs the exact versions in requirements.lock (hashes
checked); later runs reinstall only when the lock file changes. Needs Python 3.11+ only.
Extra arguments go to the tool underneath, e.g. `docs.py test -k links` or `docs.py serve -a 0.0.0.0:8000`.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".requirements.lock.sha256"
PIP_TOOLS = "pip-tools==7.6.2"  # only for `lock`

# Quiet the end-of-life banners that Material 9.8 and ProperDocs-based plugins print on every run.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - run by whatever python3 the reader has
        sys.exit(f"Runner's Hip needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    if Path(sys.prefix).resolve() != VENV.resolve():
        # npm ci runs beside the Python install, so a clean clone waits for the longer of the two only
        wanted = node_modules_needed(argv)
        npm = start_node_modules(wanted)
        ensure_environment()
        finish_node_modules(npm, wanted)
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), __file__, *argv])  # noqa: S606 - re-run inside .venv
    os.chdir(ROOT)
    os.environ.update(QUIET)
    return COMMANDS[argv[0]](argv[1:])


def ensure_environment() -> None:
    """Create .venv and install the locked dependencies when they are missing or stale."""
    if not VENV_PYTHON.exists():
        print("Creating .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except (subprocess.CalledProcessError, OSError) as error:
            install_venv_support(error)
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print("Installing the pinned dependencies from requirements.lock ...", flush=True)
    install_lock()
    STAMP.write_text(wanted + "\n")


def install_lock() -> None:
    """Install requirements.lock into .venv: the exact versions, every hash checked, nothing else.

    uv (pinned in the lock like the rest) installs the packages side by side: 3 s where pip took
    24 s on a clean clone of this 2-core machine. uv reads none of pip's settings, so when it
    cannot install (a registry reached only through pip.conf, say), pip does the same install."""
    pip = [str(VENV_PYTHON), "-m", "pip", "--disable-pip-version-check", "install", "--quiet", "--require-hashes", "--no-deps"]
    uv_only = VENV / "uv-requirement.txt"
    uv_only.write_text(locked_entry(LOCK.read_text(encoding="utf-8"), "uv"), encoding="utf-8")
    if subprocess.call([*pip, "-r", str(uv_only)]) == 0:
        uv = [tool("uv"), "pip", "install", "--quiet", "--link-mode=copy", "--python", str(VENV_PYTHON)]
        if subprocess.call([*uv, "--require-hashes", "--no-deps", "-r", str(LOCK)]) == 0:
            return
    print("uv could not install requirements.lock; installing it with pip instead ...", flush=True)
    run([*pip, "-r", str(LOCK)])


def locked_entry(lock_text: str, name: str) -> str:
    """One package's entry in a pip-compile lock file: its pin and every hash."""
    found = re.search(rf"^{re.escape(name)}==.*?(?=^\S|\Z)", lock_text, re.MULTILINE | re.DOTALL)
    if found is None:
        sys.exit(f"requirements.lock has no {name}== entry; re-pin it: python3 scripts/docs.py lock")
    return found.group(0)


def install_venv_support(error: Exception) -> None:
    """Debian and Ubuntu ship venv's pip separately (python3-venv); install it when we can."""
    shutil.rmtree(VENV, ignore_errors=True)
    package = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
    if not apt_install([package], "Python's virtual environments"):
        sys.exit(f"Could not create a virtual environment ({error}).\nInstall it first: sudo apt-get install {package}")


def run(command: list[str], **kwargs: object) -> None:
    result = subprocess.run(command, check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode:
        sys.exit(result.returncode)


def tool(name: str) -> str:
    return str(VENV / "bin" / name)


def serve(args: list[str]) -> int:
    return subprocess.call([tool("mkdocs"), "serve", "--dev-addr", "127.0.0.1:8000", *args])


def build(args: list[str]) -> int:
    return subprocess.call([tool("mkdocs"), "build", "--strict", "--site-dir", "site", *args])


CHROMIUM = Path("/usr/bin/chromium")  # Debian's: browser tests never download a browser


def apt_install(packages: list[str], needed_for: str) -> bool:
    """Install Debian packages when we are root and apt exists; False (nothing done) otherwise."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    print(f"Installing {' '.join(packages)} for {needed_for} ...", flush=True)
    run(["apt-get", "update", "-qq"])
    run(["apt-get", "install", "-y", "-qq", *packages], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return True


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium; install it with apt when it is missing."""
    if not CHROMIUM.exists() and not apt_install(["chromium"], "the browser tests"):
        sys.exit("The browser tests need Debian's Chromium: sudo apt-get install chromium")


NPM_LOCK = ROOT / "package-lock.json"
NPM_STAMP = ROOT / "node_modules" / ".package-lock.json.sha256"


def node_modules_needed(argv: list[str]) -> str | None:
    """Which npm packages a command runs: the report needs Lighthouse as well ("all"), the full
    test suite only the gates' tools ("gates"), the rest none (None)."""
    if argv[0] == "report":
        return "all"
    return "gates" if argv[0] == "test" and "--fast" not in argv else None


def start_node_modules(wanted: str | None) -> subprocess.Popen[bytes] | None:
    """Start `npm ci` when the packages `wanted` ("gates" or "all") are missing or stale (None
    when they are up to date, or none are wanted); `finish_node_modules` waits for it.

    The gates' tools (axe-core, vnu-jar) are package.json's devDependencies; Lighthouse, which
    only the report runs, is optional, so the tests leave it out (--omit=optional): 2 s against
    8 s for the whole install on this machine, and 35 MB against 224. --ignore-scripts: vnu-jar's
    install script would download a Java runtime (the machine's is used); no package here needs a
    build step. Nothing downloads a browser."""
    if wanted is None:
        return None
    if NPM_STAMP.exists() and installed_node_modules(NPM_STAMP.read_text()) in {wanted, "all"}:
        return None
    if not shutil.which("npm"):
        apt_install(["nodejs", "npm"], "the quality gates")
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("The quality gates need Node.js 18+ and npm: sudo apt-get install nodejs npm")
    print("Installing the pinned npm packages from package-lock.json ...", flush=True)
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
    omit = ["--omit=optional"] if wanted == "gates" else []
    command = [npm, "ci", *omit, "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    NPM_STAMP.unlink(missing_ok=True)  # npm ci starts by emptying node_modules
    return subprocess.Popen(command, cwd=ROOT, env=env)


def installed_node_modules(stamp: str) -> str | None:
    """What the stamp in node_modules says was installed from today's package-lock.json: "gates"
    or "all"; None when the lock has changed since (or the stamp is from an older docs.py)."""
    lock_hash, _, wanted = stamp.strip().partition(" ")
    return wanted if lock_hash == npm_lock_hash() and wanted in {"gates", "all"} else None


def finish_node_modules(npm: subprocess.Popen[bytes] | None, wanted: str | None) -> None:
    """Wait for `start_node_modules(wanted)`' npm ci; stop with its exit code if it failed."""
    if npm is None:
        return
    if npm.wait():
        sys.exit(f"npm ci failed (exit {npm.returncode}); its messages are above")
    NPM_STAMP.write_text(f"{npm_lock_hash()} {wanted}\n")


def npm_lock_hash() -> str:
    return hashlib.sha256(NPM_LOCK.read_bytes()).hexdigest()


def ensure_node_modules(wanted: str) -> None:
    finish_node_modules(start_node_modules(wanted), wanted)


def ensure_java() -> None:
    """The Nu HTML Checker (vnu.jar) runs on the machine's Java; install it with apt when missing."""
    if not shutil.which("java") and not apt_install(["default-jre-headless"], "the HTML check"):
        sys.exit("The HTML check needs Java 11+ (the Nu HTML Checker): sudo apt-get install default-jre-headless")


def test(args: list[str]) -> int:
    """Every test; `--fast` runs the quick tier only: the core, every bad input, one build and
    what can be read from its HTML, with no browser, no crawl and no quality gate (the tests
    marked `slow` in tests/conftest.py). CI always runs everything."""
    if "--fast" in args:
        rest = [arg for arg in args if arg != "--fast"]
        # pytest-xdist on every core; loadgroup keeps the tests that read every page on one worker
        return subprocess.call([tool("pytest"), "-m", "not slow", "-n", "auto", "--dist", "loadgroup", *rest])
    ensure_chromium()
    ensure_node_modules("gates")
    ensure_java()
    # one pytest process (the page survey runs beside it in a process of its own): Chromium keeps
    # both cores busy, and pytest-xdist workers only made it slower (12 min 50 s against 9 to 10)
    return subprocess.call([tool("pytest"), *args])


def report(args: list[str]) -> int:
    ensure_chromium()
    ensure_node_modules("all")
    return subprocess.call([sys.executable, str(ROOT / "scripts" / "report.py"), *args])


def check(args: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from crosslinks.__main__ import main as crosslinks_main

    return crosslinks_main(["check", *args])


def quality(args: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from crosslinks.__main__ import main as crosslinks_main

    docs = ROOT / "docs"
    shared = docs / "_data" / "text"  # passages several pages share: graded like pages
    pages = args or [str(p) for p in sorted(docs.rglob("*.md")) if "_data" not in p.parts or p.parent == shared]
    return crosslinks_main(["quality", *pages])


def urls(args: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from crosslinks.__main__ import main as crosslinks_main

    return crosslinks_main(["urls", str(ROOT / "published-urls.txt"), "--docs-dir", str(ROOT / "docs"), *args])


def bench(args: list[str]) -> int:
    return subprocess.call([sys.executable, str(ROOT / "scripts" / "bench.py"), *args])


def lock(args: list[str]) -> int:
    run([sys.executable, "-m", "pip", "install", "--quiet", PIP_TOOLS])
    command = [tool("pip-compile"), "--quiet", "--generate-hashes", "--strip-extras", "--allow-unsafe"]
    command += ["--no-emit-index-url", "--no-emit-find-links", "-o", str(LOCK), str(ROOT / "requirements.txt"), *args]
    return subprocess.call(command)


COMMANDS = {
    "serve": serve,
    "build": build,
    "test": test,
    "check": check,
    "quality": quality,
    "urls": urls,
    "bench": bench,
    "lock": lock,
    "report": report,
}

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
