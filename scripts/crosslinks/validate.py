"""Checks across files: every id used must exist, every review must be in date.

`check_content` returns problems; it never raises. Each problem names the file, the field and
the bad value, and suggests the closest valid id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from .citations import CITATION, cited_keys
from .load import GLOSSARY_FILE, REFERENCES_FILE, REGIONS_FILE, SYMPTOMS_FILE, Content, Page, display_path
from .model import CONDITION_ANCHORS, MAX_REVIEW_INTERVAL_YEARS, REGION_IDS, ConditionMeta, ExerciseMeta
from .problems import Problem, closest
from .quality import defined_abbreviations, undefined_abbreviations
from .rawhtml import unsafe_markup

# Marker comments a condition page must contain once each: the build puts a block there.
MARKERS: tuple[str, ...] = ("symptoms", "often-confused-with", "exercises")


def marker(name: str) -> str:
    return f"<!-- crosslinks:{name} -->"


def check_content(content: Content, today: dt.date, generated_paths: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    docs = content.docs_dir
    problems += _duplicates(display_path(docs, SYMPTOMS_FILE), [s.id for s in content.symptoms], "symptom")
    problems += _duplicates(display_path(docs, REFERENCES_FILE), [r.id for r in content.references], "reference")
    problems += _duplicates(display_path(docs, REGIONS_FILE), [r.id for r in content.regions], "region")
    if REGIONS_FILE not in content.unreadable_files and not any(kind == "region" for kind, _ in content.unreadable):
        problems += _regions_complete(display_path(docs, REGIONS_FILE), {r.id for r in content.regions})

    problems += _glossary(content, generated_paths)
    conditions = [p for p in content.pages if p.kind == "condition"]
    problems += _duplicate_slugs(conditions)
    problems += _duplicate_slugs([p for p in content.pages if p.kind == "exercise"])
    condition_slugs = {p.slug for p in conditions} | {slug for kind, slug in content.unreadable if kind == "condition"}
    symptom_ids = {s.id for s in content.symptoms} | {i for kind, i in content.unreadable if kind == "symptom"}
    reference_ids = {r.id for r in content.references} | {i for kind, i in content.unreadable if kind == "reference"}

    if REFERENCES_FILE in content.unreadable_files:
        reference_ids = _ANY  # the file's own error is reported; every key is then unknown, not wrong
    if SYMPTOMS_FILE in content.unreadable_files:
        symptom_ids = _ANY
    abbreviations = defined_abbreviations(content.abbreviations) if content.abbreviations is not None else None
    if content.abbreviations is not None:  # appended to every page's Markdown (pymdownx.snippets)
        problems += _markup_problems("includes/abbreviations.md", 1, content.abbreviations)

    for page in content.pages:
        problems += _sources(page, reference_ids)
        problems += _citation_syntax(page)
        problems += _raw_html(page)
        problems += _review_dates(page, today)
        if abbreviations is not None:
            problems += _abbreviations(page, abbreviations)
        if page.src_uri in generated_paths:
            problems.append(
                Problem(page.file, "", "", "this page would be replaced by a generated page of the same name", "delete or rename the file")
            )
        if isinstance(page.meta, ConditionMeta):
            problems += _condition(page, page.meta, symptom_ids, condition_slugs)
            problems += _anchors(page)
        if isinstance(page.meta, ExerciseMeta):
            for index, slug in enumerate(page.meta.helps):
                if slug not in condition_slugs:
                    problems.append(
                        Problem(page.file, f"helps[{index}]", slug, "no condition page has this slug", closest(slug, condition_slugs))
                    )

    if any(kind == "condition" for kind, _ in content.unreadable) or SYMPTOMS_FILE in content.unreadable_files:
        return problems  # which symptoms are used is unknown until every condition page reads
    if any(p.message == "not in the symptom vocabulary" for p in problems):
        return problems  # a misspelt id would make the symptom it meant look unused
    used = {sid for p in conditions for sid in (*p.meta.symptoms.typical, *p.meta.symptoms.possible)}  # type: ignore[attr-defined]
    for symptom in content.symptoms:
        if symptom.id not in used:
            problems.append(
                Problem(
                    display_path(docs, SYMPTOMS_FILE),
                    symptom.id,
                    symptom.id,
                    "no condition page lists this symptom",
                    "add it to a condition's symptoms, or remove it from the vocabulary",
                )
            )
    return problems


def _glossary(content: Content, generated_paths: set[str]) -> list[Problem]:
    file = display_path(content.docs_dir, GLOSSARY_FILE)
    problems = _duplicates(file, [entry.term.lower() for entry in content.glossary], "term")
    pages = {p.src_uri for p in content.pages} | content.unreadable_pages | generated_paths
    for entry in content.glossary:
        target = entry.page.split("#")[0]
        if target not in pages:
            problems.append(Problem(file, f"{entry.term}.page", entry.page, "no page at this path", closest(target, pages)))
    return problems


class _Anything(frozenset):
    """Every id: stands in for a data file that could not be read, so nothing is reported twice."""

    def __contains__(self, item: object) -> bool:
        return True


_ANY: set[str] = _Anything()  # type: ignore[assignment]


def body_line(page: Page, position: int) -> str:
    """'line N' of a position in the page's body, counted in the whole file."""
    return f"line {page.body_line + page.body.count(chr(10), 0, position)}"


