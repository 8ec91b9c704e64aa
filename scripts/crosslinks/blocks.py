"""The blocks the build puts into hand-written pages, and each page's Markdown as a whole.

`page_markdown` is the one entry: it replaces a page's marker comments with their blocks (the
run, modify or stop card, key facts, symptoms, look-alikes, exercises, warning boxes, the pain
rule, ladders, the finder's body map), links its citations, and adds its sources and "About
this page". Every function is pure: graph and page in, Markdown out.
"""

from __future__ import annotations

import functools
import html
import re

from . import bodymap, citations, ladders, metadata, pagetools, painrule, poses, triage, walkrun
from .escape import md_escape
from .graph import Condition, Graph
from .load import Page
from .markers import expand_shared, marker, warning_markers
from .model import CONDITION_ANCHORS, ONSET_LABELS, URGENCY_LABELS, ConditionMeta, next_review_due
from .paths import (
    EDITORIAL_POLICY,
    NERVE_PAIN_RULES,
    RETURN_TO_RUNNING,
    exercise_picture_src,
    ladder_picture_src,
    link,
    region_src,
    symptom_src,
)
from .wording import in_sentence, long_date, recovery_text

TIERS = (
    ("keep_running", "run", "Keep running, with changes, if"),
    ("ease_off", "ease", "Ease off, and cross-train instead, if"),
)


def today_card(graph: Graph, condition: Condition) -> str:
    """The "run, modify or stop today" card: the first two tiers from front matter, and a stop
    tier that points to the warning box after the card. An urgent condition's card has only the
    stop tier."""
    card = condition.meta.today
    urgent = condition.meta.urgency == "urgent"
    pain = pain_card_lines(graph, condition)
    lines = ['<section class="rh-today" aria-label="Run, modify or stop today" markdown>', "", "**Run, modify or stop today?**", ""]
    for field, css, name in () if urgent else TIERS:
        lines += [f'<div class="rh-tier rh-tier--{css}" markdown>', "", f"**{name}**", ""]
        lines += [f"- {item}" for item in pain.get(field, []) + list(getattr(card, field))]
        lines += ["", "</div>", ""]
    lines += triage.card_stop_tier(graph, urgent, condition.title)
    lines += ["</section>", ""]
    return "\n".join(lines)


def pain_card_lines(graph: Graph, condition: Condition) -> dict[str, list[str]]:
    """The pain rule's lines for the keep-running and ease-off tiers (none when running stops)."""
    rule = graph.pain_rule
    if rule is None or condition.meta.urgency == "urgent":
        return {}
    lines = painrule.card_lines(rule, painrule.kind_for(condition.meta, condition.slug, rule))
    return {"keep_running": [painrule.cite(lines.keep_running)], "ease_off": [painrule.cite(lines.ease_off)]}


def pain_rule_block(graph: Graph, page: Page, kind: str) -> str:
    """The pain rule where a page has its marker, linked to the rule in full elsewhere."""
    assert graph.pain_rule is not None  # checked by validate
    full = "" if kind == "all" or not graph.has_page(NERVE_PAIN_RULES) else f"{link(page.src_uri, NERVE_PAIN_RULES)}#pain-rule"
    if page.src_uri == NERVE_PAIN_RULES:
        full = ""
    return painrule.block(graph.pain_rule, kind, full)


def default_pain_kind(graph: Graph, page: Page) -> str:
    """A marker with no version: a condition page's own version, else the whole rule."""
    condition = graph.conditions.get(page.slug) if page.kind == "condition" else None
    if condition is None or graph.pain_rule is None:
        return "all"
    return painrule.kind_for(condition.meta, condition.slug, graph.pain_rule)


