"""Writes to collaboration cases: open, move along the chain, close; intake, relation, mapping.

Each service asks the access policy first (outside the transaction, so a refusal is logged even
though the write is rolled back), then writes and appends to the audit log in one transaction.

Which category guards what:

* moving the case along the chain, opening and closing it: ``Category.TEAM`` – the policy lets only
  the person's coordinator do that, which is the coordinator's job ("spindeln i nätet");
  closing also records the outcome (``Category.OUTCOMES``);
* the intake checklist and the contract: ``Category.PLAN`` (the agreement the joint plan rests on);
* the relational stage: ``Category.PROGRESSION`` (progression on the relational plane);
* the mapping: ``Category.MAPPING``.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.audit.services import audit_append
from kitt.core.locking import ensure_current, update_versioned
from kitt.people.models import TeamMembership, TeamRole

from .models import (
    Case,
    ClosingReason,
    Intake,
    IntakeCheck,
    IntakeCriterion,
    LifeArea,
    Mapping,
    MappingRow,
    OutcomeStatus,
    RelationalEntry,
    RelationalStage,
    Stage,
    StageChange,
)

#: The chain in order (003 §9.1.1); ``case_advance`` takes the next one.
STAGE_ORDER = [
    Stage.INTAKE,
    Stage.MAPPING,
    Stage.PLANNING,
    Stage.IMPLEMENTATION,
    Stage.FOLLOW_UP,
]

#: The one place that says which stage may follow which (closing is ``case_close``'s, from any
#: open stage). Going back to planning from implementation or follow-up is the revision (step 6);
#: planning may send the case back for a supplementary mapping.
ALLOWED_MOVES: dict[str, tuple[str, ...]] = {
    Stage.INTAKE: (Stage.MAPPING,),
    Stage.MAPPING: (Stage.PLANNING,),
    Stage.PLANNING: (Stage.IMPLEMENTATION, Stage.MAPPING),
    Stage.IMPLEMENTATION: (Stage.FOLLOW_UP, Stage.PLANNING),
    Stage.FOLLOW_UP: (Stage.PLANNING, Stage.IMPLEMENTATION),
    Stage.CLOSED: (),
}


def allowed_moves(case: Case) -> tuple[str, ...]:
    """The stages ``case`` may be moved to now (not counting closing)."""
    return ALLOWED_MOVES.get(case.stage, ())


def next_stage(stage: str) -> str | None:
    """The stage after ``stage`` in the chain, or None after follow-up."""
    if stage not in STAGE_ORDER or stage == STAGE_ORDER[-1]:
        return None
    return STAGE_ORDER[STAGE_ORDER.index(stage) + 1]


# --- The case ------------------------------------------------------------------------------------


def case_open(*, actor, person, opened_on: datetime.date | None = None) -> Case:
    """Open a new collaboration case for ``person`` in the intake stage.

    The person must have a coordinator on their team and no open case.
    """
    policy.require(actor, Action.CREATE, person, Category.TEAM, purpose="Öppna samverkansärende")
    coordinator = (
        TeamMembership.objects.active()
        .filter(person=person, role=TeamRole.COORDINATOR)
        .select_related("user")
        .first()
    )
    if coordinator is None:
        raise ValidationError(_("Personen har ingen samverkanscoach i sitt team."))
    opened_on = opened_on or timezone.localdate()
    with transaction.atomic():
        if Case.objects.open().filter(person=person).select_for_update().exists():
            raise ValidationError(_("Personen har redan ett pågående samverkansärende."))
        case = Case.objects.create(
            person=person,
            coordinator=coordinator.user,
            stage=Stage.INTAKE,
            stage_changed_on=opened_on,
            opened_on=opened_on,
        )
        Intake.objects.create(case=case)
        StageChange.objects.create(
            case=case, to_stage=Stage.INTAKE, changed_on=opened_on, changed_by=actor
        )
        audit_append(
            actor=actor, action=Action.CREATE, person=person, category=Category.TEAM, obj=case
        )
    return case


def case_move(
    *,
    actor,
    case: Case,
    to_stage: str,
    expected_version: int,
    note: str = "",
    on: datetime.date | None = None,
) -> Case:
    """Move ``case`` to ``to_stage`` if ALLOWED_MOVES allows it. Raises ValidationError if not,
    StaleVersion if someone else changed the case since ``expected_version``."""
    policy.require(actor, Action.EDIT, case.person, Category.TEAM, obj=case, purpose="Byta steg")
    ensure_current(case, expected_version)
    if to_stage == Stage.CLOSED:
        raise ValidationError(
            _("Ett ärende avslutas med anledning och utfall, inte genom stegbyte.")
        )
    if to_stage not in ALLOWED_MOVES.get(case.stage, ()):
        raise ValidationError(
            _("Ärendet kan inte gå från %(from)s till %(to)s.")
            % {"from": Stage(case.stage).label, "to": _stage_label(to_stage)}
        )
    on = on or timezone.localdate()
    from_stage = case.stage
    with transaction.atomic():
        update_versioned(case, expected_version, stage=to_stage, stage_changed_on=on)
        StageChange.objects.create(
            case=case,
            from_stage=from_stage,
            to_stage=to_stage,
            changed_on=on,
            changed_by=actor,
            note=note[:300],
        )
        audit_append(
            actor=actor, action=Action.EDIT, person=case.person, category=Category.TEAM, obj=case
        )
    return case


def case_advance(*, actor, case: Case, expected_version: int, note: str = "") -> Case:
    """Move ``case`` to the next step of the chain."""
    following = next_stage(case.stage)
    if following is None:
        raise ValidationError(_("Efter uppföljningen revideras planen eller avslutas ärendet."))
    return case_move(
        actor=actor, case=case, to_stage=following, expected_version=expected_version, note=note
    )


def case_close(
    *,
    actor,
    case: Case,
    closed_on: datetime.date,
    reason: str,
    outcome: str,
    expected_version: int,
    note: str = "",
) -> Case:
    """Close ``case`` with a date, a reason and the person's outcome status at closing."""
    policy.require(actor, Action.EDIT, case.person, Category.TEAM, obj=case, purpose="Avsluta")
    policy.require(actor, Action.EDIT, case.person, Category.OUTCOMES, obj=case, purpose="Avsluta")
    ensure_current(case, expected_version)
    errors = {}
    if not case.is_open:
        errors["stage"] = _("Ärendet är redan avslutat.")
    if reason not in ClosingReason.values:
        errors["closing_reason"] = _("Ange varför ärendet avslutas.")
    if outcome not in OutcomeStatus.values:
        errors["closing_outcome"] = _("Ange personens sysselsättning vid avslutet.")
    if closed_on is None:
        errors["closed_on"] = _("Ange avslutsdatum.")
    elif closed_on < case.opened_on:
        errors["closed_on"] = _("Avslutsdatum kan inte vara före startdatum.")
    if errors:
        raise ValidationError(errors)
    from_stage = case.stage
    with transaction.atomic():
        update_versioned(
            case,
            expected_version,
            stage=Stage.CLOSED,
            stage_changed_on=closed_on,
            closed_on=closed_on,
            closing_reason=reason,
            closing_outcome=outcome,
            closing_note=note,
        )
        StageChange.objects.create(
            case=case,
            from_stage=from_stage,
            to_stage=Stage.CLOSED,
            changed_on=closed_on,
            changed_by=actor,
            note=ClosingReason(reason).label,
        )
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=case.person,
            category=Category.OUTCOMES,
            obj=case,
        )
    return case


