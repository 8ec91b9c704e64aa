"""The pages the build writes from the graph alone: indexes, symptom, sign and region pages.

Each function takes the graph (and an id) and returns the page's Markdown, front matter
included. Which pages exist, and at which paths, is decided in one place: `registry.py`.
"""

from __future__ import annotations

import functools
import html
import json

from . import bodymap, charts, citations, triage
from .escape import md_escape
from .graph import Graph
from .model import FACET_LABELS, FACETS, GOAL_LABELS, GOALS, ONSET_LABELS, URGENCY_LABELS, Symptom
from .paths import (
    CONDITIONS_INDEX,
    EXERCISES_INDEX,
    FINDER,
    GLOSSARY,
    REGIONS_INDEX,
    SYMPTOMS_INDEX,
    WHEN_TO_SEE_A_DOCTOR,
    link,
    region_src,
    symptom_src,
)
from .tables import stacked_table
from .wording import recovery_text


def _front_matter(title: str, description: str) -> str:
    return "---\n" + json.dumps({"title": title, "description": description}, ensure_ascii=False) + "\n---\n\n"


def _opening(title: str, description: str, intro: str) -> list[str]:
    """The start of a generated page: its front matter, then its opening paragraph."""
    return [_front_matter(title, description), intro + "\n"]


def symptom_page(graph: Graph, symptom: Symptom) -> str:
    src = symptom_src(symptom.id)
    parts = [_front_matter(symptom.label, symptom.explanation)]
    parts.append(f"{symptom.explanation}\n")
    parts.append(f"**Kind of symptom:** [{FACET_LABELS[symptom.facet]}](index.md#{symptom.facet})\n")
    parts.append("## Conditions with this symptom {#conditions data-search-exclude}\n")
    parts.append("This list shows what can cause this symptom. It cannot tell you which one you have.\n")
    rows = []
    for condition, frequency in graph.conditions_with_symptom(symptom.id):
        regions = ", ".join(f"[{graph.regions[r].short}]({link(src, region_src(r))})" for r in condition.meta.regions)
        how = "Typical" if frequency == "typical" else "Sometimes"
        rows.append([f"[{md_escape(condition.title)}]({link(src, condition.page.src_uri)})", how, regions])
    parts.append(stacked_table(["Condition", "How often", "Where it hurts"], rows, "symptom-conditions"))
    parts.append(f"[All symptoms](index.md) · [Where it hurts]({link(src, REGIONS_INDEX)})\n")
    return "\n".join(parts)


def symptoms_index(graph: Graph) -> str:
    src = SYMPTOMS_INDEX
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


def _symptom_link(src: str, symptom: Symptom) -> str:
    return f"[{md_escape(symptom.label)}]({link(src, symptom_src(symptom.id))})"


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
    parts += region_guides(graph, region_id)
    parts.append(region_map(graph, region_id))
    if graph.has_page(FINDER):
        parts.append(f"Not sure this is the right area? [Tap where it hurts on the finder]({link(src, FINDER)}).\n")
    parts.append("## Conditions that hurt here {#conditions data-search-exclude}\n")
    if not conditions:
        parts.append("No condition page covers this area yet.")
        if graph.has_page(WHEN_TO_SEE_A_DOCTOR):
            parts.append(f" If your pain came with any [warning sign]({link(src, WHEN_TO_SEE_A_DOCTOR)}), get checked.")
        parts.append("\n")
        return "\n".join(parts)
    rows = [
        [
            f"[{md_escape(c.title)}]({link(src, c.page.src_uri)})",
            ONSET_LABELS[c.meta.onset],
            URGENCY_LABELS[c.meta.urgency],
            recovery_text(c.meta.recovery),
        ]
        for c in conditions
    ]
    parts.append(stacked_table(["Condition", "Comes on", "Urgency", "Usual recovery"], rows, "region-conditions"))
    parts.append("## Symptoms that tell them apart {#tell-them-apart}\n")
    if len(conditions) == 1:
        parts.append("Only one condition on this site hurts here so far. These symptoms are typical of it.\n")
    else:
        parts.append("For each condition, the symptoms that the others here share least. Only a clinician can tell which one you have.\n")
    for condition, symptoms in graph.telling_symptoms(region_id):
        signs = "; ".join(_symptom_link(src, s) for s in symptoms) or "no symptom sets it apart from the others here"
        parts.append(f"- **[{md_escape(condition.title)}]({link(src, condition.page.src_uri)})**: {signs}")
    return "\n".join(parts) + "\n"