# Anything in square brackets that starts with '@' means to be a citation.
_CITATION_LIKE = re.compile(r"\[\s*@[^\[\]\n]*\]")
_CODE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$|(`+)(?!`).*?(?<!`)\3(?!`)", re.M | re.S)


def _without_code(markdown: str) -> str:
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)


def _citation_syntax(page: Page) -> list[Problem]:
    """`[@ Key]`, `[@A, @B]` or `[@A; B]` would be shown as typed, linking to no source."""
    problems = []
    texts = [(page.meta.today.text(), "today")] if isinstance(page.meta, ConditionMeta) else []
    texts.append((page.body, ""))
    for text, field in texts:
        for match in _CITATION_LIKE.finditer(_without_code(text)):
            if CITATION.fullmatch(match.group(0)):
                continue
            keys = [key for part in re.split(r"[;,]", match.group(0)[1:-1]) if (key := part.strip().lstrip("@").strip())]
            fix = "[@" + "; @".join(keys) + "]" if keys else "[@Key]"
            where = field or body_line(page, match.start())
            problems.append(
                Problem(
                    page.file,
                    where,
                    match.group(0),
                    "not a citation the build understands",
                    f"write {fix}: each key right after '@', keys separated by ';'",
                )
            )
    return problems


def _markup_problems(file: str, first_line: int, markdown: str) -> list[Problem]:
    """Raw HTML, links and attribute lists outside the allowlist (rawhtml.py), by line in the file."""
    return [Problem(file, f"line {first_line + item.line - 1}", item.value, item.message, item.hint) for item in unsafe_markup(markdown)]


def _raw_html(page: Page) -> list[Problem]:
    problems = _markup_problems(page.file, page.body_line, page.body)
    if isinstance(page.meta, ConditionMeta):  # the today card's items are Markdown too
        problems += [Problem(page.file, "today", item.value, item.message, item.hint) for item in unsafe_markup(page.meta.today.text())]
    return problems


def _abbreviations(page: Page, defined: set[str]) -> list[Problem]:
    problems = []
    for token in undefined_abbreviations(page.body, defined):
        found = re.search(rf"\b{re.escape(token)}\b", page.body)
        where = body_line(page, found.start()) if found else "body"
        problems.append(
            Problem(
                page.file,
                where,
                token,
                "this abbreviation is not explained",
                f"add '*[{token}]: what it stands for' to includes/abbreviations.md",
            )
        )
    return problems


def _anchors(page: Page) -> list[Problem]:
    """Each fixed section id exactly once: newsletters link to them (published-urls.txt)."""
    problems = []
    for anchor in CONDITION_ANCHORS:
        pattern = re.compile(rf"\{{[^}}\n]*#{re.escape(anchor)}(?=[\s}}])[^}}\n]*\}}|\bid=[\"']{re.escape(anchor)}[\"']")
        places = [body_line(page, m.start()) for m in pattern.finditer(_without_code(page.body))]
        if anchor == "sources":
            if places:
                problems.append(
                    Problem(
                        page.file,
                        places[0],
                        "#sources",
                        "the Sources section is generated; this id would be there twice",
                        "remove the heading and its list",
                    )
                )
        elif not places:
            problems.append(
                Problem(
                    page.file,
                    "body",
                    f"#{anchor}",
                    "this fixed section id is missing",
                    f"add its heading, e.g. '## ... {{#{anchor}}}' (see the README's worked example)",
                )
            )
        elif len(places) > 1:
            problems.append(
                Problem(
                    page.file,
                    places[1],
                    f"#{anchor}",
                    f"this fixed section id is used {len(places)} times ({', '.join(places)})",
                    "keep it on one heading only",
                )
            )
    return problems


def _duplicates(file: str, ids: list[str], what: str) -> list[Problem]:
    return [Problem(file, key, key, f"two {what}s share this id", "give each entry its own id") for key, n in Counter(ids).items() if n > 1]


def _regions_complete(file: str, present: set[str]) -> list[Problem]:
    return [
        Problem(file, region, "", "this fixed region is missing", f"add an entry with 'id: {region}'")
        for region in REGION_IDS
        if region not in present
    ]


def _duplicate_slugs(pages: list[Page]) -> list[Problem]:
    by_slug: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        by_slug[page.slug].append(page)
    problems = []
    for slug, same in by_slug.items():
        if len(same) > 1:
            others = ", ".join(sorted(p.file for p in same))
            for page in same:
                problems.append(Problem(page.file, "slug", slug, f"two pages have this slug ({others})", "rename one of the files"))
    return problems


