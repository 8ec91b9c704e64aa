#!/usr/bin/env python3
"""Speed figures for the cross-link step. A benchmark that prints numbers, not a timed test.

    python3 scripts/docs.py bench [--pages 1000] [--symptoms 200] [--repeat 3]

Prints:
1. the content check on the real site (in-process, and as the editor's command, cold);
2. the full `mkdocs build --strict` of the real site;
3. on a generated synthetic site (default 1,000 condition pages, 200 symptoms): the build with
   the cross-link step running as a hook, against a plain build of exactly the same output
   staged beforehand (`python -m crosslinks stage`), so the difference is what the step itself
   costs (goal: under 15%); and, for scale, a build of the bare pages with no cross-links;
4. the step's own time (load, validate, cross-link, render every page) at several sizes,
   per page, to show that it grows linearly.
Times are the median of --repeat runs, in seconds, on this machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from crosslinks import load_site  # noqa: E402
from crosslinks.__main__ import stage  # noqa: E402
from crosslinks.model import CONDITION_ANCHORS, FACETS, REGION_IDS  # noqa: E402

MKDOCS = str(Path(sys.executable).parent / "mkdocs")
TODAY = dt.date(2026, 11, 23)
WORDS = [
    "runner",
    "hip",
    "pain",
    "tendon",
    "bone",
    "load",
    "week",
    "run",
    "easy",
    "hill",
    "speed",
    "rest",
    "sleep",
    "stairs",
    "sit",
    "walk",
    "ache",
    "sharp",
    "dull",
    "deep",
    "side",
    "front",
    "back",
    "groin",
    "thigh",
    "buttock",
    "muscle",
    "strength",
    "slowly",
    "build",
    "clinician",
    "check",
    "start",
    "stop",
    "change",
    "shoe",
    "surface",
    "mile",
    "long",
    "short",
]


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_medians(actions: list[Callable[[], object]], repeat: int) -> list[float]:
    """Median time of each action, running them in turn within every round, so that drift in
    the machine's speed (other load, heat) falls on all of them alike."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for index, action in enumerate(actions):
            start = time.perf_counter()
            action()
            times[index].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(
        [MKDOCS, "build", "--quiet", "--config-file", str(config), "--site-dir", str(site_dir)],
        # timings only, never published: the loopback site_url is fine (crosslinks.siteurl)
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUNNERS_HIP_LOCAL_BUILD": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"build failed:\n{result.stderr}")


# --- the synthetic site ----------------------------------------------------------------------


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 14))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sources: list[str]) -> str:
    text = " ".join(sentence(rng) for _ in range(5))
    return text[:-1] + f" [@{rng.choice(sources)}]."


def write_synthetic_site(root: Path, pages: int, symptoms: int, seed: int = 7) -> Path:
    """A site shaped like the real one: data files, `pages` conditions, ~500 words each."""
    rng = random.Random(seed)  # noqa: S311 - reproducible filler text, not security
    docs = root / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "conditions").mkdir()
    regions = "\n".join(f"- {{id: {r}, name: Region {r}, short: {r}, description: The {r} of the hip.}}" for r in REGION_IDS)
    (docs / "_data" / "regions.yml").write_text(regions + "\n")
    symptom_ids = [f"symptom-{i}" for i in range(symptoms)]
    lines = [
        f"- {{id: {sid}, label: Symptom number {i}, explanation: What symptom {i} means., facet: {FACETS[i % 4]}}}"
        for i, sid in enumerate(symptom_ids)
    ]
    (docs / "_data" / "symptoms.yml").write_text("\n".join(lines) + "\n")
    tiers = "\n".join(f"  - {{id: {t}, name: {t.title()}, heading: act, action: Do this now.}}" for t in ("emergency", "urgent", "soon"))
    signs = "\n".join(
        f"  - {{id: sign-{i}, label: Warning sign {i}, tier: {('emergency', 'urgent')[i % 2]}, universal: {str(i < 3).lower()}, why: Why it matters., sources: [Ref{i}]}}"
        for i in range(12)
    )
    (docs / "_data" / "warning-signs.yml").write_text(f"tiers:\n{tiers}\nsigns:\n{signs}\n")
    ref_ids = [f"Ref{i}" for i in range(60)]
    refs = [
        f"- {{id: {r}, authors: Author {r}, title: Study {r}, year: 2020, publisher: Journal, doi: 10.1000/{r.lower()}}}" for r in ref_ids
    ]
    (docs / "_data" / "references.yml").write_text("\n".join(refs) + "\n")
    slugs = [f"condition-{i}" for i in range(pages)]
    for i, slug in enumerate(slugs):
        chosen = rng.sample(symptom_ids, 8)
        chosen[0] = symptom_ids[i % symptoms]  # every symptom is used
        chosen = list(dict.fromkeys(chosen))
        sources = rng.sample(ref_ids, 4)
        other = f"{slugs[(i + 1) % pages]}, {slugs[(i - 1) % pages]}"  # each pair listed both ways
        body = []
        for anchor in CONDITION_ANCHORS[:-1]:  # every fixed section; the last, sources, is generated
            heading = anchor.replace("-", " ").capitalize()
            body.append(f"## {heading} {{#{anchor}}}\n\n{paragraph(rng, sources)}\n\n{paragraph(rng, sources)}\n")
            if anchor == "symptoms":
                body.append("<!-- crosslinks:symptoms -->\n")
            if anchor == "how-its-diagnosed":
                body.append("<!-- crosslinks:often-confused-with -->\n")
        body.append("<!-- crosslinks:exercises -->\n")
        body.append("## When to see a doctor\n\n<!-- crosslinks:warning-signs -->\n")
        front = (
            f"---\ntitle: Condition {i}\ndescription: Synthetic condition {i}.\nregions: [{rng.choice(REGION_IDS)}]\n"
            f"symptoms: {{typical: [{', '.join(chosen[:4])}], possible: [{', '.join(chosen[4:])}]}}\n"
            f"onset: gradual\nurgency: self-care\nrecovery: {{min_weeks: 4, max_weeks: 12, sources: [{sources[0]}]}}\n"
            f"differentials: [{other}]\nwarning_signs: [sign-{3 + i % 9}]\nladder: tendon\nsources: [{', '.join(sources)}]\nreviewed: 2026-11-01\nnext_review: 2027-11-01\n"
            "clinical_review: {status: awaiting}\n"
            f"today:\n  keep_running:\n    - {sentence(rng)[:-1]} [@{sources[0]}]\n  ease_off:\n    - {sentence(rng)[:-1]}\n"
            "---\n\n"
        )
        (docs / "conditions" / f"{slug}.md").write_text(front + "\n".join(body))
    (docs / "index.md").write_text("---\ntitle: Home\n---\n\nA synthetic site.\n")
    return docs


