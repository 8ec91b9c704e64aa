"""The finder's ranking rule and the training-load rule, written once in Python as test oracles.

They follow the paragraphs on /finder/ ("How this list is ordered") and /tools/training-load/
("The rule it uses"); the browser tests check that the site's scripts give the same answers.
"""

from __future__ import annotations

URGENCY_RANK = {"urgent": 0, "see-clinician-soon": 1, "self-care": 2}


def rank(data: dict, region: str, ticked: set[str]) -> list[str]:
    """Condition ids in the finder's order for a region and a set of ticked symptom ids.

    Listed: conditions in the region with at least one ticked symptom (all of them when nothing
    is ticked). Two points per ticked typical symptom, one per ticked possible one; more points
    first, then fewer typical symptoms left unticked, then more urgent, then title A to Z.
    """
    rows = []
    for condition in data["conditions"]:
        if region not in condition["regions"]:
            continue
        symptoms = condition["symptoms"]
        matched = [s for s in symptoms if s["id"] in ticked]
        if ticked and not matched:
            continue
        points = sum(2 if s["frequency"] == "typical" else 1 for s in matched)
        missing = sum(1 for s in symptoms if s["frequency"] == "typical" and s["id"] not in ticked)
        rows.append(((-points, missing, URGENCY_RANK[condition["urgency"]], condition["title"]), condition["id"]))
    return [cid for _, cid in sorted(rows)]


def region_symptoms(data: dict, region: str) -> list[str]:
    """Symptom ids the finder offers for a region (any condition there has them)."""
    return sorted({s["id"] for c in data["conditions"] if region in c["regions"] for s in c["symptoms"]})


def _empty(totals: list[float | None], longest: list[float | None], week: int) -> bool:
    """A week with 0 entered and nothing above 0: no running (left empty = not known)."""
    zero = totals[week] == 0 or longest[week] == 0
    return zero and not ((totals[week] or 0) > 0 or (longest[week] or 0) > 0)


def load_verdict(totals: list[float | None], longest: list[float | None]) -> str:
    """The training-load checker's verdict for five weeks, oldest first (None = left empty).

    'layoff' when there is running this week after two empty weeks (last week and the week
    before, entered as 0): a return from time off counts as a spike; else 'spike' when this
    week's longest run is more than 10% longer than the longest of the earlier weeks; else
    'jump' when this week's total is more than 30% above last week's; else 'none'; 'incomplete'
    without this week's longest run or an earlier one above 0.
    """
    ran = (totals[4] or 0) > 0 or (longest[4] or 0) > 0
    if ran and _empty(totals, longest, 2) and _empty(totals, longest, 3):
        return "layoff"
    earlier = [v for v in longest[:4] if v is not None]
    if longest[4] is None or not earlier or max(earlier) <= 0:
        return "incomplete"
    if longest[4] * 10 > max(earlier) * 11:  # more than 10% longer, without rounding errors
        return "spike"
    last, now = totals[3], totals[4]
    if last and now is not None and now * 10 > last * 13:
        return "jump"
    return "none"