def region_guides(graph: Graph, region_id: str) -> list[str]:
    """The guides regions.yml names for this region, each a sentence and its link, shown before
    the conditions (a guide that is not in the site, as in a test site, is left out)."""
    src = region_src(region_id)
    return [
        f"{md_escape(guide.note)} See [{md_escape(guide.text)}]({link(src, guide.page)}).\n"
        for guide in graph.regions[region_id].guides
        if graph.has_page(guide.page)
    ]


def region_map(graph: Graph, region_id: str) -> str:
    """The body map with this region highlighted; the other regions link to their own pages."""
    names = {r.id: r.name for r in graph.regions.values()}
    labels = {r.id: bodymap.words_on_map(r.name, r.short) for r in graph.regions.values()}
    svg = bodymap.body_map_svg(names, picked=region_id, labels=labels)
    caption = (
        f"The shaded area is the {html.escape(names[region_id].lower())}, on the body seen from the front (left) and the back (right)."
    )
    return f'<figure class="rh-bodymap-figure">{svg}<figcaption>{caption}</figcaption></figure>\n'


def recovery_chart(graph: Graph) -> str:
    """`/conditions/`: every condition's typical recovery as a range bar, drawn at build time."""
    rows = [
        charts.RecoveryRow(c.title, c.meta.recovery.min_weeks, c.meta.recovery.max_weeks, c.meta.recovery.long_term)  # type: ignore[arg-type]
        for c in graph.conditions.values()
        if not c.meta.recovery.unknown
    ]
    unknown = sorted(c.title for c in graph.conditions.values() if c.meta.recovery.unknown)
    if not rows:
        return ""
    caption = (
        "Typical recovery time, in weeks, shortest first. Each bar spans the range the sources give. "
        "An open bar with an arrow is a long-term condition. It starts at the week when you can judge a first course of treatment. "
        "The table below gives each range in words."
    )
    if unknown:
        caption += f" Not shown, because no source gives a usual time: {html.escape('; '.join(unknown))}."
    return f'<figure class="rh-chart-figure">{charts.recovery_chart_svg(rows)}<figcaption>{caption}</figcaption></figure>\n'


def regions_index(graph: Graph) -> str:
    src = REGIONS_INDEX
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
    src = CONDITIONS_INDEX
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
    rows = []
    for c in graph.conditions.values():
        regions = ", ".join(f"[{graph.regions[r].short}]({link(src, region_src(r))})" for r in c.meta.regions)
        rows.append(
            [
                f"[{md_escape(c.title)}]({link(src, c.page.src_uri)})",
                regions,
                ONSET_LABELS[c.meta.onset],
                URGENCY_LABELS[c.meta.urgency],
                md_escape(recovery_text(c.meta.recovery)),
            ]
        )
    table = stacked_table(["Condition", "Where it hurts", "Comes on", "Urgency", "Usual recovery"], rows, "conditions")
    return "\n".join(parts) + "\n" + table


def exercises_index(graph: Graph) -> str:
    src = EXERCISES_INDEX
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
    src = GLOSSARY
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


def sign_page(graph: Graph, sign_id: str) -> str:
    """`/symptoms/<sign>/`: a warning sign's own page, at its registry tier."""
    sign = graph.signs[sign_id]
    src = symptom_src(sign_id)
    body = triage.sign_page(graph, sign, functools.partial(link, src), lambda key: citations.reference_html(graph.references[key]))
    return _front_matter(sign.label, f"A warning sign: {sign.why}"[:160]) + body
