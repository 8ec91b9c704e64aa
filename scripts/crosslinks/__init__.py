"""Cross-links for Runner's Hip: front matter in, generated pages and blocks out.

This package is the site's content core. It reads the Markdown front matter and the data
files in `docs/`, validates them, works out how symptoms, regions, conditions, exercises and
sources relate, and renders Markdown and JSON from that. It imports nothing from MkDocs: the
thin adapter in `scripts/mkdocs_hooks.py` connects it to MkDocs events, so the same core can
feed another generator (for example a pre-build staging step for Zensical).

    site = load_site(Path("docs"), today=date.today())   # raises ContentError
    site.generated_files()                                 # {"symptoms/index.md": "...", ...}
    site.render_page("conditions/x.md", markdown)          # blocks, citations, sources
"""

from .problems import ContentError, Problem
from .site import Site, load_site

__all__ = ["ContentError", "Problem", "Site", "load_site"]
