"""Whether a build may publish: the site's address must be real, never this machine's.

A build without SITE_URL would put http://127.0.0.1:8000/ into every canonical link, og:url,
JSON-LD, the sitemap, robots.txt, the feed, the citations and the printed QR codes. So every
`mkdocs build` (and `docs.py build`, and CI) refuses a missing or loopback address, unless
RUNNERS_HIP_LOCAL_BUILD=1 says the build is for this machine only; `mkdocs serve` never asks.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOCAL_BUILD_VARIABLE = "RUNNERS_HIP_LOCAL_BUILD"
HOW_TO_SET = (
    "set SITE_URL to the site's public address, e.g. "
    "SITE_URL=https://USER.github.io/REPO/ python3 scripts/docs.py build "
    f"(for a build to look at on this machine only, set {LOCAL_BUILD_VARIABLE}=1 instead)"
)


def site_url_problem(site_url: str | None) -> str | None:
    """Why `site_url` cannot be published, with how to set it; None when it can."""
    if not site_url:
        return f"site_url is not set, so links, the sitemap, the feed and printed QR codes would have no address; {HOW_TO_SET}"
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"site_url {site_url!r} is not a web address; {HOW_TO_SET}"
    if _is_local(parts.hostname):
        return (
            f"site_url {site_url!r} is this machine's own address: every canonical link, the sitemap, "
            f"the feed and the printed QR codes would point at it; {HOW_TO_SET}"
        )
    return None


def _is_local(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified or address.is_link_local
