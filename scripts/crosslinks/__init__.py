"""Cross-links for Runner's Hip: front matter in, generated pages and blocks out.

This package is the site's content core. It reads the Markdown front matter and the data
files in `docs/`, validates them, works out how symptoms, regions, conditions, exercises and
sources relate, and renders Markdown and JSON from that. It imports nothing from MkDocs: the
thin adapter in `scripts/mkdocs_hooks.py` connects it to MkDocs events, so the same core can
feed another generator (for example a pre-build staging step for Zensical).

    site = load_site(Path("docs"), today=date.today())   # raises ContentError
    site.files(site_url)                                   # {"symptoms/index.md": "...", ...}
    site.page("conditions/x.md", markdown, site_url)       # its Markdown and its facts

Where a page's output comes from: `registry.py` lists every generated page and file (and which
function in `generated.py` or `api.py` writes it); `blocks.py` fills in hand-written pages;
`metadata.py` says what a page tells browsers and citers; `site.py` puts them together.
"""

from .problems import ContentError, Problem
from .site import Site, load_site

__all__ = ["ContentError", "Problem", "Site", "load_site"]
