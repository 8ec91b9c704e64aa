"""Post-build changes to the built site: a Content-Security-Policy on every page, and a smaller
search index. Pure functions on text and data; the MkDocs adapter reads and writes the files.

The policy allows only the site's own origin. Material's templates emit a few small inline
scripts (the base URL for its storage, the palette, the scroll target); their sha256 hashes are
computed from each built page, so each page's policy allows exactly its own inline scripts
(the site has no instant navigation, which would carry one page's scripts into another).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
CSP_MARKER = 'http-equiv="Content-Security-Policy"'


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions ('sha256-...') for every inline script the browser would run.

    Data blocks (JSON, JSON-LD) are never run, so they need no hash."""
    hashes = set()
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _EXECUTABLE_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.add(f"'sha256-{digest}'")
    return hashes


def content_security_policy(script_hashes: Iterable[str]) -> str:
    """Only the site's own origin; images may also be data: URIs (Material's icons in CSS)."""
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    return (
        "default-src 'self'; "
        f"script-src {scripts}; "
        "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def with_policy(html: str, policy: str, name: str) -> str:
    """The page with the policy as its first <meta> after the charset, so it covers every script.

    Raises ValueError naming the page when it has no <meta charset="utf-8"> to anchor on, or
    already has a policy (a second policy would silently tighten or confuse the first)."""
    if CSP_MARKER in html:
        raise ValueError(f"{name}: already has a Content-Security-Policy meta tag; the build adds it, remove the other one")
    match = _CHARSET.search(html)
    if match is None:
        raise ValueError(f'{name}: no <meta charset="utf-8"> in <head> to put the Content-Security-Policy after')
    tag = f'<meta {CSP_MARKER} content="{policy}">'
    return html[: match.end()] + tag + html[match.end() :]


# Sections that never answer a runner's question: the numbered sources and the page's review
# facts. They were over a third of the index.
SEARCH_SKIP_SECTIONS = frozenset({"sources", "about-this-page"})
_CITATION = re.compile(r"\s*<sup>\[[\d,\s–-]+\]</sup>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def trim_search_index(index: dict) -> dict:
    """Material's search index without source lists, citation numbers and markup.

    Results then show plain text, which reads the same; what is searchable is unchanged apart
    from the sources, so search quality holds while the file shrinks by about two fifths."""
    docs = []
    for doc in index["docs"]:
        if doc["location"].rpartition("#")[2] in SEARCH_SKIP_SECTIONS and "#" in doc["location"]:
            continue
        text = _SPACE.sub(" ", _TAG.sub(" ", _CITATION.sub("", doc["text"]))).strip()
        docs.append({**doc, "text": text})
    return {**index, "docs": docs}


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def fix_material_markup(html: str) -> str:
    """Three spots where Material 9.8's templates emit invalid HTML (the Nu HTML Checker's errors).

    Fixed on the built text rather than by copying whole partials into overrides/, so a Material
    upgrade keeps its own templates; the HTML-validity test fails if a pattern stops matching.
    - autocomplete="off" on its hidden drawer/search checkboxes: only text-like inputs may carry
      it. (It stops Firefox restoring a toggle's state on reload; Material's script resets the
      drawer and search toggles on every page load anyway.)
    - tabindex="" on section labels in the navigation: an empty tabindex is no number; leaving it
      out is what the template means (the label is not focusable).
    And one for Markdown's tables: a wide table scrolls sideways on a phone, so it takes keyboard
    focus (tabindex="0"), or keyboard users could not scroll it (axe: scrollable-region-focusable).
    - the table of contents' title label points at the __toc checkbox, which the navigation only
      renders for pages listed in it; on other pages the label points at nothing, so drop `for`.
    """
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html.replace("<table>", '<table tabindex="0">')
