"""What a plan version holds (a JSON snapshot), and how two versions differ.

A snapshot is self-contained: organisation and staff names are copied in, so an old or signed
version reads the same years later, whatever has been renamed since.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import GoalKind, GoalStatus, InterventionStatus

#: The fields compared between versions, with the labels the comparison shows.
GOAL_FIELDS = {
    "kind": gettext_lazy("Typ"),
    "text": gettext_lazy("Mål"),
    "own_words": gettext_lazy("Med personens egna ord"),
    "target_date": gettext_lazy("Måldatum"),
    "status": gettext_lazy("Status"),
}
INTERVENTION_FIELDS = {
    "title": gettext_lazy("Insats"),
    "description": gettext_lazy("Beskrivning"),
    "organisation": gettext_lazy("Organisation"),
    "responsible": gettext_lazy("Ansvarig"),
    "planned_start": gettext_lazy("Planerad start"),
    "planned_end": gettext_lazy("Planerat slut"),
    "actual_start": gettext_lazy("Faktisk start"),
    "actual_end": gettext_lazy("Faktiskt slut"),
    "status": gettext_lazy("Status"),
    "status_reason": gettext_lazy("Anledning"),
}
EMPTY = {"goals": [], "interventions": []}


def _date(value) -> str | None:
    return value.isoformat() if value else None


def staff_name(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def _is_referral(intervention) -> bool:
    try:
        return intervention.referral is not None
    except ObjectDoesNotExist:
        return False


def build_snapshot(plan) -> dict:
    """The plan's goals and interventions as plain JSON data (two queries)."""
    goals = [
        {
            "id": g.pk,
            "kind": g.kind,
            "text": g.text,
            "own_words": g.own_words,
            "target_date": _date(g.target_date),
            "status": g.status,
        }
        for g in plan.goals.order_by("kind", "position", "pk")
    ]
    interventions = [
        {
            "id": i.pk,
            "title": i.title,
            "service_id": i.service_id,
            "description": i.description,
            "organisation_id": i.organisation_id,
            "organisation": i.organisation.name,
            "responsible_id": i.responsible_id,
            "responsible": staff_name(i.responsible),
            "responsible_title": i.responsible.title,
            "planned_start": _date(i.planned_start),
            "planned_end": _date(i.planned_end),
            "actual_start": _date(i.actual_start),
            "actual_end": _date(i.actual_end),
            "status": i.status,
            "status_reason": i.status_reason,
            "is_referral": _is_referral(i),
        }
        for i in plan.interventions.select_related(
            "organisation", "responsible", "referral"
        ).order_by("position", "pk")
    ]
    return {"goals": goals, "interventions": interventions}


# --- Reading a snapshot back for display -------------------------------------------------------


def _parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


def display_goal(goal: dict) -> dict:
    """A goal of a snapshot with dates parsed and choices labelled, for templates."""
    return {
        **goal,
        "target_date": _parse_date(goal.get("target_date")),
        "kind_display": GoalKind(goal["kind"]).label if goal.get("kind") in GoalKind.values else "",
        "status_display": (
            GoalStatus(goal["status"]).label if goal.get("status") in GoalStatus.values else ""
        ),
    }


def display_intervention(item: dict) -> dict:
    """An intervention of a snapshot with dates parsed and its status labelled."""
    shown = dict(item)
    for name in ("planned_start", "planned_end", "actual_start", "actual_end"):
        shown[name] = _parse_date(item.get(name))
    status = item.get("status")
    shown["status_display"] = (
        InterventionStatus(status).label if status in InterventionStatus.values else status
    )
    return shown


def display_snapshot(snapshot: dict) -> dict:
    """Goals split by kind and interventions, ready for the plan and PDF templates."""
    goals = [display_goal(g) for g in snapshot.get("goals", [])]
    return {
        "long_goals": [g for g in goals if g["kind"] == GoalKind.LONG_TERM],
        "short_goals": [g for g in goals if g["kind"] == GoalKind.SHORT_TERM],
        "interventions": [display_intervention(i) for i in snapshot.get("interventions", [])],
    }


# --- Comparing two snapshots -----------------------------------------------------------------


ADDED, REMOVED, CHANGED, SAME = "added", "removed", "changed", "same"


@dataclass
class FieldDiff:
    name: str
    label: str
    old: object
    new: object
    changed: bool


@dataclass
class ItemDiff:
    """One goal or intervention in two versions: added, removed, changed or the same."""

    kind: str  # "goal" or "intervention"
    state: str
    old: dict | None
    new: dict | None
    fields: list[FieldDiff] = field(default_factory=list)

    @property
    def title(self) -> str:
        item = self.new or self.old or {}
        return item.get("title") or item.get("text", "")

    @property
    def changed_labels(self) -> list[str]:
        return [str(f.label) for f in self.fields if f.changed]


