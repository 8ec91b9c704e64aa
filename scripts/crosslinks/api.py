"""`/api/conditions.json` and its JSON Schema, both from the typed models below.

The finder and other tools read this file. The models say what each field is; the file is
`model_dump_json()` of them and the schema is `model_json_schema()`, so the two cannot drift
apart (tests/test_api.py keeps a snapshot of the schema, so a change to it is a deliberate one).
URLs are relative to the site's root.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .graph import Graph
from .model import AGE_LABELS, FACET_LABELS, URGENCY_LABELS, AgeGroup, Facet, Frequency, Onset, RegionId, TierId, Urgency
from .paths import page_url, region_src, symptom_src
from .wording import recovery_text

API_VERSION = 3  # 2: warning signs moved out of the symptoms into their own registry; 3: recovery weeks may be null (unknown)

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Url = Annotated[str, Field(pattern=r"^([a-z0-9-]+/)*$", description="relative to the site's root, ending in /")]
Label = Annotated[str, Field(min_length=1)]


class _Api(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ApiTier(_Api):
    id: TierId
    name: Label
    heading: Label
    title: Annotated[str, Field(min_length=1, description="name and heading, as every box and list leads with the tier")]
    action: Annotated[str, Field(min_length=1, description="shown word for word wherever a sign of this tier appears")]


class ApiSign(_Api):
    id: Id
    label: Label
    tier: TierId
    why: Label
    never_test: str | None
    universal: bool = Field(description="true: every condition's warning box shows this sign")
    url: Url


class ApiRegion(_Api):
    id: RegionId
    name: Label
    url: Url


class ApiSymptom(_Api):
    id: Id
    label: Label
    facet: Facet
    url: Url


class ApiConditionSymptom(_Api):
    id: Id
    label: Label
    frequency: Frequency


class ApiRecovery(_Api):
    min: int | None = Field(ge=0, description="null when no source gives a usual time (unknown)")
    max: int | None = Field(ge=0, description="null when no source gives a usual time (unknown)")
    long_term: bool
    unknown: bool = Field(description="true: no usual time is known; recovery_text says so")


class ApiCondition(_Api):
    id: Id
    title: Label
    description: Label
    url: Url
    aka: list[Label]
    regions: list[RegionId] = Field(min_length=1)
    onset: Onset
    urgency: Urgency
    recovery_weeks: ApiRecovery
    recovery_text: Annotated[str, Field(min_length=1, description="recovery_weeks in words, as the condition's page says it")]
    symptoms: list[ApiConditionSymptom]
    warning_signs: list[Id] = Field(description="ids in warning_signs: the universal signs and the condition's own")
    ages: list[AgeGroup] = Field(
        description="age groups the condition is mainly found in: 'growing' (still growing, under about 16) or 'over-50'"
    )


class ApiUrgencyLabels(_Api):
    """The words for each urgency, as the site's pages show them: the finder shows these, never its own copy."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    self_care: Label = Field(alias="self-care")
    see_clinician_soon: Label = Field(alias="see-clinician-soon")
    urgent: Label


class ApiFacet(_Api):
    id: Facet
    label: Label = Field(description="the heading the finder groups its questions under")


class ApiAgeGroup(_Api):
    id: AgeGroup
    label: Label = Field(description="the finder's question, as a runner answers it")


class ConditionsApi(_Api):
    """The data behind /api/conditions.json: the warning-sign registry (tiers and signs), and every
    condition with its regions, symptoms, warning signs, urgency and typical recovery. URLs are
    relative to the site's root."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="Runner's Hip conditions API")

    version: Literal[3]
    urgency_labels: ApiUrgencyLabels
    facets: list[ApiFacet] = Field(description="the kinds of symptom, in the order the finder asks about them")
    age_groups: list[ApiAgeGroup] = Field(description="the finder's optional questions about the runner; conditions[].ages names them")
    tiers: list[ApiTier] = Field(min_length=3, max_length=3)
    warning_signs: list[ApiSign] = Field(min_length=1)
    regions: list[ApiRegion]
    symptoms: list[ApiSymptom]
    conditions: list[ApiCondition]


def conditions_api(graph: Graph) -> ConditionsApi:
    return ConditionsApi(
        version=API_VERSION,
        urgency_labels=ApiUrgencyLabels.model_validate(URGENCY_LABELS),
        facets=[ApiFacet(id=facet, label=label) for facet, label in FACET_LABELS.items()],  # type: ignore[arg-type]
        age_groups=[ApiAgeGroup(id=group, label=label) for group, label in AGE_LABELS.items()],  # type: ignore[arg-type]
        tiers=[ApiTier(id=t.id, name=t.name, heading=t.heading, title=t.title, action=t.action) for t in graph.tiers.values()],
        warning_signs=[
            ApiSign(
                id=s.id,
                label=s.label,
                tier=s.tier,
                why=s.why,
                never_test=s.never_test,
                universal=s.universal,
                url=page_url(symptom_src(s.id)),
            )
            for s in graph.signs.values()
        ],
        regions=[ApiRegion(id=r.id, name=r.name, url=page_url(region_src(r.id))) for r in graph.regions.values()],
        symptoms=[
            ApiSymptom(id=s.id, label=s.label, facet=s.facet, url=page_url(symptom_src(s.id)))
            for s in sorted(graph.symptoms.values(), key=lambda s: s.id)
        ],
        conditions=[
            ApiCondition(
                id=c.slug,
                title=c.title,
                description=c.meta.description,
                url=page_url(c.page.src_uri),
                aka=list(c.meta.aka),
                regions=list(c.meta.regions),
                onset=c.meta.onset,
                urgency=c.meta.urgency,
                recovery_weeks=ApiRecovery(
                    min=c.meta.recovery.min_weeks,
                    max=c.meta.recovery.max_weeks,
                    long_term=c.meta.recovery.long_term,
                    unknown=c.meta.recovery.unknown,
                ),
                recovery_text=recovery_text(c.meta.recovery),
                symptoms=[ApiConditionSymptom(id=s.id, label=s.label, frequency=f) for s, f in graph.symptoms_of(c)],
                warning_signs=[s.id for s in graph.warning_signs_of(c)],
                ages=list(c.meta.ages),
            )
            for c in graph.conditions.values()
        ],
    )


def conditions_json(graph: Graph) -> str:
    """`/api/conditions.json`: compact, to be small to fetch."""
    return conditions_api(graph).model_dump_json(by_alias=True) + "\n"


def schema_json() -> str:
    """`/api/conditions.schema.json`: the JSON Schema of the file above, from the same models."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "conditions.schema.json",
        **ConditionsApi.model_json_schema(),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