def condition_top(graph: Graph, condition: Condition) -> str:
    """What a phone shows first after "In short": the card, the warning box, a key-facts box and the
    'informs, does not diagnose' notice."""
    src = condition.page.src_uri
    meta = condition.meta
    regions = ", ".join(f"[{graph.regions[r].name}]({link(src, region_src(r))})" for r in meta.regions)
    facts = [
        f"**Where it hurts:** {regions}",
        f"**Comes on:** {ONSET_LABELS[meta.onset].lower()}",
        f"**Urgency:** {URGENCY_LABELS[meta.urgency]}",
        f"**Usual recovery:** {recovery_text(condition.meta.recovery)}",
    ]
    if meta.ladder == "nerve" and graph.has_page(NERVE_PAIN_RULES):
        facts.append(f"**Back to running:** no tested plan; follow [the rules for nerve pain]({link(src, NERVE_PAIN_RULES)}#nerves)")
    elif meta.ladder != "nerve" and graph.has_page(RETURN_TO_RUNNING):
        name = graph.ladders[meta.ladder].name if meta.ladder in graph.ladders else f"the {meta.ladder} ladder"
        facts.append(f"**Back to running:** [{md_escape(name)}]({link(src, RETURN_TO_RUNNING)}#{meta.ladder})")
    if meta.aka:
        facts.insert(0, "**Also called:** " + ", ".join(md_escape(name) for name in meta.aka))
    box = triage.warning_box(graph, graph.warning_signs_of(condition), functools.partial(link, src), triage.WARNING_BOX_ANCHOR)
    parts = [
        today_card(graph, condition),
        box,
        '<div class="rh-facts" markdown>',
        "",
        "\n".join(f"- {fact}" for fact in facts),
        "",
        "</div>",
        "",
    ]
    parts.append(informs_notice(graph, src, meta))
    return "\n".join(parts) + "\n"


def informs_notice(graph: Graph, src: str, meta: ConditionMeta) -> str:
    review = meta.clinical_review
    if review.status == "reviewed":
        who = f"Reviewed by {review.reviewer}, {review.credentials}, on {long_date(review.date)}."  # type: ignore[arg-type]
    else:
        who = "Written by the site's editors from the sources listed at the end. It has not yet been reviewed by a clinician."
    policy = f" [How we write pages]({link(src, EDITORIAL_POLICY)})." if graph.has_page(EDITORIAL_POLICY) else ""
    return (
        '!!! info "This page informs; it does not diagnose"\n\n'
        f"    Only a clinician who examines you can say what is causing your pain. {who}"
        f" Last reviewed on {long_date(meta.reviewed)}.{policy}\n"
    )


def symptoms_block(graph: Graph, condition: Condition) -> str:
    src = condition.page.src_uri
    pairs = graph.symptoms_of(condition)
    parts = []
    for frequency, heading in (("typical", "Most people with it notice"), ("possible", "Some people also notice")):
        items = [s for s, f in pairs if f == frequency]
        if items:
            parts.append(f"**{heading}:**\n")
            parts.append("\n".join(f"- [{md_escape(s.label)}]({link(src, symptom_src(s.id))})" for s in items) + "\n")
    return "\n".join(parts)


def _subsection(heading: str, items: list[str], empty: str, intro: str = "") -> str:
    """A generated `###` heading with a fixed id, then an intro and a list, or a line saying why not."""
    lines = [heading, ""]
    if not items:
        return "\n".join([*lines, empty]) + "\n"
    if intro:
        lines += [intro, ""]
    return "\n".join(lines + items) + "\n"


def often_confused_block(graph: Graph, condition: Condition) -> str:
    src = condition.page.src_uri
    items = []
    for item in graph.often_confused_with(condition.slug):
        why = ["named as a look-alike"] if item.named else []
        if item.shared:
            why.append("both can have: " + "; ".join(in_sentence(s.label) for s in item.shared))
        items.append(f"- **[{md_escape(item.condition.title)}]({link(src, item.condition.page.src_uri)})**: {', '.join(why)}")
    return _subsection(
        # Generated lists of other pages (look-alikes here; exercises below; the conditions on
        # symptom and region pages) are navigation in other pages' words: kept out of the search
        # index, where each of those pages is already, so the index holds what pages say
        "### Often confused with {#often-confused-with data-search-exclude}",
        items,
        "No other condition on this site is a close look-alike yet.",
        "These conditions share symptoms with this one, or clinicians name them as look-alikes. A clinician tells them apart by examining you.",
    )


def exercises_block(graph: Graph, condition: Condition) -> str:
    src = condition.page.src_uri
    items = [
        f"- [{md_escape(str(page.meta.title))}]({link(src, page.src_uri)}): {md_escape(str(page.meta.description))}"
        for page in graph.exercises_for(condition.slug)
    ]
    empty = (
        "None from this site's library: exercise starts once a clinician has checked you, and follows their plan."
        if condition.meta.urgency == "urgent"
        else "No exercise has been shown to help this problem, so this site lists none. Follow the steps under [What to do now](#what-to-do-now), and a physiotherapist's plan if you see one."
    )
    return _subsection("### Exercises that help {#exercises-that-help data-search-exclude}", items, empty)


