import pytest

from kitt.cases.models import Stage
from kitt.insights import selectors
from kitt.insights.suppression import suppress

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "–"), (4, "–"), (5, "5"), (12, "12")])
def test_small_cells_are_suppressed(count, shown, settings):
    settings.KITT_SMALL_CELL_THRESHOLD = 5
    assert str(suppress(count)) == shown


def test_cases_by_stage_suppress_small_groups(settings, make_staff):
    from kitt.cases.tests.factories import CaseFactory
    from kitt.people.tests.factories import PersonFactory

    settings.KITT_SMALL_CELL_THRESHOLD = 3
    coordinator = make_staff("coordinator")
    for _ in range(3):
        CaseFactory(person=PersonFactory(), coordinator=coordinator, stage=Stage.MAPPING)
    CaseFactory(person=PersonFactory(), coordinator=coordinator, stage=Stage.PLANNING)
    shown = {label: cell for label, cell in selectors.cases_by_stage()}
    assert shown[Stage.MAPPING.label].value == 3
    assert shown[Stage.PLANNING.label].suppressed
    assert shown[Stage.CLOSED.label].value == 0


def test_leader_home_shows_aggregates_and_no_names(client, make_staff, settings):
    from kitt.cases.tests.factories import CaseFactory
    from kitt.people.tests.factories import PersonFactory

    settings.KITT_SMALL_CELL_THRESHOLD = 2
    coordinator = make_staff("coordinator")
    people = [PersonFactory(last_name=f"Ovanligsson{i}") for i in range(3)]
    for person in people:
        CaseFactory(person=person, coordinator=coordinator, stage=Stage.INTAKE)
    client.force_login(make_staff("leader"))
    html = client.get("/").content.decode()
    assert "Ärenden per steg i kedjan" in html
    assert "Ovanligsson" not in html


def test_leader_home_query_count_does_not_grow(client, make_staff, django_assert_max_num_queries):
    from kitt.cases.tests.factories import CaseFactory
    from kitt.people.tests.factories import PersonFactory

    coordinator = make_staff("coordinator")
    for _ in range(20):
        CaseFactory(person=PersonFactory(), coordinator=coordinator)
    client.force_login(make_staff("leader"))
    with django_assert_max_num_queries(10):
        client.get("/")
