"""Post-build changes to the built site: a Content-Security-Policy and a referrer policy on every
page, redirect pages under the same policy, and a smaller search index. Pure functions on text
and data; the MkDocs adapter reads and writes the files.

The policy allows only the site's own origin. Inline scripts are allowed from an explicit list
only: the ones the site's own templates write (SITE_SCRIPT_TEMPLATES, Material's storage
helpers, saved palette and tab opener), rendered for each page. Their sha256 hashes go into the
page's `script-src`; any other inline script in a built page stops the build, and would be
blocked by the browser anyway, because its hash is never added. Nothing in a page's content can
therefore run as code: not a script, not an event handler, not a javascript: link.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re
from collections.abc import Iterable

# The templates whose inline scripts the site allows (paths in the theme, as Jinja names them).
SITE_SCRIPT_TEMPLATES: tuple[str, ...] = (
    "partials/javascripts/base.html",  # __md_scope, __md_get/__md_set: Material's storage helpers
    "partials/javascripts/palette.html",  # the reader's saved light or dark palette
    "partials/javascripts/content.html",  # opens the content tab named in the address
)
REFERRER_POLICY = "strict-origin-when-cross-origin"
REFERRER_META = f'<meta name="referrer" content="{REFERRER_POLICY}">'

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
CSP_MARKER = 'http-equiv="Content-Security-Policy"'


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in page order.

    Data blocks (JSON, JSON-LD) are never run, so they are left out."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") in _EXECUTABLE_TYPES:
            scripts.append(body)
    return scripts


def script_hash(script: str) -> str:
    """The CSP source expression ('sha256-...') that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def unlisted_scripts(html: str, allowed: Iterable[str]) -> list[str]:
    """Inline scripts in the page that are not on the site's list (each shortened for a message)."""
    listed = set(allowed)
    return [" ".join(script.split())[:80] for script in inline_scripts(html) if script not in listed]


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
    """The page with the policy as its first <meta> after the charset, so it covers every script,
    and the referrer policy after it.

    Raises ValueError naming the page when it has no <meta charset="utf-8"> to anchor on, or
    already has a policy (a second policy would silently tighten or confuse the first)."""
    if CSP_MARKER in html:
        raise ValueError(f"{name}: already has a Content-Security-Policy meta tag; the build adds it, remove the other one")
    match = _CHARSET.search(html)
    if match is None:
        raise ValueError(f'{name}: no <meta charset="utf-8"> in <head> to put the Content-Security-Policy after')
    tag = f'<meta {CSP_MARKER} content="{policy}">' + REFERRER_META
    return html[: match.end()] + tag + html[match.end() :]


REDIRECT_SCRIPT = "assets/redirect.js"  # keeps the #section on the way (docs/assets/redirect.js)


def redirect_page(target: str, root: str) -> str:
    """A page that forwards to `target` (relative to it), under the same page policy as the rest.

    Without JavaScript the refresh forwards to the new page's top (a refresh cannot carry the
    old address's #section; GitHub Pages has no server redirects). With it, the script file
    keeps the #section. `root` is the relative path to the site's root, e.g. "../../"."""
    url = html_lib.escape(target, quote=True)
    policy = content_security_policy([])
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta {CSP_MARKER} content="{policy}">\n{REFERRER_META}\n'
        '<meta name="robots" content="noindex">\n'
        "<title>This page has moved</title>\n"
        f'<link rel="canonical" href="{url}">\n'
        f'<script src="{html_lib.escape(root + REDIRECT_SCRIPT, quote=True)}"></script>\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{url}">a new address</a>.</p>\n'
        "</body>\n</html>\n"
    )


_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def redirect_target(redirect_html: str) -> str | None:
    """Where a redirect page written by mkdocs-redirects points (its canonical link)."""
    match = _CANONICAL.search(redirect_html)
    return html_lib.unescape(match.group(1)) if match else None


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
