"""The Atom feed of new and updated pages, for newsletter writers.

Each page with a review date is an entry: its title, description, link, and the date it was
last reviewed, newest first. Built with feedgen, a maintained feed library.

Ids are permanent: a URN made from the page's path, not its address, so that moving the site to
another host (or building it with another SITE_URL) never makes readers see every entry anew.
"""

from __future__ import annotations

import datetime as dt
import uuid

from feedgen.feed import FeedGenerator

from .graph import Graph
from .metadata import PUBLISHER
from .paths import FEED, absolute_url

# Never change: every id in every feed ever served is made from it.
ID_NAMESPACE = uuid.UUID("5f3b2a4e-6c1d-5e8f-9a0b-7c6d5e4f3a2b")


def permanent_id(name: str) -> str:
    """An Atom id that depends on `name` (a docs path) only: urn:uuid:<uuid5>."""
    return uuid.uuid5(ID_NAMESPACE, name).urn


def atom_feed(graph: Graph, site_url: str) -> str:
    pages = [p for p in graph.pages.values() if getattr(p.meta, "reviewed", None) is not None]
    pages.sort(key=lambda p: (p.meta.reviewed, str(p.meta.title)), reverse=True)  # type: ignore[attr-defined]
    home = absolute_url(site_url, "index.md")
    feed = FeedGenerator()
    feed.id(permanent_id("feed"))
    feed.title(f"{PUBLISHER}: new and updated pages")
    feed.subtitle("Pages about hip pain after running, newest review first.")
    feed.author({"name": "The site's editors"})
    feed.link(href=home, rel="alternate")
    feed.link(href=site_url.rstrip("/") + "/" + FEED, rel="self")
    feed.language("en-GB")
    newest = max((p.meta.reviewed for p in pages), default=dt.date(2026, 1, 1))  # type: ignore[attr-defined]
    feed.updated(_midnight(newest))  # from content, not the clock, so that builds are repeatable
    for page in pages:
        url = absolute_url(site_url, page.src_uri)
        entry = feed.add_entry(order="append")
        entry.id(permanent_id(page.src_uri))
        entry.title(str(page.meta.title))
        entry.summary(str(page.meta.description))
        entry.link(href=url)
        entry.updated(_midnight(page.meta.reviewed))  # type: ignore[attr-defined]
    return feed.atom_str(pretty=True).decode("utf-8")


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
