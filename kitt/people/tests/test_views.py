"""Staff pages about a person: registering, editing (optimistic locking), the team, the API."""

import json

import pytest
from django.urls import reverse

from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry
from kitt.people.models import IdentityKind, Person, TeamMembership, TeamRole

pytestmark = pytest.mark.django_db

VALID = {
    "identity_choice": "number",
    "identity_number": "19850709-9805",
    "first_name": "Rania",
    "last_name": "Haddad",
    "preferred_language": "ar",
    "interpreter_needed": "on",
    "interpreter_language": "arabiska",
}


@pytest.fixture
def coordinator_client(client, make_staff):
    coordinator = make_staff(Role.COORDINATOR)
    client.force_login(coordinator)
    client.user = coordinator
    return client


def test_register_a_person_makes_the_registrar_their_coordinator(coordinator_client):
    response = coordinator_client.post(reverse("people:register"), VALID)
    person = Person.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("consent:register", args=[person.pk])
    assert person.identity_number == "198507099805"
    assert person.identity_kind == IdentityKind.PERSONAL
    membership = TeamMembership.objects.get(person=person)
    assert (membership.user, membership.role) == (coordinator_client.user, TeamRole.COORDINATOR)
    created = AuditEntry.objects.filter(person=person, action="create")
    assert set(created.values_list("category", flat=True)) == {"identity", "team"}


@pytest.mark.parametrize(
    "number", ["19850709-9804", "850230-1234", "12345", "19851309-9805", "<script>"]
)
def test_an_invalid_number_gets_a_clear_message_and_nothing_is_saved(coordinator_client, number):
    response = coordinator_client.post(
        reverse("people:register"), {**VALID, "identity_number": number}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "inte ett giltigt" in html or "10 eller 12 siffror" in html
    assert 'value="Rania"' in html  # what the user typed is kept
    assert not Person.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_person_without_a_number_gets_a_reserve_identity(coordinator_client):
    data = {**VALID, "identity_choice": "reserve", "identity_number": ""}
    coordinator_client.post(reverse("people:register"), data)
    person = Person.objects.get()
    assert person.identity_kind == IdentityKind.RESERVE
    assert person.identity_number.startswith("R")


def test_a_samordningsnummer_is_recognised(coordinator_client):
    coordinator_client.post(reverse("people:register"), {**VALID, "identity_number": "701063-2391"})
    assert Person.objects.get().identity_kind == IdentityKind.COORDINATION


def test_the_same_number_twice_is_refused(coordinator_client):
    coordinator_client.post(reverse("people:register"), VALID)
    response = coordinator_client.post(reverse("people:register"), VALID)
    assert response.status_code == 200
    assert "finns redan" in response.content.decode()
    assert Person.objects.count() == 1


def test_caseworkers_and_leaders_cannot_register(client, make_staff):
    for role in (Role.CASEWORKER, Role.LEADER, Role.ADMINISTRATOR):
        client.force_login(make_staff(role))
        assert client.post(reverse("people:register"), VALID).status_code == 403
    assert not Person.objects.exists()


def test_script_in_free_text_is_shown_as_text(coordinator_client):
    data = {**VALID, "first_name": "<script>alert('x')</script>"}
    coordinator_client.post(reverse("people:register"), data)
    person = Person.objects.get()
    html = coordinator_client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_person_detail_writes_exactly_one_read_entry(person_with_team, client):
    person, coordinator = person_with_team["person"], person_with_team["coordinator"]
    client.force_login(coordinator)
    client.get(reverse("people:detail", args=[person.pk]))
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.category, entry.outcome) == ("view", "identity", "allowed")
    assert entry.request_id


