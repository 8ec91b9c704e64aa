"""One style sheet per page: Material's main and palette style sheets and the site's own
(`extra_css`), joined into one file named by its content, `assets/stylesheets/site.<hash>.css`.

Every page needs all three before it can paint. On a phone with a weak signal each extra file
is another request to wait for before the first paint; one file of the same bytes paints sooner
(issue 17: Lighthouse's simulated first paint was about 0.15 s earlier in alternated runs). The
name changes when the content does, so a browser never pairs a new page with an old cached sheet.
The site's own sheet goes in without its comments and spaces (rcssmin): about 3.4 KB less,
compressed, before every first paint.

Once every page is built, the joined sheet is split in two (first_paint_css.py), by what the
pages and the published scripts hold: the rules the HTML can match, which every page links, and
the rest, which after-first-paint.js loads before any script runs. The first fits in the first
round trip of a connection (about 14 KB), so the first paint comes one round trip sooner. Each is named by its own content, and the pages are
given their names then (they were written with the joined sheet's name).

`overrides/main.html` links the first sheet when this hook has run (`rh_stylesheet`,
`rh_later_stylesheet`), and falls back to Material's own links otherwise, so a generator that
runs no hooks still styles every page. Joining is plain concatenation in the order the page would
link them: no library is needed for that, only the two checks below, which keep it safe to move
a sheet into another folder.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import rcssmin
from first_paint_css import Tokens, add_page, add_script, split
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

FOLDER = "assets/stylesheets"
MATERIAL_SHEETS = (r"main\.[0-9a-f]+\.min\.css", r"palette\.[0-9a-f]+\.min\.css")  # as base.html links them (palette: if set)
_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.I)

_own: list[str] = []  # the site's extra_css, taken over from the config
_name = ""  # the joined sheet's name, which the pages are written with
_css = ""  # the joined sheet


def relative_urls(css: str) -> list[str]:
    """Addresses in url() that depend on the sheet's own folder (not data:, not from the root or
    another host, not a #fragment of the page)."""
    return [m.group(2) for m in _URL.finditer(css) if not re.match(r"(?:/|#|[a-z][a-z0-9+.-]*:)", m.group(2), re.I)]


def joined(sheets: list[tuple[str, str]]) -> str:
    """The sheets' text, in order, as one style sheet. Raises ValueError naming the sheet if one
    could not move into FOLDER unchanged: an @import, or a url() relative to its own folder."""
    for name, css in sheets:
        if re.search(r"@import\b", css, re.I):
            raise ValueError(f"{name}: @import in a style sheet; put the imported rules in the sheet itself")
        if relative := relative_urls(css):
            raise ValueError(
                f"{name}: url({relative[0]}) is relative to the sheet's folder, and the sheets are joined into "
                f"{FOLDER}/; use an address from the site root or a data: URI"
            )
    return "\n".join(css.rstrip() for _, css in sheets) + "\n"


def name_for(css: str, kind: str = "site") -> str:
    return f"{FOLDER}/{kind}.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:8]}.css"


def later_placeholder(name: str) -> str:
    """The later sheet's name in the pages until the split: the joined sheet's, as `later.*`."""
    return name.replace(f"{FOLDER}/site.", f"{FOLDER}/later.", 1)


def renamed(html: str, names: dict[str, str]) -> str:
    """The page with each sheet's file name (the last part of its address) replaced."""
    for old, new in names.items():
        html = html.replace(old.rsplit("/", 1)[-1], new.rsplit("/", 1)[-1])
    return html


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The site's own sheets are joined with Material's (on_files), not linked one by one."""
    global _own
    _own, config.extra_css = [str(path) for path in config.extra_css], []
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _name, _css
    sheets: list[tuple[str, str]] = []
    for pattern in MATERIAL_SHEETS if config.theme.get("palette") else MATERIAL_SHEETS[:1]:
        found = [f for f in files if re.fullmatch(f"{FOLDER}/{pattern}", f.src_uri)]
        if len(found) != 1:
            raise PluginError(
                f"stylesheet_hooks: expected one of Material's {FOLDER}/{pattern}, found {len(found)}; update MATERIAL_SHEETS"
            )
        sheets.append((found[0].src_uri, Path(found[0].abs_src_path or "").read_text(encoding="utf-8")))
    for path in _own:
        own = files.get_file_from_path(path)
        if own is None or own.abs_src_path is None:
            raise PluginError(f"mkdocs.yml: extra_css: {path} is not a file in {config.docs_dir}")
        # without the comments that explain it to the next editor (rcssmin changes nothing else;
        # Material's sheets are minified already)
        sheets.append((f"docs/{path}", rcssmin.cssmin(Path(own.abs_src_path).read_text(encoding="utf-8"))))
        files.remove(own)  # published only inside the joined sheet
    try:
        css = joined(sheets)
    except ValueError as error:
        raise PluginError(str(error)) from None
    _name, _css = name_for(css), css  # written once split, in on_post_build
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["rh_stylesheet"] = _name
    env.globals["rh_later_stylesheet"] = later_placeholder(_name)
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Split the joined sheet by what the built pages and scripts hold, and give the pages the
    two names. The scripts are read as they are in the site folder now, perhaps before
    minify_hooks.py takes their comments out: a comment's words can only keep a rule."""
    site = Path(config.site_dir)
    pages = {page: page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}
    tokens = Tokens()
    for html in pages.values():
        add_page(tokens, html)
    for script in sorted(site.rglob("*.js")):
        add_script(tokens, script.read_text(encoding="utf-8"))
    first, later = split(_css, tokens)
    names = {_name: name_for(first), later_placeholder(_name): name_for(later, "later")}
    (site / FOLDER).mkdir(parents=True, exist_ok=True)
    (site / names[_name]).write_text(first, encoding="utf-8")
    (site / names[later_placeholder(_name)]).write_text(later, encoding="utf-8")
    for page, html in pages.items():
        if (new := renamed(html, names)) != html:
            page.write_text(new, encoding="utf-8")
