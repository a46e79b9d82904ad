import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kitt.access.categories import Category
from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry
from kitt.cases.models import Stage
from kitt.core.locking import StaleVersion
from kitt.plans import services
from kitt.plans.models import (
    InterventionStatus,
    PlanSignature,
    PlanVersion,
    Referral,
    ReferralStatus,
    SignatureMethod,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _entries(person, **filters):
    return AuditEntry.objects.filter(person_id=person.pk, category=Category.PLAN, **filters)


# --- helpers -------------------------------------------------------------------------------


def test_add_working_days_skips_weekends():
    friday = datetime.date(2026, 3, 6)
    assert services.add_working_days(friday, 1) == datetime.date(2026, 3, 9)
    assert services.add_working_days(friday, 10) == datetime.date(2026, 3, 20)
    assert services.default_answer_by(friday) == datetime.date(2026, 3, 20)


# --- the plan and its goals ------------------------------------------------------------------


def test_plan_create_is_audited_and_idempotent(world):
    coordinator, case, person = world["coordinator"], world["case"], world["person"]
    again = services.plan_create(actor=coordinator, case=case)
    assert again.pk == world["plan"].pk
    assert _entries(person, action="create", object_type="plans.plan").count() == 1


def test_goals_make_versions_only_when_the_content_changes(world, add_goal):
    plan, coordinator = world["plan"], world["coordinator"]
    add_goal("Jag vill ha ett jobb inom vården", own_words=True)
    plan.refresh_from_db()
    assert plan.revision == 1
    goals = [
        {"id": g.pk, "kind": g.kind, "text": g.text, "own_words": g.own_words}
        for g in plan.goals.all()
    ]
    services.plan_update_goals(
        actor=coordinator, plan=plan, expected_version=plan.version, goals=goals
    )
    plan.refresh_from_db()
    assert plan.revision == 1, "saving the same goals is no new version"
    add_goal("Klara SFI kurs C", kind="short", target_date=datetime.date(2027, 6, 1))
    plan.refresh_from_db()
    assert plan.revision == 2
    latest = PlanVersion.objects.get(plan=plan, number=2)
    assert [g["text"] for g in latest.snapshot["goals"]][-1] == "Klara SFI kurs C"
    assert "1 mål tillagt" in latest.summary
    first = PlanVersion.objects.get(plan=plan, number=1)
    assert first.snapshot["goals"][0]["own_words"] is True
    assert _entries(world["person"], action="edit", object_type="plans.plan").count() == 3


def test_goals_left_out_are_removed_but_kept_in_the_history(world, add_goal):
    plan = add_goal("Ett mål")
    plan = add_goal("Ett till")
    services.plan_update_goals(
        actor=world["coordinator"],
        plan=plan,
        expected_version=plan.version,
        goals=[{"id": plan.goals.get(text="Ett till").pk, "kind": "long", "text": "Ett till"}],
    )
    assert list(plan.goals.values_list("text", flat=True)) == ["Ett till"]
    assert len(PlanVersion.objects.get(plan=plan, number=2).snapshot["goals"]) == 2


def test_stale_goal_edit_is_refused(world, add_goal):
    plan = add_goal("Ett mål")
    loaded_at = plan.version
    add_goal("Någon annan sparade")
    with pytest.raises(StaleVersion) as stale:
        services.plan_update_goals(
            actor=world["coordinator"],
            plan=plan,
            expected_version=loaded_at,
            goals=[{"kind": "long", "text": "Mitt mål"}],
        )
    assert stale.value.current.version == loaded_at + 1
    assert not plan.goals.filter(text="Mitt mål").exists()


def test_only_the_coordinator_edits_the_goals(world):
    plan = world["plan"]
    with pytest.raises(services.NotYourPart):
        services.plan_update_goals(
            actor=world["caseworker"],
            plan=plan,
            expected_version=plan.version,
            goals=[{"kind": "long", "text": "x"}],
        )
    assert not plan.goals.exists()


def test_a_closed_case_is_read_only(world):
    case = world["case"]
    case.stage, case.closed_on = Stage.CLOSED, TODAY()
    case.save()
    with pytest.raises(ValidationError):
        services.plan_update_goals(
            actor=world["coordinator"],
            plan=world["plan"],
            expected_version=world["plan"].version,
            goals=[{"kind": "long", "text": "x"}],
        )


def test_staff_off_the_team_are_refused_and_the_refusal_logged(world, make_staff):
    outsider = make_staff(Role.COORDINATOR, organisation=world["coordinator"].organisation)
    with pytest.raises(PermissionDenied):
        services.plan_update_goals(
            actor=outsider,
            plan=world["plan"],
            expected_version=1,
            goals=[{"kind": "long", "text": "x"}],
        )
    refused = _entries(world["person"], outcome="refused").get()
    assert refused.actor_id == outsider.pk


# --- interventions ---------------------------------------------------------------------------


def test_own_organisation_intervention_is_no_referral(world):
    intervention = services.intervention_create(
        actor=world["coordinator"],
        plan=world["plan"],
        title="Stödsamtal",
        organisation=world["coordinator"].organisation,
        responsible=world["colleague"],
    )
    assert not Referral.objects.filter(intervention=intervention).exists()
    assert intervention.status == InterventionStatus.PLANNED
    world["plan"].refresh_from_db()
    assert world["plan"].revision == 1


def test_intervention_from_the_catalogue_takes_its_name_and_organisation(world):
    from kitt.directory.tests.factories import ServiceFactory

    service = ServiceFactory(
        organisation=world["caseworker"].organisation, name="Arbetspraktik med handledare"
    )
    intervention = services.intervention_create(
        actor=world["coordinator"],
        plan=world["plan"],
        service=service,
        responsible=world["caseworker"],
    )
    assert intervention.title == "Arbetspraktik med handledare"
    assert intervention.organisation == service.organisation


def test_other_organisation_intervention_is_a_referral_with_an_answer_by_date(world, refer):
    referral = refer(message="Kan ni ta emot henne i april?")
    assert referral.status == ReferralStatus.REQUESTED
    assert referral.recipient == world["caseworker"]
    assert referral.from_organisation == world["coordinator"].organisation
    assert referral.answer_by == services.default_answer_by(TODAY())
    assert list(referral.events.values_list("to_status", flat=True)) == ["requested"]
    assert _entries(world["person"], object_type="plans.referral", action="create").exists()


def test_the_responsible_must_be_on_the_team_with_consent(world, make_staff):
    from kitt.consent.models import ConsentGrant

    other_org = world["caseworker"].organisation
    off_team = make_staff(Role.CASEWORKER, organisation=other_org)
    with pytest.raises(ValidationError) as error:
        services.intervention_create(
            actor=world["coordinator"],
            plan=world["plan"],
            title="Praktik",
            organisation=other_org,
            responsible=off_team,
        )
    assert "responsible" in error.value.message_dict
    ConsentGrant.objects.filter(organisation=other_org).update(withdrawn_at=timezone.now())
    with pytest.raises(ValidationError):
        services.intervention_create(
            actor=world["coordinator"],
            plan=world["plan"],
            title="Praktik",
            organisation=other_org,
            responsible=world["caseworker"],
        )
    with pytest.raises(ValidationError) as wrong_org:
        services.intervention_create(
            actor=world["coordinator"],
            plan=world["plan"],
            title="Praktik",
            organisation=world["coordinator"].organisation,
            responsible=world["caseworker"],
        )
    assert "arbetar inte på" in str(wrong_org.value)


def test_dates_are_validated_with_clear_errors(world):
    with pytest.raises(ValidationError) as error:
        services.intervention_create(
            actor=world["coordinator"],
            plan=world["plan"],
            title="Budget- och skuldrådgivning",
            organisation=world["coordinator"].organisation,
            responsible=world["coordinator"],
            planned_start=datetime.date(2026, 5, 1),
            planned_end=datetime.date(2026, 4, 1),
        )
    assert "före startdatumet" in error.value.message_dict["planned_end"][0]


def _own_intervention(world):
    return services.intervention_create(
        actor=world["coordinator"],
        plan=world["plan"],
        title="Budget- och skuldrådgivning",
        organisation=world["coordinator"].organisation,
        responsible=world["colleague"],
    )


def test_status_report_follows_the_allowed_steps(world):
    intervention = _own_intervention(world)
    colleague = world["colleague"]
    with pytest.raises(ValidationError):  # planned cannot be completed without starting
        services.intervention_update(
            actor=colleague,
            intervention=intervention,
            expected_version=intervention.version,
            status=InterventionStatus.COMPLETED,
        )
    intervention = services.intervention_update(
        actor=colleague,
        intervention=intervention,
        expected_version=intervention.version,
        status=InterventionStatus.ONGOING,
    )
    assert intervention.actual_start == TODAY()
    with pytest.raises(ValidationError) as no_reason:
        services.intervention_update(
            actor=colleague,
            intervention=intervention,
            expected_version=intervention.version,
            status=InterventionStatus.CANCELLED,
        )
    assert "status_reason" in no_reason.value.message_dict
    with pytest.raises(ValidationError) as future:
        services.intervention_update(
            actor=colleague,
            intervention=intervention,
            expected_version=intervention.version,
            actual_end=TODAY() + datetime.timedelta(days=3),
        )
    assert "actual_end" in future.value.message_dict
    intervention = services.intervention_update(
        actor=colleague,
        intervention=intervention,
        expected_version=intervention.version,
        status=InterventionStatus.CANCELLED,
        status_reason="Flyttade till annan kommun",
    )
    assert intervention.status == InterventionStatus.CANCELLED
    world["plan"].refresh_from_db()
    assert world["plan"].revision == 3


def test_only_the_owner_or_the_coordinator_reports(world):
    intervention = _own_intervention(world)
    with pytest.raises(services.NotYourPart):
        services.intervention_update(
            actor=world["caseworker"],  # another organisation
            intervention=intervention,
            expected_version=intervention.version,
            status=InterventionStatus.ONGOING,
        )


def test_stale_intervention_edit_is_refused(world):
    intervention = _own_intervention(world)
    services.intervention_update(
        actor=world["coordinator"],
        intervention=intervention,
        expected_version=1,
        title="Budgetrådgivning",
    )
    with pytest.raises(StaleVersion):
        services.intervention_update(
            actor=world["colleague"],
            intervention=intervention,
            expected_version=1,
            title="Skuldrådgivning",
        )


def test_a_referred_intervention_changes_status_through_its_referral(world, refer):
    intervention = refer().intervention
    with pytest.raises(ValidationError) as error:
        services.intervention_update(
            actor=world["caseworker"],
            intervention=intervention,
            expected_version=intervention.version,
            status=InterventionStatus.ONGOING,
        )
    assert "remissen" in str(error.value)


def test_remove_only_a_planned_intervention_without_referral(world, refer):
    intervention = _own_intervention(world)
    services.intervention_remove(actor=world["coordinator"], intervention=intervention)
    world["plan"].refresh_from_db()
    assert not world["plan"].interventions.exists()
    latest = PlanVersion.objects.get(plan=world["plan"], number=world["plan"].revision)
    assert "borttagen" in latest.summary
    referral = refer()
    with pytest.raises(ValidationError):
        services.intervention_remove(actor=world["coordinator"], intervention=referral.intervention)


# --- versions and signatures -----------------------------------------------------------------


def test_a_version_is_immutable(world, add_goal):
    add_goal("Ett mål")
    version = PlanVersion.objects.get(plan=world["plan"])
    version.summary = "ändrad i efterhand"
    with pytest.raises(ValueError):
        version.save()
    with pytest.raises(ValueError):
        version.delete()


def test_sign_a_version(world, add_goal):
    add_goal("Ett mål")
    version = PlanVersion.objects.get(plan=world["plan"])
    with pytest.raises(ValidationError) as no_witness:
        services.plan_sign(
            actor=world["coordinator"],
            version=version,
            method=SignatureMethod.VERBAL,
            signed_on=TODAY(),
        )
    assert "witness_name" in no_witness.value.message_dict
    with pytest.raises(ValidationError):
        services.plan_sign(
            actor=world["coordinator"],
            version=version,
            method=SignatureMethod.PAPER,
            signed_on=TODAY() + datetime.timedelta(days=1),
        )
    with pytest.raises(services.NotYourPart):
        services.plan_sign(
            actor=world["caseworker"],
            version=version,
            method=SignatureMethod.PAPER,
            signed_on=TODAY(),
        )
    signature = services.plan_sign(
        actor=world["coordinator"],
        version=version,
        method=SignatureMethod.PAPER,
        signed_on=TODAY(),
    )
    assert signature.recorded_by == world["coordinator"]
    assert _entries(world["person"], object_type="plans.plansignature").exists()
    with pytest.raises(ValidationError):
        services.plan_sign(
            actor=world["coordinator"],
            version=version,
            method=SignatureMethod.PAPER,
            signed_on=TODAY(),
        )
    assert PlanSignature.objects.count() == 1