def test_a_stale_edit_is_refused_and_both_versions_are_shown(person_with_team, client):
    person, coordinator = person_with_team["person"], person_with_team["coordinator"]
    client.force_login(coordinator)
    url = reverse("people:edit", args=[person.pk])
    base = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "preferred_language": "sv",
        "version": 1,
    }
    assert client.post(url, {**base, "phone": "070-111 11 11"}).status_code == 302
    response = client.post(url, {**base, "phone": "070-222 22 22"})  # loaded at version 1
    assert response.status_code == 409
    html = response.content.decode()
    assert "070-111 11 11" in html and "070-222 22 22" in html
    person.refresh_from_db()
    assert (person.phone, person.version) == ("070-111 11 11", 2)
    assert 'name="version" value="2"' in html  # saving again is now a deliberate choice


def test_people_list_logs_one_read_per_person_shown(person_with_team, client):
    from kitt.people.tests.factories import PersonFactory, TeamMembershipFactory

    coordinator = person_with_team["coordinator"]
    for _ in range(3):
        TeamMembershipFactory(person=PersonFactory(), user=coordinator, role=TeamRole.COORDINATOR)
    client.force_login(coordinator)
    response = client.get(reverse("people:list"))
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action="view", category="identity").count() == 4


def test_people_list_hides_people_without_consent_for_a_caseworker(person_with_team, client):
    from django.utils import timezone

    from kitt.consent.models import ConsentGrant

    person, caseworker = person_with_team["person"], person_with_team["caseworker"]
    person.last_name = "Ovanligsdotter"
    person.save()
    client.force_login(caseworker)
    assert person.last_name in client.get(reverse("people:list")).content.decode()
    ConsentGrant.objects.filter(organisation=caseworker.organisation).update(
        withdrawn_at=timezone.now()
    )
    assert person.last_name not in client.get(reverse("people:list")).content.decode()


def test_people_list_query_count_is_bounded(
    person_with_team, client, django_assert_max_num_queries
):
    from kitt.people.tests.factories import PersonFactory, TeamMembershipFactory

    coordinator = person_with_team["coordinator"]
    client.force_login(coordinator)
    for _ in range(15):
        TeamMembershipFactory(person=PersonFactory(), user=coordinator, role=TeamRole.COORDINATOR)
    with django_assert_max_num_queries(15):
        client.get(reverse("people:list"))


def test_team_add_and_end(person_with_team, client, make_staff):
    person, coordinator = person_with_team["person"], person_with_team["coordinator"]
    newcomer = make_staff(Role.CASEWORKER)
    client.force_login(coordinator)
    response = client.post(
        reverse("people:team", args=[person.pk]), {"user": newcomer.pk, "role": TeamRole.MEMBER}
    )
    assert response.status_code == 302
    membership = TeamMembership.objects.get(person=person, user=newcomer)
    client.post(reverse("people:team_end", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.ended_at is not None  # kept, not deleted


# --- the API ---------------------------------------------------------------------------------


def test_api_register_refuses_an_invalid_number_with_a_reason(coordinator_client):
    response = coordinator_client.post(
        reverse("api:person_register"),
        data=json.dumps({"identity_number": "19850709-9804", "first_name": "A", "last_name": "B"}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "identity_number" in response.json()
    assert not Person.objects.exists()


def test_api_register_and_read(coordinator_client):
    response = coordinator_client.post(
        reverse("api:person_register"),
        data=json.dumps({"identity_number": "8507099805", "first_name": "A", "last_name": "B"}),
        content_type="application/json",
    )
    assert response.status_code == 201
    person_id = response.json()["id"]
    detail = coordinator_client.get(reverse("api:person_detail", args=[person_id]))
    assert detail.json()["identity_number"] == "19850709-9805"


def test_api_read_is_refused_off_the_team_as_json_and_logged(person_with_team, client, make_staff):
    outsider = make_staff(Role.CASEWORKER, organisation=person_with_team["caseworker"].organisation)
    client.force_login(outsider)
    response = client.get(reverse("api:person_detail", args=[person_with_team["person"].pk]))
    assert response.status_code == 403
    assert response.json()["detail"]
    assert AuditEntry.objects.get().outcome == "refused"