def sources_block(graph: Graph, page: Page, numbers: dict[str, int]) -> str:
    ordered = sorted(numbers, key=numbers.__getitem__)
    items = "\n".join(
        f'<li id="{citations.anchor(key)}" value="{numbers[key]}">{citations.reference_html(graph.references[key])}</li>' for key in ordered
    )
    # data-search-exclude: Material's search leaves the section out (a source list answers no
    # runner's question, and was over a third of the index)
    return f'## Sources {{#sources data-search-exclude=""}}\n\n<ol class="rh-sources">\n{items}\n</ol>\n'


def about_this_page(graph: Graph, page: Page) -> str:
    meta = page.meta
    assert meta.reviewed is not None  # type: ignore[attr-defined]
    lines = ['## About this page {#about-this-page data-search-exclude=""}', ""]  # review facts: not searched
    facts = []
    if isinstance(meta, ConditionMeta) and meta.clinical_review.status == "reviewed":
        r = meta.clinical_review
        facts.append(f"**Clinical review:** reviewed by {r.reviewer}, {r.credentials}, on {long_date(r.date)}.")  # type: ignore[arg-type]
    else:
        facts.append(
            "**Clinical review:** awaiting review by a named clinician. The site's editors wrote this page from the sources listed above."
        )
    facts.append(f"**Last reviewed:** {long_date(meta.reviewed)}")  # type: ignore[attr-defined]
    due = next_review_due(meta)
    if due is not None:
        facts.append(f"**Next review due:** {long_date(due)}")
    if graph.has_page(EDITORIAL_POLICY):
        facts.append(f"[How we write and review pages]({link(page.src_uri, EDITORIAL_POLICY)})")
    lines += [f"- {fact}" for fact in facts]
    return "\n".join(lines) + "\n"


def page_markdown(graph: Graph, page: Page, markdown: str, site_url: str = "") -> str:
    """The page's Markdown with generated blocks, linked citations and its sources added."""
    condition = graph.conditions.get(page.slug) if page.kind == "condition" else None
    markdown = expand_shared(markdown, graph.shared)
    markdown = warning_blocks(graph, page, markdown)
    if condition is not None:
        markdown = markdown.replace(marker("symptoms"), symptoms_block(graph, condition))
        markdown = markdown.replace(marker("often-confused-with"), often_confused_block(graph, condition))
        markdown = markdown.replace(marker("exercises"), exercises_block(graph, condition))
        markdown = contents_list(markdown, condition_top(graph, condition) + "\n" + pagetools.summary_tools(pagetools.HANDOUT_LABEL))
    if marker("body-map") in markdown:
        markdown = markdown.replace(marker("body-map"), finder_map(graph))
    if graph.pain_rule is not None and "crosslinks:pain-rule" in markdown:
        default = default_pain_kind(graph, page)
        markdown = painrule.replace_markers(markdown, lambda kind: pain_rule_block(graph, page, kind), default)
    if graph.ladders and "crosslinks:ladder:" in markdown:
        markdown = ladders.replace_markers(
            markdown, lambda ladder: ladders.ladder_block(graph.ladders[ladder], graph.pain_rule, ladder_picture(graph, page, ladder))
        )
    if page.kind == "exercise":
        markdown = exercise_picture(graph, page, markdown)
    numbers = citations.numbering(markdown, page.meta.sources)  # the card's citations come first
    markdown = citations.link_citations(markdown, numbers)
    tail = []
    if numbers:
        tail.append(sources_block(graph, page, numbers))
    if getattr(page.meta, "reviewed", None) is not None:
        tail.append(about_this_page(graph, page))
        if site_url:
            tail.append(metadata.cite_this_page(page, site_url))
    if tail:
        markdown = markdown.rstrip() + "\n\n" + "\n".join(tail)
    if condition is not None:
        return markdown  # its copy and print row is with its card (contents_list above)
    return pagetools.add_tools(markdown, reviewed=getattr(page.meta, "reviewed", None) is not None)


def picture_markdown(src: str, target: str, alt: str, size: tuple[int, int], css: str, lazy: bool = True) -> str:
    """A generated picture as Markdown (MkDocs checks and rewrites the link like a hand-written
    one): its text alternative, its size (so nothing shifts while it loads), loaded lazily unless
    it is on a phone's first screen (`lazy=False`), where waiting for the scroll would hold up the
    page's largest paint."""
    width, height = size
    loading = "lazy" if lazy else "eager"
    return (
        f'<figure class="{css}" markdown>\n\n'
        f'![{md_escape(alt)}]({link(src, target)}){{ width="{width}" height="{height}" loading="{loading}" }}\n\n'
        "</figure>\n\n"
    )