def _sources(page: Page, reference_ids: set[str]) -> list[Problem]:
    problems = []
    listed = page.meta.sources
    for index, key in enumerate(listed):
        if key not in reference_ids:
            problems.append(Problem(page.file, f"sources[{index}]", key, "no bibliography entry has this key", closest(key, reference_ids)))
    for key, count in Counter(listed).items():
        if count > 1:
            problems.append(Problem(page.file, "sources", key, "this source is listed twice", "list each source once"))
    card = page.meta.today.text() if isinstance(page.meta, ConditionMeta) else ""
    for key in cited_keys(card + "\n" + page.body):
        if key not in reference_ids:
            same = [ref for ref in reference_ids if ref.lower() == key.lower()]
            hint = f"keys are case-sensitive: write [@{same[0]}]" if same else closest(key, reference_ids)
            problems.append(Problem(page.file, "body citation", f"[@{key}]", "no bibliography entry has this key", hint))
        elif key not in listed:
            problems.append(
                Problem(
                    page.file, "body citation", f"[@{key}]", "this source is cited but not in the page's 'sources'", f"add {key} to sources"
                )
            )
    return problems


def next_review_due(meta: object) -> dt.date | None:
    """The page's next review date: as written, or three years after the last review."""
    reviewed = getattr(meta, "reviewed", None)
    if reviewed is None:
        return None
    return getattr(meta, "next_review", None) or _add_years(reviewed, MAX_REVIEW_INTERVAL_YEARS)


def _review_dates(page: Page, today: dt.date) -> list[Problem]:
    meta = page.meta
    if getattr(meta, "reviewed", None) is None:
        return []
    problems = []
    latest = _add_years(meta.reviewed, MAX_REVIEW_INTERVAL_YEARS)
    if meta.reviewed > today:
        problems.append(
            Problem(
                page.file,
                "reviewed",
                meta.reviewed.isoformat(),
                "this date is in the future",
                f"use today's date ({today.isoformat()}) or earlier",
            )
        )
    next_review = next_review_due(meta) or latest
    if meta.next_review is not None:
        if meta.next_review <= meta.reviewed:
            problems.append(
                Problem(
                    page.file,
                    "next_review",
                    meta.next_review.isoformat(),
                    "the next review must come after 'reviewed'",
                    f"use a date after {meta.reviewed.isoformat()}",
                )
            )
        elif meta.next_review > latest:
            problems.append(
                Problem(
                    page.file,
                    "next_review",
                    meta.next_review.isoformat(),
                    f"at most {MAX_REVIEW_INTERVAL_YEARS} years after 'reviewed' is allowed",
                    f"use {latest.isoformat()} or earlier",
                )
            )
    if next_review < today:
        problems.append(
            Problem(
                page.file,
                "next_review",
                next_review.isoformat(),
                "this page's review is overdue",
                "review the page against its sources, then update 'reviewed' and 'next_review'",
            )
        )
    return problems


def _condition(page: Page, meta: ConditionMeta, symptom_ids: set[str], condition_slugs: set[str]) -> list[Problem]:
    problems = []
    for frequency in ("typical", "possible"):
        for index, sid in enumerate(getattr(meta.symptoms, frequency)):
            if sid not in symptom_ids:
                problems.append(
                    Problem(page.file, f"symptoms.{frequency}[{index}]", sid, "not in the symptom vocabulary", closest(sid, symptom_ids))
                )
    both = set(meta.symptoms.typical) & set(meta.symptoms.possible)
    for sid in sorted(both):
        problems.append(Problem(page.file, "symptoms", sid, "listed as both typical and possible", "keep it in one list"))
    for frequency in ("typical", "possible"):
        for sid, count in Counter(getattr(meta.symptoms, frequency)).items():
            if count > 1:
                problems.append(Problem(page.file, f"symptoms.{frequency}", sid, "listed twice", "list each symptom once"))
    if not meta.symptoms.typical:
        problems.append(
            Problem(
                page.file,
                "symptoms.typical",
                "",
                "a condition needs at least one typical symptom",
                "add the symptoms most people with it have",
            )
        )
    for index, slug in enumerate(meta.differentials):
        if slug == page.slug:
            problems.append(Problem(page.file, f"differentials[{index}]", slug, "a condition cannot be its own differential", "remove it"))
        elif slug not in condition_slugs:
            problems.append(
                Problem(
                    page.file,
                    f"differentials[{index}]",
                    slug,
                    "no condition page has this slug",
                    closest(slug, condition_slugs - {page.slug}),
                )
            )
    for index, key in enumerate(meta.recovery.sources):
        if key not in meta.sources:
            problems.append(
                Problem(
                    page.file,
                    f"recovery.sources[{index}]",
                    key,
                    "a recovery source must also be in the page's 'sources'",
                    f"add {key} to sources",
                )
            )
    for name in MARKERS:
        count = page.body.count(marker(name))
        if count != 1:
            problems.append(
                Problem(
                    page.file,
                    "body",
                    marker(name),
                    f"this marker must appear exactly once (found {count})",
                    "see the README's worked example for where each marker goes",
                )
            )
    return problems


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
