"""The site's one style sheet, split in two: what the HTML needs for its first paint, and the rest.

On a phone with a weak signal the first paint waits for the style sheet. A sheet that fits in
the first round trip of a new connection (about 14 KB, TCP's initial window) paints one round
trip sooner than one that needs two: Lighthouse's simulated first paint moved from 0.91 to 0.76 s
on an exercise page (issue 17). Most of Material's rules style what only its scripts make (search
results, tooltips, the palette switch, the reader's own states such as a ticked task list), or
HTML this site never writes (code, tabs, admonition types), and cannot touch the first paint.

`split` keeps in the first sheet every selector that could match the built HTML as it arrives:
each class, id, element and attribute it names occurs in some page, or in the words of the
page's inline scripts, which run before the first paint. Every other selector goes, in its
original order, to the later sheet, which after-first-paint.js loads before any script runs. So a
page without JavaScript, and every page before its scripts run, is styled exactly as by the whole
sheet, and so is every page once its scripts have run. tests/test_first_paint_css.py checks both
in Chromium: pictures of six kinds of page, and every element's computed style on two.

The later sheet's arrival must also leave alone what is already on the page. A custom property
declared on <html> is part of every element's style, so a sheet that declares one makes the
browser style the whole page again (about 20 ms of one task after the first paint on this
machine, 80 on Lighthouse's phone). So no declaration of one goes later: a property that holds
one value everywhere (most of Material's icons) is written into the later rules that use it;
one that no rule, page or script uses is left out; the rest stay first. Rules that name a class
or id that neither a page nor a script file has (Material's content tabs, cards, diagrams and
the like) style nothing, and are left out of both sheets.

Written by hand with tinycss2's parser (Kozea's, which WeasyPrint uses): the tools that remove
unused CSS (PurgeCSS, critical CSS extractors such as beasties) are Node programs that either
delete rules, which would break what scripts make later, or inline styles into each page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html
import tinycss2
from tinycss2.ast import Node

_WORD = re.compile(r"[A-Za-z0-9_-]+")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_VAR_USE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)\s*\)")  # with no fallback
_PROPERTY = re.compile(r"--[A-Za-z0-9_-]+")
_GROUPS = ("media", "supports", "layer", "container")  # at-rules whose block holds style rules


@dataclass
class Tokens:
    """What the HTML (with its inline scripts) can match: names are classes, ids, attribute
    names and values, and words of inline scripts; tags are element names, lower case."""

    names: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    properties: set[str] = field(default_factory=set)  # custom properties named in style attributes and scripts
    # Words of the site's script files, which make HTML after the first paint; None until one is
    # read, and then no selector counts as one that nothing can match (see can_exist)
    script_words: set[str] | None = None


def add_page(tokens: Tokens, html: str) -> None:
    """Add what one page's HTML names to `tokens`."""
    for element in lxml.html.document_fromstring(html).iter():
        if not isinstance(element.tag, str):  # a comment or a processing instruction
            continue
        tokens.tags.add(element.tag.lower())
        for name, value in element.attrib.items():
            tokens.names.add(name)
            tokens.names.update(value.split() if name == "class" else [value])
            if name == "style":
                tokens.properties.update(_PROPERTY.findall(value))
        if element.tag == "script" and "src" not in element.attrib and element.text:
            # runs before the first paint: what it adds (classes, attributes) counts
            words = _WORD.findall(element.text)
            tokens.names.update(words)
            tokens.tags.update(word.lower() for word in words)
            tokens.properties.update(_PROPERTY.findall(element.text))


def add_script(tokens: Tokens, javascript: str) -> None:
    """Add what a script file (Material's bundle, the site's own) names: the classes and ids it
    can give the HTML it makes, and the custom properties it may read (Material's bundle reads
    its tooltips' width, for one) or write into a style."""
    if tokens.script_words is None:
        tokens.script_words = set()
    tokens.script_words.update(_WORD.findall(javascript))
    tokens.properties.update(_PROPERTY.findall(javascript))


def _can_be_made(name: str, tokens: Tokens) -> bool:
    """Whether the HTML or a script can hold the class or id `name`. A script word that ends in
    - or _ is the start of a name the script finishes as it runs (Material's `md-tag--` + a tag)."""
    if tokens.script_words is None or name in tokens.names or name in tokens.script_words:
        return True
    return any(word[-1] in "-_" and name.startswith(word) for word in tokens.script_words if len(word) > 3)


def can_exist(selector: list[Node], tokens: Tokens) -> bool:
    """False when the selector names a class or id that neither the HTML nor any script file
    has: such a rule can never style anything, and neither sheet needs it (Material's sheet
    styles content tabs, cards, diagrams and other HTML this site never writes). Like
    can_match, it reads no further than the selector's own words."""
    previous: Node | None = None
    for token in selector:
        if token.type == "ident" and previous is not None and previous.type == "literal" and previous.value == ".":
            if not _can_be_made(token.value, tokens):
                return False
        elif token.type == "hash" and token.is_identifier and not _can_be_made(token.value, tokens):
            return False
        if token.type not in ("whitespace", "comment"):
            previous = token
    return True


