"""Writes to the joint action plan (gemensam handlingsplan) and its referrals.

Every service asks the access policy first (outside the transaction, so that a refusal entry
survives), then writes, records a new immutable ``PlanVersion`` if the plan's content changed, and
appends to the audit log, all in one transaction. Category: ``Category.PLAN`` throughout.

Who does what, beyond what the policy lets through (team + consent):

* the person's coordinator (a team member with the coordinator role) creates the plan, edits the
  goals, adds and removes interventions, sends and cancels referrals and records signatures;
* staff of the organisation that owns an intervention edit it and report its status; for a
  referred intervention they answer the referral, and the intervention's status follows it.

Those are division of work inside the team, not access: the policy has already let the actor see
and edit the plan. Breaking them raises ``NotYourPart`` (a ValidationError: nothing is written,
the page says whose step it is), never a second access decision.

An intervention owned by another organisation than the acting coordinator's is a referral to it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.audit.services import audit_append
from kitt.cases.models import Stage
from kitt.core.locking import ensure_current, update_versioned
from kitt.people.models import TeamMembership, TeamRole

from .models import (
    Goal,
    GoalKind,
    GoalStatus,
    Intervention,
    InterventionStatus,
    Plan,
    PlanSignature,
    PlanVersion,
    Referral,
    ReferralEvent,
    ReferralReason,
    ReferralStatus,
    SignatureMethod,
)
from .snapshot import EMPTY, build_snapshot, describe_changes, staff_name
from .transitions import (
    RECEIVER,
    REFERRAL_CLOSED,
    REFERRAL_NEEDS_OUTCOME,
    REFERRAL_NEEDS_REASON,
    REFERRAL_TO_INTERVENTION,
    REQUESTER,
    intervention_may_move,
    referral_step_side,
)

#: A referral is to be answered within this many working days (Monday–Friday; public holidays
#: are not taken into account) unless the coordinator sets another date.
ANSWER_WITHIN_WORKING_DAYS = 10

INTERVENTION_FIELDS = frozenset(
    {
        "title",
        "description",
        "service",
        "responsible",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "status",
        "status_reason",
    }
)


# --- Helpers ---------------------------------------------------------------------------------


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """``start`` plus ``days`` working days (Monday to Friday)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day


def default_answer_by(today: datetime.date | None = None) -> datetime.date:
    """The default answer-by date of a referral sent ``today``: 10 working days later."""
    return add_working_days(today or timezone.localdate(), ANSWER_WITHIN_WORKING_DAYS)


def is_coordinator(user, person) -> bool:
    """True if ``user`` is one of the person's coordinators (active, coordinator role)."""
    return (
        TeamMembership.objects.active()
        .filter(person=person, user=user, role=TeamRole.COORDINATOR)
        .exists()
    )


class NotYourPart(ValidationError):
    """The policy allows the access, but this step belongs to someone else in the team (the
    coordinator, or the owning organisation). Nothing is written; the view shows the message."""


def _require_coordinator(actor, person, action: str, obj=None) -> None:
    policy.require(actor, action, person, Category.PLAN, obj=obj)
    if not is_coordinator(actor, person):
        raise NotYourPart(_("Det här gör personens samverkanscoach."))


def _require_owner_or_coordinator(actor, intervention: Intervention, person) -> None:
    policy.require(actor, Action.EDIT, person, Category.PLAN, obj=intervention)
    if actor.organisation_id == intervention.organisation_id or is_coordinator(actor, person):
        return
    raise NotYourPart(
        _("Insatsen ändras av %(organisation)s eller av samverkanscoachen.")
        % {"organisation": intervention.organisation.name}
    )


def _require_open(case) -> None:
    if case.stage == Stage.CLOSED:
        raise ValidationError(_("Ärendet är avslutat. Planen kan inte ändras."))


def _check_period(errors: dict, start, end, start_field: str, end_field: str) -> None:
    if start and end and end < start:
        errors.setdefault(end_field, []).append(
            _("Slutdatumet kan inte vara före startdatumet (%(start)s).")
            % {"start": start.isoformat()}
        )


def _check_not_future(errors: dict, value, field: str) -> None:
    if value and value > timezone.localdate():
        errors.setdefault(field, []).append(_("Ett faktiskt datum kan inte ligga i framtiden."))


