"""How to point a URL at one person's data, for the access-matrix test (test_access_matrix.py).

Every URL kwarg that a person view takes needs a builder here: ``builder("plan_id")`` registers
a function ``(person, coordinator) -> value`` that creates (or finds) an object belonging to
``person`` and returns the value to put in the URL. A person URL whose kwarg has no builder makes
the access-matrix test fail, so new person URLs cannot escape it.
"""

from collections.abc import Callable

BUILDERS: dict[str, Callable] = {}


def builder(kwarg: str) -> Callable:
    def register(func: Callable) -> Callable:
        BUILDERS[kwarg] = func
        return func

    return register


@builder("person_id")
def _person(person, coordinator):
    return person.pk


@builder("consent_id")
def _consent(person, coordinator):
    from django.core.files.base import ContentFile

    from kitt.consent.tests.factories import ConsentGrantFactory

    scan = ContentFile(b"%PDF-1.4\n% a scanned consent form\n", name="blankett.pdf")
    return ConsentGrantFactory(
        person=person, organisation=coordinator.organisation, document=scan
    ).pk


@builder("membership_id")
def _membership(person, coordinator):
    from kitt.people.tests.factories import TeamMembershipFactory, UserFactory

    return TeamMembershipFactory(
        person=person, user=UserFactory(organisation=coordinator.organisation)
    ).pk


# --- plans -----------------------------------------------------------------------------------


@builder("version_id")
def _plan_version(person, coordinator):
    from kitt.plans.tests.factories import GoalFactory, plan_for, version_of

    plan = plan_for(person, coordinator)
    GoalFactory(plan=plan)
    return version_of(plan, coordinator).pk


@builder("intervention_id")
def _intervention(person, coordinator):
    from kitt.plans.tests.factories import InterventionFactory, plan_for

    return InterventionFactory(plan=plan_for(person, coordinator)).pk


@builder("referral_id")
def _referral(person, coordinator):
    from kitt.accounts.tests.factories import UserFactory
    from kitt.directory.tests.factories import OrganisationFactory
    from kitt.plans.tests.factories import InterventionFactory, ReferralFactory, plan_for

    organisation = OrganisationFactory()
    intervention = InterventionFactory(
        plan=plan_for(person, coordinator),
        organisation=organisation,
        responsible=UserFactory(organisation=organisation),
    )
    return ReferralFactory(intervention=intervention).pk


# --- meetings --------------------------------------------------------------------------------


@builder("meeting_id")
def _meeting(person, coordinator):
    from kitt.meetings.tests.factories import MeetingFactory, ParticipantFactory, open_case

    meeting = MeetingFactory(case=open_case(person, coordinator), organizer=coordinator)
    ParticipantFactory(meeting=meeting, user=coordinator)
    return meeting.pk


@builder("action_item_id")
def _action_item(person, coordinator):
    from kitt.meetings.models import Meeting
    from kitt.meetings.tests.factories import ActionItemFactory

    meeting = Meeting.objects.get(pk=_meeting(person, coordinator))
    return ActionItemFactory(meeting=meeting, assignee=coordinator).pk


@builder("case_id")
def _case(person, coordinator):
    from kitt.cases.tests.factories import open_case_for

    return open_case_for(person, coordinator).pk


@builder("mapping_id")
def _mapping(person, coordinator):
    from kitt.cases.tests.factories import (
        MappingFactory,
        MappingRowFactory,
        default_life_areas,
        open_case_for,
    )

    mapping = MappingFactory(case=open_case_for(person, coordinator), made_by=coordinator)
    MappingRowFactory(mapping=mapping, area=default_life_areas()[0])
    return mapping.pk
