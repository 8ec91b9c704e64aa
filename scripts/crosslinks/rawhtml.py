"""Raw HTML in a page's Markdown: only the few elements and attributes the site itself needs.

Python-Markdown passes raw HTML through untouched, so a `<script>`, an `onerror=` handler, a
`style=""` or a `javascript:` link in a page's body would reach the built page. The page policy
(scripts/hardening.py) would stop most of it running, but the content check refuses it first, naming
the file and line. Attribute lists (`{: onclick="..."}`) and Markdown links are checked too.

Code is not markup: fenced code blocks and `inline code` are left out before the check.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements a page may write as raw HTML: text structure, tables, figures and the tools' forms.
ALLOWED_ELEMENTS = frozenset(
    {
        *("a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong"),
        *("sub", "sup", "time", "u", "wbr", "p", "div", "section", "aside", "blockquote", "hr", "pre", "details", "summary"),
        *("h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "img"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("form", "fieldset", "legend", "label", "input", "select", "option", "optgroup", "textarea", "button"),
        *("output", "meter", "progress"),
    }
)
# Attributes any allowed element may carry; aria-* and data-* are allowed too.
ALLOWED_ATTRIBUTES = frozenset(
    {
        *("id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "markdown"),
        *("href", "src", "alt", "width", "height", "loading", "decoding"),
        *("colspan", "rowspan", "scope", "headers", "start", "reversed", "datetime", "cite", "open"),
        *("for", "name", "type", "value", "placeholder", "checked", "selected", "disabled", "readonly", "required"),
        *("min", "max", "step", "rows", "cols", "size", "maxlength", "minlength", "pattern", "inputmode", "autocomplete"),
        *("multiple", "label", "form", "method", "action", "novalidate", "low", "high", "optimum"),
    }
)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "cite", "formaction", "poster", "srcset", "xlink:href"})
SAFE_SCHEMES = ("http", "https", "mailto", "tel")

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_AUTOLINK = re.compile(r"<(?:https?|mailto|tel):[^>\s]*>|<[^>\s@]+@[^>\s@]+>")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_MD_LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)")
_MD_REFERENCE = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.M)
_ATTR_LIST = re.compile(
    r"\{:?[ \t]*((?:[#.][\w-]+|[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+))(?:[ \t]+(?:[#.][\w-]+|[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+)))*)[ \t]*\}"
)
_ATTR_PAIR = re.compile(r"([\w:-]+)=(?:\"([^\"\n]*)\"|'([^'\n]*)'|([^\s}]+))")


@dataclass(frozen=True)
class Unsafe:
    """One piece of markup a page may not contain: its line in the body, what it is, the fix."""

    line: int  # 1-based, counted from the body's first line
    value: str
    message: str
    hint: str


def unsafe_markup(body: str) -> list[Unsafe]:
    """Every element, attribute or URL in `body` outside the allowlist, in order of lines."""
    text = _blank(body, _FENCE)
    text = _blank(text, _CODE_SPAN)
    text = _blank(text, _AUTOLINK)
    checker = _Checker()
    checker.feed(text)
    checker.close()
    found = checker.found
    for match in _MD_LINK.finditer(text):
        found += _url_problem(_line_of(text, match.start()), match.group(1), "a Markdown link")
    for match in _MD_REFERENCE.finditer(text):
        found += _url_problem(_line_of(text, match.start()), match.group(1), "a Markdown link")
    for match in _ATTR_LIST.finditer(text):
        line = _line_of(text, match.start())
        for pair in _ATTR_PAIR.finditer(match.group(1)):
            name, value = pair.group(1).lower(), next(v for v in pair.group(2, 3, 4) if v is not None)
            found += _attribute_problem(line, name, value, "an attribute list")
    return sorted(set(found), key=lambda u: (u.line, u.value))


def safe_url(url: str) -> bool:
    """Relative, or http(s), mailto or tel: never javascript:, data:, vbscript: or others."""
    plain = _INVISIBLE.sub("", html.unescape(url))
    scheme = _SCHEME.match(plain)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """`text` with every match replaced by spaces, keeping its newlines (and so line numbers)."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _url_problem(line: int, url: str, where: str) -> list[Unsafe]:
    if safe_url(url):
        return []
    return [Unsafe(line, url, f"a link to a script or data URL in {where}", "link to a page of the site or to an https:// address")]


def _attribute_problem(line: int, name: str, value: str, where: str) -> list[Unsafe]:
    if name.startswith("on"):
        return [
            Unsafe(line, f"{name}=", f"an event handler in {where} runs code", "remove it: the site's scripts are files in docs/assets/")
        ]
    if name == "style":
        return [Unsafe(line, "style=", f"an inline style in {where}", "use a class from docs/assets/site.css instead")]
    if name not in ALLOWED_ATTRIBUTES and not name.startswith(("aria-", "data-")):
        return [Unsafe(line, f"{name}=", f"the attribute '{name}' is not on the allowlist of raw HTML", "remove it")]
    if name in URL_ATTRIBUTES:
        return _url_problem(line, value, where)
    return []


class _Checker(HTMLParser):
    """Collects disallowed elements and attributes, with their lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Unsafe] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in ("script", "style"):
            self.found.append(
                Unsafe(
                    line,
                    f"<{tag}>",
                    f"a <{tag}> element in the page",
                    f"remove it: the site's {'scripts' if tag == 'script' else 'styles'} are files in docs/assets/",
                )
            )
            return
        if tag not in ALLOWED_ELEMENTS:
            return self.found.append(
                Unsafe(
                    line,
                    f"<{tag}>",
                    f"the element <{tag}> is not on the allowlist of raw HTML",
                    "write it in Markdown, or ask for the element to be added to scripts/crosslinks/rawhtml.py",
                )
            )
        for name, value in attrs:
            self.found += _attribute_problem(line, name, value or "", f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_pi(self, data: str) -> None:
        self.found.append(Unsafe(self.getpos()[0], f"<?{data[:20]}", "a processing instruction is not HTML", "remove it"))

    def unknown_decl(self, data: str) -> None:
        self.found.append(Unsafe(self.getpos()[0], f"<![{data[:20]}", "a CDATA or other declaration is not allowed", "remove it"))