def validate_intervention_dates(
    *, planned_start=None, planned_end=None, actual_start=None, actual_end=None
) -> None:
    """Raise ValidationError (per field) if an end comes before its start or an actual date is
    in the future."""
    errors: dict[str, list[str]] = {}
    _check_period(errors, planned_start, planned_end, "planned_start", "planned_end")
    _check_period(errors, actual_start, actual_end, "actual_start", "actual_end")
    _check_not_future(errors, actual_start, "actual_start")
    _check_not_future(errors, actual_end, "actual_end")
    if actual_end and not actual_start:
        errors.setdefault("actual_start", []).append(_("Ange när insatsen faktiskt började."))
    if errors:
        raise ValidationError(errors)


def _check_responsible(person, organisation, responsible) -> None:
    """The responsible staff member must belong to the organisation and be able to see the plan
    (on the person's team, with the person's consent for their organisation): the policy says."""
    if responsible is None:
        raise ValidationError({"responsible": _("Välj en ansvarig handläggare.")})
    if responsible.organisation_id != organisation.pk:
        raise ValidationError(
            {
                "responsible": _("%(name)s arbetar inte på %(organisation)s.")
                % {"name": staff_name(responsible), "organisation": organisation.name}
            }
        )
    if not policy.can(responsible, Action.VIEW, person, Category.PLAN):
        raise ValidationError(
            {
                "responsible": _(
                    "%(name)s kan inte se planen: hen måste ingå i personens team och personens "
                    "samtycke måste omfatta %(organisation)s för handlingsplanen."
                )
                % {"name": staff_name(responsible), "organisation": organisation.name}
            }
        )


def _record_version(plan_id: int, actor) -> PlanVersion | None:
    """Inside the caller's transaction: snapshot the plan; if it differs from the latest version,
    store it as the next version. The plan row is locked so version numbers never collide."""
    plan = Plan.objects.select_for_update().get(pk=plan_id)
    snapshot = build_snapshot(plan)
    last = PlanVersion.objects.filter(plan=plan, number=plan.revision).first()
    previous = last.snapshot if last else EMPTY
    if snapshot == previous:
        return None
    plan.revision += 1
    plan.updated_at = timezone.now()
    plan.save(update_fields=["revision", "updated_at"])
    organisation = getattr(actor, "organisation", None)
    return PlanVersion.objects.create(
        plan=plan,
        number=plan.revision,
        snapshot=snapshot,
        summary=describe_changes(previous, snapshot)[:500],
        created_by=actor,
        created_by_name=staff_name(actor),
        organisation_name=organisation.name if organisation else "",
    )


# --- The plan and its goals ----------------------------------------------------------------


def plan_create(*, actor, case) -> Plan:
    """Start the joint action plan of a case (the coordinator). Returns the existing one if any."""
    person = case.person
    _require_coordinator(actor, person, Action.CREATE, obj=case)
    _require_open(case)
    with transaction.atomic():
        plan, created = Plan.objects.get_or_create(case=case, defaults={"created_by": actor})
        if created:
            audit_append(
                actor=actor,
                action=Action.CREATE,
                person=person,
                category=Category.PLAN,
                obj=plan,
                purpose="Gemensam handlingsplan påbörjad",
            )
    return plan


def plan_update_goals(*, actor, plan: Plan, expected_version: int, goals: list[dict]) -> Plan:
    """Replace the plan's goals with ``goals`` (in order), with optimistic locking on the plan.

    Each goal is a dict with ``kind``, ``text`` and optionally ``id`` (an existing goal of this
    plan), ``own_words``, ``target_date`` and ``status``. Goals left out are removed (the earlier
    versions keep them). Raises ``StaleVersion`` if the plan was changed since it was loaded.
    """
    case = plan.case
    person = case.person
    _require_coordinator(actor, person, Action.EDIT, obj=plan)
    _require_open(case)
    cleaned = []
    for data in goals:
        text = (data.get("text") or "").strip()
        if not text:
            raise ValidationError(_("Ett mål kan inte vara tomt."))
        kind = data.get("kind")
        if kind not in GoalKind.values:
            raise ValidationError(_("Ange om målet är långsiktigt eller kortsiktigt."))
        status = data.get("status") or GoalStatus.ACTIVE
        if status not in GoalStatus.values:
            raise ValidationError(_("Okänd status för mål."))
        cleaned.append(
            {
                "id": data.get("id"),
                "kind": kind,
                "text": text,
                "own_words": bool(data.get("own_words")),
                "target_date": data.get("target_date"),
                "status": status,
            }
        )
    with transaction.atomic():
        plan = update_versioned(plan, expected_version, updated_at=timezone.now())
        existing = {g.pk: g for g in plan.goals.all()}
        unknown = {d["id"] for d in cleaned if d["id"]} - set(existing)
        if unknown:
            raise ValidationError(_("Ett av målen hör inte till den här planen."))
        kept, to_update, to_create = set(), [], []
        for position, data in enumerate(cleaned):
            fields = {k: v for k, v in data.items() if k != "id"}
            if data["id"]:
                goal = existing[data["id"]]
                for name, value in fields.items():
                    setattr(goal, name, value)
                goal.position = position
                to_update.append(goal)
                kept.add(goal.pk)
            else:
                to_create.append(Goal(plan=plan, position=position, **fields))
        Goal.objects.filter(plan=plan).exclude(pk__in=kept).delete()
        Goal.objects.bulk_update(
            to_update, ["kind", "text", "own_words", "target_date", "status", "position"]
        )
        Goal.objects.bulk_create(to_create)
        _record_version(plan.pk, actor)
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=person,
            category=Category.PLAN,
            obj=plan,
            purpose="Mål i handlingsplanen",
        )
    plan.refresh_from_db()
    return plan