def _shown_value(name: str, value):
    if value is None or value == "":
        return ""
    if name == "own_words":
        return _("Ja") if value else _("Nej")
    if name == "kind" and value in GoalKind.values:
        return GoalKind(value).label
    if name == "status" and value in InterventionStatus.values:
        return InterventionStatus(value).label
    if name == "status" and value in GoalStatus.values:
        return GoalStatus(value).label
    if name.endswith(("_date", "_start", "_end")):
        return _parse_date(value)
    return value


def _diff_items(kind: str, old_items: list, new_items: list, fields: dict) -> list[ItemDiff]:
    old_by_id = {item["id"]: item for item in old_items}
    new_ids = {item["id"] for item in new_items}
    result = []
    for new in new_items:
        old = old_by_id.get(new["id"])
        if old is None:
            diffs = [
                FieldDiff(n, label, "", _shown_value(n, new.get(n)), True)
                for n, label in fields.items()
            ]
            result.append(ItemDiff(kind, ADDED, None, new, diffs))
            continue
        diffs = [
            FieldDiff(
                n,
                label,
                _shown_value(n, old.get(n)),
                _shown_value(n, new.get(n)),
                old.get(n) != new.get(n),
            )
            for n, label in fields.items()
        ]
        state = CHANGED if any(d.changed for d in diffs) else SAME
        result.append(ItemDiff(kind, state, old, new, diffs))
    for old in old_items:
        if old["id"] not in new_ids:
            diffs = [
                FieldDiff(n, label, _shown_value(n, old.get(n)), "", True)
                for n, label in fields.items()
            ]
            result.append(ItemDiff(kind, REMOVED, old, None, diffs))
    return result


def diff_snapshots(old: dict, new: dict) -> dict:
    """Goals and interventions of two snapshots matched by id, each marked with its change."""
    old, new = old or EMPTY, new or EMPTY
    goals = _diff_items("goal", old.get("goals", []), new.get("goals", []), GOAL_FIELDS)
    interventions = _diff_items(
        "intervention",
        old.get("interventions", []),
        new.get("interventions", []),
        INTERVENTION_FIELDS,
    )
    counts = {
        state: sum(1 for d in goals + interventions if d.state == state)
        for state in (ADDED, REMOVED, CHANGED)
    }
    return {"goals": goals, "interventions": interventions, "counts": counts}


#: What reporting progress changes: a plan whose other content is unchanged needs no new
#: signature (the person agreed to the goals and interventions, not to how they went).
PROGRESS_FIELDS = {
    "goal": {"status"},
    "intervention": {"status", "actual_start", "actual_end", "status_reason"},
}


def agreement_changed(old: dict, new: dict) -> bool:
    """True if goals or interventions were added, removed or changed other than by reported
    progress (status and actual dates)."""
    diff = diff_snapshots(old, new)
    for item in diff["goals"] + diff["interventions"]:
        if item.state in (ADDED, REMOVED):
            return True
        if (
            item.state == CHANGED
            and set(f.name for f in item.fields if f.changed) - PROGRESS_FIELDS[item.kind]
        ):
            return True
    return False


def describe_changes(old: dict, new: dict) -> str:
    """A short Swedish summary of what changed, stored on the new version."""
    diff = diff_snapshots(old, new)
    parts = []
    goals = {s: [d for d in diff["goals"] if d.state == s] for s in (ADDED, REMOVED, CHANGED)}
    if goals[ADDED]:
        n = len(goals[ADDED])
        parts.append(ngettext("%(n)d mål tillagt", "%(n)d mål tillagda", n) % {"n": n})
    if goals[CHANGED]:
        n = len(goals[CHANGED])
        parts.append(ngettext("%(n)d mål ändrat", "%(n)d mål ändrade", n) % {"n": n})
    if goals[REMOVED]:
        n = len(goals[REMOVED])
        parts.append(ngettext("%(n)d mål borttaget", "%(n)d mål borttagna", n) % {"n": n})
    for d in diff["interventions"]:
        if d.state == ADDED:
            parts.append(_("insats tillagd: %(title)s") % {"title": d.title})
        elif d.state == REMOVED:
            parts.append(_("insats borttagen: %(title)s") % {"title": d.title})
        elif d.state == CHANGED:
            status = next((f for f in d.fields if f.name == "status" and f.changed), None)
            if status is not None:
                parts.append(
                    _("%(title)s: %(status)s")
                    % {"title": d.title, "status": str(status.new).lower()}
                )
            else:
                parts.append(
                    _("%(title)s ändrad (%(fields)s)")
                    % {"title": d.title, "fields": ", ".join(d.changed_labels).lower()}
                )
    text = "; ".join(parts) or _("Ingen ändring")
    return text[:1].upper() + text[1:]
