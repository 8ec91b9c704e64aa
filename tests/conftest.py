"""Shared fixtures: one strict build of the real site, served under a GitHub Pages-style sub-path.

The site is built once per test session into a temporary folder (never into site/), with
SITE_URL set to a project-site address (https://example.org/runners-hip/), exactly as the deploy
workflow builds it for https://USER.github.io/REPO/.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml
from bs4 import BeautifulSoup
from quality_gates import (  # noqa: F401 - the build and server helpers, shared with docs.py report
    CHROMIUM,
    GATE_CHROMIUM_ARGS,
    MKDOCS,
    SITE_URL,
    SUB_PATH,
    LocalSiteHandler,
    SubPathHandler,
    mkdocs_build,
    mkdocs_build_command,
    serving,
)

from crosslinks import Site, load_site
from crosslinks.cachefile import CACHE_VARIABLE
from crosslinks.site import today

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


# The small fixture site (tests/fixtures/good: two conditions, one exercise) with the site's own
# theme overrides and hooks: a build takes a few seconds, not the whole site's. Tests that need a
# build of their own (serve, redirects, staging, hostile input) use it; its content is valid on
# FIXTURE_TODAY. Configurations are written from data (yaml.safe_dump), never by editing text.
FIXTURES = ROOT / "tests" / "fixtures"

# Every build the tests start (the site, and the many small fixture builds, side by side in the
# xdist workers) shares one cache of preview images, QR codes and reading grades: each entry is
# named by a hash of what it holds and written atomically (crosslinks/cachefile.py), so sharing
# can only save time. tests/test_sharing.py tests the cache itself on a folder of its own.
os.environ.setdefault(CACHE_VARIABLE, str(ROOT / ".cache" / "tests"))
FIXTURE_TODAY = "2026-11-23"


HOOK_FILES = (
    "mkdocs_hooks.py",
    "hardening_hooks.py",
    "table_hooks.py",
    "stylesheet_hooks.py",
    "minify_hooks.py",
    "bundle_hooks.py",
)  # as mkdocs.yml lists them (tests/test_repo.py checks)


def fixture_config(docs: Path, **overrides: object) -> dict:
    """The fixture site's MkDocs configuration as data; keyword arguments replace top-level keys."""
    config = {
        "site_name": "Fixture",
        "site_url": "https://example.org/",
        "docs_dir": str(docs),
        "exclude_docs": "/_data/\n",
        "theme": {"name": "material", "font": False, "custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / "scripts" / name) for name in HOOK_FILES],
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables", {"toc": {"permalink": True}}],
    }
    return {**config, **overrides}


def write_config(path: Path, config: dict) -> Path:
    """Write a configuration (plain data) as an MkDocs YAML file; returns its path."""
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def build_in_process(tmp: Path, config: dict) -> tuple[bool, str]:
    """`mkdocs build --strict` of a configuration in this process, as the command line runs it
    (load the configuration, build), without a new interpreter: a tenth of the time. Returns
    (whether it built, what MkDocs logged). A failure that is not MkDocs' own build error (a
    traceback on the command line) is raised."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        loaded = load_config(config_file=str(write_config(tmp / "mkdocs.yml", config)), site_dir=str(tmp / "site"), strict=True)
        build(loaded)
        built = True
    except Abort:
        built = False
    finally:
        logger.removeHandler(handler)
    return built, stream.getvalue()


@contextlib.contextmanager
def environment(env: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the duration of a block, then put back what was there."""
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_fixture(tmp: Path, config: dict, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a fixture configuration into tmp/site, on FIXTURE_TODAY, in this
    process (build_in_process): returncode 0 or 1, and MkDocs' log as stderr. The tests that the
    command line itself fails without a traceback start `mkdocs` as a command."""
    with environment({"RUNNERS_HIP_TODAY": FIXTURE_TODAY, **(env or {})}):
        built, log = build_in_process(tmp, config)
    return subprocess.CompletedProcess(["mkdocs", "build", "--strict"], 0 if built else 1, "", log)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built once per session with the hooks (do not change it). Built from a
    copy: a build keeps its caches beside the docs folder, and none may be shared between the
    builds that xdist workers run side by side."""
    tmp = tmp_path_factory.mktemp("fixture-site")
    shutil.copytree(FIXTURES / "good", tmp / "docs")
    built = build_fixture(tmp, fixture_config(tmp / "docs"))
    assert built.returncode == 0, built.stderr
    return tmp / "site"


def crosslinks_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m crosslinks ARGS` (the core's command line) with scripts/ on the path."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "crosslinks", *args], capture_output=True, text=True, env=full_env, check=False)


@functools.cache
def site_content() -> Site:
    """The real site's content, read once through the core's typed models: `.graph` has the
    `conditions`, `regions`, `symptoms`, `signs`, `tiers`, `glossary` and `pages` (front matter as
    models). Tests take their lists from here, never from their own reading of the YAML; module
    constants (parametrize lists) call this, tests take the `content` fixture."""
    return load_site(DOCS, today())


@pytest.fixture(scope="session")
def content() -> Site:
    return site_content()


SITE_BUILD_ENV = {"SITE_URL": SITE_URL, "REPO_URL": "https://github.com/example/runners-hip", "EDIT_URI": "edit/main/docs/"}


class SiteBuild:
    """One strict build of the real site per test run, shared by every pytest-xdist worker and
    started in the background as the session begins, so the tests that need no built site run
    while it builds (they are ordered first). The first worker to get the lock builds; the others
    wait for the lock when a test needs the site, then read the same folder."""

    def __init__(self, shared: Path) -> None:
        self.lock_file = shared / "site.lock"
        self.site_dir, self.log, self.failed = shared / "site", shared / "site-build.log", shared / "site-build.failed"

    def start(self) -> None:
        """Build in a background thread if no one has built or is building; return at once."""
        lock = self.lock_file.open("w")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another worker is building
            lock.close()
            return
        if self.log.is_file() or self.failed.is_file():
            lock.close()
            return
        command, env = mkdocs_build_command(ROOT / "mkdocs.yml", self.site_dir, SITE_BUILD_ENV)
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

        def finish() -> None:
            with lock:  # closing the file releases the lock
                _, stderr = process.communicate()
                (self.log if process.returncode == 0 else self.failed).write_text(stderr)

        threading.Thread(target=finish, daemon=True).start()

    def result(self) -> tuple[Path, str]:
        """Wait for the build (starting it if no one has); the site folder and MkDocs' log."""
        self.start()
        with self.lock_file.open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # held by the builder until the build ends
        if self.failed.is_file():
            pytest.fail(f"mkdocs build --strict failed:\n{self.failed.read_text()}", pytrace=False)
        return self.site_dir, self.log.read_text()


def _shared_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    shared = tmp_path_factory.getbasetemp()
    return shared.parent if worker_id != "master" else shared  # each worker has its own basetemp inside the run's


@pytest.fixture(scope="session", autouse=True)
def _site_build_started(tmp_path_factory: pytest.TempPathFactory, worker_id: str, request: pytest.FixtureRequest) -> None:
    """Start the site build with the session when any selected test needs it."""
    if any("build_log" in getattr(item, "fixturenames", ()) for item in request.session.items):
        SiteBuild(_shared_folder(tmp_path_factory, worker_id)).start()


@pytest.fixture(scope="session")
def build_log(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> tuple[Path, str]:
    """The built site's folder and the build's log (see SiteBuild)."""
    return SiteBuild(_shared_folder(tmp_path_factory, worker_id)).result()


@pytest.fixture(scope="session")
def site_dir(build_log: tuple[Path, str], request: pytest.FixtureRequest, worker_id: str) -> Path:
    # Under pytest-xdist every worker collects every test: the survey is started by the one that
    # runs tests/test_survey.py, when it gets there
    if worker_id == "master" and _survey_wanted(request.session):
        SURVEY.start(build_log[0])  # runs beside the other tests; `first_views` waits for it
    return build_log[0]


@pytest.fixture(scope="session")
def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


@functools.cache
def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@functools.cache
def tree_of(path: Path) -> lxml.html.HtmlElement:
    """A built page as lxml's tree, for the checks that read every page: parsing and searching
    are many times faster than BeautifulSoup's, which the fast tier could not afford 189 times."""
    return lxml.html.parse(str(path)).getroot()


def has_class(name: str) -> str:
    """An XPath test for one class among an element's classes (lxml has no CSS selectors here)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def page(site_dir: Path, url_path: str) -> BeautifulSoup:
    """The parsed page at a site-relative URL such as 'conditions/x/'."""
    return soup_of(site_dir / url_path / "index.html")


@pytest.fixture(scope="session")
def served_site(site_dir: Path) -> Iterator[str]:
    """Base URL of the built site served on loopback under the sub-path."""
    with serving(site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def _tab_contexts(browser) -> Iterator[dict[bool, Any]]:
    """The browser contexts `new_tab` opens tabs in, one with touch and one without, kept for the
    whole session rather than one new context per test (a context's start and its cold cache: on
    the 186 browser tests of eight modules, 326 and 327 CPU-s against 332 and 339, runs alternated)."""
    contexts: dict[bool, Any] = {}
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.fixture
def new_tab(browser, _tab_contexts: dict[bool, Any]) -> Iterator[Callable[..., Any]]:
    """Opens fresh tabs for one test: `new_tab(viewport=..., color_scheme=..., has_touch=...)`.

    Each is a new page at its own size and colour scheme, in a context kept for the session. When
    the test ends its tabs close and the site's saved settings (localStorage, which tabs of one
    context share) are cleared, so no test sees another's; a JavaScript error thrown in any of
    them fails the test."""
    opened: list[Any] = []
    errors: list[str] = []

    def open_tab(viewport: dict[str, int] | None = None, color_scheme: str = "light", has_touch: bool = False) -> Any:
        if has_touch not in _tab_contexts:
            _tab_contexts[has_touch] = browser.new_context(has_touch=has_touch)
        page = _tab_contexts[has_touch].new_page()
        page.set_viewport_size(viewport or {"width": 1000, "height": 900})
        page.emulate_media(color_scheme=color_scheme)
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        opened.append(page)
        return page

    yield open_tab
    for page in opened:
        if page.url.startswith("http"):
            with contextlib.suppress(Exception):  # a page that is gone or an error page has nothing saved
                page.evaluate("() => localStorage.clear()")
        page.close()
    assert not errors, errors


@pytest.fixture
def tab(new_tab: Callable[..., Any]) -> Any:
    """A fresh browser tab, 1000 x 900; the test fails if the page throws a JavaScript error."""
    return new_tab()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=GATE_CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class BackgroundSurvey:
    """The page survey (one first view of every built page, read by tests/test_survey.py), run
    from the moment the site is built, beside the other tests, in a process of its own
    (`quality_gates.py survey`) with its own browser and server.

    It is the longest piece of the full tier. In a thread of this process, its Playwright client
    waited for Python's lock whenever a test was busy in Python (parsing pages, reading PDFs); in
    a process of its own, each keeps one of the two cores. A thread only waits for the process,
    so the time it took is known; a failure in it fails the tests that read the survey."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None
        self.views: dict | None = None
        self.error: str | None = None
        self.seconds = 0.0
        self.waited = 0.0  # how long the tests that read it waited for it to finish

    def start(self, site_dir: Path) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, args=(site_dir,), name="page-survey", daemon=True)
            self.thread.start()

    def result(self, site_dir: Path) -> dict:
        self.start(site_dir)
        assert self.thread is not None
        started = time.perf_counter()
        self.thread.join()
        self.waited += time.perf_counter() - started
        if self.error is not None:
            pytest.fail(self.error, pytrace=False)
        assert self.views is not None
        return self.views

    def _run(self, site_dir: Path) -> None:
        from quality_gates import Visit

        started = time.perf_counter()
        out = site_dir.parent / f"{site_dir.name}-survey.json"
        command = [sys.executable, str(ROOT / "scripts" / "quality_gates.py"), "survey", str(site_dir), str(out)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        self.seconds = time.perf_counter() - started
        if done.returncode != 0:
            self.error = f"the page survey failed (exit {done.returncode}):\n{done.stderr[-4000:]}"
            return
        try:
            data = json.loads(out.read_text(encoding="utf-8"))
            self.views = {path: Visit.from_json(view) for path, view in data.items()}
        except (OSError, ValueError, TypeError, KeyError) as error:  # reported in the tests that read it
            self.error = f"the page survey's answer {out} could not be read: {error}"


SURVEY = BackgroundSurvey()


def _survey_wanted(session: pytest.Session) -> bool:
    return any("first_views" in getattr(item, "fixturenames", ()) for item in session.items)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SURVEY.views is not None:
        terminalreporter.write_line(
            f"page survey: {len(SURVEY.views)} pages in {SURVEY.seconds:.0f} s beside the other tests; they waited {SURVEY.waited:.0f} s for it"
        )


# Quality gates (accessibility, privacy, page weight): one first view of every built page, read
# by the gates in tests/test_survey.py. Started in the background by `site_dir` when a selected
# test reads it.
@pytest.fixture(scope="session")
def first_views(site_dir: Path) -> dict:
    return SURVEY.result(site_dir)  # its time is in the test summary (pytest_terminal_summary)


# The fast tier (`python3 scripts/docs.py test --fast`) leaves out what needs a browser, a served
# site, a crawl or a quality gate. Marked here, by what a test uses, so a new test is sorted
# without anyone remembering to mark it.
SLOW_FIXTURES = frozenset({"browser", "tab", "served_site", "first_views"})
SLOW_MODULES = frozenset(
    {"test_links", "test_html_valid", "test_accessibility", "test_search_quality", "test_weight", "test_survey", "test_serve"}
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # modules whose tests need no built site first, so they run while it builds (SiteBuild);
    # whole modules move, in their own order, so module fixtures are set up once
    needs_site = {
        item.module.__name__ for item in items if "build_log" in getattr(item, "fixturenames", ()) and getattr(item, "module", None)
    }
    # and the tests that read the page survey last, so it has run beside everything else by then
    items.sort(
        key=lambda item: (
            getattr(item, "module", None) is not None and item.module.__name__ in needs_site,
            "first_views" in getattr(item, "fixturenames", ()),
        )
    )
    for item in items:
        if "html_files" in getattr(item, "fixturenames", ()):
            # `docs.py test --fast` runs with pytest-xdist's --dist loadgroup: the tests that read
            # every built page run on one worker, which parses each page once (soup_of is cached)
            item.add_marker(pytest.mark.xdist_group("every-page"))
        module = item.module.__name__ if getattr(item, "module", None) else ""
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or module in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