# --- Interventions -------------------------------------------------------------------------


def intervention_create(
    *,
    actor,
    plan: Plan,
    responsible,
    title: str = "",
    service=None,
    organisation=None,
    description: str = "",
    planned_start: datetime.date | None = None,
    planned_end: datetime.date | None = None,
    answer_by: datetime.date | None = None,
    message: str = "",
) -> Intervention:
    """Add an intervention, chosen from the catalogue (``service``) or written freely.

    If the owning organisation is not the coordinator's, a referral to it is sent at the same
    time, addressed to ``responsible`` (who must be on the team, with consent), to be answered by
    ``answer_by`` (default: ``ANSWER_WITHIN_WORKING_DAYS`` working days from today).
    """
    case = plan.case
    person = case.person
    _require_coordinator(actor, person, Action.CREATE, obj=plan)
    _require_open(case)
    if service is not None:
        organisation = organisation or service.organisation
        if organisation.pk != service.organisation_id:
            raise ValidationError(
                {
                    "organisation": _("Insatsen i katalogen ges av %(org)s.")
                    % {"org": service.organisation.name}
                }
            )
        title = (title or "").strip() or service.name
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Ange vilken insats det gäller.")})
    if organisation is None:
        raise ValidationError({"organisation": _("Välj vilken organisation som äger insatsen.")})
    _check_responsible(person, organisation, responsible)
    validate_intervention_dates(planned_start=planned_start, planned_end=planned_end)
    is_referral = organisation.pk != actor.organisation_id
    today = timezone.localdate()
    if is_referral:
        answer_by = answer_by or default_answer_by(today)
        if answer_by < today:
            raise ValidationError({"answer_by": _("Svarsdatumet kan inte ligga i det förflutna.")})
    with transaction.atomic():
        position = (plan.interventions.aggregate(m=Max("position"))["m"] or 0) + 1
        intervention = Intervention.objects.create(
            plan=plan,
            service=service,
            title=title,
            description=description.strip(),
            organisation=organisation,
            responsible=responsible,
            planned_start=planned_start,
            planned_end=planned_end,
            position=position,
            created_by=actor,
        )
        audit_append(
            actor=actor,
            action=Action.CREATE,
            person=person,
            category=Category.PLAN,
            obj=intervention,
            purpose="Insats i handlingsplanen",
        )
        if is_referral:
            referral = Referral.objects.create(
                intervention=intervention,
                from_organisation=actor.organisation,
                to_organisation=organisation,
                requested_by=actor,
                recipient=responsible,
                message=message.strip(),
                answer_by=answer_by,
            )
            _event(referral, actor, "", ReferralStatus.REQUESTED, note=message.strip())
            audit_append(
                actor=actor,
                action=Action.CREATE,
                person=person,
                category=Category.PLAN,
                obj=referral,
                purpose=f"Remiss till {organisation.name}",
            )
        _record_version(plan.pk, actor)
    return intervention


