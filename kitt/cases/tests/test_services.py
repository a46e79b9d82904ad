import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kitt.access.categories import Category
from kitt.audit.models import AuditEntry
from kitt.cases import services
from kitt.cases.models import (
    Case,
    ClosingReason,
    LifeArea,
    OutcomeStatus,
    RelationalStage,
    Stage,
    StageChange,
)
from kitt.cases.tests.factories import IntakeCriterionFactory, default_life_areas
from kitt.core.locking import StaleVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(person_with_team):
    return person_with_team


@pytest.fixture
def case(team):
    default_life_areas()
    return services.case_open(actor=team["coordinator"], person=team["person"])


def _at(case, stage):
    """Put the case at ``stage`` directly (the transitions are tested one by one below)."""
    Case.objects.filter(pk=case.pk).update(stage=stage)
    case.refresh_from_db()
    return case


# --- Opening -------------------------------------------------------------------------------------


def test_open_starts_in_intake_with_an_intake_and_is_audited(team, case):
    assert case.stage == Stage.INTAKE
    assert case.coordinator == team["coordinator"]
    assert case.intake.version == 1
    assert StageChange.objects.get(case=case).to_stage == Stage.INTAKE
    entry = AuditEntry.objects.get(action="create", person=team["person"])
    assert (entry.category, entry.object_id) == (Category.TEAM, str(case.pk))


def test_only_one_open_case_per_person(team, case):
    with pytest.raises(ValidationError):
        services.case_open(actor=team["coordinator"], person=team["person"])


def test_a_caseworker_may_not_open_a_case_and_the_refusal_is_logged(team):
    with pytest.raises(PermissionDenied):
        services.case_open(actor=team["caseworker"], person=team["person"])
    refusal = AuditEntry.objects.get(outcome="refused")
    assert (refusal.actor, refusal.category) == (team["caseworker"], Category.TEAM)
    assert not Case.objects.exists()


# --- Moving along the chain ----------------------------------------------------------------------

ALLOWED = [(src, dst) for src, targets in services.ALLOWED_MOVES.items() for dst in targets]
OPEN_STAGES = [s for s in Stage.values if s != Stage.CLOSED]
REFUSED = [
    (src, dst)
    for src in OPEN_STAGES
    for dst in OPEN_STAGES
    if dst != src and dst not in services.ALLOWED_MOVES[src]
]


@pytest.mark.parametrize(("src", "dst"), ALLOWED)
def test_allowed_moves(team, case, src, dst):
    case = _at(case, src)
    services.case_move(
        actor=team["coordinator"], case=case, to_stage=dst, expected_version=case.version
    )
    case.refresh_from_db()
    assert case.stage == dst
    assert case.version == 2
    change = StageChange.objects.filter(case=case).last()
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        src,
        dst,
        team["coordinator"],
    )


@pytest.mark.parametrize(("src", "dst"), REFUSED)
def test_refused_moves(team, case, src, dst):
    case = _at(case, src)
    with pytest.raises(ValidationError):
        services.case_move(
            actor=team["coordinator"], case=case, to_stage=dst, expected_version=case.version
        )
    case.refresh_from_db()
    assert case.stage == src


def test_revision_goes_back_to_planning(team, case):
    for stage in (Stage.IMPLEMENTATION, Stage.FOLLOW_UP):
        case = _at(case, stage)
        services.case_move(
            actor=team["coordinator"],
            case=case,
            to_stage=Stage.PLANNING,
            expected_version=case.version,
        )
        assert case.stage == Stage.PLANNING


def test_closing_is_not_a_move(team, case):
    with pytest.raises(ValidationError):
        services.case_move(
            actor=team["coordinator"], case=case, to_stage=Stage.CLOSED, expected_version=1
        )


def test_advance_walks_the_chain_and_stops_after_follow_up(team, case):
    seen = [case.stage]
    while case.stage != Stage.FOLLOW_UP:
        services.case_advance(actor=team["coordinator"], case=case, expected_version=case.version)
        seen.append(case.stage)
    assert seen == services.STAGE_ORDER
    with pytest.raises(ValidationError):
        services.case_advance(actor=team["coordinator"], case=case, expected_version=case.version)


def test_a_stale_move_is_refused(team, case):
    services.case_advance(actor=team["coordinator"], case=case, expected_version=1)
    stale_copy = Case.objects.get(pk=case.pk)
    with pytest.raises(StaleVersion) as raised:
        services.case_move(
            actor=team["coordinator"],
            case=stale_copy,
            to_stage=Stage.MAPPING,
            expected_version=1,
        )
    assert raised.value.current.stage == Stage.MAPPING


