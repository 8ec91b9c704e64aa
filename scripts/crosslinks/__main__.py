"""Command line for editors: check all content without building the site.

python3 scripts/docs.py check            (sets up the environment, then runs this)
python -m crosslinks check [DOCS_DIR]    (with scripts/ on the path)
python -m crosslinks quality PAGE.md...   (reading grade and numbers without a citation)
python -m crosslinks urls LIST_FILE       (add every public URL to the published list)
python -m crosslinks stage OUT_DIR [--site-url URL]
                                         (a complete docs folder, every page rendered with its
                                         facts in its front matter, every generated file and
                                         image added, for a generator that runs no hooks)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from . import ContentError, load_site
from .cachefile import cache_folder
from .load import SHARED_DIR, read_text, split_front_matter
from .markers import expand_shared
from .problems import Problem
from .quality import (
    MAX_READING_GRADE,
    abbreviations_used_before_spelled_out,
    reading_grade,
    spelled_out_forms,
    states_facts,
    uncited_numbers,
)
from .site import today

DOCS_ROOT = Path(__file__).resolve().parents[2] / "docs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crosslinks", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate front matter, data files and cross-links")
    check.add_argument("docs_dir", nargs="?", default="docs", type=Path)
    quality = sub.add_parser("quality", help="reading grade and numbers without a citation, per page")
    quality.add_argument("pages", nargs="+", type=Path)
    urls = sub.add_parser("urls", help="add every public URL to the published list (never removes one)")
    urls.add_argument("list_file", type=Path)
    urls.add_argument("--docs-dir", default="docs", type=Path)
    out = sub.add_parser("stage", help="write a complete docs folder: pages rendered, generated files added")
    out.add_argument("out_dir", type=Path)
    out.add_argument("--docs-dir", default="docs", type=Path)
    out.add_argument("--site-url", default="", help="the site's public address: canonical URLs, feed, robots.txt, QR codes")
    args = parser.parse_args(argv)

    if args.command == "quality":
        return report_quality(args.pages)
    start = time.perf_counter()
    docs_dir = args.docs_dir
    if not docs_dir.is_dir():
        print(f"{docs_dir}: no such folder; run this from the repository's root, or name the docs folder", file=sys.stderr)
        return 1
    try:
        # stage draws every preview image: share the build's cache
        cache = cache_folder(docs_dir) if args.command == "stage" else None
        site = load_site(docs_dir, today(), cache)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    generated = site.files()
    if args.command == "stage":
        stage(docs_dir, args.out_dir, site.staged_files(args.site_url))
    if args.command == "urls":
        added = record_urls(args.list_file, site.public_urls())
        print(f"{args.list_file}: {added} new URL{'s' if added != 1 else ''} added")
    graph = site.graph
    elapsed = time.perf_counter() - start
    print(
        f"Content OK: {len(graph.conditions)} conditions, {len(graph.symptoms)} symptoms, "
        f"{len(graph.references)} sources, {len(graph.pages)} pages, {len(generated)} generated files "
        f"({elapsed:.2f} s)"
    )
    return 0


def report_quality(pages: list[Path]) -> int:
    """Print each page's reading grade, any uncited numbers and any abbreviation used before it is
    spelled out; exit 1 if any page fails."""
    failed = False
    abbreviations = DOCS_ROOT.parent / "includes" / "abbreviations.md"
    forms = spelled_out_forms(abbreviations.read_text(encoding="utf-8")) if abbreviations.is_file() else {}
    for path in pages:
        problems: list[Problem] = []
        text = read_text(path, str(path), problems) if path.is_file() else None
        if text is None or problems:
            failed = True
            print(f"FAIL {problems[0] if problems else f'{path}: no such file; name a page, e.g. docs/conditions/hip-labral-tear.md'}")
            continue
        body = split_front_matter(text)[1]
        grade = reading_grade(body)
        inside = path.resolve().is_relative_to(DOCS_ROOT)
        uncited = uncited_numbers(body) if not inside or states_facts(path.resolve().relative_to(DOCS_ROOT).as_posix()) else []
        shared = DOCS_ROOT / SHARED_DIR  # a page is read with its shared passages in place
        texts = {text.stem: text.read_text(encoding="utf-8") for text in shared.glob("*.md")} if inside else {}
        late = abbreviations_used_before_spelled_out(expand_shared(body, texts), forms)
        ok = grade <= MAX_READING_GRADE and not uncited and not late
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {path}: reading grade {grade:.1f} (limit {MAX_READING_GRADE:g})")
        for paragraph in uncited:
            print(f"     number without a citation: {paragraph}")
        for key in late:
            print(f"     spell out where first used: {key} ({forms[key]})")
    return 1 if failed else 0


URLS_HEADER = """\
# Every public URL this site has published, relative to the site's address, with the fixed
# section anchors of condition pages. Newsletters link to them, so none may break: the tests
# fail when one no longer resolves, unless a redirect (mkdocs.yml, plugins > redirects) sends
# it to its new home. Add new URLs with: python3 scripts/docs.py urls (it never removes one).
"""


def record_urls(list_file: Path, current: list[str]) -> int:
    """Add the current URLs to the published list; published URLs stay listed forever."""
    published = read_urls(list_file)
    new = sorted(set(current) - set(published))
    urls = sorted(set(published) | set(current))
    list_file.write_text(URLS_HEADER + "".join(f"/{u}\n" for u in urls), encoding="utf-8")
    return len(new)


def read_urls(list_file: Path) -> list[str]:
    if not list_file.exists():
        return []
    lines = list_file.read_text(encoding="utf-8").splitlines()
    return [line.strip().removeprefix("/") for line in lines if line.strip() and not line.startswith("#")]


def stage(docs_dir: Path, out_dir: Path, staged: dict[str, str | bytes]) -> None:
    """Copy docs_dir's other files (images, CSS) to out_dir, then write the staged pages and files."""
    shutil.rmtree(out_dir, ignore_errors=True)
    shutil.copytree(docs_dir, out_dir, ignore=shutil.ignore_patterns("_data", "*.md"))
    for rel, content in staged.items():
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
