"""Markdown and JSON made from the graph: generated pages, blocks on condition pages, the API.

Every function here is pure: it takes the graph (and a page) and returns text. Links are
relative links to .md files, so MkDocs checks and rewrites them like hand-written ones.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
from posixpath import dirname, relpath

from . import bodymap, charts, citations, ladders, metadata, painrule, triage
from .escape import md_escape
from .graph import Condition, Graph, page_url, symptom_src
from .load import Page
from .model import FACET_LABELS, FACETS, GOAL_LABELS, GOALS, ONSET_LABELS, URGENCY_LABELS, ConditionMeta, Reference, Symptom
from .validate import marker, next_review_due, warning_markers

WHEN_TO_SEE_A_DOCTOR = triage.WHEN_TO_SEE_A_DOCTOR
RETURN_TO_RUNNING = "self-care/return-to-running.md"
NERVE_PAIN_RULES = "self-care/is-it-soreness-or-injury.md"
EDITORIAL_POLICY = "about/editorial-policy.md"
API_CONDITIONS = "api/conditions.json"
API_VERSION = 2  # 2: warning signs moved out of the symptoms into their own registry
FINDER = "finder/index.md"


# --- small helpers ------------------------------------------------------------------------------


def link(from_src: str, to_src: str) -> str:
    """Relative link from one docs/ file to another, as written in Markdown."""
    return _relative(dirname(from_src) or ".", to_src)


@functools.lru_cache(maxsize=65536)
def _relative(from_dir: str, to_src: str) -> str:
    # posixpath.relpath was a third of the step's time on a 1,000-page site: the same few
    # thousand (folder, target) pairs recur on every page.
    return relpath(to_src, from_dir)


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def weeks(condition: Condition) -> str:
    recovery = condition.meta.recovery
    low, high = recovery.min_weeks, recovery.max_weeks
    span = f"{low} weeks" if low == high else f"{low} to {high} weeks"
    return f"long-term; judge a first course of treatment after {span}" if recovery.long_term else span


def region_src(region_id: str) -> str:
    return f"where-it-hurts/{region_id}.md"


def _front_matter(title: str, description: str) -> str:
    return "---\n" + json.dumps({"title": title, "description": description}, ensure_ascii=False) + "\n---\n\n"


def _opening(title: str, description: str, intro: str) -> list[str]:
    """The start of a generated page: its front matter, then its opening paragraph."""
    return [_front_matter(title, description), intro + "\n"]


# --- blocks on condition pages ------------------------------------------------------------------


TIERS = (
    ("keep_running", "run", "Keep running, with changes, if"),
    ("ease_off", "ease", "Ease off, and cross-train instead, if"),
)


def today_card(graph: Graph, condition: Condition) -> str:
    """The "run, modify or stop today" card: the first two tiers from front matter, the stop
    tier from the warning-sign registry. An urgent condition's card has only the stop tier."""
    src = condition.page.src_uri
    card = condition.meta.today
    urgent = condition.meta.urgency == "urgent"
    pain = pain_card_lines(graph, condition)
    lines = ['<section class="rh-today" aria-label="Run, modify or stop today" markdown>', "", "**Run, modify or stop today?**", ""]
    for field, css, name in () if urgent else TIERS:
        lines += [f'<div class="rh-tier rh-tier--{css}" markdown>', "", f"**{name}**", ""]
        lines += [f"- {item}" for item in pain.get(field, []) + list(getattr(card, field))]
        lines += ["", "</div>", ""]
    signs = graph.warning_signs_of(condition)
    lines += triage.card_stop_tier(graph, signs, lambda to: link(src, to), urgent, condition.title)
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
    """The card, a key-facts box and the 'informs, does not diagnose' notice, above the prose."""
    src = condition.page.src_uri
    meta = condition.meta
    regions = ", ".join(f"[{graph.regions[r].name}]({link(src, region_src(r))})" for r in meta.regions)
    facts = [
        f"**Where it hurts:** {regions}",
        f"**Comes on:** {ONSET_LABELS[meta.onset].lower()}",
        f"**Urgency:** {URGENCY_LABELS[meta.urgency]}",
        f"**Usual recovery:** {weeks(condition)}",
    ]
    if meta.ladder == "nerve" and graph.has_page(NERVE_PAIN_RULES):
        facts.append(f"**Back to running:** no tested plan; follow [the rules for nerve pain]({link(src, NERVE_PAIN_RULES)}#nerves)")
    elif meta.ladder != "nerve" and graph.has_page(RETURN_TO_RUNNING):
        name = graph.ladders[meta.ladder].name if meta.ladder in graph.ladders else f"the {meta.ladder} ladder"
        facts.append(f"**Back to running:** [{md_escape(name)}]({link(src, RETURN_TO_RUNNING)}#{meta.ladder})")
    if meta.aka:
        facts.insert(0, "**Also called:** " + ", ".join(md_escape(name) for name in meta.aka))
    parts = [
        today_card(graph, condition),
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
            why.append("both can have: " + "; ".join(s.label.lower() for s in item.shared))
        items.append(f"- **[{md_escape(item.condition.title)}]({link(src, item.condition.page.src_uri)})**: {', '.join(why)}")
    return _subsection(
        "### Often confused with {#often-confused-with}",
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
        else "No exercise page for this condition yet."
    )
    return _subsection("### Exercises that help {#exercises-that-help}", items, empty)


def reference_html(reference: Reference) -> str:
    """One bibliography entry as HTML: authors (year). Title. Publisher volume. Links."""
    e = html.escape
    text = f"{e(reference.authors)} ({e(str(reference.year))}). {e(reference.title.rstrip('.'))}. <em>{e(reference.publisher)}</em>"
    if reference.volume:
        text += f" {e(reference.volume)}"
    links = []
    if reference.doi:
        links.append(f'<a href="https://doi.org/{e(reference.doi)}">doi:{e(reference.doi)}</a>')
    if reference.pmid:
        links.append(f'<a href="https://pubmed.ncbi.nlm.nih.gov/{e(reference.pmid)}/">PubMed {e(reference.pmid)}</a>')
    if reference.url and not links:
        links.append(f'<a href="{e(reference.url)}">{e(reference.url)}</a>')
    return text + ". " + " · ".join(links)


def sources_block(graph: Graph, page: Page, numbers: dict[str, int]) -> str:
    ordered = sorted(numbers, key=numbers.__getitem__)
    items = "\n".join(
        f'<li id="{citations.anchor(key)}" value="{numbers[key]}">{reference_html(graph.references[key])}</li>' for key in ordered
    )
    return f'## Sources {{#sources}}\n\n<ol class="rh-sources">\n{items}\n</ol>\n'


def about_this_page(graph: Graph, page: Page) -> str:
    meta = page.meta
    assert meta.reviewed is not None  # type: ignore[attr-defined]
    lines = ["## About this page {#about-this-page}", ""]
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
    markdown = warning_blocks(graph, page, markdown)
    if condition is not None:
        markdown = markdown.replace(marker("symptoms"), symptoms_block(graph, condition))
        markdown = markdown.replace(marker("often-confused-with"), often_confused_block(graph, condition))
        markdown = markdown.replace(marker("exercises"), exercises_block(graph, condition))
        markdown = condition_top(graph, condition) + "\n" + markdown
    if marker("body-map") in markdown:
        markdown = markdown.replace(marker("body-map"), finder_map(graph))
    if graph.pain_rule is not None and "crosslinks:pain-rule" in markdown:
        default = default_pain_kind(graph, page)
        markdown = painrule.replace_markers(markdown, lambda kind: pain_rule_block(graph, page, kind), default)
    if graph.ladders and "crosslinks:ladder:" in markdown:
        markdown = ladders.replace_markers(markdown, lambda ladder: ladders.ladder_block(graph.ladders[ladder], graph.pain_rule))
    numbers = citations.numbering(markdown, page.meta.sources)  # the card's citations come first
    markdown = citations.link_citations(markdown, numbers)
    tail = []
    if numbers:
        tail.append(sources_block(graph, page, numbers))
    if getattr(page.meta, "reviewed", None) is not None:
        tail.append(about_this_page(graph, page))
        if site_url:
            tail.append(metadata.cite_this_page(page, site_url))
    return markdown.rstrip() + "\n\n" + "\n".join(tail) if tail else markdown


def warning_blocks(graph: Graph, page: Page, markdown: str) -> str:
    """Each warning-box marker becomes the box: a condition's signs, or the universal signs plus
    those the marker names; the all-signs marker becomes every sign, by tier."""
    link_to = functools.partial(link, page.src_uri)
    condition = graph.conditions.get(page.slug) if page.kind == "condition" else None
    for written, ids, _ in warning_markers(markdown):
        signs = graph.warning_signs_of(condition) if condition is not None else graph.signs_for(ids)
        markdown = markdown.replace(written, triage.warning_box(graph, signs, link_to), 1)
    return markdown.replace(marker("all-warning-signs"), triage.all_signs_by_tier(graph, link_to))


# --- generated pages ----------------------------------------------------------------------------


def symptom_page(graph: Graph, symptom: Symptom) -> str:
    src = symptom_src(symptom.id)
    parts = [_front_matter(symptom.label, symptom.explanation)]
    parts.append(f"{symptom.explanation}\n")
    parts.append(f"**Kind of symptom:** [{FACET_LABELS[symptom.facet]}](index.md#{symptom.facet})\n")
    parts.append("## Conditions with this symptom {#conditions}\n")
    parts.append("This list shows what can cause this symptom. It cannot tell you which one you have.\n")
    rows = ["| Condition | How often | Where it hurts |", "| --- | --- | --- |"]
    for condition, frequency in graph.conditions_with_symptom(symptom.id):
        regions = ", ".join(f"[{graph.regions[r].short}]({link(src, region_src(r))})" for r in condition.meta.regions)
        how = "Typical" if frequency == "typical" else "Sometimes"
        rows.append(f"| [{md_escape(condition.title)}]({link(src, condition.page.src_uri)}) | {how} | {regions} |")
    parts.append("\n".join(rows) + "\n")
    parts.append(f"[All symptoms](index.md) · [Where does it hurt?]({link(src, 'where-it-hurts/index.md')})\n")
    return "\n".join(parts)


def symptoms_index(graph: Graph) -> str:
    src = "symptoms/index.md"
    parts = [
        _front_matter("Symptoms", "Find hip pain by how it feels, when it hurts, what makes it worse and what changed in your training."),
        "Runners often know their pain by when it comes and what sets it off, as much as by where it is. "
        "Pick the symptom that sounds like yours to see which conditions can cause it. The warning signs come first.\n",
        "## Warning signs {#warning-signs}\n",
        "These signs mean: don't wait. Each one is shown under how fast to act.\n",
        triage.tier_groups(graph, graph.signs.values(), functools.partial(link, src), cite=False),
        "## By kind of symptom {#by-kind}\n",
    ]
    for facet in FACETS:
        symptoms = sorted((s for s in graph.symptoms.values() if s.facet == facet), key=lambda s: s.label)
        if not symptoms:
            continue
        parts.append(f"### {FACET_LABELS[facet]} {{#{facet}}}\n")
        parts.append("\n".join(_symptom_item(src, s) for s in symptoms) + "\n")
    parts.append("## By where it hurts {#by-region}\n")
    for region in graph.regions.values():
        symptoms = sorted(
            {sid: graph.symptoms[sid] for c in graph.conditions_in_region(region.id) for sid in c.symptom_ids()}.values(),
            key=lambda s: (s.facet, s.label),
        )
        parts.append(f"### [{region.name}]({link(src, region_src(region.id))}) {{#region-{region.id}}}\n")
        if symptoms:
            parts.append("\n".join(_symptom_item(src, s) for s in symptoms) + "\n")
        else:
            parts.append("No condition page for this area yet.\n")
    return "\n".join(parts)


def _symptom_item(src: str, symptom: Symptom) -> str:
    return f"- {_symptom_link(src, symptom)}"


def region_page(graph: Graph, region_id: str) -> str:
    region = graph.regions[region_id]
    src = region_src(region_id)
    conditions = graph.conditions_in_region(region_id)
    parts = [
        _front_matter(
            region.name, f"Hip pain in the {region.name.lower()}: the conditions that cause it and the symptoms that tell them apart."
        )
    ]
    parts.append(f"{region.description}\n")
    parts.append(region_map(graph, region_id))
    if graph.has_page(FINDER):
        parts.append(f"Not sure this is the right area? [Tap where it hurts on the finder]({link(src, FINDER)}).\n")
    parts.append("## Conditions that hurt here {#conditions}\n")
    if not conditions:
        parts.append("No condition page covers this area yet.")
        if graph.has_page(WHEN_TO_SEE_A_DOCTOR):
            parts.append(f" If your pain came with any [warning sign]({link(src, WHEN_TO_SEE_A_DOCTOR)}), get checked.")
        parts.append("\n")
        return "\n".join(parts)
    rows = ["| Condition | Comes on | Urgency | Usual recovery |", "| --- | --- | --- | --- |"]
    for c in conditions:
        rows.append(
            f"| [{md_escape(c.title)}]({link(src, c.page.src_uri)}) | {ONSET_LABELS[c.meta.onset]} | {URGENCY_LABELS[c.meta.urgency]} | {weeks(c)} |"
        )
    parts.append("\n".join(rows) + "\n")
    parts.append("## Symptoms that tell them apart {#tell-them-apart}\n")
    if len(conditions) == 1:
        parts.append("Only one condition on this site hurts here so far. These symptoms are typical of it.\n")
    else:
        parts.append("For each condition, the symptoms that the others here share least. Only a clinician can tell which one you have.\n")
    for condition, symptoms in graph.telling_symptoms(region_id):
        signs = "; ".join(_symptom_link(src, s) for s in symptoms) or "no symptom sets it apart from the others here"
        parts.append(f"- **[{md_escape(condition.title)}]({link(src, condition.page.src_uri)})**: {signs}")
    return "\n".join(parts) + "\n"


def region_map(graph: Graph, region_id: str) -> str:
    """The body map with this region highlighted; the other regions link to their own pages."""
    names = {r.id: r.name for r in graph.regions.values()}
    svg = bodymap.body_map_svg(names, picked=region_id)
    caption = f"The shaded area is the {html.escape(names[region_id].lower())}, seen from the front, the side and the back."
    return f'<figure class="rh-bodymap-figure">{svg}<figcaption>{caption}</figcaption></figure>\n'


def finder_map(graph: Graph) -> str:
    """The finder's body map: every region named, for the finder's script to make into buttons."""
    names = {r.id: r.name for r in graph.regions.values()}
    return f'<figure class="rh-bodymap-figure" id="rh-finder-map">{bodymap.body_map_svg(names, pickable=True)}</figure>'


def recovery_chart(graph: Graph) -> str:
    """`/conditions/`: every condition's typical recovery as a range bar, drawn at build time."""
    rows = [
        charts.RecoveryRow(c.title, c.meta.recovery.min_weeks, c.meta.recovery.max_weeks, c.meta.recovery.long_term)
        for c in graph.conditions.values()
    ]
    if not rows:
        return ""
    caption = (
        "Typical recovery time, in weeks, shortest first. Each bar spans the range the sources give. "
        "An open bar with an arrow is a long-term condition. It starts at the week when you can judge a first course of treatment. "
        "The table below gives each range in words."
    )
    return f'<figure class="rh-chart-figure">{charts.recovery_chart_svg(rows)}<figcaption>{caption}</figcaption></figure>\n'


def _symptom_link(src: str, symptom: Symptom) -> str:
    return f"[{md_escape(symptom.label)}]({link(src, symptom_src(symptom.id))})"


def regions_index(graph: Graph) -> str:
    src = "where-it-hurts/index.md"
    parts = [
        _front_matter("Where it hurts", "Pick where your hip hurts to see the conditions that cause pain there and how to tell them apart.")
    ]
    parts.append(
        "Pick the area that hurts most. Each page lists the conditions that cause pain there, and the symptoms that tell them apart.\n"
    )
    if graph.has_page(FINDER):
        parts.append(f"You can also [tap where it hurts on a body map, and tick what you feel]({link(src, FINDER)}).\n")
    for region in graph.regions.values():
        count = len(graph.conditions_in_region(region.id))
        noun = "condition" if count == 1 else "conditions"
        parts.append(f"- **[{region.name}]({link(src, region_src(region.id))})**: {region.description} ({count} {noun})")
    return "\n".join(parts) + "\n"


def conditions_index(graph: Graph) -> str:
    src = "conditions/index.md"
    parts = [
        _front_matter(
            "Conditions",
            "Every condition on the site at a glance: where it hurts, how it starts, how urgent it is and how long recovery takes.",
        )
    ]
    parts.append(
        "Every condition on this site at a glance. Recovery times are typical ranges from the sources on each page, not promises.\n"
    )
    parts.append(recovery_chart(graph))
    rows = ["| Condition | Where it hurts | Comes on | Urgency | Usual recovery |", "| --- | --- | --- | --- | --- |"]
    for c in graph.conditions.values():
        regions = ", ".join(f"[{graph.regions[r].short}]({link(src, region_src(r))})" for r in c.meta.regions)
        rows.append(
            f"| [{md_escape(c.title)}]({link(src, c.page.src_uri)}) | {regions} | {ONSET_LABELS[c.meta.onset]} | {URGENCY_LABELS[c.meta.urgency]} | {weeks(c)} |"
        )
    return "\n".join(parts) + "\n" + "\n".join(rows) + "\n"


def exercises_index(graph: Graph) -> str:
    src = "exercises/index.md"
    parts = _opening(
        "Exercises",
        "Exercises the site's condition pages recommend, grouped by what they train, with the conditions each one helps.",
        "Exercises that the condition pages recommend, grouped by what they train. Each page shows how to do it, how hard to work, and what you should and should not feel.",
    )
    for goal in GOALS:
        pages = [p for p in graph.exercises.values() if p.meta.goal == goal]  # type: ignore[attr-defined]
        if not pages:
            continue
        parts.append(f"## {GOAL_LABELS[goal]} {{#{goal}}}\n")
        for page in pages:
            helps = ", ".join(
                f"[{md_escape(graph.conditions[s].title)}]({link(src, graph.conditions[s].page.src_uri)})"
                for s in page.meta.helps  # type: ignore[attr-defined]
            )
            parts.append(
                f"- **[{md_escape(str(page.meta.title))}]({link(src, page.src_uri)})**: {md_escape(str(page.meta.description))} Helps with: {helps}."
            )
        parts.append("")
    return "\n".join(parts) + "\n"


def glossary_page(graph: Graph) -> str:
    """`/glossary/`: every term in plain words, A to Z, each linked to the page that says most."""
    src = "glossary/index.md"
    parts = _opening(
        "Glossary",
        "The medical and running words this site uses, in plain words, each linked to the page that says most about it.",
        "The medical and running words this site uses, in plain words. Each links to the page that says most about it. Abbreviations also explain themselves wherever they appear: point at one, or tap it.",
    )
    letter = ""
    for entry in graph.glossary:
        first = entry.term[0].upper()
        if first != letter:
            letter = first
            parts.append(f"## {letter} {{#letter-{letter.lower()}}}\n")
        parts.append(f"**{entry.term}**\n:   {entry.definition} [More]({link(src, entry.page)})\n")
    return "\n".join(parts)


def conditions_json(graph: Graph) -> str:
    """`/api/conditions.json`: the data the symptom finder and other tools read."""
    data = {
        "version": API_VERSION,
        "urgency_labels": dict(URGENCY_LABELS),  # the finder shows these words, never its own copy
        "tiers": triage.api_tiers(graph),
        "warning_signs": triage.api_signs(graph, page_url),
        "regions": [{"id": r.id, "name": r.name, "url": page_url(region_src(r.id))} for r in graph.regions.values()],
        "symptoms": [
            {
                "id": s.id,
                "label": s.label,
                "facet": s.facet,
                "url": page_url(symptom_src(s.id)),
            }
            for s in sorted(graph.symptoms.values(), key=lambda s: s.id)
        ],
        "conditions": [
            {
                "id": c.slug,
                "title": c.title,
                "description": c.meta.description,
                "url": page_url(c.page.src_uri),
                "aka": list(c.meta.aka),
                "regions": list(c.meta.regions),
                "onset": c.meta.onset,
                "urgency": c.meta.urgency,
                "recovery_weeks": {
                    "min": c.meta.recovery.min_weeks,
                    "max": c.meta.recovery.max_weeks,
                    "long_term": c.meta.recovery.long_term,
                },
                "recovery_text": weeks(c),  # as the condition's key facts word it
                "symptoms": [{"id": s.id, "label": s.label, "frequency": f} for s, f in graph.symptoms_of(c)],
                "warning_signs": [s.id for s in graph.warning_signs_of(c)],
            }
            for c in graph.conditions.values()
        ],
    }
    # compact: smaller to fetch, and json's C encoder only runs without indent
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def sign_page(graph: Graph, sign_id: str) -> str:
    """`/symptoms/<sign>/`: a warning sign's own page, at its registry tier."""
    sign = graph.signs[sign_id]
    src = symptom_src(sign_id)
    body = triage.sign_page(graph, sign, functools.partial(link, src), lambda key: reference_html(graph.references[key]))
    return _front_matter(sign.label, f"A warning sign: {sign.why}"[:160]) + body
