import pytest

from kitt.access.categories import Category
from kitt.accounts.models import Role


@pytest.fixture
def world(person_with_team, make_staff):
    """person_with_team plus: a caseworker (e-mail, other organisation) with MEETINGS consent,
    the person's open case and one meeting with the coordinator and that caseworker invited."""
    from kitt.consent.tests.factories import ConsentGrantFactory
    from kitt.people.tests.factories import TeamMembershipFactory

    from .factories import MeetingFactory, ParticipantFactory, open_case

    person, coordinator = person_with_team["person"], person_with_team["coordinator"]
    coordinator.email = "coach@kommun.example"
    coordinator.save(update_fields=["email"])
    colleague = make_staff(Role.CASEWORKER, email="handlaggare@af.example")
    TeamMembershipFactory(person=person, user=colleague)
    for category in (Category.MEETINGS, Category.PLAN):
        ConsentGrantFactory(person=person, organisation=colleague.organisation, category=category)
    case = open_case(person, coordinator)
    meeting = MeetingFactory(case=case)
    ParticipantFactory(meeting=meeting, user=coordinator)
    ParticipantFactory(meeting=meeting, user=colleague)
    return {**person_with_team, "colleague": colleague, "case": case, "meeting": meeting}