_HOW_TO = re.compile(r"^## .*\{#how-to-do-it\}[ \t]*\n", re.M)


def exercise_picture(graph: Graph, page: Page, markdown: str) -> str:
    """The exercise's start-and-end drawing, right before its "How to do it" steps (at the top
    of a page without that section)."""
    picture = graph.pictures.get(page.slug)
    if picture is None:
        return markdown
    # near the top of the page: on Lighthouse's phone it was the largest paint, held up by lazy loading
    size = poses.size(picture)
    figure = picture_markdown(page.src_uri, exercise_picture_src(page.slug), picture.alt, size, "rh-exercise-picture", lazy=False)
    heading = _HOW_TO.search(markdown)
    at = heading.end() if heading else 0
    return markdown[:at] + ("\n" if heading else "") + figure + markdown[at:]


def ladder_picture(graph: Graph, page: Page, ladder_id: str) -> str:
    ladder = graph.ladders[ladder_id]
    return picture_markdown(
        page.src_uri, ladder_picture_src(ladder_id), walkrun.alt_text(ladder), walkrun.size(ladder), "rh-ladder-picture"
    )


_FIXED_HEADING = re.compile(r"^## (.+?) \{#([a-z-]+)\}[ \t]*$", re.M)


def contents_list(markdown: str, top: str = "") -> str:
    """`top` (the card and the warning box) and a short list of a condition page's fixed sections,
    right after "In short": on a phone the reader meets what the page is, what to do today and
    when not to wait, then "What to do now", "Recovery" and "For coaches" are one tap away
    (Material's own contents list is hidden on narrow screens)."""
    sections = [
        (title, anchor) for title, anchor in _FIXED_HEADING.findall(markdown) if anchor in CONDITION_ANCHORS and anchor != "in-short"
    ]
    first = _FIXED_HEADING.search(markdown, markdown.find("{#in-short}") + 1) if "{#in-short}" in markdown else None
    if not sections or first is None:
        return top + "\n" + markdown if top else markdown
    items = [f'<li><a href="#{anchor}">{html.escape(title)}</a></li>' for title, anchor in sections]
    items.append('<li><a href="#sources">Sources</a></li>')
    block = (
        '<nav class="rh-contents" aria-label="On this page" data-search-exclude>\n<p class="rh-contents__title">On this page</p>\n<ul>\n'
        + "\n".join(items)
        + "\n</ul>\n</nav>\n\n"
    )
    return markdown[: first.start()] + (top + "\n" if top else "") + block + markdown[first.start() :]


def warning_blocks(graph: Graph, page: Page, markdown: str) -> str:
    """Each warning-box marker becomes the box: a condition's signs, or the universal signs plus
    those the marker names; the all-signs marker becomes every sign, by tier."""
    link_to = functools.partial(link, page.src_uri)
    condition = graph.conditions.get(page.slug) if page.kind == "condition" else None
    for written, ids, _ in warning_markers(markdown):
        if condition is not None:  # the box itself goes under the card (condition_top)
            markdown = markdown.replace(written, triage.warning_pointer(), 1)
            continue
        markdown = markdown.replace(written, triage.warning_box(graph, graph.signs_for(ids), link_to), 1)
    return markdown.replace(marker("all-warning-signs"), triage.all_signs_by_tier(graph, link_to))


def finder_map(graph: Graph) -> str:
    """The finder's body map, every region named, for the finder's script to make into buttons;
    and under it the regions as buttons in words, in the page from the start so that nothing
    moves when the script wires them up (site.css hides them when scripting is off: the page's
    list of region pages serves then)."""
    names = {r.id: r.name for r in graph.regions.values()}
    labels = {r.id: bodymap.words_on_map(r.name, r.short) for r in graph.regions.values()}
    svg = bodymap.body_map_svg(names, pickable=True, labels=labels)
    buttons = "".join(
        f'<li><button type="button" class="rh-finder__area" data-region="{html.escape(r.id)}" aria-pressed="false">'
        f"{html.escape(r.name)}</button></li>"
        for r in graph.regions.values()
    )
    areas = f'<ul class="rh-finder__areas" aria-label="Areas of pain">{buttons}</ul>'
    return f'<figure class="rh-bodymap-figure" id="rh-finder-map">{svg}</figure>\n{areas}'
