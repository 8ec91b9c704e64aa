"""`search/layer.json`: what the site's search knows beyond the pages' own words.

Material's search (lunr) matches the words typed against the words on each page. Runners type
how it feels ("it hurts to lie on my side at night"), everyday words ("bum", "pulled groin") and
misspellings ("bursitus"). This file gives the search worker (`docs/assets/search-layer.js`) the
site's own vocabulary to understand them: each condition's names and symptoms (typical or
possible, as the finder weighs them), each symptom's and warning sign's words, the areas of the
body, the everyday words and spellings in `docs/_data/search.yml`, and where to send a reader
when nothing matches. Raw phrases only: the worker tokenises them with the same rules it uses for
the query, so the two cannot drift apart.
"""

from __future__ import annotations

import json

from .graph import Graph
from .paths import (
    CONDITIONS_INDEX,
    EXERCISES_INDEX,
    FINDER,
    GLOSSARY,
    REGIONS_INDEX,
    SYMPTOMS_INDEX,
    WHEN_TO_SEE_A_DOCTOR,
    page_url,
    region_src,
    symptom_src,
)

LAYER_VERSION = 1

# Where a reader goes when the search finds nothing useful: how to find the cause, by area, and
# when not to wait. Each is listed only if the page exists (see `fallback`).
FALLBACK = (
    (FINDER, "Where does it hurt? The symptom finder", "Tap where it hurts and tick what you feel: it lists the causes that fit."),
    (REGIONS_INDEX, "Where it hurts: the areas of the hip", "Pick the area that hurts most to see the causes of pain there."),
    (WHEN_TO_SEE_A_DOCTOR, "Warning signs: when to see a doctor", "The signs that mean you should not wait, and where to go."),
)


# Pages that list everything (every symptom, every condition...): they hold every word of most
# queries, so among keyword results that match as many words, they come after the pages that
# answer. They still come first when the query names them ("symptoms", "glossary").
HUBS = ("index.md", CONDITIONS_INDEX, EXERCISES_INDEX, SYMPTOMS_INDEX, REGIONS_INDEX, GLOSSARY)


def layer(graph: Graph) -> dict:
    words = graph.search
    return {
        "version": LAYER_VERSION,
        "words": dict(sorted(words.words.items())),
        "stopwords": sorted(set(words.stopwords)),
        "ages": {group: sorted(set(phrases)) for group, phrases in words.ages.items()},
        "conditions": [
            {
                "id": c.slug,
                "title": c.title,
                "url": page_url(c.page.src_uri),
                "names": [c.title, *c.meta.aka, *words.conditions.get(c.slug, [])],
                "symptoms": [[s.id, 2 if f == "typical" else 1] for s, f in graph.symptoms_of(c)],
                "regions": list(c.meta.regions),
                "urgency": c.meta.urgency,
                "ages": list(c.meta.ages),
                "description": c.meta.description,
            }
            for c in graph.conditions.values()
        ],
        "symptoms": [
            {
                "id": s.id,
                "label": s.label,
                "url": page_url(symptom_src(s.id)),
                "facet": s.facet,
                "phrases": [s.label, *words.symptoms.get(s.id, [])],
            }
            for s in graph.symptoms.values()
        ],
        "signs": [
            {
                "id": s.id,
                "label": s.label,
                "url": page_url(symptom_src(s.id)),
                "tier": s.tier,
                "phrases": [s.label, *words.signs.get(s.id, [])],
            }
            for s in graph.signs.values()
        ],
        "regions": [
            {"id": r.id, "name": r.name, "url": page_url(region_src(r.id)), "phrases": [r.name, r.short, *words.regions.get(r.id, [])]}
            for r in graph.regions.values()
        ],
        "pages": [
            {
                "url": page_url(src),
                "title": str(graph.pages[src].meta.title),
                "phrases": [str(graph.pages[src].meta.title).lower(), *phrases],
            }
            for src, phrases in words.pages.items()
            if src in graph.pages
        ],
        "hubs": [page_url(src) for src in HUBS],
        "fallback": [
            {"url": page_url(src), "title": title, "text": text}
            for src, title, text in FALLBACK
            if graph.has_page(src) or src == REGIONS_INDEX
        ],
    }


def layer_json(graph: Graph) -> str:
    return json.dumps(layer(graph), ensure_ascii=False, separators=(",", ":")) + "\n"
