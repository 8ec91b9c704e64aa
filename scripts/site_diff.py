#!/usr/bin/env python3
"""Compare two built sites, file by file: what a change did to what readers get.

    python3 scripts/site_diff.py BEFORE_SITE AFTER_SITE [--ignore GLOB ...] [--context N]

Build the site before and after a change into two folders (same SITE_URL), then run this. It
lists files only in one, and for each changed text file the first differing lines. Exit status
1 when anything differs that `--ignore` does not cover, so a refactoring can prove it changed
nothing, and a feature can name exactly what it meant to change.

Compared as what they mean rather than byte for byte:
- `sitemap.xml.gz`: gzip stores a time; the text inside is compared.
- `search/search_index.json`: the same entries in any order are the same index.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import gzip
import json
import sys
from pathlib import Path


def normalised(rel: str, data: bytes) -> bytes:
    """The bytes to compare for a file: gzip unpacked, the search index sorted."""
    if rel.endswith(".gz"):
        data = gzip.decompress(data)
    if rel == "search/search_index.json":
        index = json.loads(data)
        index["docs"] = sorted(index.get("docs", []), key=lambda doc: json.dumps(doc, sort_keys=True))
        data = json.dumps(index, sort_keys=True, indent=0).encode()
    return data


def files_of(root: Path) -> dict[str, Path]:
    return {path.relative_to(root).as_posix(): path for path in sorted(root.rglob("*")) if path.is_file()}


def text_diff(rel: str, before: bytes, after: bytes, context: int) -> list[str]:
    try:
        a, b = before.decode("utf-8"), after.decode("utf-8")
    except UnicodeDecodeError:
        return [f"    (binary: {len(before)} bytes before, {len(after)} after)"]
    # HTML is long lines of markup: split at tags so the diff shows the element that changed.
    if rel.endswith((".html", ".xml", ".svg")):
        a, b = a.replace("><", ">\n<"), b.replace("><", ">\n<")
    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), "before", "after", n=0, lineterm=""))[2:]
    shown = [f"    {line[:200]}" for line in lines[: context * 4]]
    if len(lines) > len(shown):
        shown.append(f"    ... {len(lines) - len(shown)} more changed lines")
    return shown


def compare(before: Path, after: Path, ignore: list[str], context: int) -> tuple[list[str], int]:
    """(report lines, number of differences not ignored)."""
    old, new = files_of(before), files_of(after)
    report: list[str] = []
    unexpected = 0
    for rel in sorted(set(old) | set(new)):
        ignored = any(fnmatch.fnmatch(rel, pattern) for pattern in ignore)
        tag = " (ignored)" if ignored else ""
        if rel not in new:
            report.append(f"- only before: {rel}{tag}")
        elif rel not in old:
            report.append(f"+ only after: {rel}{tag}")
        else:
            a, b = normalised(rel, old[rel].read_bytes()), normalised(rel, new[rel].read_bytes())
            if a == b:
                continue
            report.append(f"~ changed: {rel}{tag}")
            if not ignored:
                report += text_diff(rel, a, b, context)
        unexpected += not ignored
    return report, unexpected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore", action="append", default=[], metavar="GLOB", help="a path expected to change (repeatable)")
    parser.add_argument("--context", type=int, default=3, help="changed lines to show per file, in fours")
    args = parser.parse_args(argv)
    for folder in (args.before, args.after):
        if not folder.is_dir():
            print(f"{folder}: no such folder; build the site into it first", file=sys.stderr)
            return 2
    report, unexpected = compare(args.before, args.after, args.ignore, args.context)
    print("\n".join(report) if report else "No difference.")
    print(f"{unexpected} unexpected difference{'s' if unexpected != 1 else ''}")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
