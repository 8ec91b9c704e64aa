"""The measurements behind the quality gates, shared by the tests and `docs.py report`.

Each function drives one Playwright page (Debian's Chromium) on the served site and returns
plain data; the tests decide pass or fail, the report prints the figures. The build and the
local server they both use live here too, so the report never imports from tests/.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
SEARCH_QUERIES = ROOT / "tests" / "search-queries.yml"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SEARCH_INDEX = "search/search_index.json"  # fetched when search opens (search-on-demand.js); its own budget
LATE_REQUEST_TIMEOUT = 10  # seconds for the requests a page makes after its `load` event
# Material's bundle and the site's scripts start after a page's first paint
# (docs/assets/after-first-paint.js), so `load` no longer means that they have run: the loader
# marks the page when they have. Pages without the loader (redirects) have nothing to wait for.
SCRIPTS_READY = "() => !document.querySelector('script[data-scripts]') || document.documentElement.dataset.rhScripts === 'ready'"
MKDOCS = str(ROOT / ".venv" / "bin" / "mkdocs")

# The built site is served under a GitHub Pages-style project sub-path, with a project-site address
SUB_PATH = "/runners-hip/"
SITE_URL = f"https://example.org{SUB_PATH}"

CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright never downloads a browser here
CHROMIUM_ARGS = [
    "--no-sandbox",  # tests run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no calls home: the network is closed, and privacy
    "--disable-component-update",
    "--disable-sync",
]
# The gates' browser (the tests and the page survey), never Lighthouse's: V8 runs the pages'
# scripts without its optimising compilers (TurboFan and Maglev). A page here lives a second or
# two, too short for their background compiling to pay back; on a 32-page sample of the survey,
# 29.0 and 29.6 CPU-s against 33.6 and 35.9 with them. Scripts do the same, only slower, and no
# gate times a script: Lighthouse, which does, keeps CHROMIUM_ARGS.
GATE_CHROMIUM_ARGS = [*CHROMIUM_ARGS, "--js-flags=--no-opt --no-maglev"]

# Budgets, in bytes, compressed as a static host serves the files
PAGE_BUDGET = 100 * 1024
HTML_BUDGET = 25 * 1024
# The index grows with the content: 150 KB held 19 condition pages; with 29 and three new guides
# (issue 15) it is about 170 KB after generated lists were taken out of it. It is fetched after the
# page has loaded (Material's bundle), never counted in a first view's 100 KB.
SEARCH_INDEX_BUDGET = 200 * 1024

# Static hosts (GitHub Pages among them) compress text; images such as PNG are already compressed.
_COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")

# Recorded in the page before any of its own scripts run (an init script is not subject to the CSP).
CSP_LISTENER = """
window.__rhViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__rhViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def mkdocs_build_command(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> tuple[list[str], dict[str, str]]:
    """The `mkdocs build --strict` command line for a configuration, and its environment."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
    return [MKDOCS, "build", "--strict", "--clean", "--config-file", str(config), "--site-dir", str(site_dir)], full_env


def mkdocs_build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict`; returns the finished process (check returncode yourself)."""
    command, full_env = mkdocs_build_command(config, site_dir, env)
    return subprocess.run(command, cwd=ROOT, env=full_env, capture_output=True, text=True, check=False)


class LocalSiteHandler(http.server.SimpleHTTPRequestHandler):
    """A quiet static file server for a built site.

    It sends a `LinkChecker` header: LinkChecker throttles every host to a few requests a
    second unless the server opts in with that header (linkcheck/checker/httpurl.py).
    """

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class SubPathHandler(LocalSiteHandler):
    """Serves the built site only below SUB_PATH, like a GitHub Pages project site."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + clean[len(SUB_PATH) :])


class CompressedSubPathHandler(SubPathHandler):
    """Serves the built site as GitHub Pages does: below SUB_PATH, and gzip-compressed for text
    types (HTML, CSS, JavaScript, JSON, SVG, XML) when the browser says it accepts gzip, so that
    Lighthouse and the timings see the bytes readers get. Anything else (a folder without its
    slash, a missing file, a PNG) is left to the plain handler."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and content_type.startswith(_COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serving(site_dir: Path, handler: type[SubPathHandler] = SubPathHandler) -> Iterator[str]:
    """Serve a built site on loopback in a background thread; yields its base URL (with SUB_PATH)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def served_size(body: bytes, content_type: str) -> int:
    """Bytes on the wire from a static host: gzip -9 for text types, as they are otherwise."""
    if content_type.split(";")[0].strip().startswith(_COMPRESSED_TYPES):
        return len(gzip.compress(body, 9, mtime=0))
    return len(body)


@dataclass
class Fetched:
    url: str
    content_type: str
    raw: int
    served: int


@dataclass
class Visit:
    """What one first view of a page did: every request, every response and any CSP violation."""

    url: str
    requests: list[str] = field(default_factory=list)
    fetched: list[Fetched] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # responses whose body could not be read
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # variant -> violations
    phone: dict[str, Any] = field(default_factory=dict)  # PHONE_CHECK's findings at PHONE_WIDTH

    def weight(self) -> int:
        return sum(f.served for f in self.fetched)

    def html_weight(self) -> int:
        return sum(f.served for f in self.fetched if f.url.split("#")[0] == self.url.split("#")[0])

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Visit:
        """A Visit back from `dataclasses.asdict` as JSON (the survey runs in a process of its own)."""
        return cls(**{**data, "fetched": [Fetched(**f) for f in data["fetched"]]})


class FirstViews:
    """One browser page that makes a first view of one URL after another.

    The page, its CDP session (HTTP cache off) and its listeners are made once and reused: a new
    browser context per page cost about 0.7 s of a survey's 2.5 s per page on this 2-core machine.
    Between two visits the page goes to about:blank and its storage is cleared, so nothing the
    last page did (a late request, a saved setting) is counted for the next. Sizes are read from
    the built files when `site_dir` is given (the server sends those bytes unchanged), and from
    the browser otherwise."""

    def __init__(self, context: Any, base_url: str = "", site_dir: Path | None = None) -> None:
        self.page = context.new_page()
        self.base_url, self.site_dir = base_url, site_dir
        cdp = context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.record = Visit("about:blank")
        self.finished: list[str] = []
        self.responses: list[Any] = []
        self.page.on("request", lambda request: self.record.requests.append(request.url))
        self.page.on("requestfinished", lambda request: self.finished.append(request.url))
        self.page.on("requestfailed", lambda request: self.finished.append(request.url))
        self.page.on("response", lambda response: self.responses.append(response))
        self.page.on("console", lambda message: self.record.console_errors.append(message.text) if message.type == "error" else None)

    def visit(self, url: str) -> Visit:
        """Open `url` as a first view and record what it fetched; the page stays on `url`."""
        page = self.page
        if page.url != "about:blank":
            with contextlib.suppress(Exception):  # a page without storage (an error page) has none to clear
                page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            page.goto("about:blank")
        page.set_viewport_size({"width": 1280, "height": 900})
        page.emulate_media(color_scheme="light")
        record = self.record = Visit(url)
        self.finished, self.responses = [], []
        page.goto(url, wait_until="load")
        try:  # the scripts that start after the first paint belong to the first view
            page.wait_for_function(SCRIPTS_READY, timeout=LATE_REQUEST_TIMEOUT * 1000)
        except Exception as error:  # Playwright's own TimeoutError: a finding, never a pass
            record.unreadable.append(f"{url}: its scripts never started after the first paint ({error})")
        # What a first view still fetches after `load`: the tab's icon. Waited for by name (never a
        # quiet spell on the network): it must have arrived.
        icon = page.evaluate("document.querySelector('link[rel~=icon]')?.href || null")
        deadline = time.monotonic() + LATE_REQUEST_TIMEOUT
        if icon:
            while icon not in self.finished and time.monotonic() < deadline:
                page.wait_for_timeout(20)  # lets Playwright deliver the network events
            if icon not in self.finished:
                record.unreadable.append(f"{url}: the tab's icon {icon}, which every first view fetches, never arrived")
        while len(self.finished) < len(record.requests) and time.monotonic() < deadline:  # anything else still on its way
            page.wait_for_timeout(20)
        for response in self.responses:
            if response.status in (301, 302, 303, 307, 308):
                continue
            content_type = response.headers.get("content-type", "")
            try:
                body = self._body(response)
            except Exception as error:  # Playwright raises its own Error type: any failure is a finding
                record.unreadable.append(f"{response.url}: {error}")  # never counted as zero bytes
                continue
            record.fetched.append(Fetched(response.url, content_type, len(body), served_size(body, content_type)))
        return record

    def _body(self, response: Any) -> bytes:
        """The response's bytes: from the built file it was served from, when there is one."""
        path = response.url.split("#")[0].split("?")[0]
        if self.site_dir is not None and response.status == 200 and path.startswith(self.base_url):
            relative = path[len(self.base_url) :]
            file = self.site_dir / (relative + "index.html" if relative.endswith("/") or not relative else relative)
            if file.is_file():
                return file.read_bytes()
        return response.body()


def restyled(browser: Any, url: str, change: str, arg: Any = None, *, scheme: str = "light", sheet: tuple[str, str] | None = None) -> int:
    """How many elements Chromium styles again when `change` (a JavaScript function, given `arg`,
    that resolves once the change is made) runs on the page at `url`, as the browser's trace
    counts them. The page's scripts never start (after-first-paint.js is kept out), so nothing
    else changes. With `sheet` (an address and a text), the browser gets that text there."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": PHONE_WIDTH, "height": PHONE_HEIGHT})
    try:
        tab = context.new_page()
        tab.route("**/assets/after-first-paint.js", lambda route: route.abort())
        if sheet is not None:
            tab.route(sheet[0], lambda route: route.fulfill(body=sheet[1], content_type="text/css"))
        tab.goto(url, wait_until="load")
        # styled and laid out before the trace starts, and again (forced) once the change is made,
        # so that the count holds that change's restyle, whatever the machine's speed
        settle = "() => { document.documentElement.getBoundingClientRect(); return new Promise(done => requestAnimationFrame(() => setTimeout(done, 50))); }"
        tab.evaluate(settle)
        browser.start_tracing(page=tab, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
        tab.evaluate(f"(arg) => Promise.resolve(({change})(arg)).then({settle})", arg)
        events = json.loads(browser.stop_tracing())["traceEvents"]
    finally:
        context.close()
    return sum(e.get("args", {}).get("elementCount") or 0 for e in events if e.get("name") == "UpdateLayoutTree" and e.get("ph") == "X")


def open_page(page: Any, url: str, **goto: Any) -> None:
    """Go to `url` (`load`, unless `goto` says otherwise) and wait until its scripts have started."""
    page.goto(url, **{"wait_until": "load", **goto})
    page.wait_for_function(SCRIPTS_READY)


def next_frames(page: Any) -> None:
    """Wait two animation frames: what the page just changed has been laid out and drawn."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def settle(page: Any) -> None:
    """Wait until no CSS transition runs: colours fade between palettes, and search results fade
    in, so contrast measured mid-fade would be wrong."""
    page.wait_for_function("() => !document.getAnimations().some(a => a instanceof CSSTransition && a.playState === 'running')")


# What is a page's own: Material's content column. The header, menu, contents sidebar and footer
# around it come from the template, the same on every page of a kind.
OWN_CONTENT = ".md-content"


def run_axe(page: Any, within: str | None = None) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 A/AA violations on the page as it is now (axe is an init script), on
    the whole page, or only on the elements `within` a selector (the whole page if none match).

    With `within`, axe does not fetch and parse the page's style sheets again (its `preload`): only
    the css-orientation-lock rule reads them, and every page links the same three style sheets,
    which the whole-page runs check. With the HTTP cache off, that fetch cost a third of axe's time."""
    result = page.evaluate(
        """([tags, within]) => axe.run(within && document.querySelector(within) ? {include: [[within]]} : document,
                                       {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], preload: !within})""",
        [WCAG_TAGS, within],
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [" ".join(n["target"]) for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


# Counts the queries the page sends to the search worker and the results it gets back, so that a
# test can wait for the answer to the last key press (Material searches on every key-up).
SEARCH_WATCH = """(() => {
  const Base = window.Worker;
  window.__rhSearch = { sent: 0, got: 0, last: null, ready: false };
  window.Worker = class extends Base {
    constructor(url, options) {
      super(url, options);
      this.addEventListener("message", (e) => {
        if (e.data && e.data.type === 1) window.__rhSearch.ready = true;
        if (e.data && e.data.type === 3) window.__rhSearch.got++;
      });
    }
    postMessage(message, transfer) {
      if (message && message.type === 2) { window.__rhSearch.sent++; window.__rhSearch.last = message.data; }
      return super.postMessage(message, transfer);
    }
  };
})();"""


def watch_search(page: Any) -> None:
    """Call before the page loads: lets `search_top` wait for the worker's answer."""
    page.add_init_script(SEARCH_WATCH)


def open_search(page: Any, url: str) -> None:
    """Load `url`, put the cursor in its search box (which fetches the index) and wait until its
    search worker says it is ready (index and layer loaded)."""
    open_page(page, url)  # search appears once Material's bundle has started
    box = page.locator("input.md-search__input")
    if box.is_visible():
        box.focus()
    else:
        page.keyboard.press("/")  # Material's shortcut opens the search dialog
    page.wait_for_function("() => window.__rhSearch && window.__rhSearch.ready")


def search_top(page: Any, query: str, count: int = 3, key_by_key: bool = False) -> list[str]:
    """The pages (URLs without #section) of the first `count` results in the site's search box
    (the page needs `watch_search`).

    The box is emptied with the keyboard, then the query goes in as typing ends: all but its last
    character at once, then the last key pressed, which is when Material searches (on key-up).
    `key_by_key` presses every key, as a person types; tests/test_search_quality.py checks on a
    sample that both give the same results. The results are read once the worker has answered
    the last query the page sent, which is the whole text."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.keyboard.press("/")  # Material's shortcut opens the search dialog
    box.press("Control+a")
    box.press("Backspace")
    if key_by_key:
        box.press_sequentially(query)
    else:
        box.fill(query[:-1])
        box.press_sequentially(query[-1:])
    page.wait_for_function(
        "(q) => window.__rhSearch && window.__rhSearch.last === q && window.__rhSearch.sent === window.__rhSearch.got", arg=query
    )
    next_frames(page)  # rendered
    # one result per page: Material lists a page's matching sections as more links in its item
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item", "items => items.map(li => li.querySelector('a.md-search-result__link').href)"
    )
    return [href.split("#")[0].split("?")[0] for href in hrefs[:count]]  # ?h=: Material's highlight


def load_queries(path: Path = SEARCH_QUERIES, half: str | None = None) -> list[dict[str, Any]]:
    """The committed search queries; `half` "tune" or "check" for one half only."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [q for q in data["queries"] if half is None or q["half"] == half]


def load_no_answer(path: Path = SEARCH_QUERIES) -> list[str]:
    """Queries the site has no page for: search must still offer a way on."""
    import yaml

    return list(yaml.safe_load(path.read_text(encoding="utf-8")).get("no_answer", []))


def search_rates(page: Any, base: str, queries: list[dict[str, Any]]) -> tuple[float, float, list[str]]:
    """`rates_of` the site's search as typed in the page (the page needs `watch_search`)."""
    tops = {q["query"]: [url.removeprefix(base).split("?")[0] for url in search_top(page, q["query"])] for q in queries}
    return rates_of(tops, queries)


def dumps(data: object) -> str:
    return json.dumps(data, indent=2, sort_keys=True)


VARIANTS = {  # name -> (viewport width, colour scheme)
    "light": (1280, "light"),
    "dark": (1280, "dark"),
    "phone-360": (360, "light"),
}


def page_paths(site_dir: Path) -> list[str]:
    """Every built page as a site-relative URL ('', 'conditions/x/', '404.html')."""
    paths = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return paths


# Pages with a layout of their own (a form, a tool, every warning box), each a kind by itself
OWN_LAYOUT = frozenset({"self-care/physio-sheet/", "self-care/when-to-see-a-doctor/", "symptoms/cannot-bear-weight/"})


def template_of(path: str) -> tuple[str, bool]:
    """Which kind of page a path is: its section, and whether it is the section's own index.
    Pages of one kind share their template and styles, so one of them stands for the rest."""
    if path in OWN_LAYOUT:
        return (path, True)
    parts = [part for part in path.split("/") if part]
    return (parts[0] if parts else "", len(parts) <= 1)


def variants_for(paths: list[str]) -> dict[str, tuple[str, ...]]:
    """axe runs in the light palette on every page, and in every variant (dark, a 360 px phone)
    on the first page of each kind: the palettes and widths change styles, not content."""
    first: dict[tuple[str, bool], str] = {}
    for path in paths:
        first.setdefault(template_of(path), path)
    chosen = set(first.values())
    return {path: tuple(VARIANTS) if path in chosen else ("light",) for path in paths}


PHONE_WIDTH, PHONE_HEIGHT = 390, 844
# At a phone's width: how far the page scrolls sideways, tables that scroll inside their frame
# with no visible line above saying so (share.js adds it), and card-table cells cut off.
PHONE_CHECK = """() => {
  const scrolls = (el) => el.scrollWidth > el.clientWidth + 1;
  const frames = [...document.querySelectorAll('.md-typeset table:not(.rh-stack)')]
    .filter((t) => !t.closest('.rh-sheet'))
    .map((t) => [t, t.closest('.md-typeset__scrollwrap') || t])
    .filter(([t, f]) => scrolls(t) || scrolls(f))
    .map(([, f]) => f);
  const said = (f) => { const h = f.previousElementSibling; return !!h && h.matches('.rh-scroll-hint') && h.offsetHeight > 0; };
  return {
    sideways: document.documentElement.scrollWidth - window.innerWidth,
    scrolling_tables: frames.length,
    unsaid: frames.filter((f) => !said(f)).map((f) => f.querySelector('th, td')?.textContent.trim().slice(0, 40) || '?'),
    cut_cells: [...document.querySelectorAll('table.rh-stack td')].filter((td) => td.getBoundingClientRect().right > window.innerWidth + 1).length,
    first_screen: firstScreen(),
  };
  // A condition page's first screen (issue 16): where "In short", the run/modify/stop card and
  // the warning box start, and whether the contents list shows and each of its links has a target
  function firstScreen() {
    const top = (s) => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().top + scrollY : null; };
    const nav = document.querySelector('article .rh-contents');
    const box = nav && nav.getBoundingClientRect();
    return {
      in_short: top('#in-short'), card: top('article .rh-today'), box: top('article .rh-warnings'),
      contents_shown: !!box && box.height > 20 && getComputedStyle(nav).display !== 'none',
      dead: nav ? [...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'))
        .filter((h) => !document.getElementById(decodeURIComponent(h.slice(1)))) : ['no contents list'],
    };
  }
}"""


def survey(browser: Any, base_url: str, paths: list[str], axe: bool = True, site_dir: Path | None = None) -> dict[str, Visit]:
    """One first view of every page; with `axe`, axe-core on that same load in the light palette,
    and in every variant on one page of each kind (variants_for). On that page axe checks the
    whole page; on the others of its kind, the page's own content (OWN_CONTENT), as the rest is
    the same template. With `site_dir` (the folder served at `base_url`), sizes are read from its
    files."""
    results: dict[str, Visit] = {}
    wanted = variants_for(paths)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    context.add_init_script(CSP_LISTENER)
    if axe:
        context.add_init_script(path=str(AXE_JS))
    views = FirstViews(context, base_url, site_dir)
    page = views.page
    for path in paths:
        record = views.visit(base_url + path)
        if axe:
            for name in wanted[path]:
                width, scheme = VARIANTS[name]
                page.set_viewport_size({"width": width, "height": 900})
                page.emulate_media(color_scheme=scheme)
                expected = "slate" if scheme == "dark" else "default"
                # Material's palette follows the system setting ("automatic"); a palette that does not
                # follow is reported below as a violation, not skipped
                with contextlib.suppress(Exception):
                    page.wait_for_function("(s) => document.body.getAttribute('data-md-color-scheme') === s", arg=expected, timeout=10_000)
                settle(page)
                shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
                # the template's parts once per kind (on the page with every variant), each
                # page's own content on every page: half the time of the whole page
                violations = run_axe(page, within=None if len(wanted[path]) > 1 else OWN_CONTENT)
                if shown != expected:  # the palette did not follow: a finding, not a silent pass
                    violations.append({"id": "palette", "impact": "test", "help": f"palette is {shown}, wanted {expected}", "nodes": []})
                record.axe[name] = violations
        page.set_viewport_size({"width": PHONE_WIDTH, "height": PHONE_HEIGHT})
        next_frames(page)  # resized
        record.phone = page.evaluate(PHONE_CHECK)
        record.csp_violations += page.evaluate("window.__rhViolations || []")
        results[path] = record
    context.close()
    return results


def survey_site(site_dir: Path) -> dict[str, Visit]:
    """`survey` of every page of the built site in `site_dir`, served on loopback, in a browser
    of its own."""
    from playwright.sync_api import sync_playwright

    with serving(site_dir) as base, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=GATE_CHROMIUM_ARGS)
        try:
            return survey(chromium, base, page_paths(site_dir), site_dir=site_dir)
        finally:
            chromium.close()


def main(argv: list[str]) -> int:
    """`python3 scripts/quality_gates.py survey SITE_DIR OUT.json`: the page survey of a built
    site, written as JSON (tests/conftest.py runs it beside the other tests, in a process of its
    own so that neither waits on the other's Python)."""
    if len(argv) != 3 or argv[0] != "survey":
        print("usage: quality_gates.py survey SITE_DIR OUT.json", file=sys.stderr)
        return 2
    views = survey_site(Path(argv[1]))
    Path(argv[2]).write_text(json.dumps({path: asdict(view) for path, view in views.items()}), encoding="utf-8")
    return 0


# What the browser fetches for the first search, beyond the page itself: Material's worker and
# index, and the site's worker, layer script and layer data.
SEARCH_FILES = ("search/search_index.json", "search/layer.json", "assets/search-worker.js", "assets/search-layer.js")


def material_worker(site_dir: Path) -> Path:
    """Material's own search worker in a built site (its name carries a hash of its content)."""
    return next((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))


def first_query_bytes(site_dir: Path) -> dict[str, int]:
    """Each file the first search fetches, gzipped as GitHub Pages serves it."""
    worker = material_worker(site_dir)
    files = [*(site_dir / name for name in SEARCH_FILES), worker]
    return {path.relative_to(site_dir).as_posix(): len(gzip.compress(path.read_bytes(), 9)) for path in files}


def search_comparison(site_dir: Path, tops: int = 0) -> dict[str, Any]:
    """Plain Material search against the site's, on both halves of the committed queries, in one
    run (scripts/search_compare.js runs both in Node on the built index). With `tops`, instead,
    each query's first `tops` pages in the site's search, under "tops"."""
    import tempfile

    worker = material_worker(site_dir)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(load_queries(), handle)
    try:
        result = subprocess.run(
            ["node", str(ROOT / "scripts" / "search_compare.js"), str(site_dir), handle.name, str(worker)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "SEARCH_TOPS": str(tops)} if tops else None,
        )
    finally:
        Path(handle.name).unlink()
    return json.loads(result.stdout)


def rates_of(tops: dict[str, list[str]], queries: list[dict[str, Any]]) -> tuple[float, float, list[str]]:
    """(share with an expected page in the top three, share with one first, a line per miss),
    from each query's ranked pages (site-relative URLs)."""
    misses, top3, first = [], 0, 0
    for q in queries:
        top = tops[q["query"]][:3]
        hit = bool(set(top) & set(q["expect"]))
        top3 += hit
        first += bool(top) and top[0] in q["expect"]
        if not hit:
            misses.append(f"[{q['kind']}] {q['query']!r}: got {top}, wanted one of {q['expect']}")
    return top3 / len(queries), first / len(queries), misses


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