def test_a_caseworker_may_not_move_the_case(team, case):
    with pytest.raises(PermissionDenied):
        services.case_advance(actor=team["caseworker"], case=case, expected_version=1)


# --- Closing -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "outcome", "missing"),
    [
        ("", OutcomeStatus.WORK, "closing_reason"),
        (ClosingReason.MOVED, "", "closing_outcome"),
        ("", "", "closing_reason"),
        ("nonsense", OutcomeStatus.WORK, "closing_reason"),
    ],
)
def test_closing_requires_a_reason_and_an_outcome(team, case, reason, outcome, missing):
    with pytest.raises(ValidationError) as raised:
        services.case_close(
            actor=team["coordinator"],
            case=case,
            closed_on=timezone.localdate(),
            reason=reason,
            outcome=outcome,
            expected_version=case.version,
        )
    assert missing in raised.value.message_dict
    case.refresh_from_db()
    assert case.is_open


def test_closing_records_date_reason_and_outcome(team, case):
    case = _at(case, Stage.FOLLOW_UP)
    today = timezone.localdate()
    services.case_close(
        actor=team["coordinator"],
        case=case,
        closed_on=today,
        reason=ClosingReason.GOAL_REACHED,
        outcome=OutcomeStatus.SUBSIDISED_WORK,
        note="Lönebidragsanställning på Trelleborgs hamn.",
        expected_version=case.version,
    )
    case.refresh_from_db()
    assert (case.stage, case.closed_on) == (Stage.CLOSED, today)
    assert (case.closing_reason, case.closing_outcome) == ("goal_reached", "subsidised_work")
    assert AuditEntry.objects.filter(category=Category.OUTCOMES, action="edit").exists()
    # Closed: a new case may now be opened for a new period.
    assert services.case_open(actor=team["coordinator"], person=team["person"]).is_open


def test_closing_before_opening_and_closing_twice_are_refused(team, case):
    with pytest.raises(ValidationError) as raised:
        services.case_close(
            actor=team["coordinator"],
            case=case,
            closed_on=case.opened_on - datetime.timedelta(days=1),
            reason=ClosingReason.OTHER,
            outcome=OutcomeStatus.OTHER,
            expected_version=1,
        )
    assert "closed_on" in raised.value.message_dict
    services.case_close(
        actor=team["coordinator"],
        case=case,
        closed_on=case.opened_on,
        reason=ClosingReason.OTHER,
        outcome=OutcomeStatus.OTHER,
        expected_version=1,
    )
    with pytest.raises(ValidationError):
        services.case_close(
            actor=team["coordinator"],
            case=case,
            closed_on=case.opened_on,
            reason=ClosingReason.OTHER,
            outcome=OutcomeStatus.OTHER,
            expected_version=case.version,
        )


# --- Intake and relation -------------------------------------------------------------------------


def test_intake_records_criteria_and_contract(team, case):
    first, second, third = (IntakeCriterionFactory() for _ in range(3))
    intake = case.intake
    services.intake_update(
        actor=team["coordinator"],
        intake=intake,
        expected_version=1,
        criteria=[first, second],
        contract_signed_on=timezone.localdate(),
        contract_agreed="Vi ses varje tisdag.",
    )
    services.intake_update(
        actor=team["coordinator"],
        intake=intake,
        expected_version=2,
        criteria=[second, third],
        contract_signed_on=timezone.localdate(),
        contract_agreed="Vi ses varje tisdag.",
    )
    assert set(intake.checks.values_list("criterion", flat=True)) == {second.pk, third.pk}
    with pytest.raises(StaleVersion):
        services.intake_update(
            actor=team["coordinator"],
            intake=intake,
            expected_version=2,
            criteria=[],
            contract_signed_on=None,
            contract_agreed="",
        )


def test_relational_entries_are_kept_as_history(team, case):
    for stage in (RelationalStage.GETTING_TO_KNOW, RelationalStage.TRUST):
        services.relational_stage_record(
            actor=team["coordinator"], case=case, stage=stage, note="Kom på mötet."
        )
    assert [e.stage for e in case.relational_entries.all()] == ["trust", "getting_to_know"]
    with pytest.raises(ValidationError):
        services.relational_stage_record(actor=team["coordinator"], case=case, stage="happy")


# --- Mapping -------------------------------------------------------------------------------------


def _rows(**values):
    areas = list(LifeArea.objects.filter(is_active=True)[:2])
    return [{"area": areas[0], **values}, {"area": areas[1], "own_rating": 5}]


