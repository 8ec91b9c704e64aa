"""Checks across files: every id used must exist, every review must be in date.

`check_content` returns problems; it never raises. Each problem names the file, the field and
the bad value, and suggests the closest valid id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

from . import ladders, painrule, walkrun
from .citations import CITATION, cited_keys
from .load import (
    GLOSSARY_FILE,
    LADDERS_FILE,
    PAIN_RULE_FILE,
    PICTURES_FILE,
    REFERENCES_FILE,
    REGIONS_FILE,
    SEARCH_FILE,
    SHARED_DIR,
    SYMPTOMS_FILE,
    WARNING_SIGNS_FILE,
    Content,
    Page,
    SharedText,
    display_path,
)
from .markers import MARKERS, marker, shared_markers, warning_markers
from .model import (
    CONDITION_ANCHORS,
    MAX_REVIEW_INTERVAL_YEARS,
    REGION_IDS,
    TIER_IDS,
    ConditionMeta,
    ExerciseMeta,
    Reference,
    Sourced,
    add_years,
    next_review_due,
)
from .problems import Problem, closest
from .quality import defined_abbreviations, undefined_abbreviations
from .rawhtml import unsafe_markup


def check_content(content: Content, today: dt.date, generated_paths: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    docs = content.docs_dir
    problems += _duplicates(display_path(docs, SYMPTOMS_FILE), [s.id for s in content.symptoms], "symptom")
    problems += _duplicates(display_path(docs, REFERENCES_FILE), [r.id for r in content.references], "reference")
    problems += _reference_links(display_path(docs, REFERENCES_FILE), content.references)
    problems += _duplicates(display_path(docs, REGIONS_FILE), [r.id for r in content.regions], "region")
    if REGIONS_FILE not in content.unreadable_files and not any(kind == "region" for kind, _ in content.unreadable):
        problems += _regions_complete(display_path(docs, REGIONS_FILE), {r.id for r in content.regions})

    problems += _glossary(content, generated_paths)
    problems += _region_guides(content)
    conditions = [p for p in content.pages if p.kind == "condition"]
    problems += _duplicate_slugs(conditions)
    problems += _duplicate_slugs([p for p in content.pages if p.kind == "exercise"])
    condition_slugs = {p.slug for p in conditions} | {slug for kind, slug in content.unreadable if kind == "condition"}
    symptom_ids = {s.id for s in content.symptoms} | {i for kind, i in content.unreadable if kind == "symptom"}
    reference_ids = {r.id for r in content.references} | {i for kind, i in content.unreadable if kind == "reference"}
    sign_ids = {s.id for s in content.signs} | {i for kind, i in content.unreadable if kind == "sign"}

    if REFERENCES_FILE in content.unreadable_files:
        reference_ids = _ANY  # the file's own error is reported; every key is then unknown, not wrong
    if SYMPTOMS_FILE in content.unreadable_files:
        symptom_ids = _ANY
    if WARNING_SIGNS_FILE in content.unreadable_files:
        sign_ids = _ANY
    problems += _registry(content, {s.id for s in content.symptoms}, reference_ids)
    problems += _pain_rule(content, condition_slugs, reference_ids)
    problems += _ladders(content, reference_ids)
    problems += _pictures(content)
    problems += _search_words(content, {"symptoms": symptom_ids, "signs": sign_ids, "conditions": condition_slugs})
    abbreviations = defined_abbreviations(content.abbreviations) if content.abbreviations is not None else None
    if content.abbreviations is not None:  # appended to every page's Markdown (pymdownx.snippets)
        problems += _markup_problems("includes/abbreviations.md", 1, content.abbreviations)

    for page in content.pages:
        problems += _sources(page, reference_ids)
        problems += _pain_limits(content, page)
        problems += _citation_syntax(page)
        problems += _raw_html(page)
        problems += _review_dates(page, today)
        if abbreviations is not None:
            problems += _abbreviations(page, abbreviations)
        if page.src_uri in generated_paths:
            problems.append(
                Problem(page.file, "", "", "this page would be replaced by a generated page of the same name", "delete or rename the file")
            )
        problems += _warning_markers(page, sign_ids)
        problems += _shared_uses(page, content.shared, reference_ids)
        if isinstance(page.meta, ConditionMeta):
            problems += _condition(page, page.meta, symptom_ids, condition_slugs, sign_ids)
            problems += _condition_signs(page, page.meta, sign_ids)
            problems += _anchors(page)
        if isinstance(page.meta, ExerciseMeta):
            for index, slug in enumerate(page.meta.helps):
                if slug not in condition_slugs:
                    problems.append(
                        Problem(page.file, f"helps[{index}]", slug, "no condition page has this slug", closest(slug, condition_slugs))
                    )

    problems += _differentials_both_ways(conditions)
    problems += _shared_texts(content, reference_ids)

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


def _shared_uses(page: Page, shared: dict[str, SharedText], reference_ids: set[str]) -> list[Problem]:
    """Each shared-text marker names a text, and the page lists the sources that text cites."""
    problems = []
    for name, line in shared_markers(page.body):
        text = shared.get(name)
        if text is None:
            hint = closest(name, shared) if shared else f"write the passage in docs/{SHARED_DIR}/{name}.md"
            problems.append(Problem(page.file, f"line {page.body_line + line - 1}", name, "no shared text has this name", hint))
            continue
        for key in cited_keys(text.text):
            if key in reference_ids and key not in page.meta.sources:
                problems.append(
                    Problem(
                        page.file,
                        "sources",
                        key,
                        f"the shared text '{name}' cites this source, but the page does not list it",
                        f"add {key} to sources",
                    )
                )
    return problems


def _shared_texts(content: Content, reference_ids: set[str]) -> list[Problem]:
    """Every shared text is used, cites known sources, holds no markers and no unsafe markup."""
    used = {name for page in content.pages for name, _ in shared_markers(page.body)}
    # a misspelt name (reported with the page) or an unreadable page may be the missing use
    uses_known = used <= content.shared.keys() and not content.unreadable_pages
    problems = []
    for text in content.shared.values():
        if text.name not in used and uses_known:
            problems.append(
                Problem(
                    text.file,
                    "",
                    "",
                    "no page uses this shared text",
                    f"add <!-- crosslinks:shared {text.name} --> to a page, or delete the file",
                )
            )
        for found in re.finditer(r"<!--\s*crosslinks:", text.text):
            problems.append(
                Problem(
                    text.file,
                    f"line {text.text.count(chr(10), 0, found.start()) + 1}",
                    "crosslinks marker",
                    "a shared text cannot hold a marker",
                    "put the marker on each page, outside the shared text",
                )
            )
        for key in cited_keys(text.text):
            if key not in reference_ids:
                problems.append(
                    Problem(text.file, "body citation", f"[@{key}]", "no bibliography entry has this key", closest(key, reference_ids))
                )
        problems += _markup_problems(text.file, 1, text.text)
    return problems


# Sites that copy documents they do not own (uploads, scraped abstracts, staging copies). A reader
# who follows a citation must reach the cited document at its publisher, a registry or an index
# such as PubMed, never one of these.
COPY_SITES = (
    "studylib.net",
    "docslib.org",
    "scribd.com",
    "fx361.cc",
    "proinfo.top",
    "paperexplained.cn",
    "discovery.researcher.life",
    "biotechhunter.com",
    "meddatax.com",
    "5dok.net",
    "fdocuments.in",
    "pdfslide.net",
    "franktesting.co.uk",
)


def _reference_links(file: str, references: list[Reference]) -> list[Problem]:
    """A reference's link reaches the cited document: not a site's bare home page, not a copy site."""
    problems = []
    for ref in references:
        if ref.url is None:
            continue
        parts = urlsplit(ref.url)
        host = (parts.hostname or "").lower()
        if any(host == site or host.endswith("." + site) for site in COPY_SITES):
            problems.append(
                Problem(
                    file,
                    f"{ref.id}.url",
                    ref.url,
                    "this site copies documents it does not publish",
                    "link the document at its publisher, or give its doi or pmid",
                )
            )
        elif parts.path.strip("/") == "" and not parts.query:
            problems.append(
                Problem(
                    file, f"{ref.id}.url", ref.url, "this is a site's home page, not the cited document", "link the page or article itself"
                )
            )
    return problems


def _differentials_both_ways(conditions: list[Page]) -> list[Problem]:
    """A runner who reads one page of a confusable pair must be pointed to the other: if A lists
    B among its differentials, B lists A."""
    listed = {p.slug: p for p in conditions}
    problems = []
    for page in conditions:
        for slug in page.meta.differentials:  # type: ignore[attr-defined]
            other = listed.get(slug)
            if other is None or not set(other.meta.differentials) <= listed.keys():  # type: ignore[attr-defined]
                continue  # an unknown slug is its own problem, and may be the one that was meant
            if page.slug not in other.meta.differentials:  # type: ignore[attr-defined]
                problems.append(
                    Problem(
                        other.file,
                        "differentials",
                        page.slug,
                        f"{page.slug} lists {slug} as often confused with it, but not the other way round",
                        f"add {page.slug} to this page's differentials",
                    )
                )
    return problems


def _search_words(content: Content, ids: dict[str, set[str]]) -> list[Problem]:
    """Every symptom, sign and condition that search.yml gives words to must exist."""
    if content.search is None:
        return []
    file = display_path(content.docs_dir, SEARCH_FILE)
    problems = []
    for field, known in ids.items():
        for key in getattr(content.search, field):
            if key not in known:
                problems.append(Problem(file, f"{field}.{key}", key, f"no such {field[:-1]}", closest(key, known)))
    pages = {p.src_uri for p in content.pages}
    for key in content.search.pages:
        if key not in pages:
            problems.append(Problem(file, f"pages.{key}", key, "no such page in docs/", closest(key, pages)))
    return problems


def _sourced_items(value: object, path: str) -> list[tuple[str, Sourced]]:
    """Every sourced statement inside a data model, with its field path."""
    if isinstance(value, Sourced):
        return [(path, value)]
    if isinstance(value, list):
        return [item for index, entry in enumerate(value) for item in _sourced_items(entry, f"{path}[{index}]")]
    fields = getattr(type(value), "model_fields", None)
    if fields is None:
        return []
    return [item for name in fields for item in _sourced_items(getattr(value, name), f"{path}.{name}" if path else name)]


def _unknown_sources(file: str, value: object, prefix: str, reference_ids: set[str]) -> list[Problem]:
    return [
        Problem(file, f"{path}.sources[{index}]", key, "no bibliography entry has this key", closest(key, reference_ids))
        for path, item in _sourced_items(value, prefix)
        for index, key in enumerate(item.sources)
        if key not in reference_ids
    ]


def _pain_rule(content: Content, condition_slugs: set[str], reference_ids: set[str]) -> list[Problem]:
    rule = content.pain_rule
    if rule is None:
        return []
    file = display_path(content.docs_dir, PAIN_RULE_FILE)
    problems = _unknown_sources(file, rule, "", reference_ids)
    for index, slug in enumerate(rule.tendon_conditions):
        if slug not in condition_slugs:
            problems.append(
                Problem(file, f"tendon_conditions[{index}]", slug, "no condition page has this slug", closest(slug, condition_slugs))
            )
    return problems


def _ladders(content: Content, reference_ids: set[str]) -> list[Problem]:
    file = display_path(content.docs_dir, LADDERS_FILE)
    problems = _duplicates(file, [ladder.id for ladder in content.ladders], "ladder")
    for ladder in content.ladders:
        problems += _unknown_sources(file, ladder, ladder.id, reference_ids)
        problems += walkrun.step_problems(file, ladder)
        if ladder.site_class == "high-risk" and not (ladder.alternate_days and ladder.clinician_led):
            problems.append(
                Problem(
                    file,
                    f"{ladder.id}.alternate_days",
                    "false",
                    "a high-risk bone ladder runs on alternate days, led by a clinician",
                    "set alternate_days and clinician_led to true",
                )
            )
    if not content.ladders or LADDERS_FILE in content.unreadable_files:
        return problems
    # a ladder that could not be read still exists: its own error is reported, not its users'
    known = {ladder.id for ladder in content.ladders} | {"nerve"} | {i for kind, i in content.unreadable if kind == "ladder"}
    for page in content.pages:
        meta = page.meta
        if isinstance(meta, ConditionMeta) and meta.ladder not in known:
            problems.append(
                Problem(page.file, "ladder", meta.ladder, "no ladder in docs/_data/ladders.yml has this id", closest(meta.ladder, known))
            )
    return problems


def _pictures(content: Content) -> list[Problem]:
    """Every exercise page has a picture, and every picture an exercise page."""
    file = display_path(content.docs_dir, PICTURES_FILE)
    exercises = {p.slug for p in content.pages if p.kind == "exercise"}
    unreadable = {s for kind, s in content.unreadable if kind == "exercise"}  # its own error is reported
    if PICTURES_FILE in content.unreadable_files:
        return []  # the file's own error is reported
    if exercises and not (content.docs_dir / PICTURES_FILE).is_file():
        return [
            Problem(
                file, "", "", "this data file is missing", "create it: each exercise's slug, with its 'alt', 'moving', 'start' and 'end'"
            )
        ]
    drawn = set(content.pictures) | {s for kind, s in content.unreadable if kind == "picture"}
    problems = [
        Problem(file, slug, "", "this exercise has no picture", f"add an entry '{slug}:' with its 'alt', 'moving', 'start' and 'end'")
        for slug in sorted(exercises - drawn)
    ]
    problems += [
        Problem(file, slug, slug, "no exercise page has this slug", closest(slug, exercises))
        for slug in sorted(drawn - exercises - unreadable)
    ]
    return problems


def _registry(content: Content, symptom_ids: set[str], reference_ids: set[str]) -> list[Problem]:
    """The warning-sign registry: the three tiers in order, unique ids, real sources."""
    file = display_path(content.docs_dir, WARNING_SIGNS_FILE)
    problems = _duplicates(file, [s.id for s in content.signs], "sign")
    problems += _duplicates(file, [t.id for t in content.tiers], "tier")
    tier_ids = [t.id for t in content.tiers]
    if content.tiers and tier_ids != list(TIER_IDS) and not any(kind == "tier" for kind, _ in content.unreadable):
        problems.append(
            Problem(file, "tiers", ", ".join(tier_ids), "the tiers must be exactly these, most urgent first", ", ".join(TIER_IDS))
        )
    for sign in content.signs:
        if sign.id in symptom_ids:
            problems.append(
                Problem(
                    file,
                    f"signs.{sign.id}",
                    sign.id,
                    "this id is also an ordinary symptom in symptoms.yml",
                    "a warning sign lives only in the registry: remove it from symptoms.yml",
                )
            )
        for index, key in enumerate(sign.sources):
            if key not in reference_ids:
                problems.append(
                    Problem(
                        file, f"signs.{sign.id}.sources[{index}]", key, "no bibliography entry has this key", closest(key, reference_ids)
                    )
                )
    return problems


def _warning_markers(page: Page, sign_ids: set[str]) -> list[Problem]:
    problems = []
    for written, ids, line in warning_markers(page.body):
        where = f"line {line + page.body_line - 1}"
        if page.kind == "condition" and ids:
            problems.append(
                Problem(
                    page.file,
                    where,
                    written,
                    "on a condition page the warning box takes its signs from front matter",
                    "write the marker bare and list the signs under 'warning_signs'",
                )
            )
            continue
        for sid in ids:
            if sid not in sign_ids:
                problems.append(Problem(page.file, where, sid, "not a sign in the warning-sign registry", closest(sid, sign_ids)))
    return problems


def _condition_signs(page: Page, meta: ConditionMeta, sign_ids: set[str]) -> list[Problem]:
    """Warning signs come from the registry, never from the ordinary symptom lists."""
    problems = []
    for frequency in ("typical", "possible"):
        for index, sid in enumerate(getattr(meta.symptoms, frequency)):
            if sid in sign_ids:
                problems.append(
                    Problem(
                        page.file,
                        f"symptoms.{frequency}[{index}]",
                        sid,
                        "this is a warning sign, not an ordinary symptom",
                        "move it to 'warning_signs' (the build shows it in the warning box at its tier)",
                    )
                )
    for index, sid in enumerate(meta.warning_signs):
        if sid not in sign_ids:
            problems.append(
                Problem(page.file, f"warning_signs[{index}]", sid, "not a sign in the warning-sign registry", closest(sid, sign_ids))
            )
    for sid, count in Counter(meta.warning_signs).items():
        if count > 1:
            problems.append(Problem(page.file, "warning_signs", sid, "listed twice", "list each sign once"))
    card = meta.today
    if meta.urgency == "urgent" and (card.keep_running or card.ease_off):
        problems.append(
            Problem(
                page.file,
                "today",
                "keep_running" if card.keep_running else "ease_off",
                "an urgent condition's card says that running stops until a clinician has checked it",
                "remove 'keep_running' and 'ease_off' from 'today'",
            )
        )
    for tier in ("keep_running", "ease_off"):
        if meta.urgency != "urgent" and not getattr(card, tier):
            problems.append(
                Problem(page.file, f"today.{tier}", "", "this tier of the card is empty", "add the signs a runner can recognise for it")
            )
    return problems


def _pain_limits(content: Content, page: Page) -> list[Problem]:
    """No page states a pain limit of its own; markers name a real version of the rule."""
    problems = painrule.limit_problems(page.file, page.front_matter, 2)
    problems += painrule.limit_problems(page.file, page.body, page.body_line)
    problems += painrule.marker_problems(page.file, page.body, page.body_line)
    problems += ladders.marker_problems(page.file, page.body, page.body_line, {ladder.id for ladder in content.ladders})
    rule_missing = content.pain_rule is None and not (content.docs_dir / PAIN_RULE_FILE).is_file()
    if rule_missing and painrule.MARKER.search(page.body):
        problems.append(
            Problem(page.file, "body", "<!-- crosslinks:pain-rule -->", "this marker needs the pain rule", f"create {PAIN_RULE_FILE}")
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


def _region_guides(content: Content) -> list[Problem]:
    """A guide a region's page links to must be a hand-written page in docs/."""
    file = display_path(content.docs_dir, REGIONS_FILE)
    pages = {p.src_uri for p in content.pages} | content.unreadable_pages
    return [
        Problem(file, f"{region.id}.guides[{index}].page", guide.page, "no page at this path", closest(guide.page, pages))
        for region in content.regions
        for index, guide in enumerate(region.guides)
        if guide.page not in pages
    ]


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


def _review_dates(page: Page, today: dt.date) -> list[Problem]:
    meta = page.meta
    if getattr(meta, "reviewed", None) is None:
        return []
    problems = []
    latest = add_years(meta.reviewed, MAX_REVIEW_INTERVAL_YEARS)
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


def _condition(
    page: Page, meta: ConditionMeta, symptom_ids: set[str], condition_slugs: set[str], sign_ids: set[str] | frozenset[str] = frozenset()
) -> list[Problem]:
    problems = []
    for frequency in ("typical", "possible"):
        for index, sid in enumerate(getattr(meta.symptoms, frequency)):
            if sid not in symptom_ids and sid not in sign_ids:
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
        count = len(warning_markers(page.body)) if name == "warning-signs" else page.body.count(marker(name))
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
