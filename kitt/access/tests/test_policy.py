import pytest
from django.utils import timezone

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.accounts.models import Role
from kitt.consent.models import ConsentGrant

pytestmark = pytest.mark.django_db


def test_coordinator_with_consent_may_view_every_consented_category(person_with_team):
    coordinator, person = person_with_team["coordinator"], person_with_team["person"]
    for category in (Category.MAPPING, Category.PLAN, Category.HEALTH, Category.AUDIT):
        assert policy.can(coordinator, Action.VIEW, person, category)


def test_caseworker_sees_only_the_consented_category(person_with_team):
    caseworker, person = person_with_team["caseworker"], person_with_team["person"]
    assert policy.can(caseworker, Action.VIEW, person, Category.PLAN)
    assert policy.can(caseworker, Action.VIEW, person, Category.IDENTITY)
    assert not policy.can(caseworker, Action.VIEW, person, Category.MAPPING)
    assert not policy.can(caseworker, Action.VIEW, person, Category.CONSENT)
    assert not policy.can(caseworker, Action.EXPORT, person, Category.PLAN)


def test_withdrawal_takes_effect_at_once(person_with_team):
    caseworker, person = person_with_team["caseworker"], person_with_team["person"]
    ConsentGrant.objects.filter(organisation=caseworker.organisation).update(
        withdrawn_at=timezone.now()
    )
    assert not policy.can(caseworker, Action.VIEW, person, Category.PLAN)
    assert not policy.can(caseworker, Action.VIEW, person, Category.IDENTITY)


def test_staff_off_the_team_are_refused_even_with_consent(person_with_team, make_staff):
    outsider = make_staff(Role.CASEWORKER, organisation=person_with_team["caseworker"].organisation)
    assert not policy.can(outsider, Action.VIEW, person_with_team["person"], Category.PLAN)


@pytest.mark.parametrize("role", [Role.LEADER, Role.ADMINISTRATOR])
def test_leaders_and_administrators_see_no_individual(person_with_team, make_staff, role):
    from kitt.people.tests.factories import TeamMembershipFactory

    user = make_staff(role, organisation=person_with_team["coordinator"].organisation)
    TeamMembershipFactory(person=person_with_team["person"], user=user)
    for category in Category.values:
        assert not policy.can(user, Action.VIEW, person_with_team["person"], category)


def test_refusal_is_logged(person_with_team):
    from django.core.exceptions import PermissionDenied

    from kitt.audit.models import AuditEntry

    caseworker, person = person_with_team["caseworker"], person_with_team["person"]
    with pytest.raises(PermissionDenied):
        policy.require(caseworker, Action.VIEW, person, Category.HEALTH)
    entry = AuditEntry.objects.get()
    assert (entry.outcome, entry.person_id, entry.category) == ("refused", person.pk, "health")
    assert entry.actor_id == caseworker.pk


@pytest.mark.parametrize("category", Category.values)
def test_people_visible_to_agrees_with_decide(person_with_team, make_staff, category):
    """The SQL form of the rules must give the same answer as the per-person decision."""
    from kitt.people.tests.factories import PersonFactory, TeamMembershipFactory

    users = [person_with_team["coordinator"], person_with_team["caseworker"], make_staff()]
    TeamMembershipFactory(person=PersonFactory(), user=users[1])  # on a team, no consent
    for user in users:
        visible = set(policy.people_visible_to(user, category).values_list("pk", flat=True))
        from kitt.people.models import Person

        for person in Person.objects.all():
            assert (person.pk in visible) == policy.can(user, Action.VIEW, person, category)