def test_mapping_keeps_both_views_of_each_area(team, case):
    mapping = services.mapping_create(
        actor=team["coordinator"],
        case=case,
        rows=_rows(
            own_rating=3,
            own_words="Jag sover dåligt.",
            professional_rating=4,
            professional_notes="Oro kring boendet.",
            iceberg="symptom",
        ),
    )
    row = mapping.rows.select_related("area").first()
    assert (row.own_rating, row.professional_rating, row.iceberg) == (3, 4, "symptom")
    assert mapping.rows.count() == 2
    assert AuditEntry.objects.filter(category=Category.MAPPING, action="create").count() == 1


@pytest.mark.parametrize("field", ["own_rating", "professional_rating"])
@pytest.mark.parametrize("value", [0, 11, -3])
def test_ratings_outside_1_to_10_are_refused_with_a_clear_error(team, case, field, value):
    with pytest.raises(ValidationError) as raised:
        services.mapping_create(actor=team["coordinator"], case=case, rows=_rows(**{field: value}))
    message = " ".join(raised.value.messages)
    assert "Ange ett värde från 1 till 10." in message
    assert LifeArea.objects.filter(is_active=True).first().name in message
    assert not case.mappings.exists()


def test_an_empty_mapping_is_refused(team, case):
    area = LifeArea.objects.first()
    with pytest.raises(ValidationError):
        services.mapping_create(actor=team["coordinator"], case=case, rows=[{"area": area}])


def test_mappings_are_repeatable_and_a_stale_correction_is_refused(team, case):
    first = services.mapping_create(actor=team["coordinator"], case=case, rows=_rows(own_rating=2))
    services.mapping_create(actor=team["coordinator"], case=case, rows=_rows(own_rating=6))
    assert case.mappings.count() == 2
    services.mapping_update(
        actor=team["coordinator"],
        mapping=first,
        expected_version=1,
        made_on=first.made_on,
        rows=_rows(own_rating=3),
    )
    assert first.rows.order_by("area__order").first().own_rating == 3
    with pytest.raises(StaleVersion):
        services.mapping_update(
            actor=team["coordinator"],
            mapping=first,
            expected_version=1,
            made_on=first.made_on,
            rows=_rows(own_rating=4),
        )


def test_a_caseworker_without_mapping_consent_may_not_map(team, case):
    with pytest.raises(PermissionDenied):
        services.mapping_create(actor=team["caseworker"], case=case, rows=_rows(own_rating=2))
    assert AuditEntry.objects.filter(outcome="refused", category=Category.MAPPING).count() == 1


def test_a_closed_case_takes_no_new_records(person_with_team):
    """Mapping, relational entries, intake and meetings are refused once the case is closed."""
    import datetime

    from django.core.exceptions import ValidationError

    from kitt.cases import services as case_services
    from kitt.cases.models import Case, Stage
    from kitt.cases.tests.factories import CaseFactory, default_life_areas
    from kitt.meetings import services as meeting_services

    person, coordinator = person_with_team["person"], person_with_team["coordinator"]
    case = CaseFactory(person=person, coordinator=coordinator)
    Case.objects.filter(pk=case.pk).update(stage=Stage.CLOSED, closed_on=datetime.date.today())
    case.refresh_from_db()
    area = default_life_areas()[0]
    with pytest.raises(ValidationError, match="avslutat"):
        case_services.mapping_create(
            actor=coordinator, case=case, rows=[{"area": area, "own_rating": 5}]
        )
    with pytest.raises(ValidationError, match="avslutat"):
        case_services.relational_stage_record(actor=coordinator, case=case, stage="trust")
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="avslutat"):
        meeting_services.meeting_schedule(
            actor=coordinator,
            case=case,
            meeting_type="follow_up",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
        )


def test_next_steps_stop_asking_to_book_a_booked_joint_intake(person_with_team):
    from kitt.cases.selectors import next_steps
    from kitt.cases.terms import term_for
    from kitt.cases.tests.factories import CaseFactory
    from kitt.meetings.tests.factories import MeetingFactory

    person, coordinator = person_with_team["person"], person_with_team["coordinator"]
    case = CaseFactory(person=person, coordinator=coordinator)
    term = term_for(coordinator)
    assert any("Boka den gemensamma" in s for s in next_steps(case, term, meetings=[]))
    meeting = MeetingFactory(case=case, meeting_type="joint_intake")
    steps = next_steps(case, term, meetings=[meeting])
    assert not any("Boka den gemensamma" in s for s in steps)
