import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kitt.access.categories import CONSENTABLE, Category
from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry
from kitt.cases import services
from kitt.cases.models import Intake, LifeArea, RelationalStage, Stage
from kitt.cases.tests.factories import default_life_areas
from kitt.consent.tests.factories import ConsentGrantFactory
from kitt.directory.tests.factories import OrganisationFactory
from kitt.people.tests.factories import TeamMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(person_with_team):
    return person_with_team


@pytest.fixture
def case(team):
    default_life_areas()
    return services.case_open(actor=team["coordinator"], person=team["person"])


def _new_entries(since: int):
    return AuditEntry.objects.filter(seq__gt=since)


def _last_seq() -> int:
    return AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def _mapping(coordinator, case, own=4):
    areas = LifeArea.objects.filter(is_active=True)
    return services.mapping_create(
        actor=coordinator,
        case=case,
        rows=[
            {"area": area, "own_rating": own, "professional_rating": 5, "own_words": "Okej."}
            for area in areas
        ],
    )


# --- The case page -------------------------------------------------------------------------------


def test_coordinator_sees_every_section_and_each_read_is_logged(client, team, case):
    _mapping(team["coordinator"], case)
    services.relational_stage_record(
        actor=team["coordinator"], case=case, stage=RelationalStage.TRUST, note="Ringde själv."
    )
    client.force_login(team["coordinator"])
    before = _last_seq()

    response = client.get(reverse("cases:detail", args=[case.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Inslussning", "Teamet", "Relationen", "Inskrivning", "kartläggning"):
        assert text in html
    assert 'aria-current="step"' in html
    logged = set(_new_entries(before).values_list("category", "outcome"))
    for category in (Category.IDENTITY, Category.TEAM, Category.PROGRESSION, Category.PLAN):
        assert (category, "allowed") in logged
    assert (Category.MAPPING, "allowed") in logged


def test_a_caseworker_sees_only_consented_sections(client, team, case):
    _mapping(team["coordinator"], case)
    client.force_login(team["caseworker"])  # consent for the plan only
    before = _last_seq()

    response = client.get(reverse("cases:detail", args=[case.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Teamet" not in html and "Okej." not in html
    assert "Kartläggning" in html  # named among the sections not shown
    categories = set(_new_entries(before).values_list("category", flat=True))
    assert Category.MAPPING not in categories and Category.TEAM not in categories
    assert not _new_entries(before).filter(outcome="refused").exists()


def test_staff_off_the_team_are_refused_and_the_refusal_is_logged(client, team, case, make_staff):
    outsider = make_staff(Role.CASEWORKER, organisation=team["caseworker"].organisation)
    client.force_login(outsider)
    before = _last_seq()

    response = client.get(reverse("cases:detail", args=[case.pk]))

    assert response.status_code == 403
    refusal = _new_entries(before).get()
    assert (refusal.outcome, refusal.actor, refusal.person_id) == (
        "refused",
        outsider,
        team["person"].pk,
    )


def test_a_team_member_without_consent_is_refused(client, team, case, make_staff):
    member = make_staff(Role.CASEWORKER)
    TeamMembershipFactory(person=team["person"], user=member)
    client.force_login(member)
    before = _last_seq()

    response = client.get(reverse("cases:detail", args=[case.pk]))

    assert response.status_code == 403
    assert _new_entries(before).get().outcome == "refused"


def test_mapping_pages_refuse_a_caseworker_without_mapping_consent(client, team, case):
    mapping = _mapping(team["coordinator"], case)
    client.force_login(team["caseworker"])
    for url in (
        reverse("cases:mapping_list", args=[case.pk]),
        reverse("cases:mapping_detail", args=[mapping.pk]),
        reverse("cases:mapping_compare", args=[case.pk]),
    ):
        before = _last_seq()
        assert client.get(url).status_code == 403
        refusal = _new_entries(before).get()
        assert (refusal.outcome, refusal.category) == ("refused", Category.MAPPING)


def test_each_organisation_sees_its_own_word_for_the_person(client, team, case, make_staff):
    af = OrganisationFactory(name="Arbetsförmedlingen Test", person_term="kund")
    amf = OrganisationFactory(name="AMF Test", person_term="sökande")
    expected = ((af, ["Om kunden", "Kundens kartläggning"]), (amf, ["Om sökanden"]))
    for organisation, phrases in expected:
        member = make_staff(Role.CASEWORKER, organisation=organisation)
        TeamMembershipFactory(person=team["person"], user=member)
        for category in CONSENTABLE:
            ConsentGrantFactory(person=team["person"], organisation=organisation, category=category)
        client.force_login(member)
        html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
        for phrase in phrases:
            assert phrase in html


def test_the_case_page_costs_the_same_queries_with_1_or_10_mappings(client, team, case):
    client.force_login(team["coordinator"])
    url = reverse("cases:detail", args=[case.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    _mapping(team["coordinator"], case, own=3)
    services.relational_stage_record(
        actor=team["coordinator"], case=case, stage=RelationalStage.GETTING_TO_KNOW
    )
    client.get(url)  # warm up (session, content types)
    with_one = count()
    for n in range(9):
        _mapping(team["coordinator"], case, own=1 + n)
        services.relational_stage_record(
            actor=team["coordinator"], case=case, stage=RelationalStage.TRUST, note=f"Möte {n}"
        )
    with_ten = count()
    assert case.mappings.count() == 10 and case.relational_entries.count() == 10
    assert with_ten == with_one


def test_mapping_list_and_compare_cost_the_same_queries_with_2_or_10_mappings(client, team, case):
    client.force_login(team["coordinator"])
    urls = [
        reverse("cases:mapping_list", args=[case.pk]),
        reverse("cases:mapping_compare", args=[case.pk]),
    ]
    _mapping(team["coordinator"], case, own=2)
    _mapping(team["coordinator"], case, own=3)

    def count(url) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.get(urls[0])
    small = [count(url) for url in urls]
    for n in range(8):
        _mapping(team["coordinator"], case, own=1 + n)
    assert [count(url) for url in urls] == small


# --- Forms ---------------------------------------------------------------------------------------


def test_moving_the_case_from_its_page(client, team, case):
    client.force_login(team["coordinator"])
    url = reverse("cases:move", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"stage": Stage.MAPPING, "version": 1, "note": ""})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stage == Stage.MAPPING


def test_a_caseworker_may_not_move_the_case(client, team, case):
    client.force_login(team["caseworker"])
    before = _last_seq()
    response = client.post(reverse("cases:move", args=[case.pk]), {"stage": "mapping"})
    assert response.status_code == 403
    assert _new_entries(before).get().outcome == "refused"


def test_closing_without_reason_shows_the_errors(client, team, case):
    client.force_login(team["coordinator"])
    response = client.post(
        reverse("cases:close", args=[case.pk]),
        {"closed_on": timezone.localdate().isoformat(), "version": 1},
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"closing_reason", "closing_outcome"}
    case.refresh_from_db()
    assert case.is_open


def test_closing_the_case(client, team, case):
    client.force_login(team["coordinator"])
    response = client.post(
        reverse("cases:close", args=[case.pk]),
        {
            "closed_on": timezone.localdate().isoformat(),
            "closing_reason": "moved",
            "closing_outcome": "job_seeking",
            "version": 1,
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Flyttat" in html and "Arbetssökande" in html


def test_a_stale_contract_edit_is_refused_with_both_versions_shown(client, team, case):
    client.force_login(team["coordinator"])
    url = reverse("cases:intake", args=[case.pk])
    assert client.get(url).context["form"].initial["version"] == 1
    # Someone else saves first.
    services.intake_update(
        actor=team["coordinator"],
        intake=Intake.objects.get(case=case),
        expected_version=1,
        criteria=[],
        contract_signed_on=None,
        contract_agreed="Saved by a colleague: we meet on Mondays",
    )

    response = client.post(url, {"version": 1, "contract_agreed": "My edit: we meet on Thursdays"})

    assert response.status_code == 409
    html = response.content.decode()
    assert "Saved by a colleague: we meet on Mondays" in html
    assert "My edit: we meet on Thursdays" in html
    assert 'name="version" value="2"' in html
    assert Intake.objects.get(case=case).contract_agreed.startswith("Saved by a colleague")


def test_a_stale_stage_move_is_refused_with_both_versions_shown(client, team, case):
    client.force_login(team["coordinator"])
    services.case_advance(actor=team["coordinator"], case=case, expected_version=1)
    response = client.post(
        reverse("cases:move", args=[case.pk]), {"stage": "planning", "version": 1}
    )
    # "planning" is allowed from the saved stage (mapping) but the form was loaded at intake.
    assert response.status_code == 409
    html = response.content.decode()
    assert "Kartläggning" in html and "Planering" in html
    case.refresh_from_db()
    assert case.stage == Stage.MAPPING


def test_a_stale_mapping_edit_shows_both_versions(client, team, case):
    mapping = _mapping(team["coordinator"], case, own=4)
    area = LifeArea.objects.filter(is_active=True).first()
    services.mapping_update(
        actor=team["coordinator"],
        mapping=mapping,
        expected_version=1,
        made_on=mapping.made_on,
        rows=[{"area": area, "own_rating": 7, "own_words": "Kollegans version"}],
    )
    client.force_login(team["coordinator"])
    response = client.post(
        reverse("cases:mapping_edit", args=[mapping.pk]),
        {
            "made_on": mapping.made_on.isoformat(),
            "version": 1,
            f"area-{area.pk}-own_rating": 2,
            f"area-{area.pk}-own_words": "Min version",
        },
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Kollegans version" in html and "Min version" in html


def test_a_rating_of_11_gets_a_clear_error(client, team, case):
    client.force_login(team["coordinator"])
    area = LifeArea.objects.filter(is_active=True).first()
    response = client.post(
        reverse("cases:mapping_create", args=[case.pk]),
        {"made_on": timezone.localdate().isoformat(), f"area-{area.pk}-own_rating": 11},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ange ett värde från 1 till 10." in html
    assert "Kartläggningen är inte sparad" in html and f'href="#area-{area.pk}"' in html
    assert not case.mappings.exists()


def test_recording_a_mapping_and_comparing_two(client, team, case):
    client.force_login(team["coordinator"])
    areas = list(LifeArea.objects.filter(is_active=True)[:2])
    for own in (3, 7):
        data = {"made_on": timezone.localdate().isoformat()}
        for area in areas:
            data[f"area-{area.pk}-own_rating"] = own
            data[f"area-{area.pk}-own_words"] = f"Nu är det {own}"
            data[f"area-{area.pk}-iceberg"] = "cause"
        response = client.post(reverse("cases:mapping_create", args=[case.pk]), data)
        assert response.status_code == 302
    response = client.get(reverse("cases:mapping_compare", args=[case.pk]))
    rows = response.context["comparison"]["rows"]
    assert [r["own_change"] for r in rows] == [4, 4]
    assert "+4" in response.content.decode()


def test_the_relational_page_records_an_entry(client, team, case):
    client.force_login(team["coordinator"])
    url = reverse("cases:relational", args=[case.pk])
    response = client.post(
        url,
        {"stage": "self_esteem", "noted_on": timezone.localdate().isoformat(), "note": "Stolt."},
    )
    assert response.status_code == 302
    assert "Stolt." in client.get(url).content.decode()


def test_the_persons_cases_and_opening_a_new_one(client, team):
    client.force_login(team["coordinator"])
    url = reverse("cases:for_person", args=[team["person"].pk])
    assert "Öppna ett nytt ärende" in client.get(url).content.decode()
    response = client.post(
        reverse("cases:open", args=[team["person"].pk]),
        {"opened_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    assert team["person"].cases.get().stage == Stage.INTAKE
    assert "Öppna ett nytt ärende" not in client.get(url).content.decode()
