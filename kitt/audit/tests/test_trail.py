"""The audit trail told to the person: named staff unless protected or the organisation says so."""

import pytest
from django.urls import reverse

from kitt.access.categories import Action, Category
from kitt.audit.models import Outcome
from kitt.audit.selectors import trail_for_person
from kitt.audit.services import audit_append

pytestmark = pytest.mark.django_db


def test_staff_are_named_with_organisation_and_unit(person_with_team):
    from kitt.directory.tests.factories import UnitFactory

    caseworker, person = person_with_team["caseworker"], person_with_team["person"]
    caseworker.unit = UnitFactory(organisation=caseworker.organisation, name="Jobbtorget")
    caseworker.save()
    audit_append(
        actor=caseworker,
        action=Action.VIEW,
        person=person,
        category=Category.PLAN,
        purpose="Förberedelse inför möte",
    )
    (line,) = trail_for_person(person)
    assert line.who == caseworker.get_full_name()
    assert (line.organisation, line.unit) == (caseworker.organisation.name, "Jobbtorget")
    assert line.what == "läste din handlingsplan"
    assert line.why == "Förberedelse inför möte"


def test_a_protected_identity_is_shown_by_role(person_with_team):
    caseworker, person = person_with_team["caseworker"], person_with_team["person"]
    caseworker.protected_identity = True
    caseworker.save()
    audit_append(actor=caseworker, action=Action.VIEW, person=person, category=Category.PLAN)
    (line,) = trail_for_person(person)
    assert line.who == "Handläggare"
    assert caseworker.last_name not in line.who
    assert line.organisation == caseworker.organisation.name


def test_an_organisation_can_show_only_unit_and_role(person_with_team):
    caseworker, person = person_with_team["caseworker"], person_with_team["person"]
    caseworker.organisation.show_staff_names_in_audit = False
    caseworker.organisation.save()
    audit_append(actor=caseworker, action=Action.EDIT, person=person, category=Category.PLAN)
    (line,) = trail_for_person(person)
    assert line.who == "Handläggare"
    assert line.what == "ändrade din handlingsplan"


def test_refusals_are_told_as_refusals(person_with_team):
    caseworker, person = person_with_team["caseworker"], person_with_team["person"]
    audit_append(
        actor=caseworker,
        action=Action.VIEW,
        person=person,
        category=Category.HEALTH,
        outcome=Outcome.REFUSED,
        reason="no consent",
    )
    (line,) = trail_for_person(person)
    assert line.refused
    assert "försökte läsa dina hälsoanteckningar" in line.what


def test_only_the_coordinator_sees_the_trail_page(person_with_team, client):
    person = person_with_team["person"]
    client.force_login(person_with_team["caseworker"])
    assert client.get(reverse("audit:person_trail", args=[person.pk])).status_code == 403
    client.force_login(person_with_team["coordinator"])
    response = client.get(reverse("audit:person_trail", args=[person.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "försökte läsa loggen" in html  # the caseworker's refused attempt is shown


def test_trail_query_count_is_bounded(person_with_team, client, django_assert_max_num_queries):
    person, coordinator = person_with_team["person"], person_with_team["coordinator"]
    for _ in range(50):
        audit_append(actor=coordinator, action=Action.VIEW, person=person, category=Category.PLAN)
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        client.get(reverse("audit:person_trail", args=[person.pk]))