def intervention_update(
    *, actor, intervention: Intervention, expected_version: int, **fields
) -> Intervention:
    """Change an intervention's details or report its status (optimistic locking).

    ``fields`` may hold: title, description, service, responsible, planned_start, planned_end,
    actual_start, actual_end, status, status_reason. The owning organisation's staff and the
    coordinator may do it. A referred intervention's status follows its referral: change it there.
    """
    unknown = set(fields) - INTERVENTION_FIELDS
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    plan = intervention.plan
    case = plan.case
    person = case.person
    _require_owner_or_coordinator(actor, intervention, person)
    _require_open(case)
    ensure_current(intervention, expected_version)
    merged = {name: fields.get(name, getattr(intervention, name)) for name in INTERVENTION_FIELDS}
    errors: dict[str, list[str]] = {}
    if "title" in fields and not (fields["title"] or "").strip():
        errors["title"] = [_("Ange vilken insats det gäller.")]
    service = merged["service"]
    if service is not None and service.organisation_id != intervention.organisation_id:
        errors["service"] = [_("Insatsen i katalogen måste ges av samma organisation.")]
    status = merged["status"]
    is_referral = has_referral(intervention)
    if "status" in fields and status != intervention.status:
        if is_referral:
            errors["status"] = [
                _("Status för en remitterad insats ändras genom att svara på remissen.")
            ]
        elif not intervention_may_move(intervention.status, status):
            errors["status"] = [
                _("En insats kan inte gå från %(old)s till %(new)s.")
                % {
                    "old": InterventionStatus(intervention.status).label.lower(),
                    "new": InterventionStatus(status).label.lower(),
                }
            ]
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    if status in (
        InterventionStatus.ONGOING,
        InterventionStatus.PAUSED,
        InterventionStatus.COMPLETED,
    ):
        merged["actual_start"] = merged["actual_start"] or today
    if status == InterventionStatus.COMPLETED:
        merged["actual_end"] = merged["actual_end"] or today
    if status == InterventionStatus.CANCELLED and not (merged["status_reason"] or "").strip():
        raise ValidationError({"status_reason": _("Ange varför insatsen avbryts.")})
    if "responsible" in fields and fields["responsible"] != intervention.responsible:
        _check_responsible(person, intervention.organisation, fields["responsible"])
    validate_intervention_dates(
        planned_start=merged["planned_start"],
        planned_end=merged["planned_end"],
        actual_start=merged["actual_start"],
        actual_end=merged["actual_end"],
    )
    changes = {
        name: (value.strip() if isinstance(value, str) else value)
        for name, value in merged.items()
        if name in fields or name in ("actual_start", "actual_end")
    }
    with transaction.atomic():
        intervention = update_versioned(intervention, expected_version, **changes)
        if is_referral and "responsible" in fields:
            Referral.objects.filter(intervention=intervention).update(
                recipient=intervention.responsible, version=F("version") + 1
            )
        _record_version(plan.pk, actor)
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=person,
            category=Category.PLAN,
            obj=intervention,
            purpose="Insats i handlingsplanen",
        )
    return intervention


def intervention_remove(*, actor, intervention: Intervention) -> None:
    """Remove an intervention entered by mistake: only a planned one that is not a referral.
    (Anything else is cancelled with a reason.) Earlier versions keep it."""
    plan = intervention.plan
    case = plan.case
    person = case.person
    _require_coordinator(actor, person, Action.EDIT, obj=intervention)
    _require_open(case)
    if intervention.status != InterventionStatus.PLANNED or has_referral(intervention):
        raise ValidationError(
            _("Bara en planerad insats utan remiss kan tas bort. Avbryt den i stället.")
        )
    with transaction.atomic():
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=person,
            category=Category.PLAN,
            obj=intervention,
            purpose="Insats borttagen ur handlingsplanen",
        )
        intervention.delete()
        _record_version(plan.pk, actor)


def has_referral(intervention: Intervention) -> bool:
    """True if the intervention was sent as a referral to another organisation."""
    try:
        return intervention.referral is not None
    except Referral.DoesNotExist:
        return False


# --- Signing -------------------------------------------------------------------------------


