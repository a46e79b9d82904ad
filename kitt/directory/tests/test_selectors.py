import pytest

from kitt.directory import selectors
from kitt.directory.models import OrganisationKind
from kitt.directory.tests.factories import (
    NeedFactory,
    OrganisationFactory,
    ServiceFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def names(groups):
    return {org.name: [s.name for s in services] for org, services in groups}


@pytest.fixture
def catalogue():
    housing = NeedFactory(
        code="boende", name="Boende", name_en="Housing", keywords="bostad lägenhet vräkning"
    )
    money = NeedFactory(code="ekonomi", name="Ekonomi", name_en="Finances", keywords="skulder")
    language = NeedFactory(code="svenska", name="Svenska språket", keywords="sfi")
    soc = OrganisationFactory(name="Socialtjänsten", kind=OrganisationKind.SOCIAL_SERVICES)
    amf = OrganisationFactory(
        name="Arbetsmarknadsförvaltningen", kind=OrganisationKind.LABOUR_MARKET
    )
    sfi = OrganisationFactory(name="SFI och Komvux", kind=OrganisationKind.ADULT_EDUCATION)
    support = ServiceFactory(
        organisation=soc,
        name="Stöd i hemmet",
        description="Praktiskt stöd med rutiner.",
        needs=[housing],
    )
    debt = ServiceFactory(
        organisation=amf,
        name="Budget- och skuldrådgivning",
        description="Överblick över ekonomin.",
        eligibility="Alla som bor i kommunen.",
        needs=[money],
    )
    benefit = ServiceFactory(
        organisation=soc,
        name="Ekonomiskt bistånd",
        description="Försörjningsstöd.",
        needs=[money, housing],
    )
    sfi_course = ServiceFactory(
        organisation=sfi,
        name="SFI studieväg 1",
        description="Svenska i lugnt tempo.",
        eligibility="Elever med kort skolbakgrund.",
        needs=[language],
    )
    ServiceFactory(organisation=soc, name="Nedlagd insats", description="boende", is_active=False)
    return locals()


def test_free_text_finds_services_by_need_keywords_not_in_their_text(catalogue):
    # "Stöd i hemmet" never says "boende" or "bostad"; its need does.
    assert names(selectors.search_services(query="boende")) == {
        "Socialtjänsten": ["Ekonomiskt bistånd", "Stöd i hemmet"],
    }
    assert names(selectors.search_services(query="vem kan hjälpa med bostad?")) == {
        "Socialtjänsten": ["Ekonomiskt bistånd", "Stöd i hemmet"],
    }


def test_free_text_matches_name_description_eligibility_and_organisation(catalogue):
    assert names(selectors.search_services(query="skuldrådgivning")) == {
        "Arbetsmarknadsförvaltningen": ["Budget- och skuldrådgivning"]
    }
    assert names(selectors.search_services(query="RUTINER")) == {
        "Socialtjänsten": ["Stöd i hemmet"]
    }
    assert names(selectors.search_services(query="skolbakgrund")) == {
        "SFI och Komvux": ["SFI studieväg 1"]
    }
    assert names(selectors.search_services(query="komvux")) == {
        "SFI och Komvux": ["SFI studieväg 1"]
    }


def test_free_text_is_case_insensitive_for_swedish_letters(catalogue):
    assert names(selectors.search_services(query="ÖVERBLICK")) == {
        "Arbetsmarknadsförvaltningen": ["Budget- och skuldrådgivning"]
    }
    assert names(selectors.search_services(query="försörjningsSTÖD")) == {
        "Socialtjänsten": ["Ekonomiskt bistånd"]
    }


def test_english_need_names_are_searchable(catalogue):
    assert names(selectors.search_services(query="housing")) == {
        "Socialtjänsten": ["Ekonomiskt bistånd", "Stöd i hemmet"]
    }


def test_every_word_must_match(catalogue):
    # "skulder" reaches both money services; "bostad" narrows to the one also tagged housing.
    assert names(selectors.search_services(query="skulder bostad")) == {
        "Socialtjänsten": ["Ekonomiskt bistånd"]
    }
    assert selectors.search_services(query="skulder trädgård") == []


def test_any_word_may_match_when_asked(catalogue):
    groups = selectors.search_services(query="skolbakgrund rutiner", match_all=False)
    assert names(groups) == {
        "SFI och Komvux": ["SFI studieväg 1"],
        "Socialtjänsten": ["Stöd i hemmet"],
    }


def test_search_by_need(catalogue):
    groups = selectors.search_services(need_code="ekonomi")
    assert names(groups) == {
        "Arbetsmarknadsförvaltningen": ["Budget- och skuldrådgivning"],
        "Socialtjänsten": ["Ekonomiskt bistånd"],
    }


def test_search_by_need_and_text(catalogue):
    groups = selectors.search_services(query="försörjningsstöd", need_code="ekonomi")
    assert names(groups) == {"Socialtjänsten": ["Ekonomiskt bistånd"]}
    assert selectors.search_services(query="skuldrådgivning", need_code="boende") == []


def test_results_are_grouped_by_organisation_in_name_order(catalogue):
    groups = selectors.search_services()
    assert [g.organisation.name for g in groups] == [
        "Arbetsmarknadsförvaltningen",
        "SFI och Komvux",
        "Socialtjänsten",
    ]
    organisation, services = groups[2]  # a group unpacks like a pair
    assert organisation == catalogue["soc"]
    assert [s.name for s in services] == ["Ekonomiskt bistånd", "Stöd i hemmet"]
    assert all(s.organisation_id == organisation.pk for s in services)


def test_inactive_services_are_never_found(catalogue):
    found = [s.name for _, services in selectors.search_services() for s in services]
    assert "Nedlagd insats" not in found
    assert names(selectors.search_services(query="nedlagd")) == {}


def test_best_hits_first(catalogue):
    # Both money services match "ekonomi"; the one saying it in its own words comes first, and
    # its organisation's group leads.
    groups = selectors.search_services(query="ekonomi")
    assert groups[0].organisation.name == "Socialtjänsten"
    assert [s.name for s in groups[0].services] == ["Ekonomiskt bistånd"]
    assert [g.organisation.name for g in groups] == [
        "Socialtjänsten",
        "Arbetsmarknadsförvaltningen",
    ]


def test_index_follows_changes_to_needs_organisations_and_tags(catalogue):
    catalogue["housing"].keywords = "bostad hemlös"
    catalogue["housing"].save()
    assert names(selectors.search_services(query="hemlös")) == {
        "Socialtjänsten": ["Ekonomiskt bistånd", "Stöd i hemmet"]
    }
    catalogue["support"].needs.remove(catalogue["housing"])
    assert names(selectors.search_services(query="hemlös")) == {
        "Socialtjänsten": ["Ekonomiskt bistånd"]
    }
    catalogue["housing"].services.add(catalogue["sfi_course"])
    assert "SFI och Komvux" in names(selectors.search_services(query="hemlös"))
    catalogue["sfi"].name = "Vuxenutbildningen"
    catalogue["sfi"].save()
    assert names(selectors.search_services(query="vuxenutbildningen")) == {
        "Vuxenutbildningen": ["SFI studieväg 1"]
    }
    catalogue["benefit"].needs.clear()
    assert names(selectors.search_services(query="hemlös")) == {
        "Vuxenutbildningen": ["SFI studieväg 1"]
    }
    catalogue["housing"].delete()
    assert selectors.search_services(query="hemlös") == []


def test_unit_names_are_searchable_and_follow_renames(catalogue):
    unit = UnitFactory(organisation=catalogue["amf"], name="Jobbcentrum")
    catalogue["debt"].unit = unit
    catalogue["debt"].save()
    assert len(selectors.search_services(query="jobbcentrum")) == 1
    unit.name = "Jobbtorget"
    unit.save()
    assert selectors.search_services(query="jobbcentrum") == []
    assert len(selectors.search_services(query="jobbtorget")) == 1


def test_search_costs_two_queries_whatever_the_size(django_assert_max_num_queries):
    needs = [NeedFactory(code=f"n{i}", name=f"Behov {i}", keywords="gemensam") for i in range(4)]
    for o in range(5):
        org = OrganisationFactory(name=f"Org {o}")
        unit = UnitFactory(organisation=org)
        for s in range(6):
            ServiceFactory(organisation=org, unit=unit, name=f"Insats {o}-{s}", needs=needs[:2])
    with django_assert_max_num_queries(2):
        groups = selectors.search_services(query="gemensam insats")
        for organisation, services in groups:
            str(organisation)
            for service in services:
                service.unit.name
                [n.name for n in service.needs.all()]
    assert len(groups) == 5 and sum(len(g) for g in groups) == 30


def test_directory_search_widens_to_any_word_when_all_words_find_nothing(catalogue):
    result = selectors.directory_search(query="skolbakgrund rutiner")
    assert not result.matched_all_terms
    assert result.service_count == 2
    result = selectors.directory_search(query="skolbakgrund")
    assert result.matched_all_terms and result.service_count == 1


def test_directory_search_reports_the_need_and_ignores_unknown_codes(catalogue):
    result = selectors.directory_search(need_code="boende")
    assert result.need == catalogue["housing"] and result.searched
    result = selectors.directory_search(need_code="finns-inte")
    assert result.need is None and not result.searched
    assert result.service_count == 4  # the whole active catalogue


def test_organisation_get_loads_units_and_active_services(catalogue, django_assert_max_num_queries):
    UnitFactory(organisation=catalogue["soc"], name="Försörjningsstöd")
    with django_assert_max_num_queries(4):
        org = selectors.organisation_get(organisation_id=catalogue["soc"].pk)
        assert [u.name for u in org.units.all()] == ["Försörjningsstöd"]
        assert [s.name for s in org.active_services] == ["Ekonomiskt bistånd", "Stöd i hemmet"]
        assert [n.name for n in org.active_services[0].needs.all()] == ["Boende", "Ekonomi"]
    assert selectors.organisation_get(organisation_id=0) is None


def test_service_get_hides_inactive_services(catalogue):
    assert selectors.service_get(service_id=catalogue["debt"].pk) == catalogue["debt"]
    inactive = catalogue["soc"].services.get(is_active=False)
    assert selectors.service_get(service_id=inactive.pk) is None
