"""Where things live: every docs/ path and site URL the core makes or links to, in one place.

Links between pages are relative links to .md files, as written in Markdown, so that MkDocs
checks and rewrites them like hand-written ones.
"""

from __future__ import annotations

import functools
from posixpath import dirname, relpath

# Hand-written pages that generated blocks link to (each link appears only when the page exists).
FINDER = "finder/index.md"
WHEN_TO_SEE_A_DOCTOR = "self-care/when-to-see-a-doctor.md"
RETURN_TO_RUNNING = "self-care/return-to-running.md"
NERVE_PAIN_RULES = "self-care/is-it-soreness-or-injury.md"
EDITORIAL_POLICY = "about/editorial-policy.md"

# Generated pages and files with fixed addresses.
CONDITIONS_INDEX = "conditions/index.md"
EXERCISES_INDEX = "exercises/index.md"
SYMPTOMS_INDEX = "symptoms/index.md"
REGIONS_INDEX = "where-it-hurts/index.md"
GLOSSARY = "glossary/index.md"
API_CONDITIONS = "api/conditions.json"
API_SCHEMA = "api/conditions.schema.json"
SEARCH_LAYER = "search/layer.json"
FEED = "feed.xml"
ROBOTS = "robots.txt"


def symptom_src(symptom_id: str) -> str:
    """The docs/ path of a symptom's page, and of a warning sign's (they share /symptoms/)."""
    return f"symptoms/{symptom_id}.md"


def region_src(region_id: str) -> str:
    return f"where-it-hurts/{region_id}.md"


def exercise_picture_src(slug: str) -> str:
    """The docs/ path of an exercise's start-and-end drawing (generated, see poses.py)."""
    return f"assets/exercises/{slug}.svg"


def ladder_picture_src(ladder_id: str) -> str:
    """The docs/ path of a return-to-running ladder's walk-run picture (generated, see walkrun.py)."""
    return f"assets/ladders/{ladder_id}.svg"


def page_url(src_uri: str) -> str:
    """Site-relative URL of a page, as MkDocs makes it with directory URLs."""
    if src_uri == "index.md":
        return ""
    if src_uri.endswith("/index.md"):
        return dirname(src_uri) + "/"
    return src_uri.removesuffix(".md") + "/"


def absolute_url(site_url: str, src_uri: str) -> str:
    return site_url.rstrip("/") + "/" + page_url(src_uri)


def preview_path(src_uri: str) -> str:
    """Where a page's link-preview image is published: assets/previews/<page path>.png."""
    stem = src_uri.removesuffix(".md").removesuffix("/index") or "home"
    return f"assets/previews/{stem}.png"


def link(from_src: str, to_src: str) -> str:
    """Relative link from one docs/ file to another, as written in Markdown."""
    return _relative(dirname(from_src) or ".", to_src)


@functools.lru_cache(maxsize=65536)
def _relative(from_dir: str, to_src: str) -> str:
    # posixpath.relpath was a third of the step's time on a 1,000-page site: the same few
    # thousand (folder, target) pairs recur on every page.
    return relpath(to_src, from_dir)