def _require_open(case: Case) -> None:
    """A closed case is a record of what happened: nothing more is added to it."""
    if not case.is_open:
        raise ValidationError(_("Ärendet är avslutat. Öppna ett nytt ärende för att fortsätta."))


def _stage_label(value: str) -> str:
    return Stage(value).label if value in Stage.values else value


# --- Intake --------------------------------------------------------------------------------------


def intake_update(
    *,
    actor,
    intake: Intake,
    expected_version: int,
    criteria: Iterable[IntakeCriterion],
    contract_signed_on: datetime.date | None,
    contract_agreed: str,
) -> Intake:
    """Record which participation criteria are met and the contract with the person."""
    person = intake.case.person
    policy.require(actor, Action.EDIT, person, Category.PLAN, obj=intake, purpose="Inskrivning")
    _require_open(intake.case)
    wanted = {c.pk for c in criteria}
    with transaction.atomic():
        update_versioned(
            intake,
            expected_version,
            contract_signed_on=contract_signed_on,
            contract_agreed=contract_agreed,
        )
        have = set(intake.checks.values_list("criterion_id", flat=True))
        intake.checks.filter(criterion_id__in=have - wanted).delete()
        IntakeCheck.objects.bulk_create(
            IntakeCheck(intake=intake, criterion_id=pk, checked_by=actor) for pk in wanted - have
        )
        audit_append(
            actor=actor, action=Action.EDIT, person=person, category=Category.PLAN, obj=intake
        )
    return intake


