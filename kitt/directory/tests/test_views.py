import pytest
from django.urls import reverse

from kitt.accounts.models import Role
from kitt.accounts.tests.factories import UserFactory
from kitt.directory.tests.factories import (
    NeedFactory,
    OrganisationFactory,
    ServiceFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db

SEARCH = reverse("directory:search")


@pytest.fixture
def housing():
    need = NeedFactory(code="boende", name="Boende", keywords="bostad")
    soc = OrganisationFactory(name="Socialtjänsten Trelleborg", person_term="klient")
    unit = UnitFactory(organisation=soc, name="Boendeenheten")
    service = ServiceFactory(
        organisation=soc,
        unit=unit,
        name="Boendestöd",
        description="Stöd i hemmet.",
        eligibility="Vuxna i kommunen.",
        how_to_refer="Ansökan hos socialtjänsten.",
        contact="boende@trelleborg.example",
        needs=[need],
    )
    ServiceFactory(organisation=OrganisationFactory(name="SFI Trelleborg"), name="SFI studieväg 1")
    return service


@pytest.fixture
def client_as(client, make_staff):
    def login(role=Role.CASEWORKER):
        client.force_login(make_staff(role))
        return client

    return login


@pytest.mark.parametrize("role", list(Role))
def test_every_staff_role_may_search(client_as, role, housing):
    response = client_as(role).get(SEARCH)
    assert response.status_code == 200
    assert "directory/search.html" in [t.name for t in response.templates]


@pytest.mark.parametrize(
    "url",
    [
        SEARCH,
        reverse("directory:service", args=[1]),
        reverse("directory:organisation", args=[1]),
    ],
)
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_a_user_without_organisation_and_role_is_refused(client):
    client.force_login(UserFactory(organisation=None, role=""))
    assert client.get(SEARCH).status_code == 403


def test_empty_state_lists_needs_and_organisations(client_as, housing):
    response = client_as().get(SEARCH)
    html = response.content.decode()
    assert 'type="search"' in html
    assert '<label for="directory-q">' in html and '<label for="directory-need">' in html
    assert "Vem kan hjälpa med …?" in html
    assert f"{SEARCH}?behov=boende" in html
    assert "Samverkansparter" in html
    assert reverse("directory:organisation", args=[housing.organisation_id]) in html
    assert "Inga träffar" not in html


def test_free_text_results_are_grouped_under_organisation_headings(client_as, housing):
    response = client_as().get(SEARCH, {"q": "vem kan hjälpa med bostad?"})
    html = response.content.decode()
    assert response.context["result"].service_count == 1
    assert f'<h3 id="org-{housing.organisation_id}">' in html
    assert "Socialtjänsten Trelleborg" in html
    for text in (
        "Boendestöd",
        "Stöd i hemmet.",
        "Vuxna i kommunen.",
        "Ansökan hos socialtjänsten.",
        "boende@trelleborg.example",
        "Boendeenheten",
    ):
        assert text in html
    assert "SFI studieväg 1" not in html


def test_need_filter(client_as, housing):
    response = client_as().get(SEARCH, {"behov": "boende"})
    assert response.context["result"].need.code == "boende"
    html = response.content.decode()
    assert "Boendestöd" in html and "SFI studieväg 1" not in html
    assert '<option value="boende" selected>' in html


def test_no_hits_message(client_as, housing):
    response = client_as().get(SEARCH, {"q": "trädgårdsmästare"})
    html = response.content.decode()
    assert "Inga träffar" in html
    assert "Ingen insats i katalogen matchar sökningen." in html


def test_widened_search_says_so(client_as, housing):
    html = client_as().get(SEARCH, {"q": "bostad trädgård"}).content.decode()
    assert "Ingen insats matchade alla orden" in html
    assert "Boendestöd" in html


def test_search_page_query_count_is_bounded(client_as, django_assert_max_num_queries):
    need = NeedFactory(code="gemensam", name="Gemensamt")
    for o in range(4):
        org = OrganisationFactory(name=f"Org {o}")
        unit = UnitFactory(organisation=org)
        for s in range(5):
            ServiceFactory(organisation=org, unit=unit, name=f"Insats {o}-{s}", needs=[need])
    client = client_as()
    with django_assert_max_num_queries(12):
        response = client.get(SEARCH, {"q": "insats"})
    assert response.context["result"].service_count == 20
    with django_assert_max_num_queries(12):
        client.get(SEARCH)


def test_service_page(client_as, housing):
    response = client_as(Role.LEADER).get(reverse("directory:service", args=[housing.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Boendestöd</h1>" in html
    assert "Ansökan hos socialtjänsten." in html
    assert f"{SEARCH}?behov=boende" in html


def test_inactive_or_missing_service_is_404(client_as, housing):
    housing.is_active = False
    housing.save()
    client = client_as()
    assert client.get(reverse("directory:service", args=[housing.pk])).status_code == 404
    assert client.get(reverse("directory:service", args=[999999])).status_code == 404


def test_organisation_page(client_as, housing, django_assert_max_num_queries):
    client = client_as()
    url = reverse("directory:organisation", args=[housing.organisation_id])
    org = housing.organisation
    org.mandate = "Ger stöd till vuxna."
    org.contact = "reception@trelleborg.example"
    org.save()
    with django_assert_max_num_queries(10):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "<h1>Socialtjänsten Trelleborg</h1>",
        "Ger stöd till vuxna.",
        "reception@trelleborg.example",
        "”klient”",
        "Boendeenheten",
        "Boendestöd",
    ):
        assert text in html
    assert client.get(reverse("directory:organisation", args=[999999])).status_code == 404


def test_pages_have_no_inline_styles_or_scripts(client_as, housing):
    client = client_as()
    for url in (
        SEARCH,
        f"{SEARCH}?q=bostad",
        reverse("directory:service", args=[housing.pk]),
        reverse("directory:organisation", args=[housing.organisation_id]),
    ):
        html = client.get(url).content.decode()
        assert "style=" not in html
        assert "<script>" not in html
