import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kitt.access.categories import CONSENTABLE, Category
from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry
from kitt.cases import selectors, services
from kitt.cases.models import Case, Stage
from kitt.cases.terms import term_for_word
from kitt.consent.tests.factories import ConsentGrantFactory
from kitt.people.models import TeamRole
from kitt.people.tests.factories import PersonFactory, TeamMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_staff):
    return make_staff(Role.COORDINATOR)


def _person_of(coordinator):
    person = PersonFactory()
    TeamMembershipFactory(person=person, user=coordinator, role=TeamRole.COORDINATOR)
    for category in CONSENTABLE:
        ConsentGrantFactory(person=person, organisation=coordinator.organisation, category=category)
    return person


def _case_at(coordinator, stage, *, since_days=0):
    case = services.case_open(actor=coordinator, person=_person_of(coordinator))
    Case.objects.filter(pk=case.pk).update(
        stage=stage, stage_changed_on=timezone.localdate() - datetime.timedelta(days=since_days)
    )
    case.refresh_from_db()
    return case


def test_the_overview_groups_open_cases_by_stage(coordinator, make_staff):
    planning = _case_at(coordinator, Stage.PLANNING)
    _case_at(coordinator, Stage.PLANNING)
    intake = _case_at(coordinator, Stage.INTAKE)
    no_case = _person_of(coordinator)
    others = _case_at(make_staff(Role.COORDINATOR), Stage.PLANNING)  # someone else's

    overview = selectors.coordinator_overview(coordinator)

    by_stage = {column["stage"]: column["cases"] for column in overview["by_stage"]}
    assert {c.pk for c in by_stage[Stage.PLANNING]} >= {planning.pk}
    assert len(by_stage[Stage.PLANNING]) == 2
    assert [c.pk for c in by_stage[Stage.INTAKE]] == [intake.pk]
    assert others.pk not in {c.pk for cases in by_stage.values() for c in cases}
    assert overview["without_case"] == [no_case]
    assert overview["open_count"] == 3
    logged = set(AuditEntry.objects.filter(action="view").values_list("person_id", flat=True))
    assert no_case.pk in logged and intake.person_id in logged


def test_follow_up_due(coordinator):
    from kitt.meetings.tests.factories import MeetingFactory

    in_follow_up = _case_at(coordinator, Stage.FOLLOW_UP)
    long_without = _case_at(coordinator, Stage.IMPLEMENTATION, since_days=60)
    recently_met = _case_at(coordinator, Stage.IMPLEMENTATION, since_days=90)
    MeetingFactory(
        case=recently_met,
        meeting_type="follow_up",
        starts_at=timezone.now() - datetime.timedelta(days=20),
    )
    booked = _case_at(coordinator, Stage.IMPLEMENTATION, since_days=90)
    MeetingFactory(case=booked, meeting_type="follow_up")  # tomorrow
    _case_at(coordinator, Stage.IMPLEMENTATION, since_days=20)  # just started

    due = selectors.coordinator_overview(coordinator)["follow_ups_due"]

    assert {d["case"].pk for d in due} == {in_follow_up.pk, long_without.pk}


def test_the_coordinator_home_page(client, coordinator):
    case = _case_at(coordinator, Stage.IMPLEMENTATION, since_days=70)
    client.force_login(coordinator)
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("cases:detail", args=[case.pk]) in html
    assert "Uppföljning behövs" in html and "8 veckor" in html


def test_the_caseworker_home_page(client, person_with_team):
    services.case_open(actor=person_with_team["coordinator"], person=person_with_team["person"])
    client.force_login(person_with_team["caseworker"])
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Insatser att rapportera" in html and "Mina uppgifter" in html


def test_the_chain_marks_done_current_and_todo():
    case = Case(stage=Stage.PLANNING)
    states = [step["state"] for step in selectors.chain_steps(case)]
    assert states == ["done", "done", "current", "todo", "todo", "todo"]


@pytest.mark.parametrize(
    ("word", "definite", "genitive"),
    [
        ("kund", "kunden", "kundens"),
        ("sökande", "sökanden", "sökandens"),
        ("elev", "eleven", "elevens"),
        ("deltagare", "deltagaren", "deltagarens"),
        ("försäkrad", "den försäkrade", "den försäkrades"),
        ("", "deltagaren", "deltagarens"),
    ],
)
def test_each_organisations_word_inflected(word, definite, genitive):
    term = term_for_word(word)
    assert (term.definite, term.genitive) == (definite, genitive)


def test_a_section_is_shown_only_for_its_category(person_with_team):
    case = services.case_open(
        actor=person_with_team["coordinator"], person=person_with_team["person"]
    )
    page = selectors.case_page(person_with_team["caseworker"], case)
    assert page.visible == {Category.PLAN, Category.IDENTITY}
    assert page.team is None and page.mapping is None and page.relational is None
    assert page.intake is not None


def test_the_coordinator_home_page_queries_do_not_grow(client, coordinator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)
    _case_at(coordinator, Stage.PLANNING)
    client.get(reverse("accounts:home"))  # warm caches
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("accounts:home"))
    for stage in (Stage.INTAKE, Stage.MAPPING, Stage.IMPLEMENTATION, Stage.FOLLOW_UP) * 3:
        _case_at(coordinator, stage, since_days=70)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("accounts:home"))
    assert len(many) == len(few)