# --- The relational stage ----------------------------------------------------------------------


def relational_stage_record(
    *, actor, case: Case, stage: str, noted_on: datetime.date | None = None, note: str = ""
) -> RelationalEntry:
    """Note where the relation with the person stands now (kept as history, never edited)."""
    policy.require(
        actor, Action.CREATE, case.person, Category.PROGRESSION, obj=case, purpose="Relationssteg"
    )
    _require_open(case)
    if stage not in RelationalStage.values:
        raise ValidationError({"stage": _("Välj ett relationssteg.")})
    with transaction.atomic():
        entry = RelationalEntry.objects.create(
            case=case,
            stage=stage,
            noted_on=noted_on or timezone.localdate(),
            note=note,
            recorded_by=actor,
        )
        audit_append(
            actor=actor,
            action=Action.CREATE,
            person=case.person,
            category=Category.PROGRESSION,
            obj=entry,
        )
    return entry


# --- Mapping -------------------------------------------------------------------------------------

ROW_FIELDS = ("own_rating", "own_words", "professional_rating", "professional_notes", "iceberg")


def _clean_rows(rows: Iterable[dict]) -> list[MappingRow]:
    """Validate row dicts ({"area": LifeArea, "own_rating": 1–10 …}); raise one ValidationError
    naming every area with an error. Rows with nothing in them are dropped."""
    cleaned, errors, seen = [], [], set()
    for raw in rows:
        area: LifeArea = raw["area"]
        if area.pk in seen:
            errors.append(_("%(area)s finns två gånger.") % {"area": area.name})
            continue
        seen.add(area.pk)
        row = MappingRow(area=area, **{f: raw.get(f) for f in ROW_FIELDS})
        for text_field in ("own_words", "professional_notes", "iceberg"):
            setattr(row, text_field, getattr(row, text_field) or "")
        if row.is_empty:
            continue
        try:
            row.full_clean(exclude=["mapping"])
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                label = str(MappingRow._meta.get_field(field).verbose_name)
                for message in messages:
                    errors.append(f"{area.name}, {label}: {message}")
            continue
        cleaned.append(row)
    if errors:
        raise ValidationError(errors)
    return cleaned


def mapping_create(
    *,
    actor,
    case: Case,
    made_on: datetime.date | None = None,
    rows: Iterable[dict],
    summary: str = "",
) -> Mapping:
    """Record a new mapping of the person's life areas. Earlier mappings are kept."""
    person = case.person
    policy.require(actor, Action.CREATE, person, Category.MAPPING, obj=case, purpose="Kartläggning")
    _require_open(case)
    cleaned = _clean_rows(rows)
    if not cleaned:
        raise ValidationError(_("Fyll i minst ett livsområde."))
    with transaction.atomic():
        mapping = Mapping.objects.create(
            case=case, made_on=made_on or timezone.localdate(), made_by=actor, summary=summary
        )
        for row in cleaned:
            row.mapping = mapping
        MappingRow.objects.bulk_create(cleaned)
        audit_append(
            actor=actor, action=Action.CREATE, person=person, category=Category.MAPPING, obj=mapping
        )
    return mapping


def mapping_update(
    *,
    actor,
    mapping: Mapping,
    expected_version: int,
    made_on: datetime.date,
    rows: Iterable[dict],
    summary: str = "",
) -> Mapping:
    """Correct a mapping (its rows are replaced). StaleVersion if someone saved in between."""
    person = mapping.case.person
    policy.require(
        actor, Action.EDIT, person, Category.MAPPING, obj=mapping, purpose="Kartläggning"
    )
    _require_open(mapping.case)
    cleaned = _clean_rows(rows)
    if not cleaned:
        raise ValidationError(_("Fyll i minst ett livsområde."))
    with transaction.atomic():
        update_versioned(mapping, expected_version, made_on=made_on, summary=summary)
        mapping.rows.all().delete()
        for row in cleaned:
            row.mapping = mapping
        MappingRow.objects.bulk_create(cleaned)
        audit_append(
            actor=actor, action=Action.EDIT, person=person, category=Category.MAPPING, obj=mapping
        )
    return mapping
