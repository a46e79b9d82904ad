"""Reads of the joint action plan. Each takes the viewer and returns only what they may see.

Page views are protected by ``person_view`` (which asks the policy and logs the read); the
selectors here that feed other apps' pages (``plan_summary_for_case``, ``caseworker_dashboard``)
ask the policy and log what they return themselves.
"""

from django.urls import reverse
from django.utils import timezone

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.audit.services import audit_append_reads
from kitt.cases.models import Stage
from kitt.people.models import TeamMembership, TeamRole

from .models import (
    GoalKind,
    Intervention,
    InterventionStatus,
    Plan,
    PlanVersion,
    Referral,
    ReferralStatus,
)
from .services import is_coordinator, referral_sides
from .snapshot import agreement_changed, diff_snapshots, display_snapshot, staff_name
from .transitions import RECEIVER, REQUESTER, referral_next

# --- The plan page -----------------------------------------------------------------------------


def plan_for_case(case) -> Plan | None:
    return Plan.objects.filter(case=case).first()


def _interventions(plan):
    return (
        Intervention.objects.filter(plan=plan)
        .select_related(
            "organisation",
            "responsible",
            "service",
            "referral",
            "referral__recipient",
            "referral__to_organisation",
        )
        .order_by("position", "pk")
    )


def _referral_or_none(intervention):
    try:
        return intervention.referral
    except Referral.DoesNotExist:
        return None


def plan_page(viewer, case) -> dict:
    """Everything the plan page shows, in a fixed number of queries whatever the plan's size.

    The caller (a ``person_view``) has checked the policy for ``Category.PLAN``.
    """
    person = case.person
    plan = plan_for_case(case)
    can_manage = is_coordinator(viewer, person)
    context = {
        "case": case,
        "person": person,
        "plan": plan,
        "can_manage": can_manage,
        "can_export": policy.can(viewer, Action.EXPORT, person, Category.PLAN),
        "is_closed": case.stage == Stage.CLOSED,
        "long_goals": [],
        "short_goals": [],
        "interventions": [],
        "latest": None,
        "latest_signed": None,
        "current_signed": False,
    }
    if plan is None:
        return context
    goals = list(plan.goals.order_by("position", "pk"))
    context["long_goals"] = [g for g in goals if g.kind == GoalKind.LONG_TERM]
    context["short_goals"] = [g for g in goals if g.kind == GoalKind.SHORT_TERM]
    today = timezone.localdate()
    rows = []
    for intervention in _interventions(plan):
        referral = _referral_or_none(intervention)
        rows.append(
            {
                "intervention": intervention,
                "referral": referral,
                "overdue": referral is not None and referral.is_overdue(today),
                "can_report": can_manage or viewer.organisation_id == intervention.organisation_id,
            }
        )
    context["interventions"] = rows
    context.update(_signature_state(plan))
    return context


def _signature_state(plan) -> dict:
    """The latest version, the latest signed one, and whether the signature still covers the
    plan: true if nothing but reported progress changed since (``snapshot.agreement_changed``)."""
    latest = PlanVersion.objects.filter(plan=plan).select_related("signature").order_by("-number")
    latest = latest.first()
    signed = (
        PlanVersion.objects.filter(plan=plan, signature__isnull=False)
        .select_related("signature")
        .order_by("-number")
        .first()
    )
    covered = bool(
        latest
        and signed
        and (
            signed.number == latest.number
            or not agreement_changed(signed.snapshot, latest.snapshot)
        )
    )
    return {"latest": latest, "latest_signed": signed, "current_signed": covered}


def versions_for_plan(plan) -> list[PlanVersion]:
    """All versions, newest first, with their signatures (the snapshots are not loaded)."""
    return list(
        PlanVersion.objects.filter(plan=plan)
        .select_related("signature")
        .defer("snapshot")
        .order_by("-number")
    )


def version_display(version: PlanVersion) -> dict:
    """One version's content ready for a template (the HTML view and the PDF)."""
    return display_snapshot(version.snapshot)


def compare_versions(plan, old_number: int, new_number: int) -> dict | None:
    """Two versions of ``plan`` side by side: goals and interventions added, removed, changed."""
    versions = {
        v.number: v
        for v in PlanVersion.objects.filter(plan=plan, number__in=[old_number, new_number])
    }
    old, new = versions.get(old_number), versions.get(new_number)
    if old is None or new is None:
        return None
    return {"old": old, "new": new, **diff_snapshots(old.snapshot, new.snapshot)}