def plan_sign(
    *,
    actor,
    version: PlanVersion,
    method: str,
    signed_on: datetime.date,
    witness_name: str = "",
    note: str = "",
) -> PlanSignature:
    """Record that the person signed ``version`` of the plan (on paper, or verbally with a
    witness). Signing in the person's own pages is done there, by the person."""
    person = version.plan.case.person
    _require_coordinator(actor, person, Action.CREATE, obj=version)
    errors: dict[str, list[str]] = {}
    if method not in (SignatureMethod.PAPER, SignatureMethod.VERBAL):
        errors["method"] = [_("Välj hur personen undertecknade planen.")]
    if method == SignatureMethod.VERBAL and not witness_name.strip():
        errors["witness_name"] = [_("Ett muntligt godkännande behöver ett vittne.")]
    created_on = timezone.localdate(version.created_at)
    if signed_on > timezone.localdate():
        errors.setdefault("signed_on", []).append(_("Datumet kan inte ligga i framtiden."))
    elif signed_on < created_on:
        errors.setdefault("signed_on", []).append(
            _("Versionen skapades %(date)s; den kan inte ha undertecknats före det.")
            % {"date": created_on.isoformat()}
        )
    if PlanSignature.objects.filter(version=version).exists():
        errors.setdefault("__all__", []).append(_("Den här versionen är redan undertecknad."))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        signature = PlanSignature.objects.create(
            version=version,
            method=method,
            signed_on=signed_on,
            witness_name=witness_name.strip(),
            note=note.strip(),
            recorded_by=actor,
            recorded_by_name=staff_name(actor),
        )
        audit_append(
            actor=actor,
            action=Action.CREATE,
            person=person,
            category=Category.PLAN,
            obj=signature,
            purpose=f"Underskrift av handlingsplanen, version {version.number}",
        )
    return signature


# --- Referrals -----------------------------------------------------------------------------


def _event(referral, actor, from_status, to_status, *, reason_code="", note="") -> ReferralEvent:
    organisation = getattr(actor, "organisation", None)
    return ReferralEvent.objects.create(
        referral=referral,
        from_status=from_status,
        to_status=to_status,
        reason_code=reason_code,
        note=note,
        actor=actor,
        actor_name=staff_name(actor),
        organisation_name=organisation.name if organisation else "",
    )


def referral_sides(actor, referral: Referral, person) -> set[str]:
    """The sides of the referral ``actor`` acts for: receiver (staff of the receiving
    organisation) and/or requester (the person's coordinator)."""
    sides = set()
    if actor.organisation_id == referral.to_organisation_id:
        sides.add(RECEIVER)
    if is_coordinator(actor, person):
        sides.add(REQUESTER)
    return sides


def referral_transition(
    *,
    actor,
    referral: Referral,
    expected_version: int,
    to_status: str,
    reason_code: str = "",
    reason_text: str = "",
    outcome: str = "",
    note: str = "",
    on: datetime.date | None = None,
) -> Referral:
    """Move a referral one step on its loop (see ``transitions.REFERRAL_TRANSITIONS``).

    The receiving organisation answers and reports; the coordinator may cancel. Declining,
    cancelling and failing need a reason code; completing and failing need an outcome text.
    The intervention's status (and actual dates, from ``on``, default today) follow. The policy is
    asked at each step, so a withdrawn consent stops the receiving organisation at once.
    """
    intervention = referral.intervention
    plan = intervention.plan
    case = plan.case
    person = case.person
    policy.require(actor, Action.EDIT, person, Category.PLAN, obj=referral)
    ensure_current(referral, expected_version)
    from_status = referral.status
    side = referral_step_side(from_status, to_status)
    if side is None:
        raise ValidationError(
            _("En remiss kan inte gå från %(old)s till %(new)s.")
            % {
                "old": ReferralStatus(from_status).label.lower(),
                "new": ReferralStatus(to_status).label.lower()
                if to_status in ReferralStatus.values
                else to_status,
            }
        )
    if side not in referral_sides(actor, referral, person):
        if side == RECEIVER:
            raise NotYourPart(
                _("Remissen besvaras av %(organisation)s.")
                % {"organisation": referral.to_organisation.name}
            )
        raise NotYourPart(_("Bara samverkanscoachen kan återkalla remissen."))
    _require_open(case)
    errors: dict[str, list[str]] = {}
    if reason_code and reason_code not in ReferralReason.values:
        errors["reason_code"] = [_("Okänt skäl.")]
    if to_status in REFERRAL_NEEDS_REASON and not reason_code:
        errors["reason_code"] = [_("Ange ett skäl.")]
    if reason_code == ReferralReason.OTHER and not reason_text.strip():
        errors["reason_text"] = [_("Förklara skälet.")]
    if to_status in REFERRAL_NEEDS_OUTCOME and not outcome.strip():
        errors["outcome"] = [_("Beskriv resultatet.")]
    day = on or timezone.localdate()
    if day > timezone.localdate():
        errors["on"] = [_("Datumet kan inte ligga i framtiden.")]
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    changes: dict = {
        "status": to_status,
        "reason_code": reason_code,
        "reason_text": reason_text.strip(),
    }
    if outcome.strip():
        changes["outcome"] = outcome.strip()
    if from_status == ReferralStatus.REQUESTED and side == RECEIVER:
        changes.update(answered_at=now, answered_by=actor)
    if to_status in REFERRAL_CLOSED:
        changes["closed_at"] = now
    intervention_changes: dict = {"status": REFERRAL_TO_INTERVENTION[to_status]}
    if to_status == ReferralStatus.IN_PROGRESS and not intervention.actual_start:
        intervention_changes["actual_start"] = day
    if to_status in (ReferralStatus.COMPLETED, ReferralStatus.FAILED) and intervention.actual_start:
        intervention_changes["actual_end"] = max(day, intervention.actual_start)
    if reason_code:
        label = str(ReferralReason(reason_code).label)
        reason = f"{label}: {reason_text.strip()}" if reason_text.strip() else label
    else:
        reason = reason_text.strip()
    intervention_changes["status_reason"] = reason[:300]
    with transaction.atomic():
        referral = update_versioned(referral, expected_version, **changes)
        _event(
            referral,
            actor,
            from_status,
            to_status,
            reason_code=reason_code,
            note="\n\n".join(t for t in (reason_text.strip(), outcome.strip(), note.strip()) if t),
        )
        Intervention.objects.filter(pk=intervention.pk).update(
            **intervention_changes, version=F("version") + 1
        )
        _record_version(plan.pk, actor)
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=person,
            category=Category.PLAN,
            obj=referral,
            purpose=f"Remiss: {ReferralStatus(to_status).label}",
        )
    return referral


