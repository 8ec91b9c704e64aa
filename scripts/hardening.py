"""Page hardening: what the build does to every built page's HTML, apart from the cross-links.

- valid markup where Material's templates emit invalid HTML, and focusable wide tables;
- a Content-Security-Policy and a referrer policy on every page;
- redirect pages (from mkdocs-redirects) written again under the same policy;
- a search index in plain text.

Plain, pure functions: strings and data in, strings and data out; no MkDocs import, no files.
The MkDocs adapter is `hardening_hooks.py`, one small function per event.

The policy allows only the site's own origin. Inline scripts are allowed from an explicit list
only: the ones the site's own templates write (SITE_SCRIPT_TEMPLATES, Material's storage
helpers, the reader's palette and tab opener), rendered for each page. Their sha256 hashes go into the
page's `script-src`; any other inline script in a built page stops the build, and would be
blocked by the browser anyway, because its hash is never added. Nothing in a page's content can
therefore run as code: not a script, not an event handler, not a javascript: link.

The search index leaves out the sources, the review facts and the citation numbers through
Material's own `data-search-exclude`, which the cross-link core writes on those blocks (see
`crosslinks.blocks`, `triage` and `citations`); only what Material cannot do is left here (`plain_search_index`).
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import posixpath
import re
from collections.abc import Iterable
from typing import Any

# The templates whose inline scripts the site allows (paths in the theme, as Jinja names them).
SITE_SCRIPT_TEMPLATES: tuple[str, ...] = (
    "partials/javascripts/base.html",  # __md_scope, __md_get/__md_set: Material's storage helpers
    "partials/javascripts/palette.html",  # the reader's palette, saved or (first visit) the system's, and what goes with it (overrides/)
    "partials/javascripts/content.html",  # opens the content tab named in the address
)
REFERRER_POLICY = "strict-origin-when-cross-origin"
REFERRER_META = f'<meta name="referrer" content="{REFERRER_POLICY}">'
CSP_MARKER = 'http-equiv="Content-Security-Policy"'

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


# --- Valid markup --------------------------------------------------------------------------
# Four spots fixed on the built text rather than by copying whole partials into overrides/, so
# a Material upgrade keeps its own templates; the HTML-validity test fails if a pattern stops
# matching (Material 9.8; the Nu HTML Checker's errors, and one of axe's).

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def drop_checkbox_autocomplete(html: str) -> str:
    """autocomplete="off" on Material's hidden drawer and search checkboxes: only text-like inputs
    may carry it. (It stops Firefox restoring a toggle's state on reload; Material's script
    resets the drawer and search toggles on every page load anyway.)"""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def drop_empty_tabindex(html: str) -> str:
    """tabindex="" on section labels in the navigation: an empty tabindex is no number; leaving
    it out is what the template means (the label is not focusable)."""
    return _EMPTY_TABINDEX.sub(r"\1", html)


def unlink_missing_toc_label(html: str) -> str:
    """The table of contents' title label points at the __toc checkbox, which the navigation only
    renders for pages listed in it; on other pages the label points at nothing, so drop `for`."""
    if 'id="__toc"' in html:
        return html
    return html.replace(_TOC_LABEL, '<label class="md-nav__title">')


def focusable_tables(html: str) -> str:
    """Markdown's tables: a wide table scrolls sideways on a phone, so it takes keyboard focus
    (tabindex="0"), or keyboard users could not scroll it (axe: scrollable-region-focusable)."""
    return html.replace("<table>", '<table tabindex="0">')


def fix_material_markup(html: str) -> str:
    """Every markup fix above, in turn."""
    for fix in (drop_checkbox_autocomplete, drop_empty_tabindex, unlink_missing_toc_label, focusable_tables):
        html = fix(html)
    return html


# --- The page policy -----------------------------------------------------------------------


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in page order.

    Data blocks (JSON, JSON-LD) are never run, so they are left out."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        if _SRC.search(attrs):
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


def harden(html: str, name: str, allowed: Iterable[str]) -> str:
    """A built page, valid and under its policy: only the `allowed` inline scripts (the site's
    own templates', rendered for this page) may run.

    Raises ValueError naming the page when it has any other inline script, or no place for the
    policy (see with_policy)."""
    allowed = list(allowed)
    html = fix_material_markup(html)
    unlisted = unlisted_scripts(html, allowed)
    if unlisted:
        raise ValueError(
            f"{name}: an inline script that none of the site's own templates wrote ({unlisted[0]!r}); "
            "scripts must be files in docs/assets/, loaded with <script src>"
        )
    return with_policy(html, content_security_policy(script_hash(s) for s in allowed), name)


# --- Redirect pages ------------------------------------------------------------------------

REDIRECT_SCRIPT = "assets/redirect.js"  # keeps the #section on the way (docs/assets/redirect.js)
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


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


def redirect_target(redirect_html: str) -> str | None:
    """Where a redirect page written by mkdocs-redirects points (its canonical link)."""
    match = _CANONICAL.search(redirect_html)
    return html_lib.unescape(match.group(1)) if match else None


def site_root_from(path: str) -> str:
    """The relative path from a file at site path `path` (e.g. "a/b/index.html") to the site's
    root: "../../", or "" for a file at the root."""
    root = posixpath.relpath(".", posixpath.dirname(path) or ".") + "/"
    return "" if root == "./" else root


def rewritten_redirect(redirect_html: str, path: str) -> str | None:
    """A redirect page written by mkdocs-redirects (inline script, no policy), written again
    under the site's page policy; None when it names no target."""
    target = redirect_target(redirect_html)
    return None if target is None else redirect_page(target, site_root_from(path))


# --- The search index ----------------------------------------------------------------------
# What never answers a runner's question (the numbered sources, the page's review facts, the
# citation numbers, the warning boxes repeated on dozens of pages) carries Material's
# `data-search-exclude` in the core's Markdown, so Material's search plugin leaves it out; a
# generator that runs no hooks (the staged folder) gets the same. Material has no setting for
# the rest, so it is still done by hand, after its plugin has written the file: it keeps some
# markup in each entry's text on purpose (<p>, <li>, <code>, ...), and where it leaves out a
# citation it keeps the space written before it ("worse [1]." becomes "worse .").

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[.,;:!?)])")


def plain_text(text: str) -> str:
    """An index entry's text without markup, its white space collapsed, and no space left before
    a full stop or comma where a citation was left out."""
    return _SPACE_BEFORE_PUNCTUATION.sub("", _SPACE.sub(" ", _TAG.sub(" ", text)).strip())


def plain_search_index(index: dict[str, Any]) -> dict[str, Any]:
    """Material's search index with each entry's text in plain text: results read the same and
    the file is smaller (with what is excluded above, by about two fifths)."""
    return {**index, "docs": [{**doc, "text": plain_text(doc["text"])} for doc in index["docs"]]}
