"""Aggregates for the leadership group (ledningsgruppen): counts only, small cells suppressed.

Nothing here returns a person. Totals are left out where a total and the other cells of a row
would give a suppressed cell away.
"""

from django.db.models import Count

from kitt.cases.models import Case, Stage
from kitt.plans.models import Referral, ReferralStatus

from .suppression import Cell, suppress

OPEN_REFERRAL = [
    ReferralStatus.REQUESTED,
    ReferralStatus.ACCEPTED,
    ReferralStatus.IN_PROGRESS,
    ReferralStatus.ON_HOLD,
]


def cases_by_stage() -> list[tuple[str, Cell]]:
    """How many cases stand at each step of the chain (one GROUP BY)."""
    counts = dict(Case.objects.values_list("stage").annotate(n=Count("pk")))
    return [(label, suppress(counts.get(stage, 0))) for stage, label in Stage.choices]


def referrals_by_organisation() -> list[dict]:
    """Per receiving organisation: referrals open, completed and declined or failed."""
    rows = (
        Referral.objects.values("to_organisation__name", "status")
        .annotate(n=Count("pk"))
        .order_by("to_organisation__name")
    )
    table: dict[str, dict[str, int]] = {}
    for row in rows:
        counts = table.setdefault(row["to_organisation__name"], {"open": 0, "done": 0, "no": 0})
        status = row["status"]
        if status in OPEN_REFERRAL:
            counts["open"] += row["n"]
        elif status == ReferralStatus.COMPLETED:
            counts["done"] += row["n"]
        else:
            counts["no"] += row["n"]
    return [
        {"organisation": name, **{key: suppress(value) for key, value in counts.items()}}
        for name, counts in sorted(table.items())
    ]