def referral_accept(
    *, actor, referral: Referral, expected_version: int, note: str = ""
) -> Referral:
    """The receiving organisation takes the referral on."""
    return referral_transition(
        actor=actor,
        referral=referral,
        expected_version=expected_version,
        to_status=ReferralStatus.ACCEPTED,
        note=note,
    )


def referral_decline(
    *, actor, referral: Referral, expected_version: int, reason_code: str, reason_text: str = ""
) -> Referral:
    """The receiving organisation declines the referral, with a reason."""
    return referral_transition(
        actor=actor,
        referral=referral,
        expected_version=expected_version,
        to_status=ReferralStatus.REJECTED,
        reason_code=reason_code,
        reason_text=reason_text,
    )


def referral_start(
    *, actor, referral: Referral, expected_version: int, on: datetime.date | None = None
) -> Referral:
    """The intervention has started (or resumed after being on hold)."""
    return referral_transition(
        actor=actor,
        referral=referral,
        expected_version=expected_version,
        to_status=ReferralStatus.IN_PROGRESS,
        on=on,
    )


def referral_hold(
    *,
    actor,
    referral: Referral,
    expected_version: int,
    reason_code: str = "",
    reason_text: str = "",
) -> Referral:
    """The intervention is paused."""
    return referral_transition(
        actor=actor,
        referral=referral,
        expected_version=expected_version,
        to_status=ReferralStatus.ON_HOLD,
        reason_code=reason_code,
        reason_text=reason_text,
    )


def referral_complete(
    *, actor, referral: Referral, expected_version: int, outcome: str, on=None
) -> Referral:
    """The intervention was carried out; ``outcome`` says what came of it."""
    return referral_transition(
        actor=actor,
        referral=referral,
        expected_version=expected_version,
        to_status=ReferralStatus.COMPLETED,
        outcome=outcome,
        on=on,
    )


def referral_fail(
    *,
    actor,
    referral: Referral,
    expected_version: int,
    reason_code: str,
    outcome: str,
    reason_text: str = "",
    on=None,
) -> Referral:
    """The intervention could not be carried out to its end."""
    return referral_transition(
        actor=actor,
        referral=referral,
        expected_version=expected_version,
        to_status=ReferralStatus.FAILED,
        reason_code=reason_code,
        reason_text=reason_text,
        outcome=outcome,
        on=on,
    )


def referral_cancel(
    *, actor, referral: Referral, expected_version: int, reason_code: str, reason_text: str = ""
) -> Referral:
    """The coordinator withdraws the referral."""
    return referral_transition(
        actor=actor,
        referral=referral,
        expected_version=expected_version,
        to_status=ReferralStatus.CANCELLED,
        reason_code=reason_code,
        reason_text=reason_text,
    )
