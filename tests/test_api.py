"""The JSON API's schema is made from the typed models (crosslinks/api.py); this snapshot makes
any change to it a deliberate one, seen in review. Tools outside the site read the API: a field
renamed or dropped breaks them, so such a change needs a new API version.

After a deliberate change: UPDATE_SNAPSHOTS=1 python3 scripts/docs.py test --fast tests/test_api.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from crosslinks.api import API_VERSION, ConditionsApi, schema_json

SNAPSHOT = Path(__file__).parent / "snapshots" / "conditions.schema.json"


def test_the_schema_is_the_committed_snapshot():
    made = schema_json()
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(made, encoding="utf-8")
    assert made == SNAPSHOT.read_text(encoding="utf-8"), (
        "the API's schema changed. If you meant it, review the difference, bump API_VERSION in "
        "crosslinks/api.py when a field is renamed or removed, and rewrite the snapshot with "
        "UPDATE_SNAPSHOTS=1 python3 scripts/docs.py test --fast tests/test_api.py"
    )


def test_the_schema_is_valid_and_closed():
    schema = json.loads(schema_json())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    assert all(d.get("additionalProperties") is False for d in schema["$defs"].values() if d.get("type") == "object")
    assert schema["properties"]["version"] == {"const": API_VERSION, "title": "Version", "type": "integer"}


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(version=1),
        lambda d: d["conditions"][0].pop("recovery_text"),
        lambda d: d["conditions"][0].update(urgency="panic"),
        lambda d: d["conditions"][0].update(extra="field"),
        lambda d: d["warning_signs"][0].update(tier="whenever"),
        lambda d: d["urgency_labels"].pop("urgent"),
        lambda d: d["regions"][0].update(url="/absolute/"),
    ],
)
def test_the_schema_rejects_a_wrong_export(change):
    good = {
        "version": API_VERSION,
        "urgency_labels": {"self-care": "a", "see-clinician-soon": "b", "urgent": "c"},
        "facets": [{"id": "feels-like", "label": "F"}],
        "age_groups": [{"id": "growing", "label": "G"}],
        "tiers": [{"id": t, "name": t, "heading": t, "title": t, "action": t} for t in ("emergency", "urgent", "soon")],
        "warning_signs": [
            {"id": "x", "label": "X", "tier": "urgent", "why": "w", "never_test": None, "universal": True, "url": "symptoms/x/"}
        ],
        "regions": [{"id": "front", "name": "Front", "url": "where-it-hurts/front/"}],
        "symptoms": [{"id": "s", "label": "S", "facet": "feels-like", "url": "symptoms/s/"}],
        "conditions": [
            {
                "id": "c",
                "title": "C",
                "description": "D",
                "url": "conditions/c/",
                "aka": [],
                "regions": ["front"],
                "onset": "gradual",
                "urgency": "self-care",
                "recovery_weeks": {"min": 1, "max": 2, "long_term": False, "unknown": False},
                "recovery_text": "1 to 2 weeks",
                "symptoms": [{"id": "s", "label": "S", "frequency": "typical"}],
                "warning_signs": ["x"],
                "ages": ["growing"],
            }
        ],
    }
    schema = json.loads(schema_json())
    jsonschema.validate(good, schema)
    ConditionsApi.model_validate(good)
    change(good)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(good, schema)