# --- Referrals ---------------------------------------------------------------------------------


def referral_page(viewer, referral: Referral) -> dict:
    """The referral, its history and the steps ``viewer`` may take now."""
    person = referral.intervention.plan.case.person
    sides = referral_sides(viewer, referral, person)
    steps = [
        s
        for side in (RECEIVER, REQUESTER)
        if side in sides
        for s in referral_next(referral.status, side)
    ]
    return {
        "referral": referral,
        "intervention": referral.intervention,
        "case": referral.intervention.plan.case,
        "person": person,
        "events": list(referral.events.all()),
        "steps": steps,
        "is_receiver": RECEIVER in sides,
        "is_requester": REQUESTER in sides,
        "overdue": referral.is_overdue(),
    }


def _people_with_plan(user):
    """The people whose plan ``user`` may see now (the policy's rule, in SQL)."""
    return policy.people_visible_to(user, Category.PLAN).values("pk")


def _referral_row(referral: Referral, today) -> dict:
    intervention = referral.intervention
    case = intervention.plan.case
    return {
        "id": referral.pk,
        "referral": referral,
        "person": case.person,
        "case_id": case.pk,
        "title": intervention.title,
        "from_organisation": referral.from_organisation,
        "to_organisation": referral.to_organisation,
        "requested_by": staff_name(referral.requested_by),
        "recipient": staff_name(referral.recipient),
        "status": referral.status,
        "status_display": referral.get_status_display(),
        "requested_at": referral.requested_at,
        "answer_by": referral.answer_by,
        "overdue": referral.is_overdue(today),
        "url": reverse("plans:referral", kwargs={"referral_id": referral.pk}),
    }


def caseworker_dashboard(user) -> dict:
    """What waits for ``user`` in the plans of the people they work with.

    * ``incoming_referrals``: referrals to the user's organisation awaiting an answer;
    * ``interventions_to_report``: ongoing or paused interventions their organisation owns
      (those the user is responsible for first);
    * ``overdue_referrals``: for a coordinator, referrals unanswered past their answer-by date
      on the cases they coordinate (they are a coordinator on the person's team).

    Only people whose team the user is on and whose consent covers the user's organisation for
    the plan are included; closed cases are left out. Each person shown is logged as a read.
    """
    empty = {"incoming_referrals": [], "interventions_to_report": [], "overdue_referrals": []}
    if not getattr(user, "is_authenticated", False) or not user.is_staff_member:
        return empty
    today = timezone.localdate()
    people = _people_with_plan(user)
    referral_related = (
        "intervention__plan__case__person",
        "from_organisation",
        "to_organisation",
        "requested_by",
        "recipient",
    )
    open_cases = {"intervention__plan__case__person__in": people}
    incoming = (
        Referral.objects.filter(
            to_organisation_id=user.organisation_id, status=ReferralStatus.REQUESTED, **open_cases
        )
        .exclude(intervention__plan__case__stage=Stage.CLOSED)
        .select_related(*referral_related)
        .order_by("answer_by", "pk")
    )
    coordinated = (
        TeamMembership.objects.active()
        .filter(user=user, role=TeamRole.COORDINATOR)
        .values("person_id")
    )
    overdue = (
        Referral.objects.filter(status=ReferralStatus.REQUESTED, answer_by__lt=today, **open_cases)
        .filter(intervention__plan__case__person__in=coordinated)
        .exclude(intervention__plan__case__stage=Stage.CLOSED)
        .select_related(*referral_related)
        .order_by("answer_by", "pk")
    )
    to_report = (
        Intervention.objects.filter(
            organisation_id=user.organisation_id,
            status__in=[InterventionStatus.ONGOING, InterventionStatus.PAUSED],
            plan__case__person__in=people,
        )
        .exclude(plan__case__stage=Stage.CLOSED)
        .select_related("plan__case__person", "organisation", "responsible", "referral")
        .order_by("planned_end", "pk")
    )
    result = {
        "incoming_referrals": [_referral_row(r, today) for r in incoming],
        "overdue_referrals": [_referral_row(r, today) for r in overdue],
        "interventions_to_report": [],
    }
    rows = []
    for intervention in to_report:
        referral = _referral_or_none(intervention)
        case = intervention.plan.case
        url = (
            reverse("plans:referral", kwargs={"referral_id": referral.pk})
            if referral
            else reverse("plans:intervention_status", kwargs={"intervention_id": intervention.pk})
        )
        rows.append(
            {
                "id": intervention.pk,
                "intervention": intervention,
                "person": case.person,
                "case_id": case.pk,
                "title": intervention.title,
                "organisation": intervention.organisation,
                "responsible": staff_name(intervention.responsible),
                "is_mine": intervention.responsible_id == user.pk,
                "status": intervention.status,
                "status_display": intervention.get_status_display(),
                "planned_end": intervention.planned_end,
                "url": url,
            }
        )
    rows.sort(key=lambda r: not r["is_mine"])  # stable: the user's own first
    result["interventions_to_report"] = rows
    shown = {}
    for key in result:
        for row in result[key]:
            shown[row["person"].pk] = row["person"]
    audit_append_reads(
        actor=user,
        people=list(shown.values()),
        category=Category.PLAN,
        purpose="Översikt: remisser och insatser",
    )
    return result