def _selectors(prelude: list[Node]) -> list[list[Node]]:
    parts: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def can_match(selector: list[Node], tokens: Tokens) -> bool:
    """False when the selector names a class, id, element or attribute (with its exact value)
    that the HTML never has. What sits inside a function (`:not()`, `:is()`, `:has()`) is not
    read: the selector is kept, which is always safe."""
    previous: Node | None = None
    for token in selector:
        after_dot_or_colon = previous is not None and previous.type == "literal" and previous.value in (".", ":")
        if token.type == "ident" and after_dot_or_colon and previous.value == ".":
            if token.value not in tokens.names:
                return False
        elif token.type == "ident" and not after_dot_or_colon:
            if token.value.lower() not in tokens.tags:
                return False
        elif token.type == "hash" and token.is_identifier:
            if token.value not in tokens.names:
                return False
        elif token.type == "[] block":
            inside = [t for t in token.content if t.type not in ("whitespace", "comment")]
            if inside and inside[0].type == "ident" and inside[0].value not in tokens.names:
                return False
            operator = "".join(t.value for t in inside[1:] if t.type == "literal")
            values = [t.value for t in inside[1:] if t.type in ("ident", "string")]
            if operator == "=" and values and values[0] not in tokens.names:
                return False
        if token.type not in ("whitespace", "comment"):
            previous = token
    return True


def _declarations(content: list[Node]) -> list[Node]:
    return [d for d in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True) if d.type == "declaration"]


def _text(declarations: list[Node]) -> str:
    return ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}" for d in declarations)


def constants(css: str, rules: list[Node], tokens: Tokens) -> dict[str, str]:
    """Custom properties that hold one value everywhere: declared once in the whole sheet, on
    `:root` outside any @media, with no var() and no url() but a data: one, and named by no page
    or script. A rule may use such a property's value in place of var(--name), with no change."""
    declared = re.findall(r"[{;]\s*(--[A-Za-z0-9_-]+)\s*:", css)
    found: dict[str, str] = {}
    for rule in rules:
        if rule.type != "qualified-rule" or tinycss2.serialize(rule.prelude).strip() != ":root":
            continue
        for declaration in _declarations(rule.content):
            value = tinycss2.serialize(declaration.value).strip()
            if (
                declaration.name.startswith("--")
                and not declaration.important
                and declared.count(declaration.name) == 1
                and declaration.name not in tokens.properties
                and "var(" not in value
                and all(url.startswith("data:") for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", value))
            ):
                found[declaration.name] = value
    return found


def _folded(content: str, values: dict[str, str]) -> str:
    return _VAR_USE.sub(lambda m: values.get(m.group(1), m.group(0)), content) if "var(" in content else content


def _walk(rules: list[Node], tokens: Tokens, unused: set[str], seen: dict[int, Any], values: dict[str, str]) -> tuple[list[str], list[str]]:
    """Both sheets' rules, in the order given, without the first sheet's declarations of the
    custom properties in `unused`, and with the later sheet's uses of those in `values` given
    their value.
    `seen` keeps, for the next walk, each style rule's selectors for each sheet and its text, and
    each group's rules (the rules are alive as long as `seen`, so their ids stay theirs)."""
    first: list[str] = []
    later: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if id(rule) not in seen:
                read = [(tinycss2.serialize(s).strip(), can_match(s, tokens), can_exist(s, tokens)) for s in _selectors(rule.prelude)]
                seen[id(rule)] = (
                    ",".join(text for text, matches, _ in read if matches),
                    ",".join(text for text, matches, exists in read if exists and not matches),
                    tinycss2.serialize(rule.content),
                    _folded(tinycss2.serialize(rule.content), values),
                )
            now, rest, content, later_content = seen[id(rule)]
            if now:
                if unused and any(f"{name}:" in content for name in unused):
                    kept = [d for d in _declarations(rule.content) if d.name not in unused]
                    if kept:
                        first.append(f"{now}{{{_text(kept)}}}")
                else:
                    first.append(f"{now}{{{content}}}")
            if rest:
                later.append(f"{rest}{{{later_content}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPS and rule.content is not None:
            if id(rule) not in seen:
                seen[id(rule)] = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            inner = seen[id(rule)]
            now_inner, later_inner = _walk(inner, tokens, unused, seen, values)
            head = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
            if now_inner:
                first.append(f"{head}{{{''.join(now_inner)}}}")
            if later_inner:
                later.append(f"{head}{{{''.join(later_inner)}}}")
        elif rule.type == "at-rule":  # @font-face, @keyframes, @page, @property: small, kept whole
            first.append(tinycss2.serialize([rule]))
    return first, later


def split(css: str, tokens: Tokens) -> tuple[str, str]:
    """(first, later): the rules of `css` that can match the HTML in `tokens`, and the rest.

    A custom property (`--name`) that the first sheet declares stays there if any rule, page or
    script uses it, unless it is one of `constants`, whose value the later rules take in its
    place; so the later sheet declares none on elements that are already on the page. Once
    `tokens` holds the script files' words (add_script), a selector no page or script can match
    is in neither sheet. Loaded after the first, the later sheet gives each element the styles
    the whole sheet gives it, as long as no rule in the later sheet and one in the first with the
    same specificity set the same property on the same element (tests/test_first_paint_css.py
    compares the two in Chromium with search open, in both palettes and on a phone)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    unused: set[str] = set()
    seen: dict[int, Any] = {}
    values = constants(css, rules, tokens)
    while True:  # a property used only by another property that goes, goes too
        first, later = _walk(rules, tokens, unused, seen, values)
        text = "".join(first)
        declared = set(re.findall(r"[{;](--[A-Za-z0-9_-]+)\s*:", text))
        going = unused | (declared - set(_VAR.findall(text + "".join(later))) - tokens.properties)
        if going == unused:
            break
        unused = going
    return "".join(first) + "\n", "".join(later) + "\n"
