"""Fixtures shared by the whole suite."""

import pytest

from kitt.access.categories import CONSENTABLE
from kitt.accounts.models import Role


@pytest.fixture
def make_staff(db):
    """make_staff(role, organisation=None, **kw) -> a logged-in-able staff user."""
    from kitt.accounts.tests.factories import UserFactory

    def make(role: str = Role.CASEWORKER, organisation=None, **kwargs):
        if organisation is not None:
            kwargs["organisation"] = organisation
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def person_with_team(db, make_staff):
    """A person, their coordinator (consent for every category) and a caseworker of another
    organisation on the team with consent for the plan only."""
    from kitt.consent.tests.factories import ConsentGrantFactory
    from kitt.people.models import TeamRole
    from kitt.people.tests.factories import PersonFactory, TeamMembershipFactory

    person = PersonFactory()
    coordinator = make_staff(Role.COORDINATOR)
    caseworker = make_staff(Role.CASEWORKER)
    TeamMembershipFactory(person=person, user=coordinator, role=TeamRole.COORDINATOR)
    TeamMembershipFactory(person=person, user=caseworker)
    for category in CONSENTABLE:
        ConsentGrantFactory(person=person, organisation=coordinator.organisation, category=category)
    ConsentGrantFactory(person=person, organisation=caseworker.organisation, category="plan")
    return {"person": person, "coordinator": coordinator, "caseworker": caseworker}
