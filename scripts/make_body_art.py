#!/usr/bin/env python3
"""Re-make scripts/crosslinks/art/body-outline.json from the body_part_selector mannequins.

    python3 scripts/make_body_art.py PATH/TO/body_part_selector

The drawings are MIT-licensed (c) 2024 Jesper Bellenbaum, Tim Lehmann, Johann Schramm; the
notice is kept in scripts/crosslinks/art/LICENSE-body_part_selector.txt and credited on the
About page. This keeps only each body segment's outline, with numbers rounded so the inline
map stays small. Run it only when the source art changes; its output is committed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "crosslinks" / "art" / "body-outline.json"
VIEWS = {"front": "m_front.svg", "side": "m_left.svg", "back": "m_back.svg"}
# Each body segment is a <path d="..." id="..."/>; arms, head, neck and feet are left out: the
# map shows the trunk and legs, and in the side view the arm would hide the outer hip.
PATH = re.compile(r'<path\b[^>]*?\sd="([^"]+)"[^>]*?\sid="([^"]+)"', re.S)
DROPPED = re.compile(r"Arm|Elbow|Hand|Shoulder|head|neck|Foot")
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")


def rounded(path: str, places: int) -> str:
    """The path with every number rounded to `places` decimals, written as short as it can be."""

    def short(match: re.Match[str]) -> str:
        text = f"{float(match.group()):.{places}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        text = text.replace("-0.", "-.") if text.startswith("-0.") else text
        text = text[1:] if text.startswith("0.") else text
        return "0" if text in ("", "-0", "-") else text

    return re.sub(r"\s+", " ", NUMBER.sub(short, path)).strip()


def view(svg: str) -> dict:
    box = [float(v) for v in re.search(r'viewBox="([^"]+)"', svg).group(1).split()]  # type: ignore[union-attr]
    places = 0 if box[3] > 100 else 3  # the back view is drawn at 800 units wide, the others at about 6
    paths = [rounded(d, places) for d, part in PATH.findall(svg) if not DROPPED.search(part)]
    return {"width": box[2], "height": box[3], "paths": paths}


def main(source: Path) -> None:
    art = {name: view((source / file).read_text(encoding="utf-8")) for name, file in VIEWS.items()}
    OUT.write_text(json.dumps(art, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
