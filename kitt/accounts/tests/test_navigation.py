"""Each role sees only the navigation it may use, and lands on its own home page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from kitt.accounts.models import Role
from kitt.accounts.navigation import navigation_for
from kitt.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOME_TEMPLATES = {
    Role.COORDINATOR: "accounts/home_coordinator.html",
    Role.CASEWORKER: "accounts/home_caseworker.html",
    Role.LEADER: "accounts/home_leader.html",
    Role.ADMINISTRATOR: "accounts/home_administrator.html",
}


def labels(user) -> list[str]:
    return [str(item["label"]) for item in navigation_for(user)]


def url_names(user) -> set[str]:
    return {item["url_name"] for item in navigation_for(user)}


def test_coordinator_may_register_a_person(make_staff):
    user = make_staff(Role.COORDINATOR)
    assert "Registrera person" in labels(user)
    assert "Deltagare" in labels(user)
    assert "people:register" in url_names(user)
    assert "Administration" not in labels(user)


def test_caseworker_sees_people_but_may_not_register(make_staff):
    user = make_staff(Role.CASEWORKER)
    assert "Deltagare" in labels(user)
    assert "Registrera person" not in labels(user)
    assert "Administration" not in labels(user)


def test_leader_sees_no_individuals(make_staff):
    user = make_staff(Role.LEADER)
    assert "Deltagare" not in labels(user)
    assert "Registrera person" not in labels(user)
    assert not url_names(user) & {"people:list", "people:register"}
    assert "Administration" not in labels(user)


def test_administrator_sees_administration(make_staff):
    user = make_staff(Role.ADMINISTRATOR)
    assert "Administration" in labels(user)
    assert "admin:index" in url_names(user)
    assert "Deltagare" not in labels(user)
    assert "Registrera person" not in labels(user)


@pytest.mark.parametrize("role", list(Role))
def test_every_role_sees_start_and_the_directory(make_staff, role):
    user = make_staff(role)
    assert "Tjänstekatalog" in labels(user)
    items = {item["url_name"]: item["url"] for item in navigation_for(user)}
    assert items["directory:search"] == reverse("directory:search")
    assert items["accounts:home"] == "/"


@pytest.mark.parametrize("role", list(Role))
def test_no_two_entries_lead_to_the_same_page(make_staff, role):
    urls = [item["url"] for item in navigation_for(make_staff(role))]
    assert len(urls) == len(set(urls))


def test_no_navigation_without_a_staff_role():
    assert navigation_for(AnonymousUser()) == []
    assert navigation_for(UserFactory.build(organisation=None, role="")) == []


@pytest.mark.parametrize("role", list(Role))
def test_each_role_lands_on_its_own_home_page_after_login(client, make_staff, role):
    user = make_staff(role)
    response = client.post(
        reverse("accounts:login"),
        {"username": user.username, "password": "kitt-test-pass"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:home") == "/"
    assert response.status_code == 200
    templates = [t.name for t in response.templates]
    assert HOME_TEMPLATES[role] in templates
    others = set(HOME_TEMPLATES.values()) - {HOME_TEMPLATES[role]}
    assert not others & set(templates)


@pytest.mark.parametrize("role", list(Role))
def test_home_page_menu_matches_the_role(client, make_staff, role):
    user = make_staff(role)
    client.force_login(user)
    html = client.get("/").content.decode()
    for label in labels(user):
        assert f">{label}</a>" in html
    assert 'aria-current="page">Start</a>' in html
    if role == Role.LEADER:
        assert ">Deltagare</a>" not in html


def test_home_redirects_anonymous_users_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_only_the_best_matching_menu_entry_is_current(client, make_staff):
    from django.urls import reverse

    client.force_login(make_staff("coordinator"))
    html = client.get(reverse("people:register")).content.decode()
    assert html.count('aria-current="page"') == 1
    current = html.split('aria-current="page"')[1].split("</a>")[0]
    assert "Registrera person" in current
