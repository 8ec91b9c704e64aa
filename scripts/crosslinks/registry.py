"""The one list of what the build generates: every page and file with its path, its title and
subtitle (for its link-preview image), what renders it, and what it is made from (for its date).

Files, preview images, the sitemap's dates and the check that no hand-written file shadows a
generated one all read this list; nothing else names a generated path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from . import api, feed, generated, poses, searchlayer, walkrun
from .graph import Condition, Graph
from .model import Region, Symptom, WarningSign, WarningTier
from .paths import (
    API_CONDITIONS,
    API_SCHEMA,
    CONDITIONS_INDEX,
    EXERCISES_INDEX,
    FEED,
    GLOSSARY,
    REGIONS_INDEX,
    ROBOTS,
    SEARCH_LAYER,
    SYMPTOMS_INDEX,
    WHEN_TO_SEE_A_DOCTOR,
    exercise_picture_src,
    ladder_picture_src,
    region_src,
    symptom_src,
)

Render = Callable[[Graph, str], str]  # (graph, site_url) -> the file's text


@dataclass(frozen=True)
class Generated:
    """One generated page (a .md path) or file."""

    src_uri: str
    render: Render
    title: str = ""  # a page's title on its preview image
    subtitle: str = ""
    made_from: Callable[[Graph], dt.date | None] = lambda graph: newest_review(graph.conditions.values())
    needs_site_url: bool = False  # written only when the site's address is known

    @property
    def is_page(self) -> bool:
        return self.src_uri.endswith(".md")


def newest_review(conditions: Iterable[Condition]) -> dt.date | None:
    return max((c.meta.reviewed for c in conditions), default=None)


def registry(
    regions: Iterable[Region],
    symptoms: Iterable[Symptom],
    signs: Iterable[WarningSign],
    tiers: Mapping[str, WarningTier],
    glossary: bool,
    pictures: Iterable[str] = (),
    ladders: Iterable[str] = (),
) -> list[Generated]:
    """Every generated page and file, in the order the build adds them.

    Takes the parts of the content it needs rather than the graph, so that the content check
    can ask for the paths before the graph exists."""
    items = [
        Generated(CONDITIONS_INDEX, lambda g, _: generated.conditions_index(g), "Conditions"),
        Generated(EXERCISES_INDEX, lambda g, _: generated.exercises_index(g), "Exercises", made_from=_newest_exercise),
        Generated(SYMPTOMS_INDEX, lambda g, _: generated.symptoms_index(g), "Symptoms"),
        Generated(REGIONS_INDEX, lambda g, _: generated.regions_index(g), "Where it hurts"),
        Generated(API_CONDITIONS, lambda g, _: api.conditions_json(g)),
        Generated(API_SCHEMA, lambda g, _: api.schema_json()),
        Generated(SEARCH_LAYER, lambda g, _: searchlayer.layer_json(g)),
    ]
    if glossary:
        items.append(Generated(GLOSSARY, lambda g, _: generated.glossary_page(g), "Glossary"))
    items += [
        Generated(ROBOTS, lambda g, url: robots_txt(url), needs_site_url=True),
        Generated(FEED, feed.atom_feed, needs_site_url=True),
    ]
    items += [_symptom(s) for s in symptoms]
    items += [_sign(s, tiers) for s in signs]
    items += [_region(r) for r in regions]
    items += [_exercise_picture(slug) for slug in pictures]
    items += [_ladder_picture(ladder) for ladder in ladders]
    return items


def _exercise_picture(slug: str) -> Generated:
    return Generated(
        exercise_picture_src(slug),
        lambda g, _: poses.picture_svg(g.pictures[slug], picture_title(g, slug)),
        made_from=lambda g: getattr(g.exercises[slug].meta, "reviewed", None) if slug in g.exercises else None,
    )


def picture_title(graph: Graph, slug: str) -> str:
    """An exercise drawing's <title>: the exercise's name, then its text alternative."""
    page = graph.exercises.get(slug)
    name = str(page.meta.title) if page is not None else slug
    return f"{name}: {graph.pictures[slug].alt}"


def _ladder_picture(ladder_id: str) -> Generated:
    return Generated(ladder_picture_src(ladder_id), lambda g, _: walkrun.ladder_svg(g.ladders[ladder_id]))


def _symptom(symptom: Symptom) -> Generated:
    sid = symptom.id
    return Generated(
        symptom_src(sid),
        lambda g, _: generated.symptom_page(g, g.symptoms[sid]),
        symptom.label,
        "A symptom, and the conditions that cause it",
        made_from=lambda g: newest_review(c for c, _ in g.conditions_with_symptom(sid)),
    )


def _sign(sign: WarningSign, tiers: Mapping[str, WarningTier]) -> Generated:
    sid = sign.id
    tier = tiers.get(sign.tier)
    return Generated(
        symptom_src(sid),
        lambda g, _: generated.sign_page(g, sid),
        sign.label,
        f"Warning sign: {tier.name if tier else sign.tier}",
        made_from=lambda g: _sign_date(g, sid),
    )


def _region(region: Region) -> Generated:
    rid = region.id
    return Generated(
        region_src(rid),
        lambda g, _: generated.region_page(g, rid),
        region.name,
        "Where it hurts",
        made_from=lambda g: newest_review(g.conditions_in_region(rid)),
    )


def _sign_date(graph: Graph, sign_id: str) -> dt.date | None:
    conditions = graph.conditions_with_sign(sign_id)
    if conditions:
        return newest_review(conditions)
    page = graph.pages.get(WHEN_TO_SEE_A_DOCTOR)  # a sign no condition lists yet is on the all-signs page
    return getattr(page.meta, "reviewed", None) if page is not None else None


def _newest_exercise(graph: Graph) -> dt.date | None:
    return max((p.meta.reviewed for p in graph.exercises.values()), default=None)  # type: ignore[union-attr]


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
