"""The Atom feed of new and updated pages, for newsletter writers.

Each page with a review date is an entry: its title, description, link, and the date it was
last reviewed, newest first. Built with feedgen, a maintained feed library.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from .graph import Graph
from .metadata import PUBLISHER, absolute_url

FEED_PATH = "feed.xml"


def atom_feed(graph: Graph, site_url: str) -> str:
    pages = [p for p in graph.pages.values() if getattr(p.meta, "reviewed", None) is not None]
    pages.sort(key=lambda p: (p.meta.reviewed, str(p.meta.title)), reverse=True)  # type: ignore[attr-defined]
    home = absolute_url(site_url, "index.md")
    feed = FeedGenerator()
    feed.id(home)
    feed.title(f"{PUBLISHER}: new and updated pages")
    feed.subtitle("Pages about hip pain after running, newest review first.")
    feed.author({"name": "The site's editors"})
    feed.link(href=home, rel="alternate")
    feed.link(href=site_url.rstrip("/") + "/" + FEED_PATH, rel="self")
    feed.language("en-GB")
    newest = max((p.meta.reviewed for p in pages), default=dt.date(2026, 1, 1))  # type: ignore[attr-defined]
    feed.updated(_midnight(newest))  # from content, not the clock, so that builds are repeatable
    for page in pages:
        url = absolute_url(site_url, page.src_uri)
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(str(page.meta.title))
        entry.summary(str(page.meta.description))
        entry.link(href=url)
        entry.updated(_midnight(page.meta.reviewed))  # type: ignore[attr-defined]
    return feed.atom_str(pretty=True).decode("utf-8")


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
