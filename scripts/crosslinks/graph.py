"""How the content relates: symptoms to conditions and back, regions, look-alikes, exercises.

Built once from validated content, with inverted indexes so that every question below costs
time in proportion to the answer, not to the whole site.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .load import Content, Page
from .model import (
    REGION_IDS,
    TIER_IDS,
    ConditionMeta,
    ExerciseMeta,
    ExercisePicture,
    Frequency,
    GlossaryEntry,
    LadderSpec,
    PainRule,
    Reference,
    Region,
    SearchWords,
    Symptom,
    WarningSign,
    WarningTier,
)

# "Often confused with": conditions named as differentials (in either direction), plus those
# sharing at least this many symptoms. Training changes (a mileage jump...) are shared by most
# overuse injuries and tell nothing apart, so they do not count as shared symptoms here.
MIN_SHARED_SYMPTOMS = 2
MAX_LOOK_ALIKES = 5
UNINFORMATIVE_FACETS = frozenset({"training-change"})


@dataclass(frozen=True)
class Condition:
    slug: str
    page: Page
    meta: ConditionMeta

    @property
    def title(self) -> str:
        return self.meta.title

    def frequency(self, symptom_id: str) -> Frequency | None:
        if symptom_id in self.meta.symptoms.typical:
            return "typical"
        if symptom_id in self.meta.symptoms.possible:
            return "possible"
        return None

    def symptom_ids(self) -> list[str]:
        return [*self.meta.symptoms.typical, *self.meta.symptoms.possible]


@dataclass(frozen=True)
class LookAlike:
    condition: Condition
    shared: list[Symptom]
    named: bool  # named as a differential by either page


class Graph:
    def __init__(self, content: Content):
        self.regions: dict[str, Region] = {r.id: r for r in sorted(content.regions, key=lambda r: REGION_IDS.index(r.id))}
        self.symptoms: dict[str, Symptom] = {s.id: s for s in content.symptoms}
        self.tiers: dict[str, WarningTier] = {t.id: t for t in content.tiers}
        # registry order within each tier, most urgent tier first
        self.signs: dict[str, WarningSign] = {s.id: s for s in sorted(content.signs, key=lambda s: TIER_IDS.index(s.tier))}
        self.references: dict[str, Reference] = {r.id: r for r in content.references}
        self.glossary: list[GlossaryEntry] = sorted(content.glossary, key=lambda e: e.term.lower())
        self.pain_rule: PainRule | None = content.pain_rule
        self.ladders: dict[str, LadderSpec] = {ladder.id: ladder for ladder in content.ladders}
        self.pictures: dict[str, ExercisePicture] = dict(content.pictures)  # by exercise slug
        self.search: SearchWords = content.search or SearchWords()
        self.pages: dict[str, Page] = {p.src_uri: p for p in content.pages}
        self.shared: dict[str, str] = {name: text.text for name, text in content.shared.items()}
        pages = sorted(content.pages, key=lambda p: (str(p.meta.title or "").lower(), p.src_uri))
        self.conditions: dict[str, Condition] = {
            p.slug: Condition(p.slug, p, p.meta) for p in pages if p.kind == "condition" and isinstance(p.meta, ConditionMeta)
        }
        self.exercises: dict[str, Page] = {p.slug: p for p in pages if p.kind == "exercise"}

        self._by_symptom: dict[str, list[Condition]] = defaultdict(list)
        self._by_region: dict[str, list[Condition]] = defaultdict(list)
        self._differentials: dict[str, set[str]] = defaultdict(set)
        for condition in self.conditions.values():
            for sid in condition.symptom_ids():
                self._by_symptom[sid].append(condition)
            for region in condition.meta.regions:
                self._by_region[region].append(condition)
            for other in condition.meta.differentials:
                if other in self.conditions:
                    self._differentials[condition.slug].add(other)
                    self._differentials[other].add(condition.slug)
        self._exercises_by_condition: dict[str, list[Page]] = defaultdict(list)
        for exercise in self.exercises.values():
            assert isinstance(exercise.meta, ExerciseMeta)
            for slug in exercise.meta.helps:
                self._exercises_by_condition[slug].append(exercise)

    # --- symptoms ---------------------------------------------------------------------------

    def conditions_with_symptom(self, symptom_id: str) -> list[tuple[Condition, Frequency]]:
        """Conditions that list the symptom: typical ones first, then by title."""
        pairs = [(c, c.frequency(symptom_id)) for c in self._by_symptom.get(symptom_id, [])]
        pairs.sort(key=lambda pair: pair[1] != "typical")  # stable: titles stay in order
        return pairs  # type: ignore[return-value]

    def symptoms_of(self, condition: Condition) -> list[tuple[Symptom, Frequency]]:
        return [(self.symptoms[sid], condition.frequency(sid)) for sid in condition.symptom_ids()]  # type: ignore[misc]

    # --- warning signs (the registry) ----------------------------------------------------------

    def universal_signs(self) -> list[WarningSign]:
        return [s for s in self.signs.values() if s.universal]

    def signs_for(self, extra: list[str]) -> list[WarningSign]:
        """The universal signs plus `extra`, most urgent tier first, in registry order."""
        wanted = set(extra)
        return [s for s in self.signs.values() if s.universal or s.id in wanted]

    def warning_signs_of(self, condition: Condition) -> list[WarningSign]:
        return self.signs_for(condition.meta.warning_signs)

    def conditions_with_sign(self, sign_id: str) -> list[Condition]:
        """Conditions whose pages name this sign (every condition, for a universal sign)."""
        sign = self.signs[sign_id]
        return [c for c in self.conditions.values() if sign.universal or sign_id in c.meta.warning_signs]

    # --- regions ----------------------------------------------------------------------------

    def conditions_in_region(self, region_id: str) -> list[Condition]:
        return list(self._by_region.get(region_id, []))

    def regions_of_symptom(self, symptom_id: str) -> list[Region]:
        ids = {r for c in self._by_symptom.get(symptom_id, []) for r in c.meta.regions}
        return [region for rid, region in self.regions.items() if rid in ids]

    def telling_symptoms(self, region_id: str, limit: int = 3) -> list[tuple[Condition, list[Symptom]]]:
        """For each condition in the region, the symptoms that point to it most.

        Those are its own symptoms that the fewest other conditions here share (typical before
        possible), leaving out training changes, which most
        overuse injuries share. Linear in the region's size, so a region page stays small.
        """
        conditions = self.conditions_in_region(region_id)
        shared = Counter(sid for c in conditions for sid in c.symptom_ids())
        result = []
        for condition in conditions:
            candidates = [sid for sid in condition.symptom_ids() if self.symptoms[sid].facet not in UNINFORMATIVE_FACETS]
            candidates.sort(key=lambda sid: (shared[sid], condition.frequency(sid) != "typical"))
            if len(conditions) > 1:
                candidates = [sid for sid in candidates if shared[sid] < len(conditions)]
            result.append((condition, [self.symptoms[sid] for sid in candidates[:limit]]))
        return result

    # --- look-alikes and exercises -------------------------------------------------------------

    def often_confused_with(self, slug: str) -> list[LookAlike]:
        condition = self.conditions[slug]
        informative = [sid for sid in condition.symptom_ids() if self.symptoms[sid].facet not in UNINFORMATIVE_FACETS]
        shared: dict[str, list[str]] = defaultdict(list)
        for sid in informative:
            for other in self._by_symptom[sid]:
                if other.slug != slug:
                    shared[other.slug].append(sid)
        named = self._differentials.get(slug, set())
        candidates = {s for s, sids in shared.items() if len(sids) >= MIN_SHARED_SYMPTOMS} | named
        ranked = sorted(candidates, key=lambda s: (s not in named, -len(shared.get(s, [])), self.conditions[s].title.lower()))
        chosen = [s for s in ranked if s in named] + [s for s in ranked if s not in named][: max(0, MAX_LOOK_ALIKES - len(named))]
        return [LookAlike(self.conditions[s], [self.symptoms[sid] for sid in shared.get(s, [])], s in named) for s in chosen]

    def exercises_for(self, slug: str) -> list[Page]:
        return list(self._exercises_by_condition.get(slug, []))

    def has_page(self, src_uri: str) -> bool:
        return src_uri in self.pages
