"""Read `docs/`: the data files and every page's front matter, into typed models.

Nothing here raises on bad content: every problem is collected as a `Problem` naming the
file, the field and the bad value, so that one run shows them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .model import (
    ConditionMeta,
    ExerciseMeta,
    ExercisePicture,
    GeneralMeta,
    GlossaryEntry,
    LadderSpec,
    PageMeta,
    PainRule,
    Reference,
    Region,
    ReviewedMeta,
    SearchWords,
    Symptom,
    WarningSign,
    WarningTier,
)
from .problems import Problem, closest

DATA_DIR = "_data"
REGIONS_FILE = f"{DATA_DIR}/regions.yml"
SYMPTOMS_FILE = f"{DATA_DIR}/symptoms.yml"
SEARCH_FILE = f"{DATA_DIR}/search.yml"
REFERENCES_FILE = f"{DATA_DIR}/references.yml"
GLOSSARY_FILE = f"{DATA_DIR}/glossary.yml"
PAIN_RULE_FILE = f"{DATA_DIR}/pain-rule.yml"
LADDERS_FILE = f"{DATA_DIR}/ladders.yml"
WARNING_SIGNS_FILE = f"{DATA_DIR}/warning-signs.yml"
PICTURES_FILE = f"{DATA_DIR}/exercise-pictures.yml"  # each exercise's start and end drawing, by slug
SHARED_DIR = f"{DATA_DIR}/text"  # passages several pages share: <!-- crosslinks:shared NAME -->
# Appended to every page (mkdocs.yml, pymdownx.snippets); beside docs/, not in it.
ABBREVIATIONS_FILE = "../includes/abbreviations.md"

# Which schema a page follows, by its top folder. Section landing pages (index.md) and every
# other page follow GeneralMeta.
SCHEMA_BY_SECTION: dict[str, type[PageMeta]] = {
    "conditions": ConditionMeta,
    "exercises": ExerciseMeta,
    "anatomy": ReviewedMeta,
    "prevention": ReviewedMeta,
    "self-care": ReviewedMeta,
}

# The same pattern MkDocs uses to find front matter (mkdocs.utils.meta), so both agree on
# where it ends. We parse it ourselves because MkDocs silently ignores YAML it cannot read.
FRONT_MATTER = re.compile(r"\A-{3}\s*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's is several times faster

# More alias uses than any hand-written file needs; a "billion laughs" file needs far more.
MAX_ALIASES = 10
BOM = "\ufeff"

# YAML 1.2's core schema instead of PyYAML's YAML 1.1: only true/false are booleans (not yes,
# no, on, off), and integers and floats are plain decimals (not 1_000, 0o17 or 1:30, which
# YAML 1.1 reads as 1000, 15 and 90).
_IMPLICIT = {
    "tag:yaml.org,2002:bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    "tag:yaml.org,2002:int": (r"^[-+]?[0-9]+$", "-+0123456789"),
    "tag:yaml.org,2002:float": (
        r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$",
        "-+0123456789.",
    ),
}


class ContentYAMLError(yaml.MarkedYAMLError):
    """A YAML mistake the parser accepts but the site must not (a repeated key, too many aliases)."""

    def __init__(self, problem: str, mark: Any, hint: str):
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that is strict where PyYAML is lenient.

    - Dates stay text, so that pydantic reports a bad one (PyYAML raises a bare ValueError for
      a date like 2026-13-01, with no file or line).
    - A key written twice in one mapping is an error (PyYAML keeps the last one silently).
    - At most MAX_ALIASES uses of anchors: an alias bomb is refused before it expands.
    - Booleans and numbers follow YAML 1.2 (see _IMPLICIT).
    """

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, regex) for tag, regex in resolvers if tag not in _IMPLICIT]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str):
        super().__init__(stream)
        self._aliases = 0

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:  # only an alias reaches a node twice
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise ContentYAMLError(
                    f"more than {MAX_ALIASES} uses of YAML aliases (*name)",
                    node.start_mark,
                    "write the values out instead of using aliases",
                )
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        first_line: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key = key_node.value
                if key in first_line:
                    raise ContentYAMLError(
                        f"the key '{key}' is written twice (first on line {first_line[key] + 1})",
                        key_node.start_mark,
                        "keep one of them: YAML would silently use the last",
                    )
                first_line[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


for _tag, (_regex, _first) in _IMPLICIT.items():
    _Loader.add_implicit_resolver(_tag, re.compile(_regex), list(_first))
_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Page:
    """A Markdown page: where it is, what kind it is, its front matter and its body."""

    src_uri: str  # relative to docs/, with forward slashes: "conditions/x.md"
    file: str  # as shown in messages: "docs/conditions/x.md"
    kind: str  # "condition", "exercise", "reviewed" or "general"
    slug: str  # "x" for conditions/x.md and conditions/x/index.md
    meta: PageMeta
    front_matter: str  # the raw YAML, as written (kept for staging)
    body: str
    body_line: int  # line number of the body's first line in the file


@dataclass
class Content:
    """Everything read from docs/, before cross-file checks."""

    docs_dir: Path
    regions: list[Region] = field(default_factory=list)
    symptoms: list[Symptom] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    pain_rule: PainRule | None = None  # optional: without it, no page may use the pain-rule marker
    ladders: list[LadderSpec] = field(default_factory=list)
    search: SearchWords | None = None
    tiers: list[WarningTier] = field(default_factory=list)
    signs: list[WarningSign] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # (kind, id) of pages and data entries that could not be read: their ids still exist, so
    # whatever refers to them is not reported as broken on top of the real problem.
    unreadable: set[tuple[str, str]] = field(default_factory=set)
    unreadable_pages: set[str] = field(default_factory=set)  # src_uri of pages that could not be read
    unreadable_files: set[str] = field(default_factory=set)  # data files (relative to docs/) that could not be read
    abbreviations: str | None = None  # the text of ABBREVIATIONS_FILE; None where there is none (test sites)
    shared: dict[str, SharedText] = field(default_factory=dict)  # by name: SHARED_DIR/<name>.md
    pictures: dict[str, ExercisePicture] = field(default_factory=dict)  # by exercise slug (PICTURES_FILE)


@dataclass(frozen=True)
class SharedText:
    """A passage written once and shown on every page that names it (see markers.SHARED_MARKER)."""

    name: str
    file: str  # as shown in messages: "docs/_data/text/<name>.md"
    text: str


def display_path(docs_dir: Path, rel: str) -> str:
    """How a file is named in messages: docs/<rel> (the docs folder's own name first)."""
    return f"{docs_dir.name}/{rel}"


def load_content(docs_dir: Path) -> Content:
    """Read every data file and Markdown page below `docs_dir`."""
    content = Content(docs_dir=docs_dir)
    content.regions = _load_list(docs_dir, REGIONS_FILE, Region, content, "region")
    content.symptoms = _load_list(docs_dir, SYMPTOMS_FILE, Symptom, content, "symptom")
    content.references = _load_list(docs_dir, REFERENCES_FILE, Reference, content, "reference")
    content.tiers, content.signs = _load_registry(docs_dir, content)
    if (docs_dir / GLOSSARY_FILE).is_file():  # optional: a site may have no glossary yet
        content.glossary = _load_list(docs_dir, GLOSSARY_FILE, GlossaryEntry, content, "term")
    if (docs_dir / PAIN_RULE_FILE).is_file():
        content.pain_rule = _load_mapping(docs_dir, PAIN_RULE_FILE, PainRule, content.problems)
    if (docs_dir / SEARCH_FILE).is_file():  # optional: without it, search knows only the pages' words
        content.search = _load_mapping(docs_dir, SEARCH_FILE, SearchWords, content.problems)
    if (docs_dir / LADDERS_FILE).is_file():
        content.ladders = _load_list(docs_dir, LADDERS_FILE, LadderSpec, content, "ladder")
    if (docs_dir / PICTURES_FILE).is_file():  # validate.py asks for it once there are exercise pages
        content.pictures = _load_keyed(docs_dir, PICTURES_FILE, ExercisePicture, content)
    abbreviations = docs_dir / ABBREVIATIONS_FILE
    if abbreviations.is_file():
        content.abbreviations = read_text(abbreviations, "includes/abbreviations.md", content.problems)
    for path in sorted((docs_dir / SHARED_DIR).glob("*.md")):
        file = display_path(docs_dir, f"{SHARED_DIR}/{path.name}")
        text = read_text(path, file, content.problems)
        if text is not None:
            content.shared[path.stem] = SharedText(path.stem, file, text)
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel.startswith(f"{DATA_DIR}/"):
            continue
        text = read_text(path, display_path(docs_dir, rel), content.problems)
        page = None if text is None else _load_page(docs_dir, rel, text, content.problems)
        if page is not None:
            content.pages.append(page)
        else:
            kind, slug, _ = page_kind(rel)
            content.unreadable.add((kind, slug))
            content.unreadable_pages.add(rel)
    return content


def page_kind(rel: str) -> tuple[str, str, type[PageMeta]]:
    """(kind, slug, schema) of the page at `rel`, from its place in docs/."""
    parts = PurePosixPath(rel).parts
    stem = PurePosixPath(rel).stem
    if len(parts) == 1 or (stem == "index" and len(parts) == 2):
        return "general", stem, GeneralMeta
    section = parts[0]
    schema = SCHEMA_BY_SECTION.get(section, GeneralMeta)
    slug = parts[-2] if stem == "index" else stem
    kind = {ConditionMeta: "condition", ExerciseMeta: "exercise", ReviewedMeta: "reviewed"}.get(schema, "general")
    return kind, slug, schema


def read_text(path: Path, file: str, problems: list[Problem]) -> str | None:
    """The file as text, or None after reporting why it cannot be read as UTF-8.

    A byte-order mark is reported too (MkDocs would drop it, our parser would not see the front
    matter), but the text is still returned without it, so that its other problems show too."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(
            Problem(
                file,
                f"line {line}",
                f"byte 0x{data[error.start]:02X}",
                "not UTF-8 text",
                "save the file as UTF-8 (text pasted from a word processor is often saved as Windows-1252)",
            )
        )
        return None
    if text.startswith(BOM):
        problems.append(
            Problem(
                file,
                "line 1",
                "",
                "the file starts with a byte-order mark (BOM)",
                "save it as UTF-8 without BOM (your editor's 'UTF-8', not 'UTF-8 with BOM')",
            )
        )
        return text.removeprefix(BOM)
    return text


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(YAML text or None, body, line number where the body starts)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end() :], text[: match.end()].count("\n") + 1


def front_matter(text: str) -> dict[str, Any] | None:
    """A page's front matter read as the content check reads it (YAML 1.2, see _Loader); None
    when it has none or it cannot be read (the check reports that).

    MkDocs reads front matter with YAML 1.1, where `title: Yes` is the boolean true and
    `description: 1:30` the number 90: the build hands pages this reading instead, so that what
    the check validated is what the page shows."""
    yaml_text, _, _ = split_front_matter(text.removeprefix(BOM))
    if not yaml_text:
        return None
    try:
        data = yaml.load(yaml_text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def _load_page(docs_dir: Path, rel: str, text: str, problems: list[Problem]) -> Page | None:
    file = display_path(docs_dir, rel)
    kind, slug, schema = page_kind(rel)
    yaml_text, body, body_line = split_front_matter(text)
    if yaml_text is None and re.match(r"-{3}[ \t]*\r?\n", text):
        problems.append(
            Problem(
                file,
                "line 1",
                "",
                "the front matter opened with '---' on line 1 is never closed",
                "end it with a line of three hyphens, '---', before the page's text",
            )
        )
        return None
    data: Any = {}
    if yaml_text is not None:
        data = _parse_yaml(yaml_text, file, problems, first_line=2)
        if data is None and yaml_text.strip():
            return None  # the YAML error is already reported
    data = data or {}
    if not isinstance(data, dict):
        problems.append(
            Problem(
                file,
                "front matter",
                type(data).__name__,
                "front matter must be keys and values",
                "write one 'key: value' per line, e.g. 'title: ...'",
            )
        )
        return None
    if schema is not GeneralMeta and yaml_text is None:
        problems.append(
            Problem(
                file,
                "front matter",
                "",
                "this page has no front matter",
                "start the file with a '---' block (see the README's front matter reference)",
            )
        )
        return None
    meta = _validate(schema, data, file, "", problems)
    if meta is None:
        return None
    return Page(src_uri=rel, file=file, kind=kind, slug=slug, meta=meta, front_matter=yaml_text or "", body=body, body_line=body_line)


def _load_registry(docs_dir: Path, content: Content) -> tuple[list[WarningTier], list[WarningSign]]:
    """The warning-sign registry: a mapping with a list of `tiers` and a list of `signs`."""
    file = display_path(docs_dir, WARNING_SIGNS_FILE)
    path = docs_dir / WARNING_SIGNS_FILE
    if not path.is_file():
        content.problems.append(Problem(file, "", "", "this data file is missing", "create it (see the README's warning-sign registry)"))
        return [], []
    text = read_text(path, file, content.problems)
    data = None if text is None else _parse_yaml(text, file, content.problems)
    if data is None:
        content.unreadable_files.add(WARNING_SIGNS_FILE)
        return [], []
    if not isinstance(data, dict) or set(data) != {"tiers", "signs"}:
        shown = ", ".join(sorted(map(str, data))) if isinstance(data, dict) else type(data).__name__
        content.problems.append(
            Problem(file, "", shown, "this file must have exactly two keys, 'tiers' and 'signs'", "see the comment at its top")
        )
        return [], []
    tiers = _validate_entries(data["tiers"], WarningTier, file, content, "tier", "tiers")
    signs = _validate_entries(data["signs"], WarningSign, file, content, "sign", "signs")
    return tiers, signs


def _load_list(docs_dir: Path, rel: str, model: type[M], content: Content, kind: str) -> list[M]:
    problems = content.problems
    file = display_path(docs_dir, rel)
    path = docs_dir / rel
    if not path.is_file():
        problems.append(Problem(file, "", "", "this data file is missing", "create it (see the README's front matter reference)"))
        content.unreadable_files.add(rel)  # its entries are unknown, not missing one by one
        return []
    text = read_text(path, file, problems)
    data = None if text is None else _parse_yaml(text, file, problems)
    if data is None:
        content.unreadable_files.add(rel)
        return []
    return _validate_entries(data, model, file, content, kind)


def _validate_entries(data: Any, model: type[M], file: str, content: Content, kind: str, key: str = "") -> list[M]:
    """Each entry of a YAML list of mappings, as `model`; problems name the entry by its id."""
    problems = content.problems
    if not isinstance(data, list):
        problems.append(Problem(file, key, type(data).__name__, "this must be a YAML list of entries ('- id: ...')"))
        return []
    items: list[M] = []
    for index, entry in enumerate(data):
        label = f"{entry['id']}" if isinstance(entry, dict) and isinstance(entry.get("id"), str) else f"[{index}]"
        label = f"{key}.{label}" if key else label
        if not isinstance(entry, dict):
            problems.append(Problem(file, label, str(entry), "each entry must be a mapping with an 'id'"))
            continue
        item = _validate(model, entry, file, label, problems)
        if item is not None:
            items.append(item)
        elif isinstance(entry.get("id"), str):
            content.unreadable.add((kind, entry["id"]))
    return items


def _load_keyed(docs_dir: Path, rel: str, model: type[M], content: Content) -> dict[str, M]:
    """A data file that maps ids (page slugs) to entries: each entry as `model`, named by its key."""
    file = display_path(docs_dir, rel)
    text = read_text(docs_dir / rel, file, content.problems)
    data = None if text is None else _parse_yaml(text, file, content.problems)
    if not isinstance(data, dict):
        if data is not None:
            content.problems.append(Problem(file, "", type(data).__name__, "this file must map each exercise's slug to its picture"))
        content.unreadable_files.add(rel)
        return {}
    items: dict[str, M] = {}
    for key, entry in data.items():
        if not isinstance(entry, dict):
            content.problems.append(Problem(file, str(key), str(entry), "each entry must be a mapping with 'alt', 'start' and 'end'"))
            continue
        item = _validate(model, entry, file, str(key), content.problems)
        if item is not None:
            items[str(key)] = item
        else:
            content.unreadable.add(("picture", str(key)))  # its own error is reported, not a missing picture
    return items


def _load_mapping(docs_dir: Path, rel: str, model: type[M], problems: list[Problem]) -> M | None:
    """A data file that holds one mapping (not a list of entries)."""
    file = display_path(docs_dir, rel)
    text = read_text(docs_dir / rel, file, problems)
    data = None if text is None else _parse_yaml(text, file, problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.append(Problem(file, "", type(data).__name__, "this file must be a YAML mapping of keys to values"))
        return None
    return _validate(model, data, file, "", problems)


def _parse_yaml(text: str, file: str, problems: list[Problem], first_line: int = 1) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        problems.append(yaml_problem(error, text, file, first_line))
        return None


def yaml_problem(error: yaml.YAMLError, text: str, file: str, first_line: int = 1) -> Problem:
    """One line for a YAML error: the file, the line, the cause in words, and the fix."""
    mark = getattr(error, "problem_mark", None)
    where = f"line {mark.line + first_line}" if mark is not None else "YAML"
    if isinstance(error, ContentYAMLError):
        return Problem(file, where, "", error.problem or "", error.hint)
    lines = text.splitlines()
    bad_line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "tab" in str(getattr(error, "problem", "")):
        return Problem(file, where, "", "invalid YAML: a tab character in the indentation", "indent with spaces only")
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    return Problem(file, where, "", f"invalid YAML: {reason}", "check the indentation and quote values that contain ': '")


def _validate(model: type[M], data: dict, file: str, prefix: str, problems: list[Problem]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        seen: set[str] = set()
        found: list[Problem] = []
        for detail in error.errors():
            problem = _problem_from_pydantic(model, detail, file, prefix)
            if problem.field not in seen:  # one message per field, not one per union branch
                seen.add(problem.field)
                found.append(problem)
        # a misspelt key also leaves the key it meant missing: report the misspelling only
        meant = {p.hint.removeprefix("did you mean ").strip("'?") for p in found if p.message.startswith("unknown field")}
        problems += [p for p in found if not (p.message == "this required field is missing" and p.field.rpartition(".")[2] in meant)]
        return None


# What a value that fails a field's pattern should look like, by field name.
PATTERN_HINTS: dict[str, tuple[str, str]] = {
    "id": ("not a valid id", "use lower-case words joined by hyphens, e.g. 'pain-after-run'"),
    "doi": ("not a DOI", "write only the DOI itself, e.g. '10.1136/bjsports-2015-094914', without 'https://doi.org/'"),
    "pmid": ("not a PubMed id", "write only its digits, e.g. '29858223'"),
    "url": ("not a web address", "write a full address starting with https://, with no spaces"),
    "page": ("not a docs path", "write the page's path inside docs/, e.g. 'conditions/hip-labral-tear.md#in-short'"),
    "sources": ("not a bibliography key", "use a key from docs/_data/references.yml: letters, digits and hyphens"),
}

_BRANCH_TAGS = {"int", "str", "bool", "float", "date", "list", "dict", "none"}


def _is_key(part: object) -> bool:
    return isinstance(part, str) and part not in _BRANCH_TAGS and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", part) is not None


def _problem_from_pydantic(model: type[BaseModel], detail: Any, file: str, prefix: str) -> Problem:
    # pydantic adds union branch tags to loc (e.g. 'int', "literal['n.d.']"): keep real keys only.
    loc = [part for part in detail["loc"] if isinstance(part, int) or _is_key(part)]
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    field = f"{prefix}.{path}" if prefix and path else (prefix or path)
    kind = detail["type"]
    value = detail.get("input")
    shown = "" if kind == "missing" or isinstance(value, dict) else str(value)
    if kind == "missing":
        return Problem(file, field, "", "this required field is missing", f"add '{loc[-1]}:' (see the README's front matter reference)")
    if kind == "extra_forbidden":
        parent: Any = model
        known = _known_fields(parent, loc[:-1])
        return Problem(file, field, "", f"unknown field '{loc[-1]}'", closest(loc[-1], known))
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", detail.get("ctx", {}).get("expected", ""))
        return Problem(file, field, shown, "not one of the allowed values", closest(value, choices))
    if kind == "string_too_long":
        limit = detail.get("ctx", {}).get("max_length")
        return Problem(file, field, shown, f"too long: {len(str(value))} characters, at most {limit} allowed", "shorten it")
    if kind == "string_pattern_mismatch":
        name = next((part for part in reversed(loc) if isinstance(part, str)), "")
        message, hint = PATTERN_HINTS.get(name, PATTERN_HINTS["id"])
        return Problem(file, field, shown, message, hint)
    if kind == "bool_type":
        return Problem(file, field, shown, "not true or false", "write true or false, without quotes")
    if kind.startswith("date"):
        return Problem(file, field, shown, "not a valid date", "write dates as YYYY-MM-DD, e.g. 2026-11-23")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return Problem(file, field, shown, "not a whole number", "write digits only, e.g. 12, without quotes")
    if kind in ("float_type", "float_parsing"):
        return Problem(file, field, shown, "not a number", "write digits only, e.g. 2 or 1.5, without quotes")
    if kind == "string_too_short":
        return Problem(file, field, shown, "this text is empty", "write it, or leave the key out if it is optional")
    if kind == "too_short":
        return Problem(file, field, "", "this list is empty", "add at least one item")
    message = detail["msg"].removeprefix("Value error, ")
    return Problem(file, field, shown, message[0].lower() + message[1:] if not message[1:2].isupper() else message)


def _known_fields(model: Any, loc: list[Any]) -> list[str]:
    """Field names of the (nested) model at `loc`, for 'did you mean' hints."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(model, "model_fields", {}).get(part)
        annotation = getattr(info, "annotation", None)
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return list(getattr(model, "model_fields", {}))
