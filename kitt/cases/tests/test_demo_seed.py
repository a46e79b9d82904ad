import pytest
from django.apps import apps

from kitt.audit.models import AuditEntry
from kitt.cases.models import Case, Stage
from kitt.demo.seed import cases, organisations, people, services, staff

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("cases").get_models()
    } | {"audit": AuditEntry.objects.count()}


def test_demo_cases_cover_the_chain_and_a_second_run_changes_nothing(settings):
    settings.KITT_DEMO_PEOPLE = 40
    for step in (organisations.seed, services.seed, staff.seed, people.seed):
        step()
    cases.seed()
    coach_stages = set(
        Case.objects.filter(coordinator__username="coach").values_list("stage", flat=True)
    )
    assert coach_stages == set(Stage.values)
    assert Case.objects.filter(mappings__rows__own_words__gt="").exists()
    assert Case.objects.filter(relational_entries__isnull=False).exists()
    before = _counts()

    cases.seed()

    assert _counts() == before
