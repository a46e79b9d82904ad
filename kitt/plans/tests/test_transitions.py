"""The referral loop (FHIR Task statuses) and the intervention statuses: one dict each."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kitt.audit.models import AuditEntry
from kitt.consent.models import ConsentGrant
from kitt.plans import services
from kitt.plans.models import InterventionStatus, ReferralReason, ReferralStatus
from kitt.plans.transitions import (
    INTERVENTION_TRANSITIONS,
    RECEIVER,
    REFERRAL_CLOSED,
    REFERRAL_TO_INTERVENTION,
    REFERRAL_TRANSITIONS,
    REQUESTER,
    intervention_may_move,
    referral_next,
)

R = ReferralStatus


def test_every_status_has_its_steps_and_a_mapped_intervention_status():
    assert set(REFERRAL_TRANSITIONS) == set(ReferralStatus.values)
    assert set(REFERRAL_TO_INTERVENTION) == set(ReferralStatus.values)
    assert set(INTERVENTION_TRANSITIONS) == set(InterventionStatus.values)
    for steps in REFERRAL_TRANSITIONS.values():
        assert set(steps) <= set(ReferralStatus.values)
        assert set(steps.values()) <= {RECEIVER, REQUESTER}


def test_the_loop_is_the_fhir_task_loop():
    assert set(referral_next(R.REQUESTED, RECEIVER)) == {R.ACCEPTED, R.REJECTED}
    assert referral_next(R.REQUESTED, REQUESTER) == [R.CANCELLED]
    assert R.ON_HOLD in referral_next(R.IN_PROGRESS) and R.IN_PROGRESS in referral_next(R.ON_HOLD)
    assert {R.REJECTED, R.COMPLETED, R.CANCELLED, R.FAILED} == REFERRAL_CLOSED
    for closed in REFERRAL_CLOSED:
        assert referral_next(closed) == []
    # Every open status can be closed by someone: the loop always ends.
    for status in set(ReferralStatus.values) - REFERRAL_CLOSED:
        assert set(referral_next(status)) & REFERRAL_CLOSED


def test_intervention_steps():
    assert intervention_may_move("planned", "ongoing")
    assert intervention_may_move("ongoing", "paused") and intervention_may_move("paused", "ongoing")
    assert not intervention_may_move("planned", "completed")
    assert not intervention_may_move("completed", "ongoing")
    assert intervention_may_move("cancelled", "cancelled")


# --- through the services --------------------------------------------------------------------


def _move(actor, referral, to_status, **kwargs):
    referral.refresh_from_db()
    return services.referral_transition(
        actor=actor,
        referral=referral,
        expected_version=referral.version,
        to_status=to_status,
        **kwargs,
    )


@pytest.mark.django_db
def test_a_referral_round_trip(world, refer):
    caseworker = world["caseworker"]
    referral = refer()
    referral = services.referral_accept(
        actor=caseworker, referral=referral, expected_version=referral.version, note="Välkommen"
    )
    assert referral.answered_by == caseworker and referral.answered_at
    referral = services.referral_start(
        actor=caseworker, referral=referral, expected_version=referral.version
    )
    referral.intervention.refresh_from_db()
    assert referral.intervention.status == InterventionStatus.ONGOING
    assert referral.intervention.actual_start == timezone.localdate()
    referral = services.referral_hold(
        actor=caseworker,
        referral=referral,
        expected_version=referral.version,
        reason_text="Sjukskriven två veckor",
    )
    referral.intervention.refresh_from_db()
    assert referral.intervention.status == InterventionStatus.PAUSED
    referral = _move(caseworker, referral, R.IN_PROGRESS)
    with pytest.raises(ValidationError) as no_outcome:
        _move(caseworker, referral, R.COMPLETED)
    assert "outcome" in no_outcome.value.message_dict
    referral = services.referral_complete(
        actor=caseworker,
        referral=referral,
        expected_version=referral.version,
        outcome="Fick förlängd praktik och sedan anställning med lönestöd",
    )
    assert referral.closed_at is not None
    referral.intervention.refresh_from_db()
    assert referral.intervention.status == InterventionStatus.COMPLETED
    assert referral.intervention.actual_end == timezone.localdate()
    assert list(referral.events.values_list("to_status", flat=True)) == [
        "requested", "accepted", "in-progress", "on-hold", "in-progress", "completed",
    ]  # fmt: skip
    world["plan"].refresh_from_db()
    # created, started, paused, resumed, completed: five changes of the plan's content
    assert world["plan"].revision == 5


@pytest.mark.django_db
def test_declining_needs_a_reason_and_cancels_the_intervention(world, refer):
    referral = refer()
    with pytest.raises(ValidationError) as no_reason:
        _move(world["caseworker"], referral, R.REJECTED)
    assert "reason_code" in no_reason.value.message_dict
    referral = services.referral_decline(
        actor=world["caseworker"],
        referral=referral,
        expected_version=referral.version,
        reason_code=ReferralReason.NO_CAPACITY,
        reason_text="Fullt till hösten",
    )
    referral.intervention.refresh_from_db()
    assert referral.intervention.status == InterventionStatus.CANCELLED
    assert "Ingen plats" in referral.intervention.status_reason
    assert "Fullt till hösten" in referral.intervention.status_reason


@pytest.mark.django_db
def test_each_side_takes_only_its_own_steps(world, refer):
    referral = refer()
    with pytest.raises(services.NotYourPart):
        _move(world["coordinator"], referral, R.ACCEPTED)  # the coordinator cannot accept
    with pytest.raises(services.NotYourPart):
        _move(world["caseworker"], referral, R.CANCELLED, reason_code="no-longer-needed")
    referral = services.referral_cancel(
        actor=world["coordinator"],
        referral=referral,
        expected_version=referral.version,
        reason_code=ReferralReason.NO_LONGER_NEEDED,
    )
    assert referral.status == R.CANCELLED


@pytest.mark.django_db
@pytest.mark.parametrize(
    "from_status,to_status",
    [
        (a, b)
        for a, b in itertools.product([R.REQUESTED, R.ACCEPTED], ReferralStatus.values)
        if b not in REFERRAL_TRANSITIONS[a]
    ],
)
def test_steps_not_in_the_dict_are_refused(world, refer, from_status, to_status):
    referral = refer()
    if from_status == R.ACCEPTED:
        referral = _move(world["caseworker"], referral, R.ACCEPTED)
    with pytest.raises(ValidationError):
        _move(
            world["caseworker"],
            referral,
            to_status,
            reason_code=ReferralReason.OTHER,
            reason_text="x",
            outcome="x",
        )
    referral.refresh_from_db()
    assert referral.status == from_status


@pytest.mark.django_db
def test_a_withdrawn_consent_stops_the_receiver_at_the_next_step(world, refer):
    referral = refer()
    ConsentGrant.objects.filter(organisation=world["caseworker"].organisation).update(
        withdrawn_at=timezone.now()
    )
    with pytest.raises(PermissionDenied):
        _move(world["caseworker"], referral, R.ACCEPTED)
    refusal = AuditEntry.objects.filter(outcome="refused").get()
    assert refusal.actor_id == world["caseworker"].pk
    assert refusal.object_type == "plans.referral"
    referral.refresh_from_db()
    assert referral.status == R.REQUESTED


@pytest.mark.django_db
def test_a_stale_answer_is_refused(world, refer):
    from kitt.core.locking import StaleVersion

    referral = refer()
    loaded = referral.version
    _move(world["caseworker"], referral, R.ACCEPTED)
    with pytest.raises(StaleVersion):
        services.referral_decline(
            actor=world["caseworker"],
            referral=referral,
            expected_version=loaded,
            reason_code=ReferralReason.NOT_ELIGIBLE,
        )
