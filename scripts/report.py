"""`docs.py report`: build the site and write report/report.md with the quality figures.

Lighthouse (pinned in package.json, on Debian's Chromium) mobile scores for a few key pages,
the first-view weight of every page, the search index size, the search-quality rate and the
build time. Nothing here is a test: the tests hold the budgets; this prints the numbers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quality_gates import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LIGHTHOUSE,
    ROOT,
    SITE_URL,
    CompressedSubPathHandler,
    first_query_bytes,
    load_queries,
    mkdocs_build,
    open_search,
    page_paths,
    search_comparison,
    search_rates,
    serving,
    survey,
    watch_search,
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


def search_section(site_dir: Path, typed: dict[str, tuple[float, float, list[str]]]) -> list[str]:
    """Search quality typed in Chromium, plain Material against the site's search on the same
    queries (both halves), and the bytes the first search fetches."""
    lines = ["## Search", "", "Typed into the search box in Chromium (site search):", ""]
    lines += [f"- {half} half: {top3:.0%} in the top three, {first:.0%} first" for half, (top3, first, _) in typed.items()]
    lines += ["", "Two approaches on the same queries, in one run (Material's own worker in Node):", ""]
    lines += ["| approach | tune: top three | tune: first | check: top three | check: first |", "| --- | --- | --- | --- | --- |"]
    for name, halves in search_comparison(site_dir).items():
        cells = [f"{halves[h][k]:.0%}" for h in ("tune", "check") for k in ("top3", "first")]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    sizes = first_query_bytes(site_dir)
    lines += [
        "",
        f"The first search fetches {sum(sizes.values()) / 1024:.1f} KB gzipped (the index when search opens, the rest at the first query):",
        "",
    ]
    lines += [f"- `{name}`: {size / 1024:.1f} KB" for name, size in sizes.items()]
    lines += ["", "Misses on the check half:", "", *(f"- {miss}" for miss in typed["check"][2])]
    return lines


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
    lines = ["# Runner's Hip quality report", "", f"Build (mkdocs build --strict): {build_seconds:.1f} s", ""]
    with serving(site_dir, CompressedSubPathHandler) as base:  # compressed, as GitHub Pages serves it
        lines += [
            "## Lighthouse (mobile)",
            "",
            "Served gzip-compressed, as GitHub Pages serves the site (HTML, CSS, JavaScript, JSON, SVG).",
            "",
            "| page | " + " | ".join(CATEGORIES) + " |",
            "| --- " * (len(CATEGORIES) + 1) + "|",
        ]
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
            views = survey(browser, base, page_paths(site_dir), axe=False, site_dir=site_dir)
            page = browser.new_page()
            watch_search(page)
            open_search(page, base)
            typed = {half: search_rates(page, base, load_queries(half=half)) for half in ("tune", "check")}
            browser.close()
    lines += ["", *search_section(site_dir, typed)]
    lines += [
        "",
        "## Page weight (first view, gzipped; the search index waits until search opens)",
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
