from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from kitt.accounts.models import Role, User
from kitt.demo.seed import STEPS
from kitt.demo.seed.staff import DEMO_PASSWORD, STAFF, logins_markdown
from kitt.directory import selectors
from kitt.directory.models import Need, Organisation, Service

pytestmark = pytest.mark.django_db

LOGINS = Path(__file__).resolve().parent.parent / "LOGINS.md"


def row_counts() -> dict[str, int]:
    """Rows per model, over every installed model (the whole demo, not only these steps)."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models(include_auto_created=True)
    }


def snapshot():
    users = {
        u.username: (u.first_name, u.last_name, u.role, u.organisation_id, u.unit_id, u.password)
        for u in User.objects.all()
    }
    services = {
        (s.organisation_id, s.name): (s.description, s.search_text, s.unit_id)
        for s in Service.objects.all()
    }
    return users, services


# The directory steps alone (fast); the whole command, with every later step other apps add,
# runs in test_running_demo_twice_changes_nothing.
OWN_STEPS = {"organisationer", "tjänstekatalog", "personal"}


def run_own_steps():
    for label, step in STEPS:
        if label in OWN_STEPS:
            step()


@pytest.fixture
def demo(db):
    run_own_steps()


def test_running_demo_twice_changes_nothing(db, capsys):
    call_command("demo")
    first = capsys.readouterr().out
    assert "30 konton (30 nya)" in first
    before_counts, before = row_counts(), snapshot()
    call_command("demo")
    assert row_counts() == before_counts
    assert snapshot() == before
    assert "0 nya" in capsys.readouterr().out
    # What the README promises.
    staff = User.objects.exclude(role="")
    assert staff.count() >= 20
    assert set(staff.values_list("role", flat=True)) == set(Role.values)
    assert Organisation.objects.count() >= 6
    assert Service.objects.filter(is_active=True).count() >= 25


def test_demo_has_six_organisations_and_a_service_catalogue(demo):
    assert Organisation.objects.count() >= 6
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds >= {"af", "amf", "sfi", "fk", "soc", "region"}
    terms = dict(Organisation.objects.values_list("short_name", "person_term"))
    assert terms["AF"] == "kund" and terms["AMF"] == "sökande" and terms["SFI/Komvux"] == "elev"
    assert Service.objects.filter(is_active=True).count() >= 25
    assert Need.objects.count() == 12
    assert not Service.objects.filter(needs=None).exists()
    assert not Service.objects.filter(search_text="").exists()
    assert all(o.units.exists() for o in Organisation.objects.all())


def test_demo_staff_cover_every_role(demo):
    staff = User.objects.exclude(role="")
    assert staff.count() >= 24
    counts = {role: staff.filter(role=role).count() for role in Role}
    assert counts[Role.COORDINATOR] >= 3
    assert counts[Role.LEADER] >= 3
    assert counts[Role.ADMINISTRATOR] == 1
    orgs_with_caseworkers = set(
        staff.filter(role=Role.CASEWORKER).values_list("organisation__short_name", flat=True)
    )
    assert len(orgs_with_caseworkers) == 6
    assert all(u.unit.organisation_id == u.organisation_id for u in staff.select_related("unit"))


def test_the_first_account_of_each_role_has_a_plain_name(demo):
    expected = {
        "coach": Role.COORDINATOR,
        "handlaggare": Role.CASEWORKER,
        "ledare": Role.LEADER,
        "admin": Role.ADMINISTRATOR,
    }
    for username, role in expected.items():
        user = User.objects.get(username=username)
        assert user.role == role
        request = RequestFactory().post("/logga-in/")
        assert authenticate(request, username=username, password=DEMO_PASSWORD) == user
    assert User.objects.get(username="handlaggare").organisation.short_name == "AF"


def test_administrator_manages_directory_and_users_only(demo):
    admin = User.objects.get(username="admin")
    assert admin.is_staff and not admin.is_superuser
    assert admin.has_perm("directory.change_service")
    assert admin.has_perm("accounts.change_user")
    for perm in ("people.view_person", "consent.view_consentgrant", "audit.view_auditentry"):
        assert not admin.has_perm(perm)
    assert not User.objects.filter(is_superuser=True).exists()
    assert not User.objects.exclude(username="admin").filter(is_staff=True).exists()


def test_a_changed_password_survives_another_run(demo):
    user = User.objects.get(username="coach")
    user.set_password("ett-annat-losenord-2026")
    user.save()
    run_own_steps()
    user.refresh_from_db()
    assert user.check_password("ett-annat-losenord-2026")


def test_demo_search_answers_who_can_help_with_housing(demo):
    result = selectors.directory_search(query="vem kan hjälpa med boende?")
    organisations = {g.organisation.short_name for g in result.groups}
    assert "Socialtjänsten" in organisations
    assert result.service_count >= 3


def test_steps_are_a_list_of_labelled_callables():
    assert [label for label, _ in STEPS][:3] == ["organisationer", "tjänstekatalog", "personal"]
    assert all(callable(step) for _, step in STEPS)


def test_logins_file_is_the_generated_table():
    assert LOGINS.read_text(encoding="utf-8") == logins_markdown()
    for spec in STAFF:
        assert f"`{spec.username}`" in logins_markdown()