def synthetic_config(root: Path, with_step: bool, docs: Path | None = None) -> Path:
    """Like the real mkdocs.yml, with or without the cross-link hook; leaf pages not in the nav."""
    config = root / f"{'with' if with_step else 'without'}-{(docs or root / 'docs').name}.yml"
    # Every build hardens its pages (hardening_hooks.py: markup, page policy, search index), so
    # the comparison measures the cross-link step (mkdocs_hooks.py) alone.
    names = ["mkdocs_hooks.py", "hardening_hooks.py"] if with_step else ["hardening_hooks.py"]
    hooks = f"hooks: [{', '.join(str(ROOT / 'scripts' / name) for name in names)}]\n"
    config.write_text(
        f"site_name: Synthetic\nsite_url: http://127.0.0.1:8000/\ndocs_dir: {docs or root / 'docs'}\nexclude_docs: /_data/\n"
        "not_in_nav: |\n  /conditions/*.md\n  /symptoms/*.md\n  /where-it-hurts/*.md\n  /exercises/*.md\n  /api/*\n"
        "nav: [index.md]\n"
        "theme: {name: material, font: false, features: [search.suggest]}\n"
        "plugins: [search]\nmarkdown_extensions: [admonition, attr_list, md_in_html, tables, toc]\n" + hooks
    )
    return config


def step_time(docs: Path) -> float:
    """The cross-link step's own work: what the hook does over a whole build."""
    site = load_site(docs, TODAY)
    site.files()
    for page in site.graph.pages.values():
        site.page(page.src_uri, page.body)
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--symptoms", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    env_today = {"RUNNERS_HIP_TODAY": TODAY.isoformat()}
    os.environ.update(env_today)

    print("Runner's Hip benchmark (median of", args.repeat, "runs, seconds)\n")
    docs = ROOT / "docs"
    check = median_time(lambda: load_site(docs, TODAY), args.repeat)
    cold = median_time(
        lambda: subprocess.run(
            [sys.executable, "-m", "crosslinks", "check", str(docs)],
            env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
            check=True,
            capture_output=True,
        ),
        args.repeat,
    )
    print(f"1. content check, real site:            {check:6.3f} in-process, {cold:6.3f} as `docs.py check` (cold start; goal < 2)")

    with tempfile.TemporaryDirectory() as tmp:
        full = median_time(lambda: build(ROOT / "mkdocs.yml", Path(tmp) / "site"), args.repeat)
    print(f"2. full build, real site (--strict):    {full:6.3f}")

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synthetic = write_synthetic_site(root, args.pages, args.symptoms)
        site = load_site(synthetic, TODAY, cache_dir=root / ".cache")  # the hooked builds' cache too
        staged = root / "staged"
        stage(synthetic, staged, site.staged_files())
        bare, pre, hooked = interleaved_medians(
            [
                lambda: build(synthetic_config(root, False), root / "site-bare"),
                lambda: build(synthetic_config(root, False, staged), root / "site-staged"),
                lambda: build(synthetic_config(root, True), root / "site-hooked"),
            ],
            args.repeat,
        )
        overhead = (hooked - pre) / pre * 100
        print(f"3. synthetic site, {args.pages} conditions and {args.symptoms} symptoms:")
        print(f"   a. plain build, the cross-link step's output staged beforehand:  {pre:6.3f}")
        print(f"   b. build with the cross-link step running as a hook:            {hooked:6.3f}")
        print(f"      the step's cost: {hooked - pre:+.3f} s = {overhead:+.1f}% of the plain build (goal: under 15%)")
        print(f"   c. for scale, the bare pages alone, with no cross-links at all:   {bare:6.3f}")
        print(
            f"      (the step's output is {len(site.files())} more pages and files plus blocks on every page; "
            f"rendering that content costs {pre - bare:.1f} s whichever way it is made)"
        )

    print("4. the cross-link step's own time (load, validate, cross-link, render every page):")
    for size in (250, 500, 1000, 2000):
        with tempfile.TemporaryDirectory() as tmp:
            synthetic = write_synthetic_site(Path(tmp), size, args.symptoms)
            seconds = median_time(lambda synthetic=synthetic: step_time(synthetic), args.repeat)
        print(f"   {size:5d} pages: {seconds:6.3f} s  = {seconds / size * 1000:5.2f} ms per page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
