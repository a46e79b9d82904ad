import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse

from kitt.accounts.models import Role, User
from kitt.directory.models import Need, Organisation, Service, Unit
from kitt.directory.tests.factories import OrganisationFactory, ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(make_staff):
    user = make_staff(Role.ADMINISTRATOR, is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["directory", "accounts"],
        )
    )
    return user


def test_directory_models_and_users_are_registered():
    for model in (Organisation, Unit, Need, Service, User):
        assert admin.site.is_registered(model), model


# Configuration the administrator keeps in apps that otherwise hold personal data.
CONFIGURATION_MODELS = {"cases.intakecriterion", "cases.lifearea", "meetings.agendatemplate"}


def test_no_personal_data_in_the_admin():
    personal_apps = {"people", "consent", "audit", "cases", "plans", "meetings"}
    registered = {model._meta.label_lower for model in admin.site._registry}
    personal = {label for label in registered if label.split(".")[0] in personal_apps}
    assert personal <= CONFIGURATION_MODELS


@pytest.mark.parametrize(
    "name",
    [
        "admin:directory_organisation_changelist",
        "admin:directory_unit_changelist",
        "admin:directory_need_changelist",
        "admin:directory_service_changelist",
        "admin:accounts_user_changelist",
        "admin:directory_service_add",
        "admin:accounts_user_add",
    ],
)
def test_administrator_opens_admin_pages(client, administrator, name):
    ServiceFactory()
    client.force_login(administrator)
    assert client.get(reverse(name)).status_code == 200


def test_user_change_page_shows_the_staff_fields(client, administrator, make_staff):
    other = make_staff(Role.COORDINATOR)
    client.force_login(administrator)
    html = client.get(reverse("admin:accounts_user_change", args=[other.pk])).content.decode()
    for field in ("organisation", "unit", "role", "title", "protected_identity"):
        assert f'name="{field}"' in html
    # Only a superuser may grant admin rights.
    assert 'name="is_superuser"' not in html


def test_administrator_cannot_make_a_superuser(client, administrator, make_staff):
    other = make_staff(Role.CASEWORKER)
    client.force_login(administrator)
    response = client.post(
        reverse("admin:accounts_user_change", args=[other.pk]),
        {
            "username": other.username,
            "first_name": other.first_name,
            "last_name": other.last_name,
            "email": "",
            "organisation": other.organisation_id,
            "role": Role.LEADER,
            "title": "Chef",
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
        },
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.role == Role.LEADER
    assert not other.is_superuser and not other.is_staff


def test_unit_must_belong_to_the_users_organisation(client, administrator, make_staff):
    other = make_staff(Role.CASEWORKER)
    foreign_unit = UnitFactory(organisation=OrganisationFactory())
    client.force_login(administrator)
    response = client.post(
        reverse("admin:accounts_user_change", args=[other.pk]),
        {
            "username": other.username,
            "organisation": other.organisation_id,
            "unit": foreign_unit.pk,
            "role": Role.CASEWORKER,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Enheten hör inte till den valda organisationen." in response.content.decode()


def test_service_unit_must_belong_to_its_organisation(client, administrator):
    org = OrganisationFactory()
    foreign_unit = UnitFactory()
    client.force_login(administrator)
    response = client.post(
        reverse("admin:directory_service_add"),
        {
            "organisation": org.pk,
            "unit": foreign_unit.pk,
            "name": "Ny insats",
            "description": "Text",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Enheten hör inte till den valda organisationen." in response.content.decode()
    assert not Service.objects.filter(name="Ny insats").exists()


def test_saving_a_service_in_the_admin_indexes_it(client, administrator):
    org = OrganisationFactory(name="Region Skåne")
    need = Need.objects.create(code="somn", name="Sömn", keywords="sova")
    client.force_login(administrator)
    response = client.post(
        reverse("admin:directory_service_add"),
        {
            "organisation": org.pk,
            "name": "Sömnskola",
            "description": "KBT i grupp.",
            "needs": [need.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    service = Service.objects.get(name="Sömnskola")
    assert "sova" in service.search_text and "region skåne" in service.search_text
