"""`docs.py report`: build the site and write report/report.md with the quality figures.

Lighthouse (pinned in package.json, on Debian's Chromium) mobile scores for a few key pages,
the first-view weight of every page, the search index size, the search-quality rate and the
build time. Nothing here is a test: the tests hold the budgets; this prints the numbers.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from quality_gates import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LIGHTHOUSE,
    ROOT,
    SEARCH_INDEX,
    SITE_URL,
    SUB_PATH,
    SubPathHandler,
    load_queries,
    mkdocs_build,
    page_paths,
    search_top,
    survey,
)

LIGHTHOUSE_PAGES = ["", "conditions/gluteal-tendinopathy/", "finder/", "exercises/clamshell/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse(url: str, out: Path) -> dict[str, int] | None:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    flags = "--headless=new --no-sandbox --disable-gpu " + " ".join(CHROMIUM_ARGS)
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        print(result.stderr[-2000:], file=sys.stderr)
        return None
    report = json.loads(out.read_text())
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def main() -> int:
    out_dir = ROOT / "report"
    out_dir.mkdir(exist_ok=True)
    site_dir = Path(tempfile.mkdtemp(prefix="rh-report-"))
    started = time.perf_counter()
    build = mkdocs_build(ROOT / "mkdocs.yml", site_dir, {"SITE_URL": SITE_URL})
    build_seconds = time.perf_counter() - started
    if build.returncode:
        print(build.stderr, file=sys.stderr)
        return 1
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    lines = ["# Runner's Hip quality report", "", f"Build (mkdocs build --strict): {build_seconds:.1f} s", ""]

    lines += ["## Lighthouse (mobile)", "", "| page | " + " | ".join(CATEGORIES) + " |", "| --- " * (len(CATEGORIES) + 1) + "|"]
    for path in LIGHTHOUSE_PAGES:
        if not (site_dir / path / "index.html").is_file():
            lines.append(f"| /{path} | missing: no such page in this build |" + " |" * (len(CATEGORIES) - 1))
            continue
        scores = lighthouse(base + path, out_dir / f"lighthouse-{path.strip('/').replace('/', '-') or 'home'}.json")
        cells = [str(scores[c]) for c in CATEGORIES] if scores else ["failed"] * len(CATEGORIES)
        lines.append(f"| /{path} | " + " | ".join(cells) + " |")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        views = survey(browser, base, page_paths(site_dir), axe=False)
        page = browser.new_page()
        page.goto(base, wait_until="load")  # search_top waits for each result list
        queries = load_queries()
        failures = []
        for q in queries:
            top = [u.removeprefix(base).split("?")[0] for u in search_top(page, q["query"])]
            if not set(top) & set(q["expect"]):
                failures.append(f"- {q['query']!r}: got {top}")
        browser.close()
    server.shutdown()

    index_size = len(gzip.compress((site_dir / SEARCH_INDEX).read_bytes(), 9))
    rate = 1 - len(failures) / len(queries)
    lines += [
        "",
        "## Search",
        "",
        f"Index: {index_size / 1024:.1f} KB gzipped. Quality: {rate:.0%} of {len(queries)} queries find an expected page in the top three.",
        "",
        *failures,
    ]
    lines += [
        "",
        "## Page weight (first view, gzipped, without the search index)",
        "",
        "| page | total KB | HTML KB |",
        "| --- | --- | --- |",
    ]
    for path, view in sorted(views.items(), key=lambda item: -item[1].weight()):
        lines.append(f"| /{path} | {view.weight() / 1024:.1f} | {view.html_weight() / 1024:.1f} |")
    text = "\n".join(lines) + "\n"
    (out_dir / "report.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