# --- For other apps' pages -----------------------------------------------------------------


def plan_summary_for_case(viewer, case) -> dict | None:
    """The plan in brief for the case page, or None if ``viewer`` may not see the plan.

    Keys: ``plan`` (or None if not started), ``url``, ``version`` (number of the current version,
    or None), ``updated_at``, ``signature`` and ``signed_version`` (of the latest signed version,
    or None), ``current_signed`` (the person's signature covers the current plan: the signed
    version, or later ones that only report progress), ``goals`` and ``interventions`` (lists of
    dicts, see below), and ``counts``. The read is logged.
    """
    person = case.person
    if not policy.can(viewer, Action.VIEW, person, Category.PLAN):
        return None
    plan = plan_for_case(case)
    summary = {
        "plan": plan,
        "url": reverse("plans:plan", kwargs={"case_id": case.pk}),
        "version": None,
        "updated_at": None,
        "signature": None,
        "signed_version": None,
        "current_signed": False,
        "goals": [],
        "interventions": [],
        "counts": {"interventions": 0, "ongoing": 0, "overdue_referrals": 0},
    }
    if plan is not None:
        today = timezone.localdate()
        summary["version"] = plan.revision or None
        summary["updated_at"] = plan.updated_at
        state = _signature_state(plan)
        signed = state["latest_signed"]
        if signed is not None:
            summary["signature"] = signed.signature
            summary["signed_version"] = signed.number
        summary["current_signed"] = state["current_signed"]
        summary["goals"] = [
            {
                "kind": g.kind,
                "kind_display": g.get_kind_display(),
                "text": g.text,
                "own_words": g.own_words,
                "target_date": g.target_date,
                "status": g.status,
                "status_display": g.get_status_display(),
            }
            for g in plan.goals.order_by("kind", "position", "pk")
        ]
        rows = []
        for intervention in _interventions(plan):
            referral = _referral_or_none(intervention)
            rows.append(
                {
                    "id": intervention.pk,
                    "title": intervention.title,
                    "organisation": intervention.organisation,
                    "responsible": staff_name(intervention.responsible),
                    "status": intervention.status,
                    "status_display": intervention.get_status_display(),
                    "planned_start": intervention.planned_start,
                    "planned_end": intervention.planned_end,
                    "referral_status": referral.status if referral else None,
                    "referral_status_display": referral.get_status_display() if referral else "",
                    "overdue": bool(referral and referral.is_overdue(today)),
                }
            )
        summary["interventions"] = rows
        summary["counts"] = {
            "interventions": len(rows),
            "ongoing": sum(1 for r in rows if r["status"] == InterventionStatus.ONGOING),
            "overdue_referrals": sum(1 for r in rows if r["overdue"]),
        }
    policy.record_read(
        viewer, person, Category.PLAN, obj=plan or case, purpose="Handlingsplanen i korthet"
    )
    return summary


def staff_who_can_see_plan(person):
    """The person's active team members whose access to the plan the policy allows now: those
    who can be made responsible for an intervention (or receive a referral)."""
    from kitt.accounts.models import User

    members = (
        User.objects.filter(
            team_memberships__person=person, team_memberships__ended_at__isnull=True
        )
        .select_related("organisation")
        .distinct()
    )
    allowed = [u.pk for u in members if policy.can(u, Action.VIEW, person, Category.PLAN)]
    return (
        User.objects.filter(pk__in=allowed)
        .select_related("organisation")
        .order_by("organisation__name", "last_name", "first_name")
    )


def catalogue_service(service_id):
    """An active service of the catalogue (not personal data), or None."""
    from kitt.directory.models import Service

    return (
        Service.objects.filter(pk=service_id, is_active=True).select_related("organisation").first()
    )
