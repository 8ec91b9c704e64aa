"""`docs.py report`: build the site and write report/report.md with the quality figures.

Lighthouse (pinned in package.json, on Debian's Chromium) on the mobile profile, three runs of
six key pages, beside the same pages as plain Material publishes them (built in the same run from
the staged docs folder: no hooks, no custom templates, styles or scripts, `font: false`); both
served gzip-compressed as GitHub Pages serves them. Then every page's first-view weight, the
search index size, the search-quality rate and the build time. Nothing here is a test: the tests
hold the byte budgets; this prints the timings and scores, which vary from run to run.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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

LIGHTHOUSE_PAGES = ["", "conditions/gluteal-tendinopathy/", "finder/", "exercises/clamshell/", "conditions/", "where-it-hurts/side/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TIMINGS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")  # FCP, LCP, TBT
RUNS = 3


@dataclass(frozen=True)
class Run:
    """One Lighthouse run of one page: category scores (0-100) and timings (milliseconds)."""

    scores: dict[str, int]
    timings: dict[str, float]


def lighthouse(url: str, out: Path) -> Run | None:
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
    return Run(
        {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES},
        {audit: float(report["audits"][audit]["numericValue"]) for audit in TIMINGS},
    )


def plain_material_site(work: Path) -> Path:
    """The same content as plain Material publishes it: the staged docs folder (every page as the
    core renders it) built with Material's defaults and no hooks, custom templates, styles or
    scripts (`font: false`, as this site), the rest of mkdocs.yml (Markdown extensions, nav) kept.
    Changed with MkDocs' load_config(**overrides), never by editing mkdocs.yml."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from crosslinks.__main__ import main as crosslinks_main

    staged = work / "docs"
    if crosslinks_main(["stage", str(staged), "--docs-dir", str(ROOT / "docs"), "--site-url", SITE_URL]):
        raise SystemExit("staging the docs folder failed")
    config = load_config(
        config_file=str(ROOT / "mkdocs.yml"),
        docs_dir=str(staged),
        site_dir=str(work / "site"),
        site_url=SITE_URL,
        hooks=[],
        theme={"name": "material", "font": False},
        extra_css=[],
        extra_javascript=[],
        plugins=["search"],
    )
    build(config)
    return work / "site"


def median_and_range(values: list[float], unit: float = 1.0, digits: int = 0) -> str:
    """'median (lowest to highest)', each divided by `unit`."""
    shown = [f"{v / unit:.{digits}f}" for v in (statistics.median(values), min(values), max(values))]
    return f"{shown[0]} ({shown[1]} to {shown[2]})" if len(values) > 1 else shown[0]


def comparison_section(ours: dict[str, list[Run]], plain: dict[str, list[Run]]) -> list[str]:
    """Lighthouse mobile performance and timings, this site beside plain Material, per page."""
    lines = [
        "## Lighthouse (mobile): this site against plain Material",
        "",
        f"{RUNS} runs of each page on Lighthouse's mobile profile (simulated slow 4G, a mid-range phone), "
        "both sites served gzip-compressed as GitHub Pages serves them (HTML, CSS, JavaScript, JSON, SVG). "
        "Plain Material is the same content staged by the core and built with Material's defaults, in this run. "
        "Each cell: median (lowest to highest). Lower timings are better; 'ahead' means this site's median "
        "first contentful paint, largest contentful paint and total blocking time are all lower.",
        "",
        "| page | performance: this site | plain Material | FCP s: this site | plain | LCP s: this site | plain | TBT ms: this site | plain | ahead |",
        "| --- " * 10 + "|",
    ]
    for path in LIGHTHOUSE_PAGES:
        mine, theirs = ours.get(path, []), plain.get(path, [])
        if not mine or not theirs:
            lines.append(f"| /{path} | failed or missing |" + " |" * 8)
            continue
        cells = [median_and_range([r.scores["performance"] for r in mine]), median_and_range([r.scores["performance"] for r in theirs])]
        ahead = True
        for audit in TIMINGS:
            unit, digits = (1.0, 0) if audit == "total-blocking-time" else (1000.0, 2)
            a, b = [r.timings[audit] for r in mine], [r.timings[audit] for r in theirs]
            cells += [median_and_range(a, unit, digits), median_and_range(b, unit, digits)]
            ahead = ahead and statistics.median(a) < statistics.median(b)
        lines.append(f"| /{path} | " + " | ".join(cells) + f" | {'yes' if ahead else 'no'} |")
    lines += [
        "",
        "Other categories on this site (median of the runs; the goal is 100 each):",
        "",
        "| page | " + " | ".join(CATEGORIES[1:]) + " |",
        "| --- " * len(CATEGORIES) + "|",
    ]
    for path in LIGHTHOUSE_PAGES:
        if ours.get(path):
            lines.append(
                f"| /{path} | " + " | ".join(str(round(statistics.median(r.scores[c] for r in ours[path]))) for c in CATEGORIES[1:]) + " |"
            )
    return lines


def lighthouse_runs(sites: dict[str, tuple[str, Path]], out_dir: Path) -> dict[str, dict[str, list[Run]]]:
    """RUNS Lighthouse runs of each key page on each served site ({label: (base URL, folder)}),
    taking turns page by page, so a slow spell on the machine falls on both sites alike."""
    runs: dict[str, dict[str, list[Run]]] = {label: {} for label in sites}
    for path in LIGHTHOUSE_PAGES:
        name = path.strip("/").replace("/", "-") or "home"
        for n in range(1, RUNS + 1):
            for label, (base, site_dir) in sites.items():
                if (site_dir / path / "index.html").is_file():
                    result = lighthouse(base + path, out_dir / f"lighthouse-{label}-{name}-{n}.json")
                    runs[label].setdefault(path, []).extend([result] if result else [])
        print(f"Lighthouse: /{path} done", file=sys.stderr, flush=True)
    return runs


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
    plain_dir = plain_material_site(Path(tempfile.mkdtemp(prefix="rh-report-plain-")))
    # both compressed, as GitHub Pages serves them
    with serving(site_dir, CompressedSubPathHandler) as base, serving(plain_dir, CompressedSubPathHandler) as plain_base:
        runs = lighthouse_runs({"site": (base, site_dir), "plain": (plain_base, plain_dir)}, out_dir)
        lines += comparison_section(runs["site"], runs["plain"])

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
